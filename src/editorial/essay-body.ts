/** The essay check's reading of a file's body: MDX as @astrojs/mdx parses it, every error found (not just the first), every component tag against the registry. */
import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import {
  COMPONENT_NAMES,
  componentSpec,
  describeAccepts,
  currentProp,
  renamedComponent,
  showValue,
  tagFor,
  type ComponentSpec,
  type ExampleValue,
  type PropSpec,
} from './component-registry.ts';
import { checkMarkup, HTML_ELEMENTS, type MarkdownNode } from './content-markup.ts';
import { closest, type Position, type Report } from './content-problem.ts';
import { BRACE_FIX, syntaxProblem, type SyntaxErrorLike } from './mdx-syntax.ts';
import { checkValue, sampleValue } from './essay-props.ts';
import type { Context } from './content-check.ts';

interface MdxNode {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: MdxAttribute[];
  children?: MdxNode[];
  position?: { start: Position; end: Position };
}

interface MdxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string };
  position?: { start: Position };
}

/** The parser the build uses: MDX with GitHub's tables (remark-gfm), as @astrojs/mdx configures it. */
const processor = createProcessor({ format: 'mdx', remarkPlugins: [remarkGfm] });

/** The MDX parser stops at the first error; blanking the line it stopped on lets it find the next. */
const MAX_PASSES = 50;

export function checkBody(body: string, report: Report, context: Context): void {
  const lines = body.split('\n');
  const blanked = new Set<number>();
  const seen = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let tree: MdxNode;
    try {
      tree = processor.parse(lines.join('\n')) as unknown as MdxNode;
    } catch (error) {
      // A mistake the blanking did not get past would be found again: report it once and stop.
      let again = false;
      const once: Report = (at, message, fix) => {
        const key = `${at.line}:${at.column}:${message}`;
        if (seen.has(key)) again = true;
        else {
          seen.add(key);
          report(at, message, fix);
        }
      };
      const blank = syntaxProblem(error as SyntaxErrorLike, lines, once);
      if (!blank.length || again) return;
      for (const { line, from = 1, to } of blank) {
        const text = lines[line - 1];
        if (text === undefined) continue;
        const end = to ?? text.length + 1;
        lines[line - 1] = text.slice(0, from - 1) + ' '.repeat(Math.max(0, end - from)) + text.slice(end - 1);
        blanked.add(line);
      }
      continue;
    }
    walk(tree, report, context);
    // What is left of a line the parser stopped on is not what the editor wrote: its markup is judged once the line is fixed.
    checkMarkup(tree as MarkdownNode, lines.join('\n'), (at, message, fix) => blanked.has(at.line) || report(at, message, fix));
    return;
  }
}

