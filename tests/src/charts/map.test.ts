import { describe, expect, it } from 'vitest';
import { filmMapChart, MAP_LABEL_LIMIT, type MapPoint } from '../../../src/charts/map.ts';
import { all, parseSvg } from '../../support/svg.ts';

/** `count` films on a spiral, each with its own name and page. */
function films(count: number): MapPoint[] {
  return Array.from({ length: count }, (_, i) => ({
    x: Math.cos(i) * (i / count),
    y: Math.sin(i) * (i / count),
    label: `Film ${i + 1}`,
    color: '#D55E00',
    symbol: 'circle',
    clustered: true,
    href: `/films/film-${i + 1}/`,
    title: `Film ${i + 1}: group A`,
  }));
}

describe('filmMapChart', () => {
  it('names every mark up to the limit', () => {
    const svg = parseSvg(filmMapChart(films(MAP_LABEL_LIMIT), 'A map.'));
    expect(all(svg, 'text[data-point]')).toHaveLength(MAP_LABEL_LIMIT);
    expect(all(svg, 'a')).toHaveLength(MAP_LABEL_LIMIT);
  });

  it('leaves the marks of a larger catalogue unnamed, each still a link with its title', () => {
    const count = 2 * MAP_LABEL_LIMIT;
    const svg = parseSvg(filmMapChart(films(count), 'A map.'));
    expect(all(svg, 'text[data-point]')).toHaveLength(0);
    const links = all(svg, 'a');
    expect(links).toHaveLength(count);
    expect(links.map((a) => a.querySelector('title')?.textContent)).toEqual(films(count).map((f) => f.title));
  });
});
