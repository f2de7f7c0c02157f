import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURES } from '../../../scripts/schemas.ts';
import { archetypeColor, archetypeSymbol, FEATURE_LABELS } from '../../../src/charts/palette.ts';
import { Plot, renderPlot } from '../../../src/charts/plot.ts';

const IDS = [1, 2, 3, 4, 5, 6, 7];
const css = readFileSync(join(import.meta.dirname, '../../../src/styles/global.css'), 'utf8');

describe('archetype colours and symbols', () => {
  it('starts at the Okabe–Ito vermillion and gives seven archetypes seven colours and seven symbols', () => {
    expect(archetypeColor(1)).toBe('#D55E00');
    expect(archetypeSymbol(1)).toBe('circle');
    expect(new Set(IDS.map(archetypeColor)).size).toBe(7);
    expect(new Set(IDS.map(archetypeSymbol)).size).toBe(7);
    for (const id of IDS) expect(archetypeColor(id)).toMatch(/^#[0-9A-F]{6}$/);
  });

  it('leaves out the palette’s yellow, which fails contrast on paper', () => {
    expect(IDS.map(archetypeColor)).not.toContain('#F0E442');
  });

  it('wraps around after seven archetypes instead of running out', () => {
    expect(archetypeColor(8)).toBe(archetypeColor(1));
    expect(archetypeSymbol(8)).toBe(archetypeSymbol(1));
    expect(archetypeColor(15)).toBe(archetypeColor(1));
    expect(archetypeSymbol(13)).toBe(archetypeSymbol(6));
  });

  it('names only symbols Plot can draw, as the map draws them (an identity scale, which refuses an unknown name)', () => {
    for (const id of IDS) {
      const draw = () =>
        renderPlot('s', {
          symbol: { type: 'identity' },
          marks: [Plot.dot([{ x: 0, y: 0, symbol: archetypeSymbol(id) }], { x: 'x', y: 'y', symbol: 'symbol' })],
        });
      expect(draw, archetypeSymbol(id)).not.toThrow();
    }
  });

  it('has a lighter ink for every colour in the dark theme, for fills and strokes, and the same colour for each swatch', () => {
    const dark = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
    for (const id of IDS) {
      const color = archetypeColor(id);
      expect(dark, color).toContain(`.chart [fill='${color}']`);
      expect(dark, color).toContain(`.chart [stroke='${color}']`);
    }
    // The legend's swatches (light theme, after the dark block) are the charts' colours.
    const light = css.slice(css.lastIndexOf(".swatch[data-archetype='1']"));
    for (const id of IDS.slice(0, 6)) {
      const rule = light.match(new RegExp(`\\.swatch\\[data-archetype='${id}'\\] \\{\\s*--c: (#[0-9a-f]{6});`));
      expect(rule?.[1].toUpperCase(), `archetype ${id}`).toBe(archetypeColor(id));
    }
  });
});

describe('feature labels', () => {
  it('names the four features in the order every arc uses, saying which way each scale runs', () => {
    expect(Object.keys(FEATURE_LABELS)).toEqual([...FEATURES]);
    expect(FEATURE_LABELS.valence).toBe('Valence (sad → happy)');
    expect(FEATURE_LABELS.energy).toBe('Energy (calm → intense)');
  });
});
