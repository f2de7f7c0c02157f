/**
 * Each group's stability beside its baseline: the band runs from what random groups of
 * the same sizes score on average to their 95th percentile; a dot above the band is a
 * group more stable than chance. Hennig's 0.5 and 0.75 are marked.
 */
import { AXIS_LABEL } from './frame.ts';
import { Plot, renderPlot } from './plot.ts';
import { rowFrame, type RowLayout } from './rows.ts';

export interface StabilityRow {
  group: string;
  jaccard: number;
  mean: number;
  p95: number;
  single: boolean;
}

export function stabilityChart(rows: StabilityRow[], layout: RowLayout = 'wide'): string {
  const { names, ...frame } = rowFrame(
    rows.map((r) => r.group),
    layout,
    { width: 600, marginLeft: 290, rowHeight: 40 },
  );
  return renderPlot(
    'Each group’s stability under resampling, beside what random groups of the same sizes score (band: their mean to 95th percentile)',
    {
      ...frame,
      marginRight: 24,
      marginBottom: 46,
      x: { domain: [0, 1], label: 'stability (Jaccard, 0–1)', ...AXIS_LABEL, grid: true },
      marks: [
        ...(names ?? []),
        Plot.ruleX([0.5, 0.75], { stroke: 'currentColor', strokeDasharray: '4 4', strokeOpacity: 0.6 }),
        Plot.text([0.5], {
          x: (d: number) => d,
          text: () => 'dissolved ≤ 0.5',
          frameAnchor: 'top',
          dy: -6,
          dx: -4,
          textAnchor: 'end',
          fontSize: 13,
        }),
        Plot.text([0.75], {
          x: (d: number) => d,
          text: () => 'stable ≥ 0.75',
          frameAnchor: 'top',
          dy: -6,
          dx: 4,
          textAnchor: 'start',
          fontSize: 13,
        }),
        Plot.barX(rows, { y: 'group', x1: 'mean', x2: 'p95', fill: 'currentColor', fillOpacity: 0.18, insetTop: 8, insetBottom: 8 }),
        Plot.tickX(rows, { y: 'group', x: 'mean', stroke: 'currentColor', strokeOpacity: 0.5, insetTop: 8, insetBottom: 8 }),
        Plot.dot(rows, {
          y: 'group',
          x: 'jaccard',
          r: 6,
          fill: (d: StabilityRow) => (d.single ? 'none' : 'var(--accent)'),
          stroke: 'var(--accent)',
          strokeWidth: 2,
        }),
      ],
    },
  );
}
