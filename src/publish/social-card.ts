/**
 * Social cards (1200 × 630 PNG), drawn at build time from the data: the site's card
 * (og.png), which states the finding, and one per film: its title, its songs, its arc and
 * what the order test says of it. Text is set in Anton from the font's own outlines, so no
 * font need be installed to render it.
 *
 * A catalogue of 2,000 films makes 2,000 cards, so a film's card is not an SVG rendered
 * whole (about 16 ms each within `astro build`, most of it rasterising and encoding
 * 1200 × 630 RGB pixels). What every film card shares (paper, stripes, masthead, the four
 * empty panels and their names) is rendered once; each card copies those pixels as palette
 * indices, sets its words from glyphs rasterised once per size, draws its arc's lines, and
 * is written as an indexed-colour PNG. The font is parsed once. What it costs is in the
 * README (Performance).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import opentype from 'opentype.js';
import sharp from 'sharp';
import { FEATURES, type Story, type StoryFilm } from '../story/schemas.ts';
import { indexedPng, type Rgb } from './indexed-png.ts';
import { filmOrderFinding, siteFinding } from './sharing.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const PAPER = '#f3eee4';
const INK = '#171513';
const HIGHLIGHT = '#ffe14a';
const MARGIN = 60;
const TEXT_WIDTH = CARD_WIDTH - 2 * MARGIN;

let font: opentype.Font | null = null;
function anton(): opentype.Font {
  if (!font) {
    const file = createRequire(import.meta.url).resolve('@fontsource/anton/files/anton-latin-400-normal.woff');
    const bytes = readFileSync(file);
    font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }
  return font;
}

/**
 * The glyphs of a text in the card's face: capitals, and for a character the face lacks,
 * its letter without accents or nothing (a card must never show a box for a missing glyph;
 * the page's alt text and title carry the exact words).
 */
function glyphsOf(text: string): opentype.Glyph[] {
  const f = anton();
  const glyphs: opentype.Glyph[] = [];
  // Capitals, but a p-value keeps its small p.
  for (const char of text.toLocaleUpperCase('en').replace(/\bP(?= (=|<|BELOW\b))/g, 'p')) {
    let glyph = f.charToGlyph(char);
    if (glyph.index === 0) glyph = f.charToGlyph(char.normalize('NFKD').replace(/\p{M}/gu, '').charAt(0) || ' ');
    if (glyph.index !== 0) glyphs.push(glyph);
  }
  return glyphs;
}

/** Each glyph's pen position along a line, in font units, with the face's kerning. */
function layout(glyphs: opentype.Glyph[]): { glyph: opentype.Glyph; at: number }[] {
  const f = anton();
  let pen = 0;
  return glyphs.map((glyph, i) => {
    const placed = { glyph, at: pen };
    pen += (glyph.advanceWidth ?? 0) + (i + 1 < glyphs.length ? f.getKerningValue(glyph, glyphs[i + 1]) : 0);
    return placed;
  });
}

/** The width of a line of text at a size, in pixels. */
export function textWidth(text: string, size: number): number {
  const placed = layout(glyphsOf(text));
  const last = placed[placed.length - 1];
  return last ? ((last.at + (last.glyph.advanceWidth ?? 0)) * size) / anton().unitsPerEm : 0;
}

