/**
 * The essay check: reads every file in content/ the way Astro will (frontmatter with
 * js-yaml, the body with the MDX parser @astrojs/mdx uses) and reports every problem at
 * once, each with the file, the line and column in the editor's own file, what is wrong
 * and how to fix it, in words for someone who is not a programmer.
 *
 * It runs before `astro build`, at the start of and on every save in `astro dev`, and
 * alone as `npm run check`. What is valid comes from the component registry, FACTS, the
 * content schemas, the pipeline's story and the essays on disk, never from lists here.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import yaml from 'js-yaml';
import type { ZodObject, ZodRawShape } from 'astro/zod';
import { IMDB_ID_PATTERN, Story, type StoryFilm } from '../../scripts/schemas.ts';
import { bindArchetypesLenient, type ArchetypeEssay } from '../story/archetypes.ts';
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
import { contentFiles, type ContentFile } from './content-files.ts';
import { checkMarkup, HTML_ELEMENTS, type MarkdownNode } from './content-markup.ts';
import { closest, displayPath, type ContentProblem, type Position, type Report } from './content-problem.ts';
import { ARCHETYPE_COLLECTION, COLLECTIONS, FORMER_ARCHETYPE_FOLDER, type CollectionName } from './content-schemas.ts';
import { decodeEssay, removeInvisible, replacementCharacters } from './content-text.ts';
import { BRACE_FIX, CURLY, syntaxProblem, type SyntaxErrorLike } from './mdx-syntax.ts';
import { FACTS } from '../story/facts.ts';
import { snapshotFile } from '../story/film-status.ts';

export { displayPath, type ContentProblem } from './content-problem.ts';

export interface CheckOptions {
  contentDir: string;
  storyPath: string;
}

interface Context {
  story: Story | null;
  films: Map<string, Pick<StoryFilm, 'imdbId' | 'slug' | 'title'>>;
  archetypeSlugs: string[];
  /** Where the file being checked names an archetype: judged again once the essays are bound. */
  archetypeRefs?: { slug: string; at: Position }[];
}

const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---)([\s\S]*?\n)(?:---)/;

/** Every problem in every collection, sorted by file, then line. */
export function checkContent(options: CheckOptions): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const story = loadStory(options.storyPath, problems);
  const listed = contentFiles(options.contentDir);
  problems.push(...listed.problems);
  const { files } = listed;
  const context: Context = {
    story,
    films: new Map((story?.films ?? []).flatMap((f) => [[f.imdbId, f] as const, [f.slug, f] as const])),
    archetypeSlugs: [...new Set(files.filter((f) => f.collection === ARCHETYPE_COLLECTION).map((f) => f.slug))].sort(),
  };
  const essays: (ArchetypeEssay & { anchorAt: Position })[] = [];
  const refs: { file: string; slug: string; at: Position }[] = [];
  let unreadable = false;
  for (const entry of files) {
    const file = displayPath(entry.path);
    if (entry.misplaced) problems.push(misplacedProblem(file, entry.slug, options.contentDir));
    const result = checkBytes(file, readFileSync(entry.path), entry.collection, context);
    problems.push(...result.problems);
    refs.push(...result.archetypeRefs.map((r) => ({ file, ...r })));
    if (entry.collection === 'films') problems.push(...filmNoteName(file, entry, result));
    if (entry.collection === ARCHETYPE_COLLECTION) {
      const data = (result.data ?? {}) as { title?: unknown; summary?: unknown; anchor?: unknown };
      // An essay with another mistake still claims its cluster, so the binding is judged on what the editor meant.
      if (typeof data.anchor === 'string' && IMDB_ID_PATTERN.test(data.anchor)) {
        essays.push({
          slug: entry.slug,
          file,
          title: String(data.title ?? ''),
          summary: String(data.summary ?? ''),
          anchor: data.anchor,
          anchorAt: result.keyAt('anchor'),
        });
      } else unreadable = true;
    }
  }
  // A cluster left without an essay because an essay's anchor cannot be read is that essay's problem, reported already.
  if (story) {
    const binding = bindingProblems(essays, story, options.contentDir).filter((p) => !unreadable || !p.file.endsWith('/'));
    problems.push(...binding);
    if (binding.length) problems.push(...unboundReferences(refs, essays, story));
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** The story as the check last read it: parsing it takes longer than checking an essay, and `npm run dev` checks on every save. */
let storyCache: { key: string; story: Story | null; problem: [string, string] | null } | null = null;

function loadStory(path: string, problems: ContentProblem[]): Story | null {
  const file = displayPath(path);
  if (!existsSync(path)) {
    problems.push({
      file,
      line: 1,
      column: 1,
      message: 'the data the essays refer to has not been computed yet',
      fix: 'run "npm run pipeline" (npm run build and npm run dev run it first)',
    });
    return null;
  }
  const stat = statSync(path);
  const key = `${resolve(path)}:${stat.mtimeMs}:${stat.size}`;
  if (storyCache?.key !== key) storyCache = { key, ...readStory(path) };
  if (storyCache.problem) problems.push({ file, line: 1, column: 1, message: storyCache.problem[0], fix: storyCache.problem[1] });
  return storyCache.story;
}

function readStory(path: string): { story: Story | null; problem: [string, string] | null } {
  try {
    const parsed = Story.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) return { story: parsed.data, problem: null };
    return {
      story: null,
      problem: [`does not match the story schema at ${parsed.error.issues[0].path.join('.')}`, 'run "npm run pipeline" again'],
    };
  } catch (error) {
    return { story: null, problem: [`cannot be read: ${(error as Error).message}`, 'run "npm run pipeline" again'] };
  }
}

