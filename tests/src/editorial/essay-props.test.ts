import { describe, expect, it } from 'vitest';
import { checkValue, filmFix } from '../../../src/editorial/essay-props.ts';
import type { Context } from '../../../src/editorial/content-check.ts';
import type { PropSpec } from '../../../src/editorial/component-registry.ts';
import type { Story } from '../../../scripts/schemas.ts';

const slcPunk = { imdbId: 'tt0133189', slug: 'slc-punk', title: 'SLC Punk!' };
// The check knows each film by its IMDb ID and by its slug.
const films = new Map([
  [slcPunk.imdbId, slcPunk],
  [slcPunk.slug, slcPunk],
]);
const context: Context = {
  story: { films: [slcPunk] } as unknown as Story,
  films,
  archetypeSlugs: ['bleak-and-restless', 'quiet-and-calm'],
};
const at = { line: 4, column: 2 };

function check(spec: PropSpec, value: string | number | boolean) {
  const problems: string[] = [];
  checkValue({ component: 'Example', prop: 'which', spec, value, at }, (_, message, fix) => problems.push(`${message} | ${fix}`), context);
  return problems;
}

const spec = (accepts: PropSpec['accepts']): PropSpec => ({ accepts, required: true, describe: 'which one' });

describe('checkValue', () => {
  it('accepts a film in the data and refuses one that is not, with a fix', () => {
    expect(check(spec({ kind: 'film' }), 'tt0133189')).toEqual([]);
    const [problem] = check(spec({ kind: 'film' }), 'tt9999999');
    expect(problem).toMatch(/not a film in the data/);
  });

  it('suggests the archetype an essay meant', () => {
    expect(check(spec({ kind: 'archetype' }), 'quiet-and-calm')).toEqual([]);
    expect(check(spec({ kind: 'archetype' }), 'quiet-and-clam')[0]).toMatch(/did you mean "quiet-and-calm"/);
  });

  it('names the right type when a value of another kind is given', () => {
    expect(check(spec({ kind: 'oneOf', values: [2, 3] }), '2')[0]).toMatch(/write which=\{2\}/);
    expect(check(spec({ kind: 'film' }), 3)[0]).toMatch(/needs text in quotes/);
  });

  it('refuses a figure that does not exist and lists the names', () => {
    expect(check(spec({ kind: 'fact' }), 'featureShar')[0]).toMatch(/did you mean "featureShare"/);
  });
});

describe('filmFix', () => {
  it('suggests the film a near miss meant, and otherwise gives one from the data as the example', () => {
    expect(filmFix('slc-punc', context)).toBe('did you mean "slc-punk" (SLC Punk!)? Use an IMDb ID or slug from data/films.csv');
    expect(filmFix('quadrophenia', context)).toMatch(/for example "tt0133189" or "slc-punk" \(SLC Punk!\)/);
  });
});
