/**
 * How the downloads are written: CSV by csv-stringify with formula cells defused, JSON
 * as the contract writes it (sorted keys, so equal data gives equal bytes).
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null | undefined;

// A spreadsheet runs a cell starting with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

const CSV_OPTIONS = {
  record_delimiter: '\n',
  // csv-stringify quotes a cell holding its record delimiter (\n); a lone \r ends a row
  // in spreadsheets too.
  quoted_match: /\r/,
  cast: {
    // Text that merely starts like a formula gets a quote mark; a number is data, never a formula.
    string: (text: string) => (FORMULA_START.test(text) ? `'${text}` : text),
    number: (value: number) => (Number.isFinite(value) ? String(value) : ''),
  },
};

export function toCsv(header: readonly string[], rows: readonly CsvCell[][]): string {
  return stringify([header, ...rows], CSV_OPTIONS);
}

export { stableJson } from '../story/schemas.ts';
