/** Reading a chart's SVG in unit tests: parse it, find its elements, and where Plot put them. */
import { parseHTML } from 'linkedom';

export function parseSvg(svg: string): Element {
  const root = parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document.querySelector('svg');
  if (!root) throw new Error('no <svg> in the chart');
  return root;
}

export const all = (root: Element, selector: string) => Array.from(root.querySelectorAll(selector));

export const texts = (root: Element) => all(root, 'text').map((t) => t.textContent ?? '');

/** Where Plot put an element: its own and its groups' translate(x,y) added up. */
export function at(el: Element | null): [x: number, y: number] {
  let [x, y] = [0, 0];
  for (; el && el.tagName.toLowerCase() !== 'svg'; el = el.parentElement) {
    const shift = (el.getAttribute('transform') ?? '').match(/translate\(([-\d.]+),([-\d.]+)\)/);
    if (shift) [x, y] = [x + Number(shift[1]), y + Number(shift[2])];
  }
  return [x, y];
}
