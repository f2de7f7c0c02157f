import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from '../../scripts/lib/csv.ts';

describe('CSV', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(toCsv(['a', 'b'], [['x, y', 'say "hi"'], ['line\nbreak', 3]])).toBe('a,b\n"x, y","say ""hi"""\n"line\nbreak",3\n');
  });
  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
  });
  it('leaves numbers, negative ones included, as numbers', () => {
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });
  it('reads back what it writes, with line numbers', () => {
    const table = parseCsv(toCsv(['t', 'n'], [['a, "b"', 1], ['c', 2]]));
    expect(table.header).toEqual(['t', 'n']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['a, "b"', '1'] },
      { line: 3, cells: ['c', '2'] },
    ]);
  });
  it('reports an unterminated quote with its line', () => {
    expect(() => parseCsv('a,b\n"x,1\n')).toThrow(/line 2/);
  });
});
