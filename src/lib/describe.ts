/**
 * An arc in words, from its numbers: each feature's shape (rises, falls, peaks or dips
 * in the middle, stays level), so prose about a shape is generated, never typed.
 */
import type { ArcPoint } from '../../scripts/schemas.ts';

const FEATURES = ['valence', 'energy', 'danceability', 'tempo'] as const;
type Feature = (typeof FEATURES)[number];
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
