/**
 * An arc in words, from its numbers: each feature's shape (rises, falls, peaks or dips
 * in the middle, stays level), so prose about a shape is generated, never typed.
 */
import { FEATURES, type ArcPoint, type FeatureName as Feature } from '../../scripts/schemas.ts';

const NAMES: Record<Feature, string> = { valence: 'valence', energy: 'energy', danceability: 'danceability', tempo: 'tempo' };

export type Shape = 'rises' | 'falls' | 'peaks in the middle' | 'dips in the middle' | 'stays level';

/** How far (on the 0–1 arc scale) a part must differ to count as a change. */
const CHANGE = 0.2;

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

export function shapeOf(values: number[]): Shape {
  const third = Math.max(1, Math.floor(values.length / 3));
  const start = mean(values.slice(0, third));
  const end = mean(values.slice(values.length - third));
  const middle = mean(values.slice(third, values.length - third));
  if (middle - Math.max(start, end) > CHANGE) return 'peaks in the middle';
  if (Math.min(start, end) - middle > CHANGE) return 'dips in the middle';
  if (end - start > CHANGE) return 'rises';
  if (start - end > CHANGE) return 'falls';
  return 'stays level';
}

const PHRASE: Record<Shape, string> = {
  rises: 'rises from the first songs to the last',
  falls: 'falls from the first songs to the last',
  'peaks in the middle': 'peaks in the middle of the film',
  'dips in the middle': 'dips in the middle of the film',
  'stays level': 'stays roughly level',
};

export function shapes(arc: ArcPoint[]): Record<Feature, Shape> {
  return Object.fromEntries(FEATURES.map((f) => [f, shapeOf(arc.map((p) => p[f]))])) as Record<Feature, Shape>;
}

/** "Energy rises from the first songs to the last; valence falls …; …" */
export function describeArc(arc: ArcPoint[]): string {
  const s = shapes(arc);
  const parts = FEATURES.map((f) => `${NAMES[f]} ${PHRASE[s[f]]}`);
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const SHAPE_WORDS: Record<string, string> = {
  'rags-to-riches': 'rags to riches: valence rises',
  tragedy: 'tragedy: valence falls',
  'man-in-a-hole': 'man in a hole: valence falls, then rises',
  icarus: 'Icarus: valence rises, then falls',
  cinderella: 'Cinderella: valence rises, falls and rises again',
  oedipus: 'Oedipus: valence falls, rises and falls again',
};

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** The order signal in one sentence, its strength stated only as far as the p allows. */
export function orderSentence(signal: { orderP: number; smootherThan: number; songs: number }, significance: number): string {
  const beyond = signal.orderP < significance;
  return `Consecutive songs are more alike than in ${pct(signal.smootherThan)} of random orders of the same ${signal.songs} songs${beyond ? `: smoother than chance (p = ${signal.orderP < 0.001 ? 'below 0.001' : signal.orderP.toFixed(3)})` : `, which is within what chance gives (p = ${signal.orderP.toFixed(2)})`}.`;
}

/** A film's story shape, with how often shuffled songs land on the same shape. */
export function shapeSentence(shape: { shape: string; correlation: number; shuffledSameShape: number }): string {
  if (shape.shape === 'no-clear-shape') {
    return `Its valence arc has no clear story shape: it correlates at most ${shape.correlation.toFixed(2)} with any of the six templates; ${pct(shape.shuffledSameShape)} of shuffled orders have no clear shape either.`;
  }
  return `Its valence arc reads as ${SHAPE_WORDS[shape.shape]} (correlation ${shape.correlation.toFixed(2)} with the template); ${pct(shape.shuffledSameShape)} of shuffled orders of its songs get the same shape.`;
}

export function shapeName(shape: string): string {
  return shape === 'no-clear-shape' ? 'no clear shape' : SHAPE_WORDS[shape].split(':')[0];
}

/** How wide the film's real ranges are, against the other clustered films'. */
export function rangeSentence(film: { range: Record<Feature, { min: number; max: number }> | null; rangeShare: Record<Feature, { share: number; narrowerThan: number }> | null }): string {
  const parts = FEATURES.map((f) => {
    const r = film.range![f];
    const value = f === 'tempo' ? `${Math.round(r.min)}–${Math.round(r.max)} BPM` : `${r.min.toFixed(2)}–${r.max.toFixed(2)}`;
    return `${NAMES[f]} ${value} (wider than ${pct(film.rangeShare![f].narrowerThan)} of films)`;
  });
  return `Its songs span ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}.`;
}
