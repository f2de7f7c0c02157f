import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { CHART_FONT_SIZE, Plot, renderPlot, type PlotOptions } from '../../../src/charts/plot.ts';

function parse(svg: string): Element {
  const root = parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document.querySelector('svg');
  if (!root) throw new Error('no <svg> in the chart');
  return root;
}
const all = (root: Element, selector: string) => Array.from(root.querySelectorAll(selector));

const FILMS = [
  { x: 0, y: 0, href: '/films/kids/', title: 'Kids: no archetype', color: '#D55E00' },
  { x: 1, y: 1, href: '/films/gummo/', title: 'Gummo & <friends>', color: '#0072B2' },
];
const linked: PlotOptions = {
  width: 200,
  height: 100,
  axis: null,
  marks: [Plot.dot(FILMS, { x: 'x', y: 'y', href: 'href', title: 'title', fill: 'color' })],
};

describe('renderPlot', () => {
  it('sets the chart’s text size and font for the site’s CSS to work with', () => {
    const root = parse(renderPlot('t', { width: 100, height: 50, marks: [] }));
    expect(root.getAttribute('style')).toBe(`font-size:${CHART_FONT_SIZE}px;font-family:var(--chart-font);overflow:visible`);
    expect(CHART_FONT_SIZE).toBeGreaterThanOrEqual(15);
  });

  it('makes a chart of links a named group, not an image that would hide them', () => {
    const root = parse(renderPlot('The map', linked, { role: 'group' }));
    expect(root.getAttribute('role')).toBe('group');
    expect(root.getAttribute('aria-label')).toBe('The map');
    expect(root.getAttribute('class')).toBe('chart');
    expect(parse(renderPlot('The map', linked)).getAttribute('role')).toBe('img');
  });

  it('links each mark with a plain href, named by its title as the link’s first child', () => {
    const svg = renderPlot('The map', linked, { role: 'group' });
    expect(svg).not.toContain('xlink:href');
    const links = all(parse(svg), 'a');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/films/kids/', '/films/gummo/']);
    for (const [i, a] of links.entries()) {
      expect(a.firstElementChild?.tagName.toLowerCase()).toBe('title');
      expect(a.firstElementChild?.textContent).toBe(FILMS[i].title);
      // Plot's fill="inherit" on the link would override the mark's own colour in some browsers.
      expect(a.hasAttribute('fill')).toBe(false);
      // The title is moved, not copied: the mark keeps none of its own, and keeps its colour.
      const mark = a.querySelector('circle')!;
      expect(mark.querySelector('title')).toBeNull();
      expect(mark.getAttribute('fill')).toBe(FILMS[i].color);
    }
    expect(svg).toContain('Gummo &amp; &lt;friends&gt;');
  });

  it('runs the last pass on the finished chart, after Plot’s part labels are gone, and keeps what it changes', () => {
    const seen: (string | null)[] = [];
    const svg = renderPlot('decorated', linked, {
      decorate: (root) => {
        seen.push(...Array.from(root.querySelectorAll('[aria-label]')).map((el) => el.getAttribute('aria-label')));
        root.querySelector('circle')?.setAttribute('data-point', '0');
      },
    });
    // Only the chart's own label is left when the pass runs.
    expect(seen).toEqual([]);
    expect(all(parse(svg), 'circle[data-point="0"]')).toHaveLength(1);
  });

  it('returns the SVG alone when Plot wraps it in a figure, leaving the caption to the page', () => {
    const svg = renderPlot('captioned', { width: 100, height: 50, caption: 'A caption Plot would add', marks: [Plot.frame()] });
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg).not.toContain('A caption Plot would add');
    expect(svg).not.toContain('<figure');
    expect(parse(svg).getAttribute('aria-label')).toBe('captioned');
  });
});

describe('linkedom, as scripts/patches/ patches it', () => {
  it('is patched: a node gets its listener map only when a listener is added', () => {
    // npm ci applies the patch (package.json's postinstall); without it the charts are the
    // same, and a build of thousands of them is much slower (README, Performance).
    for (const build of ['esm', 'cjs']) {
      const source = readFileSync(join('node_modules', 'linkedom', build, 'interface', 'event-target.js'), 'utf8');
      expect(source, build).toContain('Patched (Soundtrack Arcs');
      expect(source, build).not.toMatch(/constructor\(\) \{\s*wm\.set/);
    }
  });

  it('still adds, calls and removes listeners, and removes one never added without an error', () => {
    const { document, Event } = parseHTML('<!doctype html><html><body><p></p></body></html>');
    const p = document.querySelector('p')!;
    const heard: string[] = [];
    const listener = (event: Event) => heard.push(event.type);
    p.removeEventListener('click', listener);
    p.addEventListener('click', listener);
    p.dispatchEvent(new Event('click'));
    p.removeEventListener('click', listener);
    p.dispatchEvent(new Event('click'));
    expect(heard).toEqual(['click']);
  });
});