/** The site reads archetype essays from content/archetypes/ only: one left in the former folder would silently lose its page. */
function misplacedProblem(file: string, slug: string, contentDir: string): ContentProblem {
  const target = displayPath(join(contentDir, ARCHETYPE_COLLECTION, `${slug}.mdx`));
  return {
    file,
    line: 1,
    column: 1,
    message: `archetype essays now live in content/${ARCHETYPE_COLLECTION}/: the site no longer reads content/${FORMER_ARCHETYPE_FOLDER}/, so this essay has no page`,
    fix: existsSync(target)
      ? `${target} exists already: keep the text you want in that file and delete this one`
      : `move this file to ${target}`,
  };
}

/** A film's notes are named for the film, so that two files never hold notes for one film (its page would refuse to build). */
function filmNoteName(file: string, entry: ContentFile, result: FileResult): ContentProblem[] {
  const film = (result.data as { film?: unknown } | null)?.film;
  if (!result.valid || typeof film !== 'string' || entry.slug === film) return [];
  const at = result.keyAt('film');
  return [
    {
      file,
      line: at.line,
      column: at.column,
      message: `notes on a film are named for the film, and this file holds the notes for ${film}`,
      fix: `rename the file to ${film}.mdx (if that file exists already, keep one of the two)`,
    },
  ];
}

// ─── One file ──────────────────────────────────────────────────────────────

interface FileResult {
  problems: ContentProblem[];
  data: unknown;
  valid: boolean;
  keyAt: (key: string) => Position;
  archetypeRefs: { slug: string; at: Position }[];
}

/**
 * Files already checked, by what the check depends on: `npm run dev` checks every file on
 * every save, and the mutation test checks hundreds of edits of one file among ten.
 */
const checked = new Map<string, FileResult>();
let storyVersion = 0;
let lastStory: Story | null = null;

/** Checks one file's bytes: their encoding, invisible characters, then the text as checkFile does. */
export function checkBytes(file: string, bytes: Uint8Array, collection: CollectionName, context: Context): FileResult {
  if (context.story !== lastStory) {
    lastStory = context.story;
    storyVersion++;
    checked.clear();
  }
  const key = [file, collection, storyVersion, context.archetypeSlugs.join(','), Buffer.from(bytes).toString('latin1')].join('\0');
  const known = checked.get(key);
  if (known) return known;
  const decoded = decodeEssay(bytes);
  const front = FRONTMATTER.exec(decoded.text);
  const visible = removeInvisible(decoded.text, front ? front.index + front[0].length : 0);
  const result = checkFile(file, visible.text, collection, context);
  const located = [...decoded.problems, ...replacementCharacters(decoded.text), ...visible.problems].map((p) => ({ file, ...p }));
  const whole = { ...result, problems: [...located, ...result.problems] };
  if (checked.size > 500) checked.clear();
  checked.set(key, whole);
  return whole;
}

/** Checks one file's text; `file` is only used in the messages. */
export function checkFile(file: string, text: string, collection: CollectionName, context: Context): FileResult {
  const problems: ContentProblem[] = [];
  const report = (at: Position, message: string, fix: string) => problems.push({ file, line: at.line, column: at.column, message, fix });
  const local: Context = { ...context, archetypeRefs: [] };
  const front = readFrontmatter(text, collection, report, local);
  checkBody(front.body, report, local);
  return {
    problems: collapseRepeats(problems),
    data: front.data,
    valid: front.valid,
    keyAt: front.keyAt,
    archetypeRefs: local.archetypeRefs!,
  };
}

