/**
 * Greedy label placement for a labelled scatter: each label tries eight spots around
 * its point and takes the first that overlaps neither an earlier label nor a point.
 * Widths are estimated from character counts, which is enough at build time.
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

export function placeLabels(points: LabelPoint[], fontSize: number, bounds: Box, gap = 9): PlacedLabel[] {
  const charWidth = fontSize * 0.56;
  const h = fontSize * 1.15;
  const taken: Box[] = points.map((p) => ({ x0: p.px - 5, y0: p.py - 5, x1: p.px + 5, y1: p.py + 5 }));
  // Longest labels first: they have the fewest places to go.
  const order = points.map((_, i) => i).sort((a, b) => points[b].text.length - points[a].text.length || a - b);
  const placed: PlacedLabel[] = new Array(points.length);
  for (const i of order) {
    const p = points[i];
    const w = p.text.length * charWidth;
    const candidates: [number, number, PlacedLabel['anchor']][] = [
      [p.px + gap, p.py, 'start'],
      [p.px - gap, p.py, 'end'],
      [p.px, p.py - gap - h / 2, 'middle'],
      [p.px, p.py + gap + h / 2, 'middle'],
      [p.px + gap, p.py - gap, 'start'],
      [p.px - gap, p.py - gap, 'end'],
      [p.px + gap, p.py + gap, 'start'],
      [p.px - gap, p.py + gap, 'end'],
    ];
    const boxOf = ([x, y, anchor]: (typeof candidates)[number]): Box => {
      const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
      return { x0, y0: y - h / 2, x1: x0 + w, y1: y + h / 2 };
    };
    const inside = (b: Box) => b.x0 >= bounds.x0 && b.x1 <= bounds.x1 && b.y0 >= bounds.y0 && b.y1 <= bounds.y1;
    let choice = candidates.find((c) => {
      const b = boxOf(c);
      return inside(b) && !taken.some((t) => overlaps(t, b));
    });
    // Nowhere free: the spot with the least overlap that stays inside.
    if (!choice) {
      const area = (c: (typeof candidates)[number]) => {
        const b = boxOf(c);
        return taken.reduce((s, t) => s + (overlaps(t, b) ? Math.min(b.x1, t.x1) - Math.max(b.x0, t.x0) : 0), 0) + (inside(b) ? 0 : 1e6);
      };
      choice = [...candidates].sort((a, b) => area(a) - area(b))[0];
    }
    taken.push(boxOf(choice));
    placed[i] = { x: choice[0], y: choice[1], anchor: choice[2], text: p.text };
  }
  return placed;
}
