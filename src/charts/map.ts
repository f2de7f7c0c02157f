/**
 * The landscape: every film placed by t-SNE (or the PCA plane), coloured and shaped by
 * archetype, labelled; each dot a link to its film's page, named by its <title>.
 */
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
  /** The film's page, already through the site's href helper. */
  href: string;
  /** Tooltip and link name: the film, its archetype, its story shape. */
  title: string;
}

/**
 * "wide" is drawn for screens where 760 px fit at close to natural size; "narrow" for
 * phones: 400 units wide, so at a 360 px screen (320 px of column) text keeps 80% of its
 * size, 12 px, where the wide map would shrink it to 6 px.
 */
export type MapLayout = 'wide' | 'narrow';

const LAYOUTS: Record<MapLayout, { width: number; height: number; margin: number; r: number; hit: number }> = {
  wide: { width: 760, height: 560, margin: 24, r: 7, hit: 14 },
  narrow: { width: 400, height: 500, margin: 16, r: 7, hit: 13 },
};

export function filmMapChart(points: MapPoint[], caption: string, layout: MapLayout = 'wide'): string {
  const { width: WIDTH, height: HEIGHT, margin: MARGIN, r, hit } = LAYOUTS[layout];
  // Tenths of a pixel are plenty, and keep the drawing (twice on a page) small.
  const tenth = (v: number) => Math.round(v * 10) / 10;
  const sx = (x: number) => tenth(MARGIN + ((x + 1.08) / 2.16) * (WIDTH - 2 * MARGIN));
  const sy = (y: number) => tenth(HEIGHT - MARGIN - ((y + 1.08) / 2.16) * (HEIGHT - 2 * MARGIN));
  const labels = placeLabels(
    points.map((p) => ({ px: sx(p.x), py: sy(p.y), text: p.label })),
    CHART_FONT_SIZE,
    { x0: 4, y0: 4, x1: WIDTH - 4, y1: HEIGHT - 4 },
  );
  const textMark = (anchor: 'start' | 'middle' | 'end') =>
    Plot.text(
      labels.filter((l) => l.anchor === anchor),
      { x: 'x', y: 'y', text: 'text', textAnchor: anchor, fill: 'currentColor', stroke: 'var(--plot-background)', strokeWidth: 4, paintOrder: 'stroke' },
    );
  const at = { x: (p: MapPoint) => sx(p.x), y: (p: MapPoint) => sy(p.y) };
  return renderPlot(
    caption,
    {
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
          ...at,
          symbol: 'symbol',
          r,
          fill: (p: MapPoint) => (p.clustered ? p.color : 'none'),
          stroke: (p: MapPoint) => (p.clustered ? 'var(--plot-background)' : 'currentColor'),
          strokeWidth: 1.5,
        }),
        textMark('start'),
        textMark('middle'),
        textMark('end'),
        // On top of everything: a disc larger than the mark, transparent, that is the link,
        // so a finger or a pointer need not hit the 14 px mark itself.
        Plot.dot(points, { ...at, r: hit, fill: 'transparent', stroke: 'none', href: 'href', title: 'title' }),
      ],
    },
    {
      role: 'group',
      decorate(svg) {
        // The links carry the names; the labels beside them would only repeat them.
        for (const g of Array.from(svg.querySelectorAll('g'))) {
          if (g.querySelector('text') && !g.querySelector('a')) g.setAttribute('aria-hidden', 'true');
        }
        svg.setAttribute('class', `chart map map-${layout}`);
      },
    },
  );
}
