/**
 * Reads CSV with csv-parse, keeping each record's first line for error messages:
 * csv-parse reports the line a record ends on, and a person looks for where it starts.
 */
import { CsvError, parse } from 'csv-parse/sync';

export interface CsvTable {
  header: string[];
  /** Each row with its 1-based line number in the file, for error messages. */
  rows: { line: number; cells: string[] }[];
}

/** Parses CSV text; throws with the line number on an unterminated quote. */
export function parseCsv(text: string): CsvTable {
  // One kind of line ending, so csv-parse counts lines as an editor shows them
  // (it counts a lone \r in a file of \n endings as a line of its own).
  const input = text.replace(/\r\n?/g, '\n');
  const records: { line: number; cells: string[] }[] = [];
  // Where the previous record ended and how many empty lines had been skipped by then:
  // a record starts on the line after, plus the empty lines skipped since.
  let lastRecordEnd = 0;
  let emptyLinesBefore = 0;
  try {
    parse(input, {
      bom: true,
      skip_empty_lines: true,
      // The films stage names the row whose cell count is off, and a stray quote inside
      // an unquoted value is text, as a spreadsheet reads it.
      relax_column_count: true,
      relax_quotes: true,
      on_record: (cells, { lines, empty_lines }) => {
        records.push({ line: lastRecordEnd + 1 + empty_lines - emptyLinesBefore, cells });
        lastRecordEnd = lines;
        emptyLinesBefore = empty_lines;
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      // csv-parse names the last line of the file; the record that never closed starts
      // on the first non-empty line after the last whole record.
      const start = input.split('\n').findIndex((content, index) => index >= lastRecordEnd && content !== '') + 1;
      throw new Error(`unterminated quoted cell starting on line ${start}: a value that opens with " needs a closing "`);
    }
    throw new Error(`is not readable as CSV near line ${error.lines}: ${error.message}`);
  }
  const [head, ...rows] = records;
  return { header: head ? head.cells.map((h) => h.trim()) : [], rows };
}
