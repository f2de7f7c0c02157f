/** The essay check's reading of a component's props: each value against what the registry says it accepts, with a value from the data as the example. */
import type { Story } from '../../scripts/schemas.ts';
import { describeAccepts, showValue, type ExampleValue, type PropSpec } from './component-registry.ts';
import { closest, type Position, type Report } from './content-problem.ts';
import { ARCHETYPE_COLLECTION } from './content-schemas.ts';
import { FACTS } from '../story/facts.ts';
import type { Context } from './content-check.ts';

/** One prop as an essay writes it: the component's name, the prop's name and spec, its value, where it is. */
export interface WrittenProp {
  component: string;
  prop: string;
  spec: PropSpec;
  value: ExampleValue;
  at: Position;
}

export function checkValue({ component, prop, spec, value, at }: WrittenProp, report: Report, context: Context): void {
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

export function filmFix(value: string, context: Context): string {
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
