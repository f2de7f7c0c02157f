/**
 * Every chart function in src/charts/, in the manner of Plot's own tests: fixed small
 * inputs rendered to SVG and compared with the files in tests/src/charts/snapshots/, plus
 * structural checks that a bug in a chart would break even if someone accepted a new
 * snapshot without looking (the marks drawn and how many, the label, the axis labels).
 *
 * After an intended change to a chart: `npm run test:charts:update`, then look at the
 * changed files in tests/src/charts/snapshots/ before committing them. With CI set, a missing
 * snapshot fails instead of being written.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { ArcPoint, StoryTrack } from '../../../scripts/schemas.ts';
import { archetypeArcChart, filmArcChart, sparkline } from '../../../src/charts/arcs.ts';
import { inertiaChart, pcaVarianceChart, silhouetteNullChart, type KRow, type NullRow } from '../../../src/charts/evidence.ts';
import { filmMapChart, type MapPoint } from '../../../src/charts/map.ts';
import { renderPlot, Plot } from '../../../src/charts/plot.ts';
import { trackSequenceChart } from '../../../src/charts/tracks.ts';
import { FEATURE_LABELS } from '../../../src/charts/palette.ts';

const COLOR = '#D55E00';
const FEATURE_NAMES = Object.values(FEATURE_LABELS);

/**
 * The chart as a file a viewer can open: the SVG namespace (the site inlines the chart in
 * HTML, where it is implied) and one element per line, so a diff shows what changed.
 */
function asFile(svg: string): string {
  // HTML allows a bare & or < in an attribute value; a standalone SVG file is XML, which does not.
  const xml = svg.replace(
    /="([^"]*)"/g,
    (_, value: string) => `="${value.replace(/&(?!(amp|quot|lt|gt|#\d+);)/g, '&amp;').replace(/</g, '&lt;')}"`,
  );
  return `${xml.replace(/^<svg /, '<svg xmlns="http://www.w3.org/2000/svg" ').replace(/></g, '>\n<')}\n`;
}

async function matchesSnapshot(name: string, svg: string): Promise<void> {
  await expect(asFile(svg)).toMatchFileSnapshot(`./snapshots/${name}.svg`);
}

function parse(svg: string): SVGSVGElement {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg');
  if (!root) throw new Error('no <svg> in the chart');
  return root as unknown as SVGSVGElement;
}

const all = (root: Element, selector: string) => Array.from(root.querySelectorAll(selector));
const texts = (root: Element) => all(root, 'text').map((t) => t.textContent ?? '');

/** A chart is one labelled image and nothing else speaks: the site's figure carries caption and table. */
function expectOneImage(root: SVGSVGElement, label: string): void {
  expect(root.getAttribute('role')).toBe('img');
  expect(root.getAttribute('class')).toBe('chart');
  expect(root.getAttribute('aria-label')).toBe(label);
  expect(all(root, '[aria-label], [aria-description], [aria-hidden]')).toHaveLength(0);
  expect(all(root, 'style')).toHaveLength(0);
  // SVG's font-variant attribute allows only "normal" and "small-caps": Plot's "tabular-nums" is invalid HTML there.
  expect(all(root, '[font-variant]')).toHaveLength(0);
}

const arc = (values: [number, number, number, number][]): ArcPoint[] =>
  values.map(([valence, energy, danceability, tempo], step) => ({
    step,
    t: values.length === 1 ? 0 : step / (values.length - 1),
    valence,
    energy,
    danceability,
    tempo,
  }));

// Three steps: rising valence, falling energy, flat danceability, tempo peaking in the middle.
const FILM_ARC = arc([
  [0, 1, 0.5, 0.2],
  [0.5, 0.5, 0.5, 0.9],
  [1, 0, 0.5, 0.4],
]);
const SPREAD = arc([
  [0.1, 0.1, 0.6, 0.1],
  [0.2, 0.2, 0.2, 0.2],
  [0.1, 0.1, 0.1, 0.3],
]);
const MEMBERS = [
  arc([
    [0.1, 0.9, 0.4, 0.3],
    [0.4, 0.6, 0.5, 0.8],
    [0.9, 0.1, 0.6, 0.5],
  ]),
  arc([
    [0, 1, 0.6, 0.1],
    [0.6, 0.4, 0.5, 1],
    [1, 0, 0.4, 0.3],
  ]),
];

