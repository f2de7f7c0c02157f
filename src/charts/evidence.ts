/** The method's evidence: variance per principal component, and inertia and silhouette for each k. */
import type { NullModel, Story } from '../story/schemas.ts';
import { AXIS_LABEL } from './frame.ts';
import { Plot, renderPlot } from './plot.ts';

export function pcaVarianceChart(explained: number[], target: number, kept: number): string {
  let sum = 0;
  const data = explained
    .slice(0, Math.min(explained.length, 15))
    .map((v, i) => ({ component: i + 1, share: v, cumulative: (sum += v), kept: i < kept }));
  return renderPlot(
    `Share of the arcs' variance explained by each principal component; the first ${kept} reach the ${Math.round(target * 100)}% target`,
    {
      width: 480,
      height: 300,
      marginLeft: 52,
      marginBottom: 44,
      x: { label: 'principal component', ...AXIS_LABEL, type: 'band', padding: 0.2 },
      y: { domain: [0, 1], label: 'share of variance', labelArrow: 'none', tickFormat: '%', grid: true },
      marks: [
        Plot.barY(data, {
          x: 'component',
          y: 'share',
          fill: (d: { kept: boolean }) => (d.kept ? 'var(--accent)' : 'currentColor'),
          fillOpacity: (d: { kept: boolean }) => (d.kept ? 1 : 0.3),
        }),
        Plot.lineY(data, { x: 'component', y: 'cumulative', stroke: 'currentColor', strokeWidth: 2 }),
        Plot.dot(data, { x: 'component', y: 'cumulative', fill: 'currentColor', r: 3 }),
        Plot.ruleY([target], { stroke: 'currentColor', strokeDasharray: '4 4' }),
        Plot.text([target], {
          y: (d: number) => d,
          frameAnchor: 'right',
          text: () => `${Math.round(target * 100)}% target`,
          dy: -10,
          textAnchor: 'end',
        }),
      ],
    },
  );
}

export type KRow = Story['analysis']['kEvidence'][number];
export type NullRow = Pick<NullModel['byK'][number], 'k' | 'silhouette' | 'nullMean' | 'nullP95' | 'p'>;

/** The charts over k: one tick per k tried, the same size and margins so the two sit side by side. */
const kFrame = (rows: { k: number }[]) => ({
  width: 480,
  marginTop: 30,
  marginLeft: 60,
  marginBottom: 44,
  x: { label: 'k (number of archetypes)', ...AXIS_LABEL, ticks: rows.map((r) => r.k), tickFormat: 'd' },
});
const kRange = (rows: { k: number }[]) => `k = ${rows[0]?.k ?? ''} to ${rows[rows.length - 1]?.k ?? ''}`;
/** The k the analysis uses, marked with a dashed rule and a larger accent dot. */
const chosenRule = (chosen: number) => Plot.ruleX([chosen], { stroke: 'var(--accent)', strokeWidth: 2, strokeDasharray: '5 4' });
const chosenDot = (chosen: number) => ({
  fill: (r: { k: number }) => (r.k === chosen ? 'var(--accent)' : 'currentColor'),
  r: (r: { k: number }) => (r.k === chosen ? 7 : 4),
});

/** Inertia for each k, from zero: it always falls as k grows. */
export function inertiaChart(rows: KRow[], chosen: number): string {
  return renderPlot(`Inertia for ${kRange(rows)} clusters, from zero; the study's k = ${chosen} is marked`, {
    ...kFrame(rows),
    height: 280,
    y: { label: 'inertia (lower = tighter)', labelArrow: 'none', grid: true, zero: true },
    marks: [
      chosenRule(chosen),
      Plot.lineY(rows, { x: 'k', y: 'inertia', stroke: 'currentColor', strokeWidth: 2 }),
      Plot.dot(rows, { x: 'k', y: 'inertia', ...chosenDot(chosen) }),
    ],
  });
}

/**
 * The real mean silhouette for each k against shuffled song orders: the band runs from
 * the shuffles' mean to their 95th percentile, so a real point above the band is what
 * order beyond chance would look like. The axis starts at zero so a small gap looks small.
 */
export function silhouetteNullChart(rows: NullRow[], chosen: number): string {
  const top = Math.max(0.05, ...rows.map((r) => Math.max(r.silhouette, r.nullP95))) * 1.15;
  return renderPlot(
    `Mean silhouette for ${kRange(rows)}: the real song order (line and dots) against shuffled orders (band from their mean to their 95th percentile), from zero; the study's k = ${chosen} is marked`,
    {
      ...kFrame(rows),
      height: 300,
      y: { label: 'mean silhouette (higher = clearer groups)', labelArrow: 'none', grid: true, domain: [0, top] },
      marks: [
        Plot.areaY(rows, { x: 'k', y1: 'nullMean', y2: 'nullP95', fill: 'currentColor', fillOpacity: 0.18 }),
        Plot.lineY(rows, { x: 'k', y: 'nullMean', stroke: 'currentColor', strokeOpacity: 0.6, strokeDasharray: '3 3' }),
        chosenRule(chosen),
        Plot.lineY(rows, { x: 'k', y: 'silhouette', stroke: 'currentColor', strokeWidth: 2 }),
        Plot.dot(rows, {
          x: 'k',
          y: 'silhouette',
          ...chosenDot(chosen),
          title: (r: NullRow) =>
            `k = ${r.k}: real ${r.silhouette.toFixed(3)}, shuffled mean ${r.nullMean.toFixed(3)}, 95th percentile ${r.nullP95.toFixed(3)}, p = ${r.p.toFixed(3)}`,
        }),
        Plot.text(rows.slice(-1), { x: 'k', y: 'nullP95', text: () => 'shuffled orders', dy: -8, textAnchor: 'end', fontSize: 12 }),
      ],
    },
  );
}
