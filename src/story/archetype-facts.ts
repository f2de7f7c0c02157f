/**
 * Named figures about one group, for <ArchetypeFact archetype="slug" name="…" />: an essay
 * says "its films are calm between neighbours" and the word beside it comes from the
 * descriptors, voted by the group's films, never from the text. A word that most of the
 * films do not share reads "mixed", naming which film goes which way.
 */
import { FEATURES as features, type Story, type StoryArchetype } from '../../scripts/schemas.ts';
import { shapeName } from './describe.ts';
import { filmTitle } from './evidence.ts';
import { featureValue, fixed, list, percent } from './format.ts';

type Fn = (cluster: StoryArchetype, story: Story) => string;

const perFeature = (make: (f: (typeof features)[number]) => [string, { describe: string; value: Fn }][]) =>
  Object.fromEntries(features.flatMap(make));

/** A voted word, or "mixed" with each film's own word. */
export function votedWord<W extends string>(
  vote: { word: W | 'mixed'; films: { imdbId: string; word: W }[] },
  story: Story,
  say: (word: W) => string = (w) => w,
): string {
  if (vote.word !== 'mixed') return say(vote.word as W);
  return `mixed (${list(vote.films.map((f) => `${filmTitle(story, f.imdbId)} ${say(f.word)}`))})`;
}

const TREND_WORDS: Record<string, string> = { rising: 'rises', falling: 'falls', 'no-trend': 'has no clear trend' };
export const STABILITY_WORDS: Record<string, string> = {
  stable: 'stable: it survives resampling, well above chance',
  fragile: 'fragile: above chance, but it changes shape from one resample to the next',
  dissolved: 'dissolved: no more stable than random groups of the same sizes',
  single: 'a single film: no resample can split it, so its stability says nothing about a group',
};

export const ARCHETYPE_FACTS: Record<string, { describe: string; value: Fn }> = {
  films: { describe: 'number of films', value: (c) => String(c.members.length) },
  filmTitles: { describe: 'titles of its films', value: (c, s) => list(c.members.map((m) => filmTitle(s, m))) },
  stability: { describe: "Hennig's Jaccard stability, 0–1", value: (c) => fixed(c.stability.jaccard) },
  stabilityBaseline: {
    describe: 'the stability random groups of the same sizes give (mean)',
    value: (c) => fixed(c.stability.baseline.mean),
  },
  stabilityBaseline95: { describe: '95th percentile of that baseline', value: (c) => fixed(c.stability.baseline.p95) },
  stabilityReading: { describe: 'stable, fragile, dissolved or a single film, against the baseline', value: (c) => c.stability.reading },
  stabilityWords: { describe: 'the reading in a phrase', value: (c) => STABILITY_WORDS[c.stability.reading] },
  dissolvedShare: { describe: 'share of resamples in which it dissolved', value: (c) => percent(c.stability.dissolved) },
  volatilityWord: {
    describe: 'calm, moderate or volatile between neighbouring songs, voted by its films',
    value: (c, s) => votedWord(c.descriptors.volatility, s),
  },
  shape: {
    describe: 'story shape its films share beyond chance, voted by its films',
    value: (c, s) => votedWord(c.descriptors.shape, s, shapeName),
  },
  studyMatch: { describe: 'the study archetype it shares most films with', value: (c) => c.study.name ?? 'none' },
  studyShared: {
    describe: 'films it shares with that study archetype',
    value: (c, s) => list(c.study.shared.map((m) => filmTitle(s, m))) || 'none',
  },
  studyJaccard: { describe: 'Jaccard overlap with that study archetype', value: (c) => fixed(c.study.jaccard) },
  ...perFeature((f) => [
    [
      `level.${f}`,
      {
        describe: `mean ${f} of its films (each film weighs the same)`,
        value: (c) => (c.level ? featureValue(f, c.level[f]) : '—'),
      },
    ],
    [
      `levelWord.${f}`,
      {
        describe: `low, middling or high ${f} against all films, voted by its films`,
        value: (c, s) => votedWord(c.descriptors.level[f], s),
      },
    ],
    [
      `trendWord.${f}`,
      {
        describe: `whether ${f} rises or falls over its films beyond chance, voted by its films`,
        value: (c, s) => votedWord(c.descriptors.trend[f], s, (w) => TREND_WORDS[w]),
      },
    ],
  ]),
};

export function archetypeFact(name: string, cluster: StoryArchetype, story: Story): string {
  const entry = Object.hasOwn(ARCHETYPE_FACTS, name) ? ARCHETYPE_FACTS[name] : undefined;
  if (!entry) throw new Error(`<ArchetypeFact name="${name}" /> names no figure. Known names: ${Object.keys(ARCHETYPE_FACTS).join(', ')}`);
  return entry.value(cluster, story);
}
