import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { ArcPoint } from '../../../scripts/schemas.ts';
import { lineupArcChart } from '../../../src/charts/lineup.ts';

function parse(svg: string): Element {
  const root = parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document.querySelector('svg');
  if (!root) throw new Error('no <svg> in the chart');
  return root;
}
const all = (root: Element, selector: string) => Array.from(root.querySelectorAll(selector));
/** The y of each point of an SVG path, in order. */
const pathYs = (path: Element) => [...(path.getAttribute('d') ?? '').matchAll(/[MLC]\s*-?[\d.]+,(-?[\d.]+)/g)].map((m) => Number(m[1]));

const point = (step: number, t: number, valence: number, energy: number): ArcPoint => ({
  step,
  t,
  valence,
  energy,
  danceability: 0.5,
  tempo: 0.5,
});
// Valence rises from the first song to the last while energy falls.
const ARC = [point(0, 0, 0.1, 0.9), point(1, 1, 0.9, 0.2)];

describe('lineupArcChart', () => {
  const svg = lineupArcChart('B', ARC);
  const root = parse(svg);

  it('is one small image named by its letter, with no axes to tell the candidates apart', () => {
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-label')).toBe('Arc B: valence and energy from the first song to the last');
    expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual(['200', '150']);
    // Only the two panel names and the direction: no tick labels that would differ between arcs.
    expect(all(root, 'text').map((t) => t.textContent)).toEqual(['valence', 'energy', 'first song → last']);
  });

  it('draws valence in the top panel and energy in the bottom one, each a single line in its frame', () => {
    expect(all(root, 'rect[stroke="currentColor"]')).toHaveLength(2);
    const lines = all(root, 'g[stroke-width="2.5"] path');
    expect(lines).toHaveLength(2);
    const [valence, energy] = lines.map(pathYs);
    // SVG y grows downwards: a rising value goes up the panel.
    expect(valence.at(-1)!).toBeLessThan(valence[0]);
    expect(energy.at(-1)!).toBeGreaterThan(energy[0]);
    const panelTop = (el: Element) => Number((el.parentElement?.getAttribute('transform') ?? '').match(/translate\(0,([\d.]+)\)/)![1]);
    expect(panelTop(lines[0])).toBeLessThan(panelTop(lines[1]));
  });

  it('draws every candidate order identically, so only the order tells them apart', () => {
    const reversed = ARC.map((p, i) => ({ ...p, valence: ARC[ARC.length - 1 - i].valence, energy: ARC[ARC.length - 1 - i].energy }));
    const other = lineupArcChart('C', reversed);
    const strip = (s: string) => s.replace(/ d="[^"]*"/g, '').replace(/aria-label="[^"]*"/, '');
    expect(strip(other)).toBe(strip(svg));
    expect(other).not.toBe(svg.replace('Arc B', 'Arc C'));
  });
});
