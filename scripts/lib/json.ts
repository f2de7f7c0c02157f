/**
 * JSON read with errors a person can act on. JSON.parse says "position 19999", or on some
 * mistakes no position at all; a data keeper opens the file in an editor that shows lines
 * and columns. So when JSON.parse refuses a text, a small scanner walks it to the first
 * place it stops being JSON and says, in words, what is wrong there.
 */
import { DataError } from './errors.ts';

export interface JsonMistake {
  line: number;
  column: number;
  /** What is wrong at that place, in words. */
  reason: string;
}

/** JSON.parse, or a DataError naming the file, the line and column, what is wrong and the fix. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const mistake = findJsonMistake(text) ?? { line: 1, column: 1, reason: (error as Error).message };
    throw new DataError(
      file,
      null,
      null,
      `is not valid JSON at line ${mistake.line}, column ${mistake.column}: ${mistake.reason}; correct it there, or restore the committed file with: git checkout -- ${file}`,
    );
  }
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const CUT_SHORT = 'the file ends before the JSON is complete, as if it were cut short';

/** The first place where text stops being JSON, or null if it is JSON. */
export function findJsonMistake(text: string): JsonMistake | null {
  let i = 0;
  const at = () => (i < text.length ? text[i] : '');
  const stop = (reason: string): never => {
    throw new Stop(i, i >= text.length ? CUT_SHORT : reason);
  };
  const space = () => {
    while (/[ \t\n\r]/.test(at()) && i < text.length) i++;
  };
  const expect = (char: string, reason: string) => {
    space();
    if (at() !== char) stop(reason);
    i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else stop(`"${text.slice(i, i + word.length)}" is not a value: write text in double quotes, a number, true, false or null`);
  };
  const string = () => {
    i++;
    for (;;) {
      const c = at();
      if (c === '') stop(CUT_SHORT);
      if (c === '"') return void i++;
      if (c === '\\') {
        i++;
        if (/["\\/bfnrt]/.test(at())) i++;
        else if (at() === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 5;
        else stop(`"\\${at()}" is not an escape JSON knows: write \\\\ for a backslash`);
      } else if (c.charCodeAt(0) < 0x20)
        stop('a line break or tab inside text in quotes must be written \\n or \\t (or the closing quote is missing)');
      else i++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) stop(`"${text.slice(i, i + 10)}" is not a number`);
    i += match![0].length;
  };
  const items = (close: string, item: () => void, what: string) => {
    i++;
    space();
    if (at() === close) return void i++;
    for (;;) {
      item();
      space();
      if (at() === close) return void i++;
      if (at() !== ',') stop(`a comma or ${close} is missing before this ${what}`);
      i++;
      space();
      if (at() === close) stop(`a comma just before ${close} is not allowed in JSON: delete it`);
    }
  };
  const value = (): void => {
    space();
    const c = at();
    if (c === '{') items('}', member, 'name');
    else if (c === '[') items(']', value, 'value');
    else if (c === '"') string();
    else if (c === '-' || /\d/.test(c)) number();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else stop(`"${c}" cannot start a value: write text in double quotes, a number, true, false, null, [ or {`);
  };
  const member = () => {
    space();
    if (at() !== '"') stop('a name in double quotes is expected here');
    string();
    expect(':', 'a colon is missing after the name');
    value();
  };
  try {
    value();
    space();
    if (i < text.length) stop('there is more text after the end of the JSON');
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { ...lineAndColumn(text, error.offset), reason: error.reason };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