describe('renderPlot', () => {
  it('makes one labelled image with Plot’s part labels and style block removed', async () => {
    const svg = renderPlot('a & b < c', { width: 120, height: 60, marks: [Plot.dot([{ x: 1, y: 1 }], { x: 'x', y: 'y' })] });
    const root = parse(svg);
    expectOneImage(root, 'a & b < c');
    expect(all(root, 'circle')).toHaveLength(1);
    // The tick labels of both axes keep their aligned digits, as CSS.
    expect(all(root, 'g[style="font-variant:tabular-nums"] text').length).toBeGreaterThanOrEqual(2);
    await matchesSnapshot('render-plot', svg);
  });
});

describe('filmArcChart', () => {
  const title = 'Suburbia & "Sons" <1984>';
  const svg = filmArcChart(title, FILM_ARC, COLOR);
  const root = parse(svg);

  it('draws four panels of area, line and a dot per step, in the film’s colour', async () => {
    expectOneImage(root, `${title}: soundtrack arc of valence, energy, danceability and tempo, start to end`);
    expect(root.getAttribute('width')).toBe('400');
    expect(all(root, 'rect[stroke="currentColor"]')).toHaveLength(4);
    expect(all(root, `g[fill="${COLOR}"][fill-opacity="0.14"] path`)).toHaveLength(4);
    expect(all(root, `g[stroke="${COLOR}"] path`)).toHaveLength(4);
    expect(all(root, `g[fill="${COLOR}"] circle`)).toHaveLength(4 * FILM_ARC.length);
    await matchesSnapshot('film-arc', svg);
  });

  it('names each panel, the ends of the x axis and its label', () => {
    const t = texts(root);
    for (const name of FEATURE_NAMES) expect(t.filter((s) => s === name)).toHaveLength(1);
    expect(t.filter((s) => s === 'first song → last song')).toHaveLength(1);
    expect(t.filter((s) => s === 'start' || s === 'middle' || s === 'end')).toEqual(['start', 'middle', 'end']);
    expect(t.filter((s) => s === 'min')).toHaveLength(4);
    expect(t.filter((s) => s === 'max')).toHaveLength(4);
  });

  it('labels each panel with the real range its bottom and top stand for', async () => {
    const ranged = filmArcChart(title, FILM_ARC, COLOR, {
      valence: { min: 0.5, max: 0.6 },
      energy: { min: 0.2, max: 0.9 },
      danceability: { min: 0.4, max: 0.45 },
      tempo: { min: 92.4, max: 171.6 },
    });
    const t = texts(parse(ranged));
    expect(t).toContain(`${FEATURE_LABELS.valence} · 0.50–0.60`);
    expect(t).toContain(`${FEATURE_LABELS.tempo} · 92–172 BPM`);
    await matchesSnapshot('film-arc-ranges', ranged);
  });
});

describe('archetypeArcChart', () => {
  const svg = archetypeArcChart('Lonely Drifter', { mean: FILM_ARC, spread: SPREAD, members: MEMBERS }, COLOR);
  const root = parse(svg);

  it('draws the spread band, each member film’s arc and the mean arc in four panels', async () => {
    expectOneImage(
      root,
      "Lonely Drifter: mean soundtrack arc of its films, with one standard deviation either side and each film's own arc",
    );
    expect(all(root, `g[fill="${COLOR}"][fill-opacity="0.18"] path`)).toHaveLength(4);
    expect(all(root, 'g[stroke="currentColor"][stroke-opacity="0.28"] path')).toHaveLength(4 * MEMBERS.length);
    expect(all(root, `g[stroke="${COLOR}"][stroke-width="3.5"] path`)).toHaveLength(4);
    for (const name of FEATURE_NAMES) expect(texts(root)).toContain(name);
    expect(texts(root)).toContain('first song → last song');
    await matchesSnapshot('archetype-arc', svg);
  });

  it('keeps the band inside the 0–1 range of each panel', () => {
    // Panels span y 30 to 111 in their own coordinates (marginTop 30, panel 84 less padding).
    const ys = all(root, `g[fill="${COLOR}"][fill-opacity="0.18"] path`).flatMap((p) =>
      [...(p.getAttribute('d') ?? '').matchAll(/[ML,C]\s*-?[\d.]+,(-?[\d.]+)/g)].map((m) => Number(m[1])),
    );
    expect(ys.length).toBeGreaterThan(0);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(30);
    expect(Math.max(...ys)).toBeLessThanOrEqual(111);
  });
});

