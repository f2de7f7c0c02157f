import { describe, expect, it } from 'vitest';
import { Plot, renderPlot } from '../../../src/charts/plot.ts';
import { rowFrame, type RowLayout } from '../../../src/charts/rows.ts';
import { all, at, parseSvg as parse } from '../../support/svg.ts';

const NAMES = ['Suburbia', 'Times Square', 'The Doom Generation'];
const WIDE = { width: 480, marginLeft: 232, rowHeight: 24 };

/** A chart of one dot per row in the given layout, as the row charts draw it. */
function chart(layout: RowLayout) {
  const { names, ...frame } = rowFrame(NAMES, layout, WIDE);
  const rows = NAMES.map((name, i) => ({ name, value: i / 2 }));
  return parse(
    renderPlot('rows', {
      ...frame,
      marginRight: 16,
      x: { domain: [0, 1] },
      marks: [...(names ?? []), Plot.dot(rows, { y: 'name', x: 'value', fill: 'var(--accent)' })],
    }),
  );
}

describe('rowFrame', () => {
  it('wide: the caller’s width and margin, a row height per item, names as the y axis in the order given', () => {
    const frame = rowFrame(NAMES, 'wide', WIDE);
    expect(frame).toMatchObject({ width: 480, height: 80 + 24 * 3, marginLeft: 232, names: [] });
    expect(frame.y).toEqual({ domain: NAMES, label: null, tickSize: 0 });
  });

  it('narrow: phone width, a taller row to hold each name above it, no y axis and one text mark of names', () => {
    const frame = rowFrame(NAMES, 'narrow', WIDE);
    expect(frame).toMatchObject({ width: 340, height: 80 + (24 + 18) * 3, marginLeft: 14 });
    expect(frame.y).toMatchObject({ domain: NAMES, axis: null });
    expect(frame.names).toHaveLength(1);
  });

  it('grows with the number of rows, and gives an empty chart its margins', () => {
    expect(rowFrame([], 'wide', WIDE).height).toBe(80);
    expect(rowFrame([], 'narrow', WIDE).height).toBe(80);
    expect(rowFrame([...NAMES, 'Kids'], 'narrow', WIDE).height! - rowFrame(NAMES, 'narrow', WIDE).height!).toBe(42);
  });

  it('draws each name once, level with its row when wide and just above it, from the left edge, when narrow', () => {
    for (const layout of ['wide', 'narrow'] as const) {
      const root = chart(layout);
      const labels = all(root, 'text').filter((t) => NAMES.includes(t.textContent ?? ''));
      expect(labels.map((t) => t.textContent)).toEqual(NAMES);
      const dots = all(root, 'circle');
      labels.forEach((label, i) => {
        const [x, y] = at(label);
        const dotY = Number(dots[i].getAttribute('cy'));
        if (layout === 'wide') {
          expect(y).toBe(dotY);
          expect(x).toBeLessThanOrEqual(WIDE.marginLeft);
        } else {
          expect(y).toBeLessThan(dotY);
          expect(dotY - y).toBeLessThan(42);
          expect(x).toBeLessThanOrEqual(14);
        }
      });
      // Narrow names start at the left, so a long one runs right, into the chart, not off the page.
      if (layout === 'narrow') expect(labels[0].parentElement?.getAttribute('text-anchor')).toBe('start');
    }
  });
});