/** Words broken into lines no wider than width at size (a word wider than a line has one of its own). */
export function wrapText(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The largest of the sizes (largest first) at which text fits width in at most maxLines
 * lines; else the smallest, its last line ending in an ellipsis where words were left out.
 */
export function fitText(text: string, width: number, sizes: readonly number[], maxLines: number): { size: number; lines: string[] } {
  for (const size of sizes) {
    const lines = wrapText(text, size, width);
    if (lines.length <= maxLines && lines.every((l) => textWidth(l, size) <= width)) return { size, lines };
  }
  const size = sizes[sizes.length - 1];
  const lines = wrapText(text, size, width);
  if (lines.length <= maxLines) return { size, lines };
  return { size, lines: [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]}…`] };
}

/** Each glyph's outline in font units, y down as SVG draws, made once per glyph. */
const outlines = new Map<number, string>();
function outline(glyph: opentype.Glyph): string {
  let d = outlines.get(glyph.index);
  if (d === undefined) {
    d = glyph.getPath(0, 0, anton().unitsPerEm).toPathData(0);
    outlines.set(glyph.index, d);
  }
  return d;
}

/** One line of text as SVG, for the parts drawn as SVG: a group scaled once, a path per glyph. */
export function textLine(text: string, { x, y, size }: { x: number; y: number; size: number }, fill: string): string {
  const paths = layout(glyphsOf(text))
    .map(({ glyph, at }) => ({ d: outline(glyph), at }))
    .filter(({ d }) => d)
    .map(({ d, at }) => `<path transform="translate(${at})" d="${d}"/>`);
  return `<g fill="${fill}" transform="translate(${x} ${y}) scale(${+(size / anton().unitsPerEm).toFixed(5)})">${paths.join('')}</g>`;
}

const svgDocument = (width: number, height: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;

const STRIPES = Array.from(
  { length: 40 },
  (_, i) => `<rect x="${i * 32}" y="0" width="14" height="40" transform="skewX(-40)" fill="${INK}"/>`,
).join('');

/** Paper, the stripes at the foot and the tilted masthead: the frame of every card. */
function frameSvg(masthead: string): string {
  return `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${PAPER}"/>
<g transform="translate(0 ${CARD_HEIGHT - 40})">${STRIPES}</g>
<g transform="rotate(-2 ${MARGIN} 50)"><rect x="${MARGIN}" y="50" width="${Math.ceil(textWidth(masthead, 26)) + 28}" height="44" fill="${HIGHLIGHT}"/>${textLine(masthead, { x: MARGIN + 14, y: 83, size: 26 }, INK)}</g>`;
}

/**
 * The site's card: the name, the finding in words, and the landscape's dots in one colour
 * (coloured by archetype they would show groups the finding says the order does not make).
 */
export function socialCardSvg(story: Story): string {
  const dots = story.films
    .filter((f) => f.map)
    .map((f) => {
      const x = 850 + ((f.map!.x + 1) / 2) * 290;
      const y = 140 + ((1 - f.map!.y) / 2) * 260;
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="12" fill="${INK}" stroke="${PAPER}" stroke-width="3"/>`;
    })
    .join('');
  const finding = fitText(siteFinding(story), TEXT_WIDTH, [44, 40, 36, 32, 28, 24], 2);
  const findingLines = finding.lines
    .map((line, i) => textLine(line, { x: MARGIN, y: 490 + i * Math.round(finding.size * 1.15), size: finding.size }, INK))
    .join('');
  return svgDocument(
    CARD_WIDTH,
    CARD_HEIGHT,
    `${frameSvg('A DATA STORY TOLD THROUGH SOUNDTRACKS')}
${textLine('SOUNDTRACK', { x: MARGIN, y: 250, size: 140 }, INK)}
<g transform="rotate(-1.5 ${MARGIN} 268)"><rect x="${MARGIN - 8}" y="268" width="${Math.ceil(textWidth('ARCS', 140)) + 36}" height="152" fill="${INK}"/>${textLine('ARCS', { x: MARGIN + 10, y: 406, size: 140 }, PAPER)}</g>
${findingLines}
${dots}`,
  );
}

export function socialCardPng(story: Story): Promise<Buffer> {
  return toPng(sharp(Buffer.from(socialCardSvg(story))));
}