describe('sparkline', () => {
  it('draws four thin lines on four baselines, each named, with the ends and the scale labelled', async () => {
    const svg = sparkline(FILM_ARC, COLOR);
    const root = parse(svg);
    expectOneImage(root, 'mean arc, sketch');
    expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual(['280', '186']);
    expect(all(root, `g[stroke="${COLOR}"] path`)).toHaveLength(4);
    expect(all(root, 'line')).toHaveLength(4);
    const t = texts(root);
    expect(t).toEqual(expect.arrayContaining(['first song', 'last', 'scale: within-film min–max']));
    expect(t).toHaveLength(4 + 3);
    await matchesSnapshot('sparkline', svg);
  });
});

describe('pcaVarianceChart', () => {
  const explained = [0.5, 0.25, 0.15, 0.1];

  it('draws a bar per component, the kept ones in the accent, the running total and the target', async () => {
    const svg = pcaVarianceChart(explained, 0.8, 2);
    const root = parse(svg);
    expectOneImage(root, "Share of the arcs' variance explained by each principal component; the first 2 reach the 80% target");
    const bars = all(root, 'rect');
    expect(bars).toHaveLength(4);
    expect(bars.map((b) => b.getAttribute('fill'))).toEqual(['var(--accent)', 'var(--accent)', 'currentColor', 'currentColor']);
    // Bar heights in proportion to the shares.
    const heights = bars.map((b) => Number(b.getAttribute('height')));
    for (let i = 1; i < 4; i++) expect(heights[i] / heights[0]).toBeCloseTo(explained[i] / explained[0], 6);
    expect(all(root, 'circle')).toHaveLength(4);
    expect(all(root, 'g[stroke-dasharray="4 4"] line')).toHaveLength(1);
    const t = texts(root);
    for (const label of ['principal component', 'share of variance', '80% target', '1', '2', '3', '4', '0%', '100%'])
      expect(t).toContain(label);
    await matchesSnapshot('pca-variance', svg);
  });

  it('shows at most 15 components', () => {
    const many = Array.from({ length: 20 }, () => 0.05);
    expect(all(parse(pcaVarianceChart(many, 0.8, 16)), 'rect')).toHaveLength(15);
  });
});

describe('inertiaChart', () => {
  const rows: KRow[] = [
    { k: 2, inertia: 120, silhouette: 0.21 },
    { k: 3, inertia: 80, silhouette: 0.3 },
    { k: 4, inertia: 65, silhouette: 0.26 },
    { k: 5, inertia: 58, silhouette: 0.18 },
  ];
  it('plots inertia for each k from zero, with the chosen k marked', async () => {
    const svg = inertiaChart(rows, 3);
    const root = parse(svg);
    expectOneImage(root, "Inertia for k = 2 to 5 clusters, from zero; the study's k = 3 is marked");
    const dots = all(root, 'circle');
    expect(dots).toHaveLength(4);
    const chosen = dots.filter((d) => d.getAttribute('fill') === 'var(--accent)');
    expect(chosen).toHaveLength(1);
    expect(Number(chosen[0].getAttribute('r'))).toBeGreaterThan(Number(dots.find((d) => d !== chosen[0])!.getAttribute('r')));
    const t = texts(root);
    expect(t).toContain('inertia (lower = tighter)');
    expect(t).toContain('0');
    await matchesSnapshot('k-evidence-inertia', svg);
  });
});

