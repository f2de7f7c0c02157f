/**
 * Every component an essay may use, described once: what it shows, its props and an
 * example. `mdx-components.ts` must provide exactly these names (the type checker holds
 * the two together), the essay check validates every tag against this, and the editors'
 * guide (/guide/ in `npm run dev`) is drawn from it, so a component added here is
 * checked and documented without anyone writing it down twice.
 *
 * Plain TypeScript on purpose: the check runs in Node before Astro starts.
 */

/** What a prop accepts. Kinds that name data are checked against the pipeline's story and content/. */
export type PropAccepts =
  { kind: 'film' } | { kind: 'archetype' } | { kind: 'fact' } | { kind: 'oneOf'; values: readonly (string | number | boolean)[] };

export interface PropSpec {
  accepts: PropAccepts;
  required: boolean;
  /** What the prop does, in an editor's words. */
  describe: string;
  /** The value used when the prop is left out. */
  default?: string | number | boolean;
  /** The prop's name before it was renamed: the check tells an editor who still writes it what to write now. */
  formerly?: string;
}

export type ExampleValue = string | number | boolean;

export interface ComponentSpec {
  /** One line: what the component shows. */
  describe: string;
  props: Record<string, PropSpec>;
  /**
   * Props for the guide's live example. Props that name data (film, archetype, fact) and
   * are left out here are filled from the current data, so examples never go stale.
   */
  example?: Record<string, ExampleValue>;
  /** The component's name before it was renamed, kept for the check's message and the guide. */
  formerly?: string;
}

const film = (describe: string): PropSpec => ({ accepts: { kind: 'film' }, required: true, describe });
const ARCHETYPE_PROP = 'the group, by the file name of its essay in content/archetypes/';

import { ARCHETYPE_FACTS } from '../story/archetype-facts.ts';
import { FILM_FACTS } from '../story/film-facts.ts';

export const COMPONENTS = {
  ArchetypeArc: {
    describe: "A group's mean arc, its spread and each member film's arc, with the numbers as a table.",
    formerly: 'ClusterArc',
    props: {
      archetype: { accepts: { kind: 'archetype' }, required: true, describe: ARCHETYPE_PROP, formerly: 'cluster' },
    },
  },
  ArchetypeCards: {
    describe: 'One card per group KMeans found, each with its mean arc as a small chart and its stability beside chance.',
    props: {
      level: {
        accepts: { kind: 'oneOf', values: [2, 3] },
        required: false,
        default: 3,
        describe: 'heading level of each card title: one below the heading the cards sit under',
      },
    },
  },
  ArchetypeFact: {
    describe:
      "A figure or word about one group from its films' own descriptors (stability against chance, level and trend per feature, change between songs, shape, study match): a word holds only where most of its films share it, else it reads “mixed” and names them.",
    props: {
      archetype: { accepts: { kind: 'archetype' }, required: true, describe: ARCHETYPE_PROP },
      name: { accepts: { kind: 'oneOf', values: Object.keys(ARCHETYPE_FACTS) }, required: true, describe: 'which figure' },
    },
    example: { name: 'volatilityWord' },
  },
  Calibration: {
    describe:
      'How often each test says “beyond chance” in simulated worlds where order carries nothing: a calibrated test says it about 5% of the time.',
    props: {},
  },
  CoAssignment: {
    describe: 'Which films the refits keep together: every pair as a square, ordered by group, with the pairs kept together most often.',
    props: {},
  },
  DatasetCoverage: {
    describe: 'How much of the data has performers, genres and mood features, overall and (optionally) per film.',
    props: {
      perFilm: {
        accepts: { kind: 'oneOf', values: [true, false] },
        required: false,
        default: true,
        describe: 'also show the table per film',
      },
    },
    example: { perFilm: false },
  },
  Downloads: {
    describe: 'The dataset files to download, with their data dictionary.',
    props: {},
  },
  Fact: {
    describe: 'A figure from the data, set in the sentence. Never type a number the data computes: use this.',
    props: {
      name: { accepts: { kind: 'fact' }, required: true, describe: 'which figure (every name is listed below with its current value)' },
    },
    example: { name: 'featureShare' },
  },
  FilmArc: {
    describe: "A film's arc: valence, energy, danceability and tempo from its first song to its last, with a data table.",
    props: { film: film('the film, by IMDb ID (tt…) or slug, as in data/films.csv') },
  },
  FilmFact: {
    describe: 'A figure or word about one film from its data (its order test, runs, trends, shape, songs with moods), for prose.',
    props: {
      film: film('the film, by IMDb ID (tt…) or slug, as in data/films.csv'),
      name: { accepts: { kind: 'oneOf', values: Object.keys(FILM_FACTS) }, required: true, describe: 'which figure' },
    },
    example: { name: 'orderWords' },
  },
  FilmIndex: {
    describe:
      'Every film as a table: year, group, story shape, how its song order compares with reordered runs, and songs with mood features; sortable and filterable when JavaScript runs.',
    props: {},
  },
  FilmMap: {
    describe: 'Every film placed so that similar arcs sit close together (t-SNE), or on the first two principal components.',
    props: {
      projection: {
        accepts: { kind: 'oneOf', values: ['tsne', 'pca'] },
        required: false,
        default: 'tsne',
        describe: 'the map (t-SNE) or the plane of the first two principal components',
      },
    },
  },
  GroupStability: {
    describe: "Every group's stability under resampling beside what random groups of the same sizes score.",
    props: {},
  },
  KEvidence: {
    describe: 'For each number of groups: how clearly the films group with their real order against reordered runs, and inertia.',
    props: {},
  },
  LevelRanking: {
    describe:
      'Which soundtracks are happiest, loudest, most danceable and fastest: each film’s level with its interval, and the rankings that survive resampling.',
    props: {},
  },
  Lineup: {
    describe: "The opening question: one film's real arc among arcs of its artist runs in other orders, with the answer folded away.",
    props: {},
  },
  MoodMapTable: {
    describe: 'The genre→mood map as a searchable table.',
    props: {},
  },
  OrderTests: {
    describe:
      'Each order test with whole artist runs reordered beside what shuffling single songs said, and how often each raises a false alarm.',
    props: {},
  },
  PowerCurve: {
    describe:
      'What the “no” is worth: how often the test catches shared arcs planted at each strength, and how well the planted groups are recovered.',
    props: {},
  },
  PcaVariance: {
    describe: 'How much of the variation each principal component explains, with the kept ones marked.',
    props: {},
  },
  ReplicationRecord: {
    describe:
      "Every difference from the study's run with what it does to the groups, and the songs with moods per film beside the study's.",
    props: {},
  },
  TrackSequence: {
    describe: "Each song's mood in the order the film lists them, as a chart with the full table.",
    props: { film: film('the film, by IMDb ID (tt…) or slug, as in data/films.csv') },
  },
  UnmappedTags: {
    describe: 'Genre tags the artists carry that the mood map does not know, with how often they occur.',
    props: {},
  },
} as const satisfies Record<string, ComponentSpec>;

