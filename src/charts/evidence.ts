/** The method's evidence: variance per principal component, and inertia and silhouette for each k. */
import { Plot, renderPlot } from './plot.ts';

export function pcaVarianceChart(explained: number[], target: number, kept: number): string {
  let sum = 0;
  const data = explained.slice(0, Math.min(explained.length, 15)).map((v, i) => ({ component: i + 1, share: v, cumulative: (sum += v), kept: i < kept }));
  return renderPlot(`Share of the arcs' variance explained by each principal component; the first ${kept} reach the ${Math.round(target * 100)}% target`, {
    width: 480,
    height: 300,
    marginLeft: 52,
    marginBottom: 44,
    x: { label: 'principal component', labelAnchor: 'center', labelArrow: 'none', type: 'band', padding: 0.2 },
    y: { domain: [0, 1], label: 'share of variance', labelArrow: 'none', tickFormat: '%', grid: true },
    marks: [
      Plot.barY(data, { x: 'component', y: 'share', fill: (d: { kept: boolean }) => (d.kept ? 'var(--accent)' : 'currentColor'), fillOpacity: (d: { kept: boolean }) => (d.kept ? 1 : 0.3) }),
      Plot.lineY(data, { x: 'component', y: 'cumulative', stroke: 'currentColor', strokeWidth: 2 }),
      Plot.dot(data, { x: 'component', y: 'cumulative', fill: 'currentColor', r: 3 }),
      Plot.ruleY([target], { stroke: 'currentColor', strokeDasharray: '4 4' }),
      Plot.text([target], { y: (d: number) => d, frameAnchor: 'right', text: () => `${Math.round(target * 100)}% target`, dy: -10, textAnchor: 'end' }),
    ],
  });
}

export interface KRow {
  k: number;
  inertia: number;
  silhouette: number;
}

export function kEvidenceChart(rows: KRow[], chosen: number, measure: 'inertia' | 'silhouette'): string {
  const label = measure === 'inertia' ? 'inertia (lower = tighter)' : 'silhouette (higher = better)';
  return renderPlot(`${measure === 'inertia' ? 'Inertia' : 'Mean silhouette'} for k = ${rows[0]?.k ?? ''} to ${rows[rows.length - 1]?.k ?? ''} clusters; the study's k = ${chosen} is marked`, {
    width: 480,
    height: 280,
    marginTop: 30,
    marginLeft: 60,
    marginBottom: 44,
    x: { label: 'k (number of archetypes)', labelAnchor: 'center', labelArrow: 'none', ticks: rows.map((r) => r.k), tickFormat: 'd' },
    y: { label, labelArrow: 'none', grid: true, zero: measure === 'inertia' },
    marks: [
      Plot.ruleX([chosen], { stroke: 'var(--accent)', strokeWidth: 2, strokeDasharray: '5 4' }),
      Plot.lineY(rows, { x: 'k', y: measure, stroke: 'currentColor', strokeWidth: 2 }),
      Plot.dot(rows, { x: 'k', y: measure, fill: (r: KRow) => (r.k === chosen ? 'var(--accent)' : 'currentColor'), r: (r: KRow) => (r.k === chosen ? 7 : 4) }),
    ],
  });
}