// A film's card, laid out once for every film. The title's space runs from below the
// masthead to TITLE_BOTTOM: one line at up to 120 px, or two at up to 72 px.
const TITLE_BOTTOM = 262;
const ONE_LINE_TITLE = [120, 108, 96, 88, 80, 72];
const TWO_LINE_TITLE = [72, 64, 56, 48];
const FACTS_BASELINE = 312;
const FACTS_SIZE = 30;
const PANEL = { top: 342, width: 240, height: 100, stroke: 6 };
const PANEL_GAP = (TEXT_WIDTH - 4 * PANEL.width) / 3;
const FINDING_BASELINE = 560;
const FINDING_SIZES = [30, 28, 26, 24, 22, 20, 18];
const panelLeft = (i: number) => MARGIN + i * (PANEL.width + PANEL_GAP);

function filmFrameSvg(withPanels: boolean): string {
  const panels = withPanels
    ? FEATURES.map(
        (feature, i) =>
          `<rect x="${panelLeft(i)}" y="${PANEL.top}" width="${PANEL.width}" height="${PANEL.height}" fill="none" stroke="${INK}" stroke-opacity="0.2" stroke-width="2"/>${textLine(feature, { x: panelLeft(i), y: PANEL.top + PANEL.height + 34, size: 24 }, INK)}`,
      ).join('')
    : '';
  return svgDocument(CARD_WIDTH, CARD_HEIGHT, `${frameSvg('SOUNDTRACK ARCS · A FILM')}${panels}`);
}

/** One byte a pixel: a palette index for a card, coverage (0–255) for a glyph. */
interface Bitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;
const mix = (from: Rgb, to: Rgb, t: number): Rgb => from.map((c, i) => Math.round(c + (to[i] - c) * t)) as unknown as Rgb;

/**
 * A film card's palette: every colour it can hold. Two ramps of 64 steps to ink, from paper
 * and from the masthead's yellow (ink painted over a pixel moves it along its ramp), and 32
 * steps from paper to yellow for the masthead's edges, which ink never covers.
 */
const STEPS = 64;
const PALETTE: Rgb[] = [
  ...Array.from({ length: STEPS }, (_, i) => mix(rgb(PAPER), rgb(INK), i / (STEPS - 1))),
  ...Array.from({ length: STEPS }, (_, i) => mix(rgb(HIGHLIGHT), rgb(INK), i / (STEPS - 1))),
  ...Array.from({ length: 32 }, (_, i) => mix(rgb(PAPER), rgb(HIGHLIGHT), i / 31)),
];

/** INKED[index × 256 + coverage]: the palette index of that colour with ink over it at that coverage. */
const INKED = (() => {
  const table = new Uint8Array(PALETTE.length * 256);
  for (let index = 0; index < PALETTE.length; index++) {
    // A paper-to-yellow blend takes ink as the nearer of the two.
    const onRamp = index < 2 * STEPS ? index : index - 2 * STEPS < 16 ? 0 : STEPS;
    const ramp = onRamp < STEPS ? 0 : STEPS;
    const t = (onRamp - ramp) / (STEPS - 1);
    for (let a = 0; a < 256; a++) table[index * 256 + a] = ramp + Math.round((t + ((1 - t) * a) / 255) * (STEPS - 1));
  }
  return table;
})();

/** The palette index nearest to each colour of an RGB image (a frame has a few hundred colours: each is looked up once). */
function toPaletteIndices(rgbPixels: Uint8Array): Uint8Array {
  const nearest = new Map<number, number>();
  const out = new Uint8Array(rgbPixels.length / 3);
  for (let p = 0; p < out.length; p++) {
    const [r, g, b] = [rgbPixels[3 * p], rgbPixels[3 * p + 1], rgbPixels[3 * p + 2]];
    const key = (r << 16) | (g << 8) | b;
    let index = nearest.get(key);
    if (index === undefined) {
      let best = Infinity;
      index = 0;
      for (let i = 0; i < PALETTE.length; i++) {
        const [pr, pg, pb] = PALETTE[i];
        const d = (pr - r) ** 2 + (pg - g) ** 2 + (pb - b) ** 2;
        if (d < best) [best, index] = [d, i];
      }
      nearest.set(key, index);
    }
    out[p] = index;
  }
  return out;
}

