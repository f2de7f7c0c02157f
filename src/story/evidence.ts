/** Lookups into the story's evidence that several pages and facts share. */
import type { CalibrationTestId, Story, StoryFilm } from '../../scripts/schemas.ts';

export { filmTitle } from './lookup.ts';
export const clusteredFilms = (s: Story): StoryFilm[] => s.films.filter((f) => f.archetype !== null);
export const chosenNullRow = (s: Story) => s.analysis.nullModel.byK.find((r) => r.k === s.analysis.k);
export const readings = (s: Story, reading: string) => s.analysis.stability.archetypes.filter((a) => a.reading === reading).length;
export const calibrationTest = (s: Story, id: CalibrationTestId) => s.analysis.calibration.tests.find((t) => t.id === id) ?? null;

/** The planted strengths of the power curve, above zero, as "0.5, 1, 1.5, 2 and 3". */
export function strengthWords(s: Story): string {
  const strengths = (s.analysis.power?.curve ?? []).map((c) => c.strength).filter((x) => x > 0);
  return strengths.length <= 1 ? strengths.join('') : `${strengths.slice(0, -1).join(', ')} and ${strengths[strengths.length - 1]}`;
}

/** How each calibrated test is named: short on the chart, in full in the table. */
export const CALIBRATION_LABELS: Record<CalibrationTestId, { short: string; long: string }> = {
  clustering: {
    short: 'groups clearer than chance',
    long: 'The films group more clearly with their real order than with reordered runs (the one test at the chosen k)',
  },
  'order-within-films': {
    short: 'a film’s neighbours alike',
    long: 'A film’s neighbouring songs are more alike than with its runs reordered',
  },
  'order-pooled': {
    short: 'all films’ neighbours alike',
    long: 'All films together: neighbouring songs more alike than with runs reordered',
  },
  trend: { short: 'a feature rises or falls', long: 'A feature rises or falls over a film beyond chance (per film and feature)' },
  shape: { short: 'a film follows a story shape', long: 'A film’s valence arc follows a story shape beyond chance' },
  'order-within-films-songs': {
    short: 'withdrawn: neighbours, song shuffle',
    long: 'Withdrawn: a film’s neighbouring songs more alike than single songs shuffled',
  },
  'order-pooled-songs': { short: 'withdrawn: all films, song shuffle', long: 'Withdrawn: all films together, single songs shuffled' },
  'archetype-spread': {
    short: 'withdrawn: group tighter',
    long: 'Withdrawn: a group’s films sit closer than with shuffled songs, its members fixed',
  },
};

/** A calibrated test rejects about as often as its level says; above about 7% it is not to be trusted. */
export function calibrationVerdict(test: { rejectionRate: number; withdrawn: boolean }): string {
  if (test.rejectionRate > 0.07) return test.withdrawn ? 'rejects far too often: withdrawn' : 'rejects too often';
  if (test.withdrawn) return 'withdrawn';
  return test.rejectionRate < 0.03 ? 'calibrated, cautious' : 'calibrated';
}

/** The finding in one plain sentence, turning with the evidence. */
export function findingSentence(s: Story): string {
  return s.analysis.nullModel.verdict.beyondChance
    ? 'The order of a film’s songs traces arcs that films share'
    : 'The order of a film’s songs does not trace an arc that films share';
}
