/** Arc charts: one film's four features, an archetype's mean arc with its spread, and a card's sparkline. */
import { FEATURES, type ArcPoint, type FeatureName, type FeatureRanges } from '../story/schemas.ts';
import { FEATURE_LABELS } from './palette.ts';
import { featureRange } from '../story/format.ts';
import { panelChart, type PanelFrame } from './frame.ts';
import { Plot, renderPlot } from './plot.ts';

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

/** The film arcs' x axis: where in the film, from the first song to the last. */
const ARC_X = { domain: [0, 1], label: 'first song → last song', ticks: [0, 0.5, 1], tickFormat: (t: number) => STAGE(t) || 'middle' };

/** Each panel's name; with a range, the real values its low and high stand for. */
const panelLabel = (ranges?: ArcRanges) => (d: string) => {
  const feature = FEATURES[facetOrder.indexOf(d)];
  const range = ranges?.[feature];
  return range ? `${d} · ${rangeText(feature, range.min, range.max)}` : d;
};

/** The arc charts' panels; room on the right for half the "end" tick label (the chart's scroll box clips what overflows). */
const arcFrame = (yTicks: PanelFrame['yTicks'], ranges?: ArcRanges): PanelFrame => ({
  panels: facetOrder,
  x: ARC_X,
  yTicks,
  marginRight: 18,
  panelLabel: panelLabel(ranges),
});

export type ArcRanges = Partial<FeatureRanges>;

/** A feature's real range as a reader would say it (src/story/format.ts). */
export const rangeText = (feature: FeatureName, min: number, max: number): string => featureRange(feature, min, max);

/**
 * A film's arc, panel by panel. `ranges` are the real values each panel's bottom and top
 * stand for (the film's own range when scaled within the film, the whole dataset's when
 * level-preserving), so a stretched 0.50–0.60 never reads as low to high.
 */
export function filmArcChart(title: string, points: ArcPoint[], color: string, ranges?: ArcRanges): string {
  const data = longArc(points);
  return panelChart(`${title}: soundtrack arc of valence, energy, danceability and tempo, start to end`, arcFrame(['min', 'max'], ranges), [
    Plot.areaY(data, { x: 't', y: 'value', fy: 'feature', fill: color, fillOpacity: 0.14, curve: 'monotone-x' }),
    Plot.lineY(data, { x: 't', y: 'value', fy: 'feature', stroke: color, strokeWidth: 3, curve: 'monotone-x' }),
    Plot.dot(data, { x: 't', y: 'value', fy: 'feature', fill: color, r: 3 }),
  ]);
}

export function archetypeArcChart(
  title: string,
  { mean, spread, members }: { mean: ArcPoint[]; spread: ArcPoint[]; members: ArcPoint[][] },
  color: string,
): string {
  const meanLong = longArc(mean);
  const band = meanLong.map((p, i) => {
    const sd = longArc(spread)[i].value;
    return { ...p, lo: Math.max(0, p.value - sd), hi: Math.min(1, p.value + sd) };
  });
  const memberLong = members.flatMap((arc, m) => longArc(arc).map((p) => ({ ...p, member: m })));
  return panelChart(
    `${title}: mean soundtrack arc of its films, with one standard deviation either side and each film's own arc`,
    arcFrame(['low', 'high']),
    [
      Plot.areaY(band, { x: 't', y1: 'lo', y2: 'hi', fy: 'feature', fill: color, fillOpacity: 0.18, curve: 'monotone-x' }),
      Plot.lineY(memberLong, {
        x: 't',
        y: 'value',
        fy: 'feature',
        z: 'member',
        stroke: 'currentColor',
        strokeOpacity: 0.28,
        strokeWidth: 1.2,
        curve: 'monotone-x',
      }),
      Plot.lineY(meanLong, { x: 't', y: 'value', fy: 'feature', stroke: color, strokeWidth: 3.5, curve: 'monotone-x' }),
    ],
  );
}

/** The card's line names: short, since the card's text says what the arc is. */
const SHORT: Record<string, string> = Object.fromEntries(FEATURES.map((f) => [FEATURE_LABELS[f], f]));
/** Card text: smaller than the charts' 15 px, never under 12 px at the card's width. */
const CARD_FONT = 13;

/**
 * A card-sized picture of a mean arc: four thin lines, each named at its left, on a
 * baseline that is each film's lowest value; the note under them says so (the arcs are
 * stretched within each film before they are averaged).
 */
export function sparkline(mean: ArcPoint[], color: string): string {
  const data = longArc(mean);
  return renderPlot('mean arc, sketch', {
    width: 280,
    height: 186,
    marginTop: 6,
    marginRight: 8,
    marginBottom: 40,
    marginLeft: 94,
    x: { domain: [0, 1], axis: null },
    y: { domain: [0, 1], axis: null },
    fy: { domain: facetOrder, axis: null, padding: 0.25 },
    marks: [
      Plot.ruleY(facetOrder, { y: 0, fy: (d: string) => d, stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.lineY(data, { x: 't', y: 'value', fy: 'feature', stroke: color, strokeWidth: 2.5, curve: 'monotone-x' }),
      Plot.text(facetOrder, {
        fy: (d: string) => d,
        frameAnchor: 'left',
        text: (d: string) => SHORT[d],
        dx: -8,
        textAnchor: 'end',
        fontSize: CARD_FONT,
      }),
      Plot.text(['first song'], { frameAnchor: 'bottom-left', facetAnchor: 'bottom', dy: 16, textAnchor: 'start', fontSize: CARD_FONT }),
      Plot.text(['last'], { frameAnchor: 'bottom-right', facetAnchor: 'bottom', dy: 16, textAnchor: 'end', fontSize: CARD_FONT }),
      Plot.text(['scale: within-film min–max'], {
        frameAnchor: 'bottom-right',
        facetAnchor: 'bottom',
        dy: 33,
        textAnchor: 'end',
        fontSize: CARD_FONT,
      }),
    ],
  });
}
