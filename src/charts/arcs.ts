/** Arc charts: one film's four features, an archetype's mean arc with its spread, and a card's sparkline. */
import type { ArcPoint } from '../../scripts/schemas.ts';
import { FEATURE_LABELS } from '../lib/palette.ts';
import { Plot, renderPlot } from './plot.ts';

const FEATURES = ['valence', 'energy', 'danceability', 'tempo'] as const;
const STAGE = (t: number) => (t === 0 ? 'start' : t === 1 ? 'end' : '');

export interface LongPoint {
  t: number;
  feature: string;
  value: number;
}

export function longArc(points: ArcPoint[]): LongPoint[] {
  return FEATURES.flatMap((f) => points.map((p) => ({ t: p.t, feature: FEATURE_LABELS[f], value: p[f] })));
}

const facetOrder = FEATURES.map((f) => FEATURE_LABELS[f]);

function arcFrame(height: number) {
  return {
    width: 640,
    height,
    marginLeft: 56,
    marginRight: 16,
    marginTop: 8,
    marginBottom: 40,
    x: { domain: [0, 1], label: 'through the film →', ticks: [0, 0.5, 1], tickFormat: (t: number) => STAGE(t) || 'middle' },
    y: { domain: [0, 1], ticks: [0, 1], label: null, tickFormat: (v: number) => (v === 0 ? 'low' : 'high') },
    fy: { domain: facetOrder, label: null, padding: 0.28 },
    facet: { label: null },
  } as const;
}

export function filmArcChart(title: string, points: ArcPoint[], color: string): string {
  const data = longArc(points);
  return renderPlot(`${title}: soundtrack arc of valence, energy, danceability and tempo, start to end`, {
    ...arcFrame(4 * 96 + 48),
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.15 }),
      Plot.text(facetOrder, { fy: (d: string) => d, frameAnchor: 'top-left', text: (d: string) => d, dx: 6, dy: 4, fontWeight: 600 }),
      Plot.areaY(data, { x: 't', y: 'value', fy: 'feature', fill: color, fillOpacity: 0.14, curve: 'monotone-x' }),
      Plot.lineY(data, { x: 't', y: 'value', fy: 'feature', stroke: color, strokeWidth: 3, curve: 'monotone-x' }),
      Plot.dot(data, { x: 't', y: 'value', fy: 'feature', fill: color, r: 3 }),
    ],
  });
}

export function clusterArcChart(title: string, mean: ArcPoint[], spread: ArcPoint[], members: ArcPoint[][], color: string): string {
  const meanLong = longArc(mean);
  const band = meanLong.map((p, i) => {
    const sd = longArc(spread)[i].value;
    return { ...p, lo: Math.max(0, p.value - sd), hi: Math.min(1, p.value + sd) };
  });
  const memberLong = members.flatMap((arc, m) => longArc(arc).map((p) => ({ ...p, member: m })));
  return renderPlot(`${title}: mean soundtrack arc of its films, with one standard deviation either side and each film's own arc`, {
    ...arcFrame(4 * 96 + 48),
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.15 }),
      Plot.text(facetOrder, { fy: (d: string) => d, frameAnchor: 'top-left', text: (d: string) => d, dx: 6, dy: 4, fontWeight: 600 }),
      Plot.areaY(band, { x: 't', y1: 'lo', y2: 'hi', fy: 'feature', fill: color, fillOpacity: 0.18, curve: 'monotone-x' }),
      Plot.lineY(memberLong, { x: 't', y: 'value', fy: 'feature', z: 'member', stroke: 'currentColor', strokeOpacity: 0.28, strokeWidth: 1.2, curve: 'monotone-x' }),
      Plot.lineY(meanLong, { x: 't', y: 'value', fy: 'feature', stroke: color, strokeWidth: 3.5, curve: 'monotone-x' }),
    ],
  });
}

/** A card-sized picture of a mean arc: four thin lines, no axes (the card's text says what it is). */
export function sparkline(mean: ArcPoint[], color: string): string {
  const data = longArc(mean);
  return renderPlot('mean arc, sketch', {
    width: 240,
    height: 150,
    margin: 4,
    marginLeft: 4,
    x: { domain: [0, 1], axis: null },
    y: { domain: [0, 1], axis: null },
    fy: { domain: facetOrder, axis: null, padding: 0.2 },
    marks: [
      Plot.ruleY([0], { fy: (d: unknown) => d, stroke: 'currentColor', strokeOpacity: 0.2 }),
      Plot.lineY(data, { x: 't', y: 'value', fy: 'feature', stroke: color, strokeWidth: 2.5, curve: 'monotone-x' }),
    ],
  });
}
