import { describe, expect, it } from 'vitest';
import { levelChart, type LevelRow } from '../../../src/charts/levels.ts';
import { all, at, parseSvg as parse, texts } from '../../support/svg.ts';

const yOf = (el: Element) => at(el)[1];

/** The values at the x axis's two ends, read back from where two of its tick labels sit. */
function xDomain(root: Element, a: string, b: string): [number, number] {
  const tick = (label: string) => at(all(root, 'text').find((t) => t.textContent === label)!)[0];
  const perPixel = (Number(b) - Number(a)) / (tick(b) - tick(a));
  const valueAt = (x: number) => Number(a) + (x - tick(a)) * perPixel;
  const width = Number(root.getAttribute('width'));
  return [valueAt(232), valueAt(width - 16)];
}

const ROWS: LevelRow[] = [
  { title: 'Kids', mean: 0.42, low: 0.3, high: 0.55 },
  { title: 'SLC Punk!', mean: 0.61, low: 0.5, high: 0.7 },
  { title: 'Gummo', mean: 0.42, low: 0.35, high: 0.5 },
];

describe('levelChart', () => {
  it('draws a dot at each film’s mean and a rule over its interval, highest mean first', () => {
    const root = parse(levelChart('valence', ROWS));
    expect(root.getAttribute('aria-label')).toBe(
      "Each film's mean valence, highest first, with its 95% interval from resampling its artists",
    );
    const dots = all(root, 'g[fill="var(--accent)"] circle');
    const rules = all(root, 'g[stroke-width="3"] line');
    expect(dots).toHaveLength(3);
    expect(rules).toHaveLength(3);
    // Rows run top to bottom: SLC Punk! (0.61), then the tie at 0.42 by title, Gummo before Kids.
    const names = all(root, 'text').filter((t) => ROWS.some((r) => r.title === t.textContent));
    expect([...names].sort((a, b) => yOf(a) - yOf(b)).map((t) => t.textContent)).toEqual(['SLC Punk!', 'Gummo', 'Kids']);
    // Top row's dot is furthest right; each dot sits inside its own rule, on its row.
    const cys = dots.map((d) => Number(d.getAttribute('cy')));
    expect(cys).toEqual([...cys].sort((a, b) => a - b));
    const cx = dots.map((d) => Number(d.getAttribute('cx')));
    expect(cx[0]).toBeGreaterThan(cx[1]);
    expect(cx[1]).toBe(cx[2]);
    dots.forEach((dot, i) => {
      const rule = rules.find((r) => Number(r.getAttribute('y1')) === Number(dot.getAttribute('cy')))!;
      expect(Number(rule.getAttribute('x1'))).toBeLessThan(cx[i]);
      expect(Number(rule.getAttribute('x2'))).toBeGreaterThan(cx[i]);
    });
  });

  it('does not reorder the rows it is given', () => {
    const rows = ROWS.map((r) => ({ ...r }));
    levelChart('energy', rows);
    expect(rows.map((r) => r.title)).toEqual(['Kids', 'SLC Punk!', 'Gummo']);
  });

  it('names the axis for the feature, on its usual scale, widened to hold an interval beyond it', () => {
    const valence = parse(levelChart('valence', ROWS));
    expect(texts(valence)).toContain('valence (sad → happy)');
    // The whole 0–1 scale, though every film sits between 0.3 and 0.7.
    const [lo, hi] = xDomain(valence, '0.0', '0.5');
    expect(lo).toBeCloseTo(0, 6);
    expect(hi).toBeCloseTo(1, 6);
    const tempo = parse(
      levelChart('tempo', [
        { title: 'Fast', mean: 190, low: 170, high: 240 },
        { title: 'Slow', mean: 100, low: 90, high: 120 },
      ]),
    );
    expect(texts(tempo)).toContain('tempo (BPM)');
    // 60–200 BPM by default; the interval reaching 240 stretches the top end, and only that.
    const [slow, fast] = xDomain(tempo, '100', '200');
    expect(slow).toBeCloseTo(60, 6);
    expect(fast).toBeCloseTo(240, 6);
  });

  it('puts names left of their rows when wide, above them when narrow', () => {
    const wide = parse(levelChart('danceability', ROWS));
    const narrow = parse(levelChart('danceability', ROWS, 'narrow'));
    expect([wide.getAttribute('width'), wide.getAttribute('height')]).toEqual(['480', String(80 + 24 * 3)]);
    expect([narrow.getAttribute('width'), narrow.getAttribute('height')]).toEqual(['340', String(80 + (24 + 18) * 3)]);
    for (const [root, placed] of [
      [wide, (name: number, dot: number) => expect(name).toBe(dot)],
      [narrow, (name: number, dot: number) => expect(name).toBeLessThan(dot)],
    ] as const) {
      const dots = all(root, 'g[fill="var(--accent)"] circle').map((d) => Number(d.getAttribute('cy')));
      const names = all(root, 'text')
        .filter((t) => ROWS.some((r) => r.title === t.textContent))
        .map(yOf)
        .sort((a, b) => a - b);
      expect(names).toHaveLength(3);
      names.forEach((y, i) => placed(y, dots[i]));
    }
  });
});
