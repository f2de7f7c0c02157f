/**
 * The power curve: how often the clustering test finds order beyond chance in worlds with
 * shared arcs planted at each strength, and how well KMeans recovers the planted groups.
 * Both run from 0 to 1 on one axis; each line is named at its end.
 */
import type { Power } from '../story/schemas.ts';
import { AXIS_LABEL } from './frame.ts';
import { Plot, renderPlot } from './plot.ts';

export function powerChart(power: Power): string {
  const rows = power.curve.flatMap((c) => [
    {
      strength: c.strength,
      value: c.detection,
      lo: Math.max(0, c.detection - 2 * c.detectionError),
      hi: Math.min(1, c.detection + 2 * c.detectionError),
      series: 'caught (p < 0.05)',
    },
    {
      strength: c.strength,
      value: Math.max(0, c.ari),
      lo: Math.max(0, c.ari - 2 * c.ariError),
      hi: Math.min(1, c.ari + 2 * c.ariError),
      series: 'groups recovered (ARI)',
    },
  ]);
  const last = power.curve[power.curve.length - 1]?.strength ?? 1;
  return renderPlot('How often the test catches shared arcs planted at each strength, and how well the groups are recovered', {
    width: 520,
    height: 300,
    marginLeft: 52,
    marginRight: 150,
    marginBottom: 46,
    x: { label: 'planted arc strength (signal to noise)', ...AXIS_LABEL, domain: [0, last], grid: true },
    y: { label: 'share', labelArrow: 'none', domain: [0, 1], tickFormat: '%', grid: true },
    marks: [
      Plot.ruleY([0.8], { stroke: 'currentColor', strokeDasharray: '4 4', strokeOpacity: 0.6 }),
      Plot.text([0.8], { y: (d: number) => d, frameAnchor: 'left', text: () => '4 in 5', dy: -8, dx: 4, textAnchor: 'start' }),
      Plot.ruleX(rows, { x: 'strength', y1: 'lo', y2: 'hi', stroke: 'series', strokeOpacity: 0.5 }),
      Plot.lineY(
        rows.filter((r) => r.series.startsWith('caught')),
        { x: 'strength', y: 'value', stroke: 'series', strokeWidth: 2.5 },
      ),
      Plot.lineY(
        rows.filter((r) => !r.series.startsWith('caught')),
        { x: 'strength', y: 'value', stroke: 'series', strokeWidth: 2.5, strokeDasharray: '6 3' },
      ),
      Plot.dot(rows, { x: 'strength', y: 'value', fill: 'series', r: 4 }),
      Plot.text(
        rows.filter((r) => r.strength === last),
        { x: 'strength', y: 'value', text: 'series', dx: 10, textAnchor: 'start', fill: 'series' },
      ),
    ],
    color: { domain: ['caught (p < 0.05)', 'groups recovered (ARI)'], range: ['var(--accent)', 'currentColor'] },
  });
}