describe('silhouetteNullChart', () => {
  const rows: NullRow[] = [
    { k: 2, silhouette: 0.21, nullMean: 0.18, nullP95: 0.25, p: 0.2 },
    { k: 3, silhouette: 0.3, nullMean: 0.17, nullP95: 0.24, p: 0.01 },
    { k: 4, silhouette: 0.16, nullMean: 0.16, nullP95: 0.22, p: 0.5 },
  ];
  const svg = silhouetteNullChart(rows, 3);
  const root = parse(svg);
  it('draws the shuffled band, its mean, the real line and a dot per k with a title giving p', async () => {
    expectOneImage(
      root,
      "Mean silhouette for k = 2 to 4: the real song order (line and dots) against shuffled orders (band from their mean to their 95th percentile), from zero; the study's k = 3 is marked",
    );
    expect(all(root, 'g[fill-opacity="0.18"] path')).toHaveLength(1);
    const dots = all(root, 'circle');
    expect(dots).toHaveLength(3);
    expect(dots.filter((d) => d.getAttribute('fill') === 'var(--accent)')).toHaveLength(1);
    const titles = all(root, 'circle title').map((t) => t.textContent);
    expect(titles).toContain('k = 3: real 0.300, shuffled mean 0.170, 95th percentile 0.240, p = 0.010');
    expect(texts(root)).toContain('shuffled orders');
    await matchesSnapshot('k-evidence-silhouette-null', svg);
  });
  it('starts the axis at zero, so a small gap looks small', () => {
    expect(texts(root)).toContain('0.00');
  });
});

describe('filmMapChart', () => {
  const points: MapPoint[] = [
    {
      x: -1,
      y: -1,
      label: 'Suburbia',
      color: '#D55E00',
      symbol: 'circle',
      clustered: true,
      href: '/films/suburbia/',
      title: 'Suburbia: Hard and Steady, no clear shape',
    },
    {
      x: 1,
      y: 1,
      label: 'Mid90s',
      color: '#0072B2',
      symbol: 'square',
      clustered: true,
      href: '/films/mid90s/',
      title: 'Mid90s: The Danceable Fade, no clear shape',
    },
    {
      x: 0,
      y: 0.2,
      label: 'SLC Punk!',
      color: '#009E73',
      symbol: 'triangle',
      clustered: true,
      href: '/films/slc-punk/',
      title: 'SLC Punk!: Louder and Bleaker, no clear shape',
    },
    {
      x: 0.1,
      y: 0.25,
      label: 'Nowhere & <Then>',
      color: '#000000',
      symbol: 'circle',
      clustered: false,
      href: '/films/nowhere/',
      title: 'Nowhere & <Then>: no archetype',
    },
  ];
  const svg = filmMapChart(points, 'The landscape of four films');
  const root = parse(svg);

  it('draws one marker per film, hollow for a film without an archetype, and labels every film', async () => {
    // A group of links, not one image: every mark opens its film.
    expect(root.getAttribute('role')).toBe('group');
    expect(root.getAttribute('aria-label')).toBe('The landscape of four films');
    const markers = all(root, 'g[stroke-width="1.5"] path');
    expect(markers).toHaveLength(4);
    expect(markers.map((m) => m.getAttribute('fill'))).toEqual(['#D55E00', '#0072B2', '#009E73', 'none']);
    expect(texts(root).sort()).toEqual(points.map((p) => p.label).sort());
    expect(svg).toContain('Nowhere &amp; &lt;Then&gt;');
    // Every mark links to its film, with a title a pointer shows.
    expect(all(root, 'a').map((a) => a.getAttribute('href'))).toEqual([
      '/films/suburbia/',
      '/films/mid90s/',
      '/films/slc-punk/',
      '/films/nowhere/',
    ]);
    expect(all(root, 'a title').map((t) => t.textContent)).toContain('SLC Punk!: Louder and Bleaker, no clear shape');
    await matchesSnapshot('film-map', svg);
  });

  it('keeps every label inside the chart and places the corner points in their corners', () => {
    const at = (el: Element) =>
      (el.getAttribute('transform') ?? '')
        .match(/translate\(([-\d.]+),([-\d.]+)\)/)!
        .slice(1)
        .map(Number);
    for (const label of all(root, 'text')) {
      const [x, y] = at(label);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(760);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(560);
    }
    const [suburbia, mid90s] = all(root, 'g[stroke-width="1.5"] path').map(at);
    expect(suburbia[0]).toBeLessThan(380);
    expect(suburbia[1]).toBeGreaterThan(280);
    expect(mid90s[0]).toBeGreaterThan(380);
    expect(mid90s[1]).toBeLessThan(280);
  });

  it('tags every label and every link with its film, so each label can be held to its own mark', () => {
    const tagged = all(root, 'text[data-point]').map((t) => [Number(t.getAttribute('data-point')), t.textContent]);
    expect(tagged.sort()).toEqual(points.map((p, i) => [i, p.label]).sort());
    expect(all(root, 'a').map((a) => a.getAttribute('data-point'))).toEqual(['0', '1', '2', '3']);
  });

  it('draws t-SNE’s map with no axes, since its axes mean nothing', () => {
    expect(texts(root).filter((t) => /component/.test(t))).toEqual([]);
  });

  describe('on the PCA plane', () => {
    const pca = filmMapChart(points, 'The PCA plane of four films', {
      axes: { x: 'PC1 · 24% of variance', y: 'PC2 · 18% of variance' },
      equalAspect: true,
    });
    const plane = parse(pca);
    const at = (el: Element) =>
      (el.getAttribute('transform') ?? '')
        .match(/translate\(([-\d.]+),([-\d.]+)\)/)!
        .slice(1)
        .map(Number);

    it('names both axes with the variance their component explains, outside the frame', async () => {
      expect(texts(plane)).toEqual(expect.arrayContaining(['PC1 · 24% of variance', 'PC2 · 18% of variance']));
      const yName = all(plane, 'text').find((t) => t.textContent === 'PC2 · 18% of variance')!;
      expect(yName.getAttribute('transform')).toMatch(/rotate\(-90\)/);
      await matchesSnapshot('film-map-pca', pca);
    });

    it('keeps one unit as long across as up, so distances are not stretched', () => {
      const [suburbia, mid90s] = all(plane, 'g[stroke-width="1.5"] path').map(at);
      expect(mid90s[0] - suburbia[0]).toBeCloseTo(suburbia[1] - mid90s[1], 0);
    });
  });
});

