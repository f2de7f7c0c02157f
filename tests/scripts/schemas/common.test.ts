import { describe, expect, it } from 'vitest';
import { FEATURES, IMDB_ID_PATTERN, IMDB_ID_SOURCE, ImdbId, NameId, stableJson } from '../../../scripts/schemas/common.ts';

describe('stableJson', () => {
  it('gives equal bytes for equal data, whatever order its keys were set in, at every level', () => {
    const a = { b: 1, a: { d: [{ y: 2, x: 1 }], c: null } };
    const b = { a: { c: null, d: [{ x: 1, y: 2 }] }, b: 1 };
    expect(stableJson(a)).toBe('{"a":{"c":null,"d":[{"x":1,"y":2}]},"b":1}\n');
    expect(stableJson(b)).toBe(stableJson(a));
  });
  it('indents when asked and always ends with a newline', () => {
    expect(stableJson({ b: [1], a: 'x' }, 2)).toBe('{\n  "a": "x",\n  "b": [\n    1\n  ]\n}\n');
  });
  it('keeps array order, which carries meaning', () => {
    expect(stableJson([3, 1, 2])).toBe('[3,1,2]\n');
  });
  it('refuses a circular value rather than writing a placeholder into a data file', () => {
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    expect(() => stableJson(circular)).toThrow(TypeError);
  });
});

describe('IMDb and name ids', () => {
  it('takes a title id of 7 to 9 digits, whole', () => {
    for (const id of ['tt0133189', 'tt10872600', 'tt123456789']) expect(IMDB_ID_PATTERN.test(id), id).toBe(true);
    for (const id of ['tt012345', 'tt1234567890', 'nm0133189', 'tt0133189 ', 'xtt0133189', 'TT0133189'])
      expect(IMDB_ID_PATTERN.test(id), id).toBe(false);
    // The unanchored source finds an id inside a URL.
    expect(new RegExp(`/title/(${IMDB_ID_SOURCE})/`).exec('https://www.imdb.com/title/tt0133189/soundtrack/')?.[1]).toBe('tt0133189');
  });
  it('says what an id must look like', () => {
    const title = ImdbId.safeParse('0133189');
    expect(title.success).toBe(false);
    expect(title.error?.issues[0].message).toBe('must look like tt0123456');
    expect(NameId.safeParse('nm0000001').success).toBe(true);
    expect(NameId.safeParse('tt0000001').error?.issues[0].message).toBe('must look like nm0123456');
  });
});

describe('FEATURES', () => {
  it('lists the four mood features in the order arcs and vectors use', () => {
    expect(FEATURES).toEqual(['valence', 'energy', 'danceability', 'tempo']);
  });
});