/** Rendered once per run and copied for each card: the frames with and without the arc's panels, as palette indices. */
const frames = new Map<boolean, Promise<Bitmap>>();
function filmFrame(withPanels: boolean): Promise<Bitmap> {
  let frame = frames.get(withPanels);
  if (!frame) {
    frame = sharp(Buffer.from(filmFrameSvg(withPanels)))
      .flatten({ background: PAPER })
      .raw()
      .toBuffer({ resolveWithObject: true })
      .then(({ data, info }) => ({ width: info.width, height: info.height, data: toPaletteIndices(data) }));
    frames.set(withPanels, frame);
  }
  return frame;
}

/** A glyph's coverage at a size, with where its box sits from the pen, rasterised once per glyph and size. */
interface GlyphMask extends Bitmap {
  left: number;
  top: number;
}
const masks = new Map<string, Promise<GlyphMask | null>>();
function glyphMask(glyph: opentype.Glyph, size: number): Promise<GlyphMask | null> {
  const key = `${glyph.index}@${size}`;
  let mask = masks.get(key);
  if (!mask) {
    const d = outline(glyph);
    const box = glyph.getBoundingBox();
    const scale = size / anton().unitsPerEm;
    const left = Math.floor(box.x1 * scale) - 1;
    const top = Math.floor(-box.y2 * scale) - 1;
    const width = Math.ceil(box.x2 * scale) + 1 - left;
    const height = Math.ceil(-box.y1 * scale) + 1 - top;
    mask =
      !d || width <= 0 || height <= 0
        ? Promise.resolve(null)
        : sharp(Buffer.from(svgDocument(width, height, `<path transform="translate(${-left} ${-top}) scale(${scale})" d="${d}"/>`)))
            .extractChannel(3)
            .raw()
            .toBuffer()
            .then((data) => ({ width, height, left, top, data }));
    masks.set(key, mask);
  }
  return mask;
}

/** Paints ink over the card where a coverage map (0–255 per pixel, `width` wide) says, its top left at (x0, y0). */
function paint(card: Bitmap, { coverage, width }: { coverage: Uint8Array; width: number }, { x0, y0 }: { x0: number; y0: number }): void {
  const height = coverage.length / width;
  const data = card.data;
  for (let y = Math.max(0, y0); y < Math.min(card.height, y0 + height); y++) {
    for (let x = Math.max(0, x0); x < Math.min(card.width, x0 + width); x++) {
      const a = coverage[(y - y0) * width + (x - x0)];
      if (a !== 0) data[y * card.width + x] = INKED[data[y * card.width + x] * 256 + a];
    }
  }
}

/** Sets a line of text in ink with its baseline at (x, baseline). */
async function setLine(card: Bitmap, text: string, { x, baseline, size }: { x: number; baseline: number; size: number }): Promise<void> {
  const scale = size / anton().unitsPerEm;
  const placed = layout(glyphsOf(text));
  const glyphMasks = await Promise.all(placed.map(({ glyph }) => glyphMask(glyph, size)));
  placed.forEach(({ at }, i) => {
    const mask = glyphMasks[i];
    if (!mask) return;
    paint(card, { coverage: mask.data, width: mask.width }, { x0: Math.round(x + at * scale) + mask.left, y0: baseline + mask.top });
  });
}

