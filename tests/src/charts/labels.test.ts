import { describe, expect, it } from 'vitest';
import { distanceToBox, placeLabels, type PlacedLabel } from '../../../src/charts/labels.ts';

const FONT = 15;
const BOUNDS = { x0: 0, y0: 0, x1: 400, y1: 500 };

/** The box a placed label covers, with the same estimate of width the placement uses. */
function boxOf(l: PlacedLabel) {
  const w = l.text.length * FONT * 0.6;
  const x0 = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2;
  return { x0, y0: l.y - (FONT * 1.15) / 2, x1: x0 + w, y1: l.y + (FONT * 1.15) / 2 };
}

describe('placing a map’s labels', () => {
  it('puts a lone label just right of its point', () => {
    expect(placeLabels([{ px: 100, py: 100, text: 'Kids' }], FONT, BOUNDS)).toEqual([{ x: 109, y: 100, anchor: 'start', text: 'Kids' }]);
  });

  it('turns a label inwards at the edge of the chart', () => {
    const [label] = placeLabels([{ px: 390, py: 100, text: 'Kids' }], FONT, BOUNDS);
    expect(label.anchor).toBe('end');
    expect(boxOf(label).x1).toBeLessThanOrEqual(400);
  });

  it('keeps every label of a crowd nearer its own point than any other, and off the other labels', () => {
    // Films packed as on the real home map at phone width (in the narrow map's units): near neighbours, long titles.
    const points = [
      { px: 150, py: 300, text: 'SLC Punk' },
      { px: 92, py: 309, text: 'Times Square' },
      { px: 52, py: 312, text: 'SubUrbia' },
      { px: 96, py: 373, text: 'The Doom Generation' },
      { px: 24, py: 345, text: 'Mid90s' },
      { px: 55, py: 397, text: 'Kids' },
      { px: 170, py: 381, text: 'Paranoid Park' },
      { px: 178, py: 395, text: 'Nowhere' },
    ].map((p) => ({ ...p, px: p.px * 1.25, py: p.py * 1.25 }));
    const placed = placeLabels(points, FONT, BOUNDS);
    placed.forEach((label, i) => {
      const box = boxOf(label);
      const own = distanceToBox(box, points[i].px, points[i].py);
      expect(own, label.text).toBeLessThanOrEqual(9 + 7);
      for (const [j, q] of points.entries())
        if (j !== i) expect(distanceToBox(box, q.px, q.py), `${label.text} against ${q.text}`).toBeGreaterThan(own);
      for (const [j, other] of placed.entries()) {
        const b = boxOf(other);
        if (j !== i)
          expect(box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1, `${label.text} over ${other.text}`).toBe(false);
      }
    });
  });

  it('measures from a point to a box’s nearest edge, 0 inside it', () => {
    const box = { x0: 0, y0: 0, x1: 10, y1: 10 };
    expect(distanceToBox(box, 5, 5)).toBe(0);
    expect(distanceToBox(box, 13, 14)).toBe(5);
  });
});

describe('shortening a name that has no clear spot', () => {
  it('cuts to its first words, about ten letters, then to its first word, each with an ellipsis', async () => {
    const { firstWord, shortened } = await import('../../../src/charts/labels.ts');
    expect(shortened('Out of the Blue')).toBe('Out of the…');
    expect(shortened('My Own Private Idaho')).toBe('My Own…');
    expect(shortened('Gummo')).toBe('Gummo');
    expect(firstWord('Out of the Blue')).toBe('Out…');
    expect(firstWord('Kids')).toBe('Kids');
  });
});