/** The same mistake made several times in one file is reported once, where it is first made, with the other lines. */
function collapseRepeats(problems: ContentProblem[]): ContentProblem[] {
  const groups = new Map<string, ContentProblem[]>();
  for (const p of problems) groups.set(`${p.message}\0${p.fix}`, [...(groups.get(`${p.message}\0${p.fix}`) ?? []), p]);
  return [...groups.values()].map(([first, ...more]) => {
    if (!more.length) return first;
    const lines = [...new Set(more.map((p) => p.line))].join(', ');
    return {
      ...first,
      message: `${first.message} (and ${more.length} more time${more.length === 1 ? '' : 's'} in this file, on line${lines.includes(',') ? 's' : ''} ${lines})`,
    };
  });
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function readFrontmatter(text: string, collection: CollectionName, report: Report, context: Context) {
  const schema = COLLECTIONS[collection] as unknown as ZodObject<ZodRawShape>;
  const fields = Object.keys(schema.shape);
  const match = FRONTMATTER.exec(text);
  const template = `---\n${fields.map((f) => `${f}: …`).join('\n')}\n---`;
  if (!match) {
    report(
      { line: 1, column: 1 },
      'the file has no frontmatter (the block between two --- lines at the top)',
      `start the file with ${template.replace(/\n/g, ' ')}`,
    );
    return { body: text, data: null, valid: false, keyAt: () => ({ line: 1, column: 1 }) };
  }
  const dashes = match.index + match[0].indexOf('---');
  const startLine = lineOf(text, dashes);
  const raw = match[1];
  const rawLines = raw.split('\n');
  const end = match.index + match[0].length;
  // Blank the frontmatter but keep its line breaks, so the body's lines stay the file's lines.
  const body = text.slice(0, dashes).replace(/[^\n]/g, ' ') + text.slice(dashes, end).replace(/[^\n]/g, ' ') + text.slice(end);
  const keyAt = (key: string): Position => {
    const index = rawLines.findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
    if (index < 0) return { line: startLine, column: 1 };
    const value = /^[^:]*:\s*/.exec(rawLines[index])![0].length;
    return { line: startLine + index, column: value + 1 };
  };

  let data: unknown;
  try {
    data = yaml.load(raw);
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    const index = mark?.line ?? 0;
    const line = startLine + index;
    const source = rawLines[index] ?? '';
    const colon = /^(\w+):\s+(.*:\s.*)$/.exec(source) ?? /^(\w+):\s+(.*:\s.*)$/.exec(rawLines[index - 1] ?? '');
    if (colon) {
      const [, key, value] = colon;
      const at = rawLines[index] === colon[0] ? line : line - 1;
      report(
        { line: at, column: key.length + 3 },
        `the ${key} contains a colon followed by a space, which YAML reads as the start of another field`,
        `put the ${key} in quotes: ${key}: ${quote(value)}`,
      );
    } else {
      report(
        { line, column: (mark?.column ?? 0) + 1 },
        `the frontmatter is not valid YAML here (${reason})`,
        'write each field as "name: value" on its own line; put a value that holds a colon, #, quotes or starts with [ { * & ! | > in double quotes',
      );
    }
    return { body, data: null, valid: false, keyAt };
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    report(
      { line: startLine + 1, column: 1 },
      'the frontmatter must be a list of "name: value" fields',
      `write it as ${template.replace(/\n/g, ' ')}`,
    );
    return { body, data: null, valid: false, keyAt };
  }
  for (const key of Object.keys(data as object)) {
    if (fields.includes(key)) continue;
    const near = closest(key, fields);
    report(
      { line: keyAt(key).line, column: 1 },
      `"${key}" is not a field of this frontmatter`,
      `${near ? `did you mean "${near}"? ` : ''}the fields are: ${fields.join(', ')}`,
    );
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const missing = issue.code === 'invalid_type' && issue.received === 'undefined';
      const curly = curlyQuoted((data as Record<string, unknown>)[key]);
      if (curly !== null && schema.shape[key]?.safeParse(curly).success) {
        report(keyAt(key), `${key}: the value is in curly quotes (“…”), which YAML keeps as part of it`, `write ${key}: ${curly}`);
        continue;
      }
      report(
        keyAt(key),
        missing ? `the frontmatter has no "${key}:" field: it ${issue.message}` : `${key}: ${issue.message}`,
        missing ? `add a line "${key}: …" between the two --- lines` : fixFor(key, rawLines),
      );
    }
    return { body, data, valid: false, keyAt };
  }
  const fieldsData = parsed.data as Record<string, unknown>;
  // A film note's `film:` must be a film of the data; archetype anchors are bound below, with every essay.
  if (collection === 'films' && context.story && typeof fieldsData.film === 'string' && !context.films.has(fieldsData.film)) {
    report(keyAt('film'), `film "${fieldsData.film}" is not a film in data/films.csv`, filmFix(String(fieldsData.film), context));
  }
  return { body, data: parsed.data, valid: true, keyAt };
}

