/**
 * The downloads' formats. (Quoting, formula cells and reading a file back are also held
 * against the pipeline's CSV reader in tests/scripts/lib/csv.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { stableJson, toCsv } from '../../../src/publish/data-formats.ts';

describe('toCsv', () => {
  it('writes the header, then one line per row, each ended by \\n alone', () => {
    expect(
      toCsv(
        ['film', 'songs'],
        [
          ['Kids', 17],
          ['Gummo', 21],
        ],
      ),
    ).toBe('film,songs\nKids,17\nGummo,21\n');
    expect(toCsv(['film', 'songs'], [])).toBe('film,songs\n');
  });

  it('quotes a cell holding a lone carriage return, which a spreadsheet also takes for a row’s end', () => {
    expect(toCsv(['h'], [['one\rtwo']])).toBe('h\n"one\rtwo"\n');
  });

  it('writes a missing value, or a number that is not finite, as an empty cell', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [[null, undefined, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]])).toBe('a,b,c,d\n,,,\n');
    expect(toCsv(['zero'], [[0]])).toBe('zero\n0\n');
  });

  it('defuses text that starts like a formula wherever it is, the header included, and only at its start', () => {
    expect(toCsv(['=total'], [['-'], ['a=b'], [' =x']])).toBe("'=total\n'-\na=b\n =x\n");
  });
});

describe('stableJson', () => {
  it('sorts keys at every level, keeps array order and ends with a newline', () => {
    expect(stableJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}\n');
  });

  it('gives equal data equal bytes, whatever order its keys were built in', () => {
    expect(stableJson({ x: 1, y: [1, 2] }, 2)).toBe(stableJson({ y: [1, 2], x: 1 }, 2));
    expect(stableJson({ b: 1, a: 2 }, 2)).toBe('{\n  "a": 2,\n  "b": 1\n}\n');
  });
});