function walk(node: MdxNode, report: Report, context: Context): void {
  const at = node.position?.start ?? { line: 1, column: 1 };
  switch (node.type) {
    case 'mdxjsEsm':
      report(
        at,
        'import and export lines are for programmers',
        `delete this line: every component is already available (${COMPONENT_NAMES.join(', ')})`,
      );
      break;
    case 'mdxFlowExpression':
    case 'mdxTextExpression': {
      const value = String(node.value ?? '');
      if (!/^\s*\/\*[\s\S]*\*\/\s*$/.test(value)) {
        report(
          at,
          `curly braces "{${value.length > 30 ? `${value.slice(0, 30)}…` : value}}" are read as code in MDX, not as text`,
          BRACE_FIX,
        );
      }
      break;
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      checkElement(node, at, report, context);
      break;
  }
  for (const child of node.children ?? []) walk(child, report, context);
}

function checkElement(node: MdxNode, at: Position, report: Report, context: Context): void {
  const current = componentOf(node.name, at, report);
  if (!current) return;
  const spec = componentSpec(current)!;
  // A tag under its former name is reported once, with the whole tag as it is written now; its props are then checked under their new names.
  if (current !== node.name) report(at, `<${node.name}> is now called <${current}>`, `write ${tagFor(current, renamedProps(node, spec))}`);
  const tag: Tag = { current, renamed: current !== node.name, spec, propNames: Object.keys(spec.props), seen: new Set(), meant: new Set() };
  for (const attribute of node.attributes ?? []) checkAttribute(attribute, { tag, at: attribute.position?.start ?? at }, report, context);
  for (const [prop, propSpec] of Object.entries(spec.props as Record<string, PropSpec>)) {
    if (propSpec.required && !tag.seen.has(prop) && !tag.meant.has(prop)) {
      const sample = sampleValue(propSpec, context);
      report(at, `<${current}> needs a "${prop}" prop: ${propSpec.describe}`, `for example ${tagFor(current, { [prop]: sample ?? '…' })}`);
    }
  }
}

/**
 * The component a tag names, under its name now; null, with the problem reported, for a
 * name that is neither a component nor an HTML tag. Fragments and HTML tags (<p
 * class="lede">, <strong>) are plain markup and give null without a report; any other
 * lowercase name would be published as an element no browser knows, and a dotted one is code.
 */
function componentOf(name: string | null | undefined, at: Position, report: Report): string | null {
  if (!name || HTML_ELEMENTS.has(name)) return null;
  const components = `the components are: ${COMPONENT_NAMES.join(', ')}`;
  if (!/^[A-Z]\w*$/.test(name)) {
    const near = closest(name, COMPONENT_NAMES) ?? closest(name, [...HTML_ELEMENTS]);
    report(at, `<${name}> is neither a component nor an HTML tag`, `${near ? `did you mean <${near}>? ` : ''}${components}`);
    return null;
  }
  const current = componentSpec(name) ? name : renamedComponent(name);
  if (!current) {
    const near = closest(name, COMPONENT_NAMES);
    report(at, `there is no component <${name}>`, `${near ? `did you mean <${near}>? ` : ''}${components}`);
    return null;
  }
  return current;
}

/** A component tag being checked: its name now, its spec, and the props seen (or meant, by a misspelling) so far. */
interface Tag {
  current: string;
  renamed: boolean;
  spec: ComponentSpec;
  propNames: string[];
  seen: Set<string>;
  /** A misspelt prop is reported once, as misspelt, not again as the prop it was meant to be. */
  meant: Set<string>;
}

function checkAttribute(attribute: MdxAttribute, { tag, at }: { tag: Tag; at: Position }, report: Report, context: Context): void {
  const { current, spec, propNames } = tag;
  if (attribute.type === 'mdxJsxExpressionAttribute' || !attribute.name) {
    report(
      at,
      `<${current}> cannot take {…} in its tag`,
      `write each prop as name="value"; ${current}'s props: ${propNames.join(', ') || 'none'}`,
    );
    return;
  }
  const written = attribute.name;
  const prop = currentProp(spec, written);
  tag.seen.add(prop);
  const propSpec: PropSpec | undefined = (spec.props as Record<string, PropSpec>)[prop];
  if (prop !== written && !tag.renamed) {
    report(
      at,
      `the "${written}" prop of <${current}> is now called "${prop}"`,
      `write ${prop}=${showValue(literal(attribute.value) ?? '…')}`,
    );
  }
  if (!propSpec) {
    const near = closest(prop, propNames);
    if (near) tag.meant.add(near);
    report(
      at,
      `<${current}> has no prop "${prop}"`,
      propNames.length
        ? `${near ? `did you mean "${near}"? ` : ''}its props are: ${propNames.join(', ')}`
        : `${current} takes no props: write ${tagFor(current, {})}`,
    );
    return;
  }
  const value = literal(attribute.value);
  if (value === undefined) {
    report(
      at,
      `the value of ${prop} cannot be read`,
      `write ${prop}= and ${describeAccepts(propSpec.accepts)}, for example ${prop}=${showValue(sampleValue(propSpec, context) ?? '…')}`,
    );
    return;
  }
  checkValue({ component: current, prop, spec: propSpec, value, at }, report, context);
}

/** The props of a tag written under a component's former name, under their names now. */
function renamedProps(node: MdxNode, spec: ComponentSpec): Record<string, ExampleValue> {
  const props: Record<string, ExampleValue> = {};
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
    props[currentProp(spec, attribute.name)] = literal(attribute.value) ?? '…';
  }
  return props;
}

/** A prop's value as MDX would pass it: a string, or a literal number or boolean in braces. */
function literal(value: MdxAttribute['value']): ExampleValue | undefined {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value;
  const code = value.value.trim();
  if (code === 'true' || code === 'false') return code === 'true';
  if (/^-?\d+(\.\d+)?$/.test(code)) return Number(code);
  const quoted = /^(["'])(.*)\1$/.exec(code);
  return quoted ? quoted[2] : undefined;
}
