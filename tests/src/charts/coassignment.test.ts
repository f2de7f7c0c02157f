import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { coAssignmentChart, type CoAssignmentFilm } from '../../../src/charts/coassignment.ts';

function parse(svg: string): Element {
  const root = parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document.querySelector('svg');
  if (!root) throw new Error('no <svg> in the chart');
  return root;
}
const all = (root: Element, selector: string) => Array.from(root.querySelectorAll(selector));
const num = (el: Element, name: string) => Number(el.getAttribute(name));

// Ordered by group, as the page passes them: two films of group 1, then one of group 2.
const FILMS: CoAssignmentFilm[] = [
  { title: 'Suburbia', group: 1 },
  { title: 'My Own Private Idaho', group: 1 },
  { title: 'Kids', group: 2 },
];
const TOGETHER = [
  [1, 0.8, 0.1],
  [0.8, 1, 0.25],
  [0.1, 0.25, 1],
];

describe('coAssignmentChart', () => {
  const root = parse(coAssignmentChart(FILMS, TOGETHER));
  const shaded = all(root, 'rect[fill-opacity]');
  const diagonal = all(root, 'g[stroke-opacity="0.3"] rect');
  const boxes = all(root, 'g[stroke="var(--accent)"] rect');

  it('is one labelled image, sized by the number of films', () => {
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-label')).toBe(
      'How often the refits keep each pair of films in one group: darker is more often; the outlined squares are the published groups',
    );
    expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual([String(160 + 28 * 3), String(150 + 28 * 3)]);
  });

  it('shades each pair of different films by the share of refits that kept them together', () => {
    expect(shaded).toHaveLength(3 * 3 - 3);
    expect(shaded.map((r) => Number(r.getAttribute('fill-opacity'))).sort()).toEqual([0.1, 0.1, 0.25, 0.25, 0.8, 0.8]);
    // The matrix is drawn symmetric: the cell in row i, column j has the shade of the cell in row j, column i.
    const columns = diagonal.map((d) => num(d, 'x'));
    const rows = diagonal.map((d) => num(d, 'y'));
    const shade = new Map(shaded.map((r) => [`${num(r, 'x')},${num(r, 'y')}`, r.getAttribute('fill-opacity')]));
    for (const r of shaded) {
      const [i, j] = [rows.indexOf(num(r, 'y')), columns.indexOf(num(r, 'x'))];
      expect(i).not.toBe(j);
      expect(shade.get(`${columns[i]},${rows[j]}`)).toBe(r.getAttribute('fill-opacity'));
    }
    // Suburbia and Idaho (0.8) sit in the first row, second column.
    expect(shade.get(`${columns[1]},${rows[0]}`)).toBe('0.8');
  });

  it('outlines the diagonal instead of shading it: a film is always with itself', () => {
    expect(diagonal).toHaveLength(3);
    for (const d of diagonal) expect(d.getAttribute('fill-opacity')).toBeNull();
    // The diagonal runs top left to bottom right.
    expect(diagonal.map((d) => num(d, 'x'))).toEqual([...diagonal.map((d) => num(d, 'x'))].sort((a, b) => a - b));
    expect(diagonal.map((d) => num(d, 'y'))).toEqual([...diagonal.map((d) => num(d, 'y'))].sort((a, b) => a - b));
  });

  it('outlines each published group as one square over its films', () => {
    expect(boxes).toHaveLength(2);
    const [pair, single] = boxes.map((b) => [num(b, 'width'), num(b, 'height')]);
    // A group of two spans two cells each way, a group of one a single cell.
    expect(pair[0]).toBe(pair[1]);
    expect(single[0]).toBe(single[1]);
    expect(pair[0]).toBeGreaterThan(1.9 * single[0]);
  });

  it('gives every run of films from one group its own square', () => {
    const films = [
      { title: 'A', group: 1 },
      { title: 'B', group: 2 },
      { title: 'C', group: 2 },
      { title: 'D', group: 2 },
      { title: 'E', group: 3 },
    ];
    const together = films.map(() => films.map(() => 0.5));
    expect(all(parse(coAssignmentChart(films, together)), 'g[stroke="var(--accent)"] rect')).toHaveLength(3);
  });

  it('names each film on both axes, cutting a title over 16 characters to 15 and an ellipsis', () => {
    const texts = all(root, 'text').map((t) => t.textContent);
    for (const name of ['Suburbia', 'My Own Private …', 'Kids']) expect(texts.filter((t) => t === name)).toHaveLength(2);
    expect(texts).not.toContain('My Own Private Idaho');
    const exactly16 = parse(coAssignmentChart([{ title: 'Sixteen letters!', group: 1 }], [[1]]));
    expect(all(exactly16, 'text').map((t) => t.textContent)).toEqual(['Sixteen letters!', 'Sixteen letters!']);
  });
});
