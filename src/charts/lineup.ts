/**
 * The line-up: one small arc per candidate order of the same film's songs, valence over
 * energy, drawn identically so that only the order tells them apart.
 */
import type { ArcPoint } from '../story/schemas.ts';
import { Plot, renderPlot } from './plot.ts';

const PANELS = ['valence', 'energy'] as const;
const LABELS: Record<(typeof PANELS)[number], string> = { valence: 'valence', energy: 'energy' };

export function lineupArcChart(letter: string, points: ArcPoint[]): string {
  const data = PANELS.flatMap((f) => points.map((p) => ({ t: p.t, panel: LABELS[f], value: p[f] })));
  return renderPlot(`Arc ${letter}: valence and energy from the first song to the last`, {
    width: 200,
    height: 150,
    marginTop: 6,
    marginRight: 6,
    marginBottom: 22,
    marginLeft: 62,
    x: { domain: [0, 1], axis: null },
    y: { domain: [0, 1], axis: null },
    fy: { domain: PANELS.map((f) => LABELS[f]), axis: null, padding: 0.2 },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.2 }),
      Plot.lineY(data, { x: 't', y: 'value', fy: 'panel', stroke: 'currentColor', strokeWidth: 2.5, curve: 'monotone-x' }),
      Plot.text(
        PANELS.map((f) => LABELS[f]),
        { fy: (d: string) => d, frameAnchor: 'left', text: (d: string) => d, dx: -6, textAnchor: 'end', fontSize: 13 },
      ),
      Plot.text(['first song → last'], { frameAnchor: 'bottom', facetAnchor: 'bottom', dy: 16, fontSize: 13 }),
    ],
  });
}
