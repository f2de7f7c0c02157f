/**
 * A feature's levels: each film's mean with its 95% bootstrap interval (over its artists),
 * films ranked from highest to lowest, so which soundtracks are loudest or happiest, and
 * how sure that ranking is, read at a glance. The pages draw it narrow (names above their
 * rows) at every width: four of them sit side by side in pairs, and one drawing is half
 * the page weight of two.
 */
import type { FeatureName } from '../story/schemas.ts';
import { AXIS_LABEL } from './frame.ts';
import { Plot, renderPlot } from './plot.ts';
import { rowFrame, type RowLayout } from './rows.ts';

export interface LevelRow {
  title: string;
  mean: number;
  low: number;
  high: number;
}

const AXES: Record<FeatureName, { label: string; domain: [number, number]; format?: string }> = {
  valence: { label: 'valence (sad → happy)', domain: [0, 1] },
  energy: { label: 'energy (calm → intense)', domain: [0, 1] },
  danceability: { label: 'danceability', domain: [0, 1] },
  tempo: { label: 'tempo (BPM)', domain: [60, 200] },
};

export function levelChart(feature: FeatureName, rows: LevelRow[], layout: RowLayout = 'wide'): string {
  const sorted = [...rows].sort((a, b) => b.mean - a.mean || a.title.localeCompare(b.title));
  const axis = AXES[feature];
  const lowest = Math.min(axis.domain[0], ...sorted.map((r) => r.low));
  const highest = Math.max(axis.domain[1], ...sorted.map((r) => r.high));
  const { names, ...frame } = rowFrame(
    sorted.map((r) => r.title),
    layout,
    { width: 480, marginLeft: 232, rowHeight: 24 },
  );
  return renderPlot(`Each film's mean ${feature}, highest first, with its 95% interval from resampling its artists`, {
    ...frame,
    marginRight: 16,
    marginBottom: 44,
    x: { domain: [lowest, highest], label: axis.label, ...AXIS_LABEL, grid: true },
    marks: [
      ...(names ?? []),
      Plot.ruleY(sorted, { y: 'title', x1: 'low', x2: 'high', stroke: 'currentColor', strokeOpacity: 0.55, strokeWidth: 3 }),
      Plot.dot(sorted, { y: 'title', x: 'mean', r: 5, fill: 'var(--accent)' }),
    ],
  });
}
