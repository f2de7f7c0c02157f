import { describe, expect, it } from 'vitest';
import { AXIS_LABEL, panelChart, type PanelFrame } from '../../../src/charts/frame.ts';
import { Plot } from '../../../src/charts/plot.ts';
import { all, at, parseSvg as parse } from '../../support/svg.ts';

const textsNamed = (root: Element, name: string) => all(root, 'text').filter((t) => t.textContent === name);

const FRAME: PanelFrame = {
  panels: ['Top', 'Middle', 'Bottom'],
  x: { domain: [0, 1], label: 'time' },
  yTicks: ['low', 'high'],
  marginRight: 12,
};
// One dot at the top of the first panel and one at the bottom of the last.
const MARKS = [
  Plot.dot(
    [
      { panel: 'Top', x: 0.5, y: 1 },
      { panel: 'Bottom', x: 0.5, y: 0 },
    ],
    { x: 'x', y: 'y', fy: 'panel' },
  ),
];

describe('AXIS_LABEL', () => {
  it('centres an axis label and drops Plot’s arrow', () => {
    expect(AXIS_LABEL).toEqual({ labelAnchor: 'center', labelArrow: 'none' });
  });
});

describe('panelChart', () => {
  const root = parse(panelChart('Three panels', FRAME, MARKS));
  const frames = all(root, 'rect[stroke="currentColor"]');
  /** A panel's frame as [top, bottom] in the chart's coordinates. */
  const span = (rect: Element): [number, number] => {
    const top = at(rect)[1] + Number(rect.getAttribute('y'));
    return [top, top + Number(rect.getAttribute('height'))];
  };

  it('is one labelled image 400 wide, as tall as its panels, gaps and margins', () => {
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-label')).toBe('Three panels');
    expect(root.getAttribute('width')).toBe('400');
    expect(root.getAttribute('height')).toBe(String(3 * 84 + 2 * 30 + 30 + 44));
  });

  it('stacks one framed panel per name, top to bottom in the order given, each named once just above itself', () => {
    expect(frames).toHaveLength(3);
    const spans = frames.map(span);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThan(spans[i - 1][1]);
    FRAME.panels.forEach((name, i) => {
      const labels = textsNamed(root, name);
      expect(labels).toHaveLength(1);
      const y = at(labels[0])[1];
      expect(y).toBeLessThan(spans[i][0]);
      if (i > 0) expect(y).toBeGreaterThan(spans[i - 1][1]);
    });
  });

  it('writes what the panel’s bottom and top stand for on each panel, bottom below top', () => {
    const low = textsNamed(root, 'low').map((t) => at(t)[1]);
    const high = textsNamed(root, 'high').map((t) => at(t)[1]);
    expect(low).toHaveLength(3);
    expect(high).toHaveLength(3);
    low.forEach((y, i) => expect(y).toBeGreaterThan(high[i]));
  });

  it('names the shared x axis once, centred under the panels, with no arrow', () => {
    const [label] = textsNamed(root, 'time');
    expect(label).toBeDefined();
    expect(all(root, 'text').filter((t) => /time/.test(t.textContent ?? ''))).toHaveLength(1);
    const [x0, x1] = [Number(frames[0].getAttribute('x')), Number(frames[0].getAttribute('x')) + Number(frames[0].getAttribute('width'))];
    expect(at(label)[0]).toBeCloseTo((x0 + x1) / 2, 6);
    expect(at(label)[1]).toBeGreaterThan(span(frames[2])[1]);
  });

  it('draws the caller’s marks in their own panels on the 0–1 scale', () => {
    const dots = all(root, 'circle').map((c) => at(c)[1] + Number(c.getAttribute('cy')));
    expect(dots).toHaveLength(2);
    expect(dots[0]).toBeCloseTo(span(frames[0])[0], 6);
    expect(dots[1]).toBeCloseTo(span(frames[2])[1], 6);
  });

  it('writes the name a panelLabel gives instead of the panel’s own', () => {
    const named = parse(panelChart('Named', { ...FRAME, panelLabel: (p) => `${p} · 0.50–0.60` }, []));
    const texts = all(named, 'text').map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['Top · 0.50–0.60', 'Middle · 0.50–0.60', 'Bottom · 0.50–0.60']));
    expect(texts).not.toContain('Top');
  });
});
