/** The landscape: every film placed by t-SNE (or the PCA plane), coloured and shaped by archetype, labelled. */
import { Plot, renderPlot, CHART_FONT_SIZE } from './plot.ts';
import { placeLabels } from './labels.ts';

export interface MapPoint {
  x: number;
  y: number;
  label: string;
  color: string;
  symbol: string;
  /** Films without an archetype are drawn hollow. */
  clustered: boolean;
}

const WIDTH = 760;
const HEIGHT = 560;
const MARGIN = 24;

export function filmMapChart(points: MapPoint[], caption: string): string {
  const sx = (x: number) => MARGIN + ((x + 1.08) / 2.16) * (WIDTH - 2 * MARGIN);
  const sy = (y: number) => HEIGHT - MARGIN - ((y + 1.08) / 2.16) * (HEIGHT - 2 * MARGIN);
  const labels = placeLabels(
    points.map((p) => ({ px: sx(p.x), py: sy(p.y), text: p.label })),
    CHART_FONT_SIZE,
    { x0: 2, y0: 2, x1: WIDTH - 2, y1: HEIGHT - 2 },
  );
  const textMark = (anchor: 'start' | 'middle' | 'end') =>
    Plot.text(
      labels.filter((l) => l.anchor === anchor),
      { x: 'x', y: 'y', text: 'text', textAnchor: anchor, fill: 'currentColor', stroke: 'var(--plot-background)', strokeWidth: 4, paintOrder: 'stroke' },
    );
  return renderPlot(caption, {
    width: WIDTH,
    height: HEIGHT,
    margin: MARGIN,
    // Labels were placed in pixels; these identity scales keep them there.
    x: { type: 'identity', axis: null },
    y: { type: 'identity', axis: null },
    symbol: { type: 'identity' },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.15 }),
      Plot.dot(points, {
        x: (p: MapPoint) => sx(p.x),
        y: (p: MapPoint) => sy(p.y),
        symbol: 'symbol',
        r: 7,
        fill: (p: MapPoint) => (p.clustered ? p.color : 'none'),
        stroke: (p: MapPoint) => (p.clustered ? 'var(--plot-background)' : 'currentColor'),
        strokeWidth: 1.5,
      }),
      textMark('start'),
      textMark('middle'),
      textMark('end'),
    ],
  });
}