function fixFor(key: string, rawLines: string[]): string {
  const line = rawLines.find((l) => new RegExp(`^${key}\\s*:`).test(l));
  const value = line?.replace(/^[^:]*:\s*/, '') ?? '';
  if (/^[#&*!|>[{@`]/.test(value) || value === '') return `write the ${key} as text in double quotes: ${key}: "…"`;
  return `change the ${key} on this line`;
}

/** The value without the curly quotes around it, or null if it has none. */
function curlyQuoted(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const stripped = value.replace(new RegExp(`^[${CURLY}]+|[${CURLY}]+$`, 'g'), '');
  return stripped !== value ? stripped : null;
}

function quote(value: string): string {
  return value.includes('"') && !value.includes("'") ? `'${value}'` : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

// ─── The body ──────────────────────────────────────────────────────────────

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

function checkBody(body: string, report: Report, context: Context): void {
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
  const name = node.name;
  // Fragments and HTML tags (<p class="lede">, <strong>) are plain markup; any other lowercase
  // name would be published as an element no browser knows, and a dotted one is code.
  if (!name || HTML_ELEMENTS.has(name)) return;
  if (!/^[A-Z]\w*$/.test(name)) {
    const near = closest(name, COMPONENT_NAMES) ?? closest(name, [...HTML_ELEMENTS]);
    report(
      at,
      `<${name}> is neither a component nor an HTML tag`,
      `${near ? `did you mean <${near}>? ` : ''}the components are: ${COMPONENT_NAMES.join(', ')}`,
    );
    return;
  }
  const current = componentSpec(name) ? name : renamedComponent(name);
  if (!current) {
    const near = closest(name, COMPONENT_NAMES);
    report(
      at,
      `there is no component <${name}>`,
      `${near ? `did you mean <${near}>? ` : ''}the components are: ${COMPONENT_NAMES.join(', ')}`,
    );
    return;
  }
  const spec = componentSpec(current)!;
  // A tag under its former name is reported once, with the whole tag as it is written now; its props are then checked under their new names.
  if (current !== name) report(at, `<${name}> is now called <${current}>`, `write ${tagFor(current, renamedProps(node, spec))}`);
  const propNames = Object.keys(spec.props);
  const seen = new Set<string>();
  // A misspelt prop is reported once, as misspelt, not again as the prop it was meant to be.
  const meant = new Set<string>();
  for (const attribute of node.attributes ?? []) {
    const where = attribute.position?.start ?? at;
    if (attribute.type === 'mdxJsxExpressionAttribute' || !attribute.name) {
      report(
        where,
        `<${current}> cannot take {…} in its tag`,
        `write each prop as name="value"; ${current}'s props: ${propNames.join(', ') || 'none'}`,
      );
      continue;
    }
    const written = attribute.name;
    const prop = currentProp(spec, written);
    seen.add(prop);
    const propSpec: PropSpec | undefined = (spec.props as Record<string, PropSpec>)[prop];
    if (prop !== written && current === name) {
      report(
        where,
        `the "${written}" prop of <${current}> is now called "${prop}"`,
        `write ${prop}=${showValue(literal(attribute.value) ?? '…')}`,
      );
    }
    if (!propSpec) {
      const near = closest(prop, propNames);
      if (near) meant.add(near);
      report(
        where,
        `<${current}> has no prop "${prop}"`,
        propNames.length
          ? `${near ? `did you mean "${near}"? ` : ''}its props are: ${propNames.join(', ')}`
          : `${current} takes no props: write ${tagFor(current, {})}`,
      );
      continue;
    }
    const value = literal(attribute.value);
    if (value === undefined) {
      report(
        where,
        `the value of ${prop} cannot be read`,
        `write ${prop}= and ${describeAccepts(propSpec.accepts)}, for example ${prop}=${showValue(sampleValue(propSpec, context) ?? '…')}`,
      );
      continue;
    }
    checkValue(current, prop, propSpec, value, where, report, context);
  }
  for (const [prop, propSpec] of Object.entries(spec.props as Record<string, PropSpec>)) {
    if (propSpec.required && !seen.has(prop) && !meant.has(prop)) {
      const sample = sampleValue(propSpec, context);
      report(at, `<${current}> needs a "${prop}" prop: ${propSpec.describe}`, `for example ${tagFor(current, { [prop]: sample ?? '…' })}`);
    }
  }
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

function checkValue(
  component: string,
  prop: string,
  spec: PropSpec,
  value: ExampleValue,
  at: Position,
  report: Report,
  context: Context,
): void {
  const accepts = spec.accepts;
  if (accepts.kind === 'oneOf') {
    if (accepts.values.includes(value)) return;
    const same = accepts.values.find((v) => String(v) === String(value));
    report(
      at,
      `${prop}=${showValue(value)} is not a value <${component}> knows`,
      same !== undefined ? `write ${prop}=${showValue(same)}` : `${prop} accepts ${accepts.values.map(showValue).join(' or ')}`,
    );
    return;
  }
  if (typeof value !== 'string') {
    report(at, `${prop} needs text in quotes, not ${showValue(value)}`, `write ${prop}="…" with ${describeAccepts(accepts)}`);
    return;
  }
  if (accepts.kind === 'film') {
    if (!context.story || context.films.has(value)) return;
    report(at, `${prop}="${value}" is not a film in the data`, filmFix(value, context));
  } else if (accepts.kind === 'archetype') {
    if (context.archetypeSlugs.includes(value)) return void context.archetypeRefs?.push({ slug: value, at });
    // "sweetening" for "the-sweetening": a file renamed with words added keeps its old name in the tags.
    const near =
      closest(value, context.archetypeSlugs) ??
      context.archetypeSlugs.find(
        (slug) =>
          value.length > 3 &&
          slug
            .split('-')
            .join(' ')
            .includes(
              value
                .toLowerCase()
                .split(/[\s-]+/)
                .join(' '),
            ),
      );
    report(
      at,
      `${prop}="${value}" is not an archetype`,
      `${near ? `did you mean "${near}"? ` : ''}the archetypes are the essays in content/${ARCHETYPE_COLLECTION}/: ${context.archetypeSlugs.join(', ')}`,
    );
  } else if (accepts.kind === 'fact') {
    if (Object.hasOwn(FACTS, value)) return;
    const names = Object.keys(FACTS).sort();
    const near = closest(value, names);
    report(
      at,
      `<${component} ${prop}="${value}" /> names no figure`,
      `${near ? `did you mean "${near}"? ` : ''}the names are: ${names.join(', ')}`,
    );
  }
}

function filmFix(value: string, context: Context): string {
  const keys = [...context.films.keys()];
  const near = closest(value, keys, 3);
  const first = context.story?.films[0];
  if (near) {
    const f = context.films.get(near)!;
    return `did you mean "${near}" (${f.title})? Use an IMDb ID or slug from data/films.csv`;
  }
  return `use an IMDb ID or slug of a film in data/films.csv${first ? `, for example "${first.imdbId}" or "${first.slug}" (${first.title})` : ''}; to add a film, see "Adding a film" in README.md`;
}

/** A value from the current data for a prop that names data, for examples in messages and the guide. */
export function sampleValue(spec: PropSpec, context: { story: Story | null; archetypeSlugs: string[] }): ExampleValue | undefined {
  switch (spec.accepts.kind) {
    case 'film':
      return (context.story?.films.find((f) => f.arc) ?? context.story?.films[0])?.imdbId;
    case 'archetype':
      return context.archetypeSlugs[0];
    case 'fact':
      return 'films';
    case 'oneOf':
      return spec.default ?? spec.accepts.values[0];
  }
}

// ─── Essays against clusters ───────────────────────────────────────────────

function bindingProblems(essays: (ArchetypeEssay & { anchorAt: Position })[], story: Story, contentDir: string): ContentProblem[] {
  const byFile = new Map(essays.map((w) => [w.file, w]));
  const films = new Map(story.films.map((f) => [f.imdbId, f]));
  // An anchor whose snapshot is gone lost its songs in the data, not in the essay; the
  // clusters were computed without it, so every other binding problem follows from it.
  const lost = essays.filter((e) => films.get(e.anchor)?.flags.includes('no-soundtrack'));
  if (lost.length) return lost.map((essay) => missingSnapshotProblem(essay, films.get(essay.anchor)!));
  const { problems } = bindArchetypesLenient(essays, story);
  return problems.flatMap((problem): ContentProblem[] => {
    if (!problem.files.length) {
      return [
        {
          file: `${displayPath(join(contentDir, ARCHETYPE_COLLECTION))}/`,
          line: 0,
          column: 0,
          message: problem.message.replace(/: add .*$/, ''),
          fix: `add content/${ARCHETYPE_COLLECTION}/<name>.mdx with "anchor:" set to one of these films' IDs, or move an anchor there`,
        },
      ];
    }
    return problem.files.map((file) => {
      const essay = byFile.get(file)!;
      const message = problem.message.startsWith(`${file}: `) ? problem.message.slice(file.length + 2) : problem.message;
      const anchored = films.get(essay.anchor);
      const fix = !anchored
        ? filmFix(essay.anchor, { story, films: new Map(story.films.map((f) => [f.imdbId, f])), archetypeSlugs: [] })
        : anchored.archetype === null
          ? `anchor the essay on a film that has an archetype (its page names it), or, if ${anchored.title} should have one, give more of its songs a mood in the data: their performers need genres in data/snapshot/artist-genres.json`
          : 'each archetype needs exactly one essay: anchor this essay on a film of another archetype';
      return { file, line: essay.anchorAt.line, column: essay.anchorAt.column, message, fix };
    });
  });
}

/**
 * A tag naming an archetype whose essay is bound to no cluster shows nothing the build
 * could make, and in `npm run dev` it would stop the page halfway: it is reported where
 * it is first written in each file, pointing at the essay to fix.
 */
function unboundReferences(refs: { file: string; slug: string; at: Position }[], essays: ArchetypeEssay[], story: Story): ContentProblem[] {
  const bound = new Set(bindArchetypesLenient(essays, story).archetypes.map((a) => a.file));
  const unbound = new Map(essays.filter((e) => !bound.has(e.file)).map((e) => [e.slug, e.file]));
  const first = new Map<string, { file: string; slug: string; at: Position; times: number }>();
  for (const ref of refs) {
    const essay = unbound.get(ref.slug);
    if (!essay || essay === ref.file) continue;
    const key = `${ref.file}\0${ref.slug}`;
    const seen = first.get(key);
    if (seen) seen.times++;
    else first.set(key, { ...ref, times: 1 });
  }
  return [...first.values()].map(({ file, slug, at, times }) => ({
    file,
    line: at.line,
    column: at.column,
    message: `archetype="${slug}"${times > 1 ? ` (here and ${times - 1} more time${times > 2 ? 's' : ''} in this file)` : ''} names the essay ${unbound.get(slug)}, which is bound to no archetype at the moment`,
    fix: `fix the problem listed for ${unbound.get(slug)} first; these tags then work as they are`,
  }));
}

/** Reported at the data file that is missing: that is where the mistake is. */
function missingSnapshotProblem(essay: ArchetypeEssay, film: StoryFilm): ContentProblem {
  const file = snapshotFile(film.imdbId);
  return {
    file,
    line: 0,
    column: 0,
    message: `is missing, so ${film.title} (${film.imdbId}), the anchor of ${essay.file}, has no songs in the data, no arc and no archetype: the mistake is in the data, not in the essay`,
    fix: `restore it with "git checkout -- ${file}" (or fetch it again with "npm run imdb -- fetch ${film.imdbId}"), then run "npm run check" again (restart "npm run dev": it computes the data when it starts)`,
  };
}

// ─── Output ────────────────────────────────────────────────────────────────

/** Two lines per problem: where and what, then how to fix it. */
export function formatProblems(problems: ContentProblem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const head = `The essay check found ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}:`;
  const body = problems.map((p) => `${p.line ? `${p.file}:${p.line}:${p.column}` : p.file}  ${p.message}\n    fix: ${p.fix}`);
  return [head, '', ...body.flatMap((b) => [b, ''])].join('\n');
}

export function defaultCheckOptions(env: NodeJS.ProcessEnv = process.env): CheckOptions {
  return {
    contentDir: resolve(env.CONTENT_DIR ?? 'content'),
    storyPath: resolve(env.STORY_PATH ?? join('data', 'generated', 'story.json')),
  };
}
