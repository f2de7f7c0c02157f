/**
 * A film in words, from its numbers: its trends (the trends stage's one measure, a word
 * only where it holds beyond chance), its order signal, its story shape and its ranges,
 * so prose about them is generated, never typed.
 */
import { FEATURES, type FeatureName as Feature, type FilmTrend } from '../../scripts/schemas.ts';
import { boundedPercent, featureRange, list, pText } from './format.ts';

const NAMES: Record<Feature, string> = { valence: 'valence', energy: 'energy', danceability: 'danceability', tempo: 'tempo' };

const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(1)}`;

/** "Valence falls over the film (−2.6 sd, p = 0.03); energy, danceability and tempo show no clear trend." */
export function describeTrends(trend: FilmTrend): string {
  const moving = FEATURES.filter((f) => trend[f].word !== 'no-trend');
  const still = FEATURES.filter((f) => trend[f].word === 'no-trend');
  const parts = moving.map(
    (f) =>
      `${NAMES[f]} ${trend[f].word === 'rising' ? 'rises' : 'falls'} over the film (${signed(trend[f].slope)} standard deviations, ${pText(trend[f].p)})`,
  );
  if (still.length)
    parts.push(
      `${list(still.map((f) => NAMES[f]))} ${still.length === 1 ? 'shows' : 'show'} no trend beyond what reordering its artist runs gives`,
    );
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** What most of a group's films do over a film, feature by feature, in the same words. */
export function describeGroupTrends(trend: Record<Feature, { word: string }>): string {
  const moving = FEATURES.filter((f) => trend[f].word === 'rising' || trend[f].word === 'falling');
  if (moving.length === 0) return 'No feature rises or falls beyond chance for most of its films.';
  return `For most of its films, ${list(moving.map((f) => `${NAMES[f]} ${trend[f].word === 'rising' ? 'rises' : 'falls'}`))} beyond chance.`;
}

/** Each shape named with its template's outline: words about the template, not about the film's trend. */
const SHAPE_WORDS: Record<string, string> = {
  'rags-to-riches': 'rags to riches (the template: a steady rise)',
  tragedy: 'tragedy (the template: a steady fall)',
  'man-in-a-hole': 'man in a hole (the template: a fall, then a rise)',
  icarus: 'Icarus (the template: a rise, then a fall)',
  cinderella: 'Cinderella (the template: rise, fall, rise)',
  oedipus: 'Oedipus (the template: fall, rise, fall)',
};

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** The order signal in one sentence, its strength stated only as far as the p allows. */
export function orderSentence(signal: { orderP: number; smootherThan: number; songs: number; runs: number }, significance: number): string {
  if (signal.runs < 2) return `All ${signal.songs} of its songs with moods are one artist's run, so their order cannot be tested.`;
  const beyond = signal.orderP < significance;
  return `Neighbouring songs are more alike than in ${boundedPercent(signal.smootherThan)} of reorderings of its ${signal.runs} artist runs${beyond ? `: smoother than chance (${pText(signal.orderP)})` : `, within what chance gives (${pText(signal.orderP)})`}.`;
}

/** A film's story shape, with how often reordered runs land on it, named only where it holds beyond chance. */
export function shapeSentence(shape: {
  shape: string;
  correlation: number;
  shuffledSameShape: number;
  p: number;
  beyondChance: boolean;
}): string {
  if (shape.shape === 'no-clear-shape') {
    return `Its valence arc has no clear story shape: it correlates at most ${shape.correlation.toFixed(2)} with any of the six templates; ${pct(shape.shuffledSameShape)} of reorderings of its runs have no clear shape either.`;
  }
  const closest = `Its valence arc is closest to ${SHAPE_WORDS[shape.shape]} (correlation ${shape.correlation.toFixed(2)})`;
  return shape.beyondChance
    ? `${closest}, more closely than reordered runs follow any shape (${pText(shape.p)}).`
    : `${closest}, but ${pct(shape.shuffledSameShape)} of reorderings of its runs land on the same shape and the fit is within what chance gives (${pText(shape.p)}).`;
}

export function shapeName(shape: string): string {
  return shape === 'no-clear-shape' ? 'no clear shape' : SHAPE_WORDS[shape].split(' (')[0];
}

/** How wide the film's real ranges are, against the other clustered films'. */
export function rangeSentence(film: {
  range: Record<Feature, { min: number; max: number }> | null;
  rangeShare: Record<Feature, { share: number; narrowerThan: number }> | null;
}): string {
  const parts = FEATURES.map((f) => {
    const r = film.range![f];
    return `${NAMES[f]} ${featureRange(f, r.min, r.max)} (wider than ${pct(film.rangeShare![f].narrowerThan)} of films)`;
  });
  return `Its songs span ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}.`;
}
