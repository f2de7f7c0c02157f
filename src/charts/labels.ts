/**
 * Greedy label placement for a labelled scatter: each label tries spots around its point
 * and takes the first that stays inside, overlaps neither an earlier label nor a point,
 * and is nearer its own point than any other, so that no label reads as another's. Widths
 * are estimated from character counts (generously: a wider face must not push a label
 * onto a neighbour), which is enough at build time.
 */
export interface LabelPoint {
  px: number;
  py: number;
  text: string;
}

export interface PlacedLabel {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  text: string;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** From a point to the nearest edge of a box (0 inside it). */
export function distanceToBox(box: Box, x: number, y: number): number {
  return Math.hypot(Math.max(box.x0 - x, 0, x - box.x1), Math.max(box.y0 - y, 0, y - box.y1));
}

/** Estimated width of a character, in ems, of the chart face (system-ui, DejaVu Sans where that is what there is). */
const CHAR_WIDTH = 0.6;

export function placeLabels(
  points: LabelPoint[],
  fontSize: number,
  bounds: Box,
  { gap = 9, markRadius = 7 }: { gap?: number; markRadius?: number } = {},
): PlacedLabel[] {
  const charWidth = fontSize * CHAR_WIDTH;
  const h = fontSize * 1.15;
  const taken: Box[] = points.map((p) => ({
    x0: p.px - markRadius - 1,
    y0: p.py - markRadius - 1,
    x1: p.px + markRadius + 1,
    y1: p.py + markRadius + 1,
  }));
  // Longest labels first: they have the fewest places to go.
  const order = points.map((_, i) => i).sort((a, b) => points[b].text.length - points[a].text.length || a - b);
  const placed: PlacedLabel[] = new Array(points.length);
  for (const i of order) {
    const p = points[i];
    // A long name with no clear spot of its own is shortened, step by step, before it is
    // allowed to read as a neighbour's; the mark's title and the table keep the whole name.
    const variants = [...new Set([p.text, shortened(p.text), firstWord(p.text)])];
    for (const [v, text] of variants.entries()) {
      const spot = placeOne(p, i, text);
      if (spot.clear || v === variants.length - 1) {
        taken.push(spot.box);
        placed[i] = { x: spot.x, y: spot.y, anchor: spot.anchor, text };
        break;
      }
    }
  }
  return placed;

  function placeOne(
    p: LabelPoint,
    i: number,
    text: string,
  ): { x: number; y: number; anchor: PlacedLabel['anchor']; box: Box; clear: boolean } {
    const w = text.length * charWidth;
    // Near the point first, then a little farther out.
    const candidates = [...spotsAround(p, gap, h), ...spotsAround(p, gap + markRadius, h)];
    const boxOf = ([x, y, anchor]: (typeof candidates)[number]): Box => {
      const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
      return { x0, y0: y - h / 2, x1: x0 + w, y1: y + h / 2 };
    };
    const inside = (b: Box) => b.x0 >= bounds.x0 && b.x1 <= bounds.x1 && b.y0 >= bounds.y0 && b.y1 <= bounds.y1;
    // How much nearer another point is to the box than its own (0 when its own is nearest).
    const ambiguity = (b: Box) => {
      const own = distanceToBox(b, p.px, p.py);
      // A margin of 4 units: the browser's face may set a label a little wider than estimated.
      return points.reduce((worst, q, j) => (j === i ? worst : Math.max(worst, own - distanceToBox(b, q.px, q.py) + 4)), 0);
    };
    let choice = candidates.find((c) => {
      const b = boxOf(c);
      return inside(b) && !taken.some((t) => overlaps(t, b)) && ambiguity(b) === 0;
    });
    const clear = choice !== undefined;
    // Nowhere free: the spot with the least overlap and ambiguity that stays inside.
    if (!choice) {
      const cost = (c: (typeof candidates)[number]) => {
        const b = boxOf(c);
        // A label that reads as another film's is worse than one that touches a neighbour.
        return (
          taken.reduce((s, t) => s + (overlaps(t, b) ? Math.min(b.x1, t.x1) - Math.max(b.x0, t.x0) : 0), 0) +
          1000 * ambiguity(b) +
          (inside(b) ? 0 : 1e6)
        );
      };
      choice = [...candidates].sort((a, b) => cost(a) - cost(b))[0];
    }
    return { x: choice[0], y: choice[1], anchor: choice[2], box: boxOf(choice), clear };
  }
}

/** Where a label of height h may sit at distance g from its point: beside, above and below, then the diagonals. */
function spotsAround(p: LabelPoint, g: number, h: number): [number, number, PlacedLabel['anchor']][] {
  return [
    [p.px + g, p.py, 'start'],
    [p.px - g, p.py, 'end'],
    [p.px, p.py - g - h / 2, 'middle'],
    [p.px, p.py + g + h / 2, 'middle'],
    [p.px + g, p.py - g, 'start'],
    [p.px - g, p.py - g, 'end'],
    [p.px + g, p.py + g, 'start'],
    [p.px - g, p.py + g, 'end'],
  ];
}

/** A name's first word, with an ellipsis if there was more. */
export function firstWord(text: string): string {
  const [first] = text.split(' ');
  return first === text ? text : `${first}…`;
}

/** A film's name cut to its first words, about ten letters, with an ellipsis. */
export function shortened(text: string): string {
  if (text.length <= 12) return text;
  const words = text.split(' ');
  let out = words[0];
  for (const word of words.slice(1)) {
    if (`${out} ${word}`.length > 10) break;
    out = `${out} ${word}`;
  }
  return `${out}…`;
}
