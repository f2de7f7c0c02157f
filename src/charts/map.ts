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

export interface MapOptions {
  layout?: MapLayout;
  /**
   * The axes' names, for a plane whose axes mean something (the PCA plane's components and
   * the variance each explains). t-SNE's axes mean nothing, and get none.
   */
  axes?: { x: string; y: string };
  /**
   * One unit as long across as up: on the PCA plane distances are a linear projection of
   * the arcs' differences, and stretching one axis would distort them. t-SNE fills the frame.
   */
  equalAspect?: boolean;
}

const LAYOUTS: Record<MapLayout, { width: number; height: number; margin: number; r: number; hit: number }> = {
  wide: { width: 760, height: 560, margin: 24, r: 7, hit: 14 },
  narrow: { width: 400, height: 640, margin: 16, r: 7, hit: 13 },
};

/**
 * Above this many films the marks go unnamed: past a few dozen, names no longer fit
 * beside their marks (and placing them costs the square of the films, every build). Each
 * mark's title still names its film, and the table beside the map lists them all.
 */
export const MAP_LABEL_LIMIT = 60;

/** Room for an axis name outside the frame. */
const AXIS_ROOM = 28;
/** The coordinates run from -1 to 1; a little more keeps the outermost dots off the frame. */
const EXTENT = 1.08;

export function filmMapChart(points: MapPoint[], caption: string, options: MapOptions = {}): string {
  const layout = options.layout ?? 'wide';
  const frame = mapFrame(layout, options);
  const { width, height, margin, left, bottom, r, hit, sx, sy } = frame;
  const labels =
    points.length > MAP_LABEL_LIMIT
      ? []
      : placeLabels(
          points.map((p) => ({ px: sx(p.x), py: sy(p.y), text: p.label })),
          CHART_FONT_SIZE,
          { x0: left - margin + 4, y0: 4, x1: width - 4, y1: bottom + margin - 4 },
          { gap: 9, markRadius: r },
        );
  const byAnchor = (['start', 'middle', 'end'] as const).map((anchor) =>
    labels.map((l, point) => ({ ...l, point })).filter((l) => l.anchor === anchor),
  );
  const at = { x: (p: MapPoint) => sx(p.x), y: (p: MapPoint) => sy(p.y) };
  return renderPlot(
    caption,
    {
      width,
      height,
      margin,
      marginLeft: left,
      marginBottom: height - bottom,
      // Labels were placed in pixels; these identity scales keep them there.
      x: { type: 'identity', axis: null },
      y: { type: 'identity', axis: null },
      symbol: { type: 'identity' },
      marks: [
        Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.15 }),
        ...axisNameMarks(options.axes, frame),
        Plot.dot(points, {
          ...at,
          symbol: 'symbol',
          r,
          fill: (p: MapPoint) => (p.clustered ? p.color : 'none'),
          stroke: (p: MapPoint) => (p.clustered ? 'var(--plot-background)' : 'currentColor'),
          strokeWidth: 1.5,
        }),
        ...byAnchor.filter((group) => group.length > 0).map(labelMark),
        // On top of everything: a disc larger than the mark, transparent, that is the link,
        // so a finger or a pointer need not hit the 14 px mark itself.
        Plot.dot(points, { ...at, r: hit, fill: 'transparent', stroke: 'none', href: 'href', title: 'title' }),
      ],
    },
    { role: 'group', decorate: (svg) => tagMap(svg, byAnchor.flat(), layout) },
  );
}

/** The map's geometry for a layout: its size, margins, marks, plotting area and the scales into it. */
function mapFrame(layout: MapLayout, options: MapOptions) {
  const { width, height, margin, r, hit } = LAYOUTS[layout];
  // The plotting area: the frame, inside the margins and, with axes, the room for their names.
  const left = margin + (options.axes ? AXIS_ROOM : 0);
  const bottom = height - margin - (options.axes ? AXIS_ROOM : 0);
  const spanX = width - margin - left;
  const spanY = bottom - margin;
  const unitX = options.equalAspect ? Math.min(spanX, spanY) : spanX;
  const unitY = options.equalAspect ? Math.min(spanX, spanY) : spanY;
  // Tenths of a pixel are plenty, and keep the drawing (twice on a page) small.
  const tenth = (v: number) => Math.round(v * 10) / 10;
  const sx = (x: number) => tenth(left + spanX / 2 + (x / (2 * EXTENT)) * unitX);
  const sy = (y: number) => tenth(margin + spanY / 2 - (y / (2 * EXTENT)) * unitY);
  return { width, height, margin, r, hit, left, bottom, spanX, spanY, sx, sy };
}

type PlacedLabel = ReturnType<typeof placeLabels>[number] & { point: number };

/** The films' names beside their marks, with a halo so a name stays legible over a neighbour's mark. */
function labelMark(group: PlacedLabel[]) {
  return Plot.text(group, {
    x: 'x',
    y: 'y',
    text: 'text',
    textAnchor: group[0]?.anchor ?? 'start',
    fill: 'currentColor',
    stroke: 'var(--plot-background)',
    strokeWidth: 4,
    paintOrder: 'stroke',
  });
}

/** The axes' names, for the PCA plane. */
function axisNameMarks(axes: MapOptions['axes'], { height, margin, left, spanX, spanY }: ReturnType<typeof mapFrame>) {
  if (!axes) return [];
  return [
    Plot.text([axes.x], { x: left + spanX / 2, y: height - margin / 2 - 4, text: (d: string) => d, fill: 'currentColor' }),
    Plot.text([axes.y], { x: margin / 2 + 4, y: margin + spanY / 2, text: (d: string) => d, rotate: -90, fill: 'currentColor' }),
  ];
}

/**
 * The drawn map, made readable and testable: the labels (and axis names, which the caption
 * states) hidden from screen readers, since the links carry the names; each label and each
 * link marked with its film's index on the map, so a test can hold every label to its own mark.
 */
function tagMap(svg: Element, order: PlacedLabel[], layout: MapLayout): void {
  const labelGroups = Array.from(svg.querySelectorAll('g')).filter(
    (g) => g.querySelector('text') && !g.querySelector('a') && g.getAttribute('stroke-width') === '4',
  );
  for (const g of Array.from(svg.querySelectorAll('g'))) {
    if (g.querySelector('text') && !g.querySelector('a')) g.setAttribute('aria-hidden', 'true');
  }
  const labelTexts = labelGroups.flatMap((g) => Array.from(g.querySelectorAll('text')));
  if (labelTexts.length !== order.length) throw new Error(`the map drew ${labelTexts.length} labels for ${order.length} films`);
  labelTexts.forEach((text, i) => text.setAttribute('data-point', String(order[i].point)));
  Array.from(svg.querySelectorAll('a')).forEach((a, i) => a.setAttribute('data-point', String(i)));
  svg.setAttribute('class', `chart map map-${layout}`);
}