export type ComponentName = keyof typeof COMPONENTS;

export const COMPONENT_NAMES = Object.keys(COMPONENTS).sort() as ComponentName[];

export function componentSpec(name: string): ComponentSpec | undefined {
  return Object.hasOwn(COMPONENTS, name) ? (COMPONENTS as Record<string, ComponentSpec>)[name] : undefined;
}

/** The component now called what `former` was called, if any. */
export function renamedComponent(former: string): ComponentName | undefined {
  return COMPONENT_NAMES.find((name) => (COMPONENTS[name] as ComponentSpec).formerly === former);
}

/** The prop an editor means by `written`: that prop, or the one now called what it was called before (else `written` as it is). */
export function currentProp(spec: ComponentSpec, written: string): string {
  if (Object.hasOwn(spec.props, written)) return written;
  return Object.entries(spec.props).find(([, p]) => p.formerly === written)?.[0] ?? written;
}

/** "a film: IMDb ID or slug", "one of 2, 3"… for messages and the guide. */
export function describeAccepts(accepts: PropAccepts): string {
  switch (accepts.kind) {
    case 'film':
      return 'a film: its IMDb ID (tt…) or slug';
    case 'archetype':
      return 'an archetype: the file name of its essay, without .mdx';
    case 'fact':
      return 'the name of a figure (see the list of facts)';
    case 'oneOf':
      return `one of ${accepts.values.map(showValue).join(', ')}`;
  }
}

/** How an editor writes a value in MDX: strings in quotes, numbers and booleans in braces. */
export function showValue(value: ExampleValue): string {
  return typeof value === 'string' ? `"${value}"` : `{${String(value)}}`;
}

export function tagFor(name: string, props: Record<string, ExampleValue>): string {
  const attrs = Object.entries(props)
    .map(([k, v]) => ` ${k}=${showValue(v)}`)
    .join('');
  return `<${name}${attrs} />`;
}
