import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../scripts/lib/csv.ts';
import { toCsv, type CsvCell } from '../../../src/publish/data-formats.ts';

/** One cell as the site writes it: a one-column file, less its header line and row end. */
const csvCell = (value: CsvCell) => toCsv(['h'], [[value]]).slice('h\n'.length, -1);

describe('CSV', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, y', 'say "hi"'],
          ['line\nbreak', 3],
        ],
      ),
    ).toBe('a,b\n"x, y","say ""hi"""\n"line\nbreak",3\n');
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
    const table = parseCsv(
      toCsv(
        ['t', 'n'],
        [
          ['a, "b"', 1],
          ['c', 2],
        ],
      ),
    );
    expect(table.header).toEqual(['t', 'n']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['a, "b"', '1'] },
      { line: 3, cells: ['c', '2'] },
    ]);
  });
  it('reports an unterminated quote with its line', () => {
    expect(() => parseCsv('a,b\n"x,1\n')).toThrow(/line 2/);
    expect(() => parseCsv('a,b\nc,d\n\n"x\n\ny,1\n')).toThrow(/starting on line 4/);
  });
  it('numbers each row by the line it starts on, across quoted line breaks, blank lines and mixed line endings', () => {
    const table = parseCsv('\uFEFFa , b\r\n"x\ny",1\n\nc,2\r\nd,3\r');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['x\ny', '1'] },
      { line: 5, cells: ['c', '2'] },
      { line: 6, cells: ['d', '3'] },
    ]);
  });
  it('keeps rows with a different cell count for the caller to name', () => {
    expect(parseCsv('a,b\nx,y,z\nw\n').rows.map((r) => r.cells.length)).toEqual([3, 1]);
  });
});
