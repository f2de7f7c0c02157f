/**
 * Named figures about one archetype, for <ArchetypeFact archetype="slug" name="…" />: an
 * essay says "its songs change the most between neighbours" and the figure beside it
 * comes from the descriptors, never from the text.
 */
import { FEATURES as features, type Story, type StoryCluster } from '../../scripts/schemas.ts';
import { shapeName } from './describe.ts';
import { fixed, list, percent } from './format.ts';

type Fn = (cluster: StoryCluster, story: Story) => string;
const title = (story: Story, id: string) => story.films.find((f) => f.imdbId === id)?.title ?? id;

const perFeature = (make: (f: (typeof features)[number]) => [string, { describe: string; value: Fn }][]) => Object.fromEntries(features.flatMap(make));

export const ARCHETYPE_FACTS: Record<string, { describe: string; value: Fn }> = {
  films: { describe: 'number of films', value: (c) => String(c.members.length) },
  filmTitles: { describe: 'titles of its films', value: (c, s) => list(c.members.map((m) => title(s, m))) },
  stability: { describe: "Hennig's Jaccard stability, 0–1", value: (c) => fixed(c.stability.jaccard) },
  stabilityReading: { describe: 'stable, fragile or dissolved', value: (c) => c.stability.reading },
  dissolvedShare: { describe: 'share of resamples in which it dissolved', value: (c) => percent(c.stability.dissolved) },
  volatility: { describe: 'mean change between consecutive songs (z-scored)', value: (c) => fixed(c.descriptors.volatility.value) },
  volatilityRank: { describe: 'rank of its volatility among the archetypes, as "2nd of 6"', value: (c) => `${ordinal(c.descriptors.volatility.rank)} of ${c.descriptors.volatility.of}` },
  volatilityWord: { describe: 'calm, moderate or volatile', value: (c) => c.descriptors.volatility.word },
  shape: { describe: 'story shape of its mean valence arc', value: (c) => shapeName(c.descriptors.shape.shape) },
  orderNullP: { describe: 'p of its spread against shuffled order', value: (c) => (c.orderNull.p === null ? 'not testable (one film)' : fixed(c.orderNull.p, 2)) },
  studyMatch: { describe: 'the study archetype it shares most films with', value: (c) => c.study.name ?? 'none' },
  studyShared: { describe: 'films it shares with that study archetype', value: (c, s) => list(c.study.shared.map((m) => title(s, m))) || 'none' },
  studyJaccard: { describe: 'Jaccard overlap with that study archetype', value: (c) => fixed(c.study.jaccard) },
  ...perFeature((f) => [
    [`level.${f}`, { describe: `mean ${f} of its songs`, value: (c) => (f === 'tempo' ? `${Math.round(c.descriptors.level[f].value)} BPM` : fixed(c.descriptors.level[f].value)) }],
    [`levelWord.${f}`, { describe: `low, middling or high ${f} against all films`, value: (c) => c.descriptors.level[f].word }],
    [`trend.${f}`, { describe: `within-film change of ${f} over a film, in standard deviations`, value: (c) => `${c.descriptors.trend[f].change >= 0 ? '+' : '−'}${fixed(Math.abs(c.descriptors.trend[f].change))}` }],
    [`trendWord.${f}`, { describe: `rising, flat or falling ${f}`, value: (c) => c.descriptors.trend[f].word }],
  ]),
};

function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

export function archetypeFact(name: string, cluster: StoryCluster, story: Story): string {
  const entry = ARCHETYPE_FACTS[name];
  if (!entry) throw new Error(`<ArchetypeFact name="${name}" /> names no figure. Known names: ${Object.keys(ARCHETYPE_FACTS).join(', ')}`);
  return entry.value(cluster, story);
}