/** An arc's four features as lines in the frame's panels, first song at the left, last at the right. */
function drawArc(card: Bitmap, arc: NonNullable<StoryFilm['arc']>): void {
  const half = PANEL.stroke / 2;
  FEATURES.forEach((feature, i) => {
    const points = arc.map(
      (p, j) => [panelLeft(i) + (j / (arc.length - 1)) * PANEL.width, PANEL.top + (1 - p[feature]) * PANEL.height] as const,
    );
    const x0 = Math.floor(panelLeft(i) - half - 1);
    const y0 = Math.floor(PANEL.top - half - 1);
    const width = PANEL.width + PANEL.stroke + 3;
    const height = PANEL.height + PANEL.stroke + 3;
    // Coverage of a round-capped polyline: how far inside the stroke each pixel's centre lies, clamped to one pixel.
    const coverage = new Uint8Array(width * height);
    for (let s = 0; s + 1 < points.length; s++) {
      const [ax, ay] = points[s];
      const [bx, by] = points[s + 1];
      const dx = bx - ax;
      const dy = by - ay;
      const length2 = dx * dx + dy * dy || 1;
      for (let py = Math.floor(Math.min(ay, by) - half - 1); py <= Math.ceil(Math.max(ay, by) + half + 1); py++) {
        for (let px = Math.floor(Math.min(ax, bx) - half - 1); px <= Math.ceil(Math.max(ax, bx) + half + 1); px++) {
          const cx = px + 0.5;
          const cy = py + 0.5;
          const t = Math.max(0, Math.min(1, ((cx - ax) * dx + (cy - ay) * dy) / length2));
          const ex = cx - (ax + t * dx);
          const ey = cy - (ay + t * dy);
          // (Math.hypot is several times slower, and this runs some 100,000 times a card.)
          const distance = Math.sqrt(ex * ex + ey * ey);
          const a = Math.round(255 * Math.max(0, Math.min(1, half + 0.5 - distance)));
          const k = (py - y0) * width + (px - x0);
          if (a > coverage[k]) coverage[k] = a;
        }
      }
    }
    paint(card, { coverage, width }, { x0, y0 });
  });
}

function titleLines(title: string): { size: number; lines: string[] } {
  for (const size of ONE_LINE_TITLE) if (textWidth(title, size) <= TEXT_WIDTH) return { size, lines: [title] };
  return fitText(title, TEXT_WIDTH, TWO_LINE_TITLE, 2);
}

/** The words a film's card carries, laid out: exported so that tests can read what the pixels say. */
export function filmCardText(
  film: StoryFilm,
  significance: number,
): { title: { size: number; lines: string[] }; facts: string; finding: { size: number; lines: string[] } } {
  const { entries, withFeatures } = film.coverage;
  return {
    title: titleLines(film.title),
    facts: `${film.year} · ${entries} songs listed · ${withFeatures} with mood features`,
    finding: fitText(filmOrderFinding(film, significance), TEXT_WIDTH, FINDING_SIZES, 1),
  };
}

/** Where a film's card lives, site-relative: its page names it, the site build paints it there. */
export const filmCardPath = (slug: string) => `films/${slug}/card.png`;

export async function filmCardPng(film: StoryFilm, significance: number): Promise<Buffer> {
  const frame = await filmFrame(film.arc !== null);
  const card: Bitmap = { ...frame, data: frame.data.slice() };
  const { title, facts, finding } = filmCardText(film, significance);
  // One line sits low in the title's space; two share it.
  const lineHeight = Math.round(title.size * 1.02);
  const firstBaseline = TITLE_BOTTOM - (title.lines.length - 1) * lineHeight;
  await Promise.all([
    ...title.lines.map((line, i) => setLine(card, line, { x: MARGIN, baseline: firstBaseline + i * lineHeight, size: title.size })),
    setLine(card, facts, { x: MARGIN, baseline: FACTS_BASELINE, size: FACTS_SIZE }),
    ...finding.lines.map((line) => setLine(card, line, { x: MARGIN, baseline: FINDING_BASELINE, size: finding.size })),
  ]);
  if (film.arc) drawArc(card, film.arc);
  return indexedPng(card, PALETTE);
}

/** Level 6 without adaptive filtering: a third of sharp's time at level 9 with it, for a card of flat colours a few KB larger. */
function toPng(image: sharp.Sharp): Promise<Buffer> {
  return image.png({ compressionLevel: 6, adaptiveFiltering: false }).toBuffer();
}
