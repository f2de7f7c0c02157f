/**
 * The evidence charts' numbers: where the running total, the target, the chosen k and the
 * silhouette axis land. (Their marks, labels and snapshots are in charts.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { inertiaChart, pcaVarianceChart, silhouetteNullChart, type KRow, type NullRow } from '../../../src/charts/evidence.ts';
import { all, at, parseSvg as parse } from '../../support/svg.ts';

const text = (root: Element, label: string) => all(root, 'text').find((t) => t.textContent === label)!;
/** A dot's centre in the chart's coordinates. */
const centre = (c: Element) => [at(c)[0] + Number(c.getAttribute('cx')), at(c)[1] + Number(c.getAttribute('cy'))];

describe('pcaVarianceChart', () => {
  // The plot area runs from y = 20 (100%) down to y = 256 (0%): height 300, margins 20 and 44.
  const share = (y: number) => (256 - y) / (256 - 20);
  const explained = [0.5, 0.25, 0.15, 0.1];
  const root = parse(pcaVarianceChart(explained, 0.795, 2));

  it('marks the running total of variance over the components, reaching all of it at the last', () => {
    const totals = all(root, 'circle').map((c) => share(centre(c)[1]));
    expect(totals).toHaveLength(4);
    [0.5, 0.75, 0.9, 1].forEach((total, i) => expect(totals[i]).toBeCloseTo(total, 6));
  });

  it('draws the kept components solid and the rest faint', () => {
    expect(all(root, 'rect').map((r) => r.getAttribute('fill-opacity'))).toEqual(['1', '1', '0.3', '0.3']);
    const none = parse(pcaVarianceChart(explained, 0.8, 0));
    expect(all(none, 'rect[fill="var(--accent)"]')).toHaveLength(0);
  });

  it('draws the target at its share and names it rounded to a whole percent', () => {
    const [rule] = all(root, 'g[stroke-dasharray="4 4"] line');
    expect(share(Number(rule.getAttribute('y1')))).toBeCloseTo(0.795, 6);
    expect(root.getAttribute('aria-label')).toContain('the first 2 reach the 80% target');
    const label = text(root, '80% target');
    expect(at(label)[1]).toBeLessThan(Number(rule.getAttribute('y1')));
  });
});

const K_ROWS: KRow[] = [
  { k: 2, inertia: 120, silhouette: 0.21 },
  { k: 3, inertia: 80, silhouette: 0.3 },
  { k: 4, inertia: 65, silhouette: 0.26 },
];
const NULL_ROWS: NullRow[] = [
  { k: 2, silhouette: 0.21, nullMean: 0.18, nullP95: 0.25, p: 0.2 },
  { k: 3, silhouette: 0.3, nullMean: 0.17, nullP95: 0.24, p: 0.01 },
  { k: 4, silhouette: 0.16, nullMean: 0.16, nullP95: 0.4, p: 0.5 },
];

describe('the charts over k', () => {
  it('put the chosen k’s dashed rule through its accent dot, in both charts', () => {
    for (const root of [parse(inertiaChart(K_ROWS, 4)), parse(silhouetteNullChart(NULL_ROWS, 4))]) {
      const rules = all(root, 'g[stroke-dasharray="5 4"] line');
      expect(rules).toHaveLength(1);
      const chosen = all(root, 'circle[fill="var(--accent)"]');
      expect(chosen).toHaveLength(1);
      expect(at(rules[0])[0] + Number(rules[0].getAttribute('x1'))).toBeCloseTo(centre(chosen[0])[0], 6);
      // k = 4 is the last: the rule is at the right end of the k axis.
      expect(centre(chosen[0])[0]).toBe(Math.max(...all(root, 'circle').map((c) => centre(c)[0])));
    }
  });

  it('name the range of k tried and the chosen k in the label', () => {
    expect(parse(inertiaChart(K_ROWS.slice(1), 3)).getAttribute('aria-label')).toBe(
      "Inertia for k = 3 to 4 clusters, from zero; the study's k = 3 is marked",
    );
  });

  it('label one tick per k tried, and only those', () => {
    const ticks = all(parse(inertiaChart(K_ROWS, 3)), 'text')
      .filter((t) => at(t)[0] >= 60)
      .map((t) => t.textContent ?? '')
      .filter((t) => /^[\d.]+$/.test(t));
    expect(ticks).toEqual(['2', '3', '4']);
  });
});

describe('silhouetteNullChart', () => {
  /** The value at the top of the silhouette axis, read back from its tick labels (the plot runs from y = 30 to 256). */
  function top(root: Element): number {
    const ticks = all(root, 'text').filter((t) => at(t)[0] < 60 && /^\d\.\d+$/.test(t.textContent ?? ''));
    const [zero, next] = ticks.map((t) => [Number(t.textContent), at(t)[1]]);
    expect(zero).toEqual([0, 256]);
    return (next[0] * (256 - 30)) / (256 - next[1]);
  }

  it('runs the axis from zero to 15% above the highest point or band', () => {
    expect(top(parse(silhouetteNullChart(NULL_ROWS, 3)))).toBeCloseTo(0.4 * 1.15, 6);
  });

  it('keeps at least 0.05 of axis when every silhouette is tiny, so noise does not fill the chart', () => {
    const tiny = NULL_ROWS.map((r) => ({ ...r, silhouette: 0.01, nullMean: 0.005, nullP95: 0.02 }));
    expect(top(parse(silhouetteNullChart(tiny, 3)))).toBeCloseTo(0.05 * 1.15, 6);
  });

  it('names the band once, at the last k, on the band’s top edge', () => {
    const root = parse(silhouetteNullChart(NULL_ROWS, 3));
    const label = text(root, 'shuffled orders');
    const dots = all(root, 'circle').map(centre);
    const lastX = Math.max(...dots.map(([x]) => x));
    expect(at(label)[0]).toBeCloseTo(lastX, 6);
    // 8 px above where 0.4 sits on an axis topping out at 0.46.
    expect(at(label)[1]).toBeCloseTo(256 - (0.4 / 0.46) * (256 - 30) - 8, 6);
  });
});