describe('trackSequenceChart', () => {
  const track = (position: number, features: StoryTrack['features']): StoryTrack => ({
    position,
    title: `Song ${position}`,
    performers: [],
    remixers: [],
    uncredited: false,
    genres: [],
    contributingTags: [],
    unmappedTags: [],
    features,
  });
  const tracks = [
    track(1, { valence: 0.2, energy: 0.9, danceability: 0.5, tempo: 160 }),
    track(2, null),
    track(3, { valence: 0.6, energy: 0.4, danceability: 0.7, tempo: 40 }),
    track(4, { valence: 0.9, energy: 0.1, danceability: 0.3, tempo: 250 }),
  ];
  const svg = trackSequenceChart('Repo Man', tracks, COLOR);
  const root = parse(svg);

  it('draws a dot per featured entry in each of four rows and marks the entry without features', async () => {
    expectOneImage(root, 'Repo Man: mood features of each of its 4 soundtrack entries in order; 1 entries have no features');
    expect(all(root, `g[fill="${COLOR}"] circle`)).toHaveLength(3 * 4);
    expect(all(root, `g[stroke="${COLOR}"] path`)).toHaveLength(4);
    expect(all(root, 'g[stroke-dasharray="2 3"] line')).toHaveLength(4);
    const t = texts(root);
    for (const row of ['Valence', 'Energy', 'Danceability', 'Tempo (60–200 BPM)']) expect(t.filter((s) => s === row)).toHaveLength(1);
    expect(t).toContain('entry, in page order');
    for (const n of ['1', '2', '3', '4']) expect(t).toContain(n);
    await matchesSnapshot('track-sequence', svg);
  });

  it('clamps tempo outside 60–200 BPM to the row’s ends', () => {
    // The tempo row is the last panel; its dots are the last three circles.
    const tempo = all(root, `g[fill="${COLOR}"]`).at(-1)!;
    const ys = all(tempo, 'circle').map((c) => Number(c.getAttribute('cy')));
    expect(ys).toHaveLength(3);
    // 160 BPM is inside; 40 clamps to the bottom (low), 250 to the top (high).
    expect(ys[1]).toBeGreaterThan(ys[0]);
    expect(ys[2]).toBeLessThan(ys[0]);
    const [top, bottom] = [Math.min(...ys), Math.max(...ys)];
    expect(bottom - top).toBeCloseTo(81, 0);
  });
});
