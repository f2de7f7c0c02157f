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
  const reader = new JsonReader(text);
  try {
    reader.document();
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { ...lineAndColumn(text, error.offset), reason: error.reason };
  }
}

/** A strict JSON reader that stops, with the reason in an editor's words, at the first mistake. */
class JsonReader {
  private i = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.space();
    if (this.i < this.text.length) this.stop('there is more text after the end of the JSON');
  }

  private at(): string {
    return this.i < this.text.length ? this.text[this.i] : '';
  }

  private stop(reason: string): never {
    throw new Stop(this.i, this.i >= this.text.length ? CUT_SHORT : reason);
  }

  private space(): void {
    while (/[ \t\n\r]/.test(this.at()) && this.i < this.text.length) this.i++;
  }

  private literal(word: string): void {
    if (this.text.startsWith(word, this.i)) this.i += word.length;
    else
      this.stop(
        `"${this.text.slice(this.i, this.i + word.length)}" is not a value: write text in double quotes, a number, true, false or null`,
      );
  }

  private string(): void {
    this.i++;
    for (;;) {
      const c = this.at();
      if (c === '') this.stop(CUT_SHORT);
      if (c === '"') return void this.i++;
      if (c === '\\') {
        this.i++;
        if (/["\\/bfnrt]/.test(this.at())) this.i++;
        else if (this.at() === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 1, this.i + 5))) this.i += 5;
        else this.stop(`"\\${this.at()}" is not an escape JSON knows: write \\\\ for a backslash`);
      } else if (c.charCodeAt(0) < 0x20)
        this.stop('a line break or tab inside text in quotes must be written \\n or \\t (or the closing quote is missing)');
      else this.i++;
    }
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i));
    if (!match) this.stop(`"${this.text.slice(this.i, this.i + 10)}" is not a number`);
    this.i += match![0].length;
  }

  private items(close: string, item: () => void, what: string): void {
    this.i++;
    this.space();
    if (this.at() === close) return void this.i++;
    for (;;) {
      item();
      this.space();
      if (this.at() === close) return void this.i++;
      if (this.at() !== ',') this.stop(`a comma or ${close} is missing before this ${what}`);
      this.i++;
      this.space();
      if (this.at() === close) this.stop(`a comma just before ${close} is not allowed in JSON: delete it`);
    }
  }

  private value(): void {
    this.space();
    const c = this.at();
    if (c === '{') this.items('}', () => this.member(), 'name');
    else if (c === '[') this.items(']', () => this.value(), 'value');
    else if (c === '"') this.string();
    else if (c === '-' || /\d/.test(c)) this.number();
    else if (c === 't') this.literal('true');
    else if (c === 'f') this.literal('false');
    else if (c === 'n') this.literal('null');
    else this.stop(`"${c}" cannot start a value: write text in double quotes, a number, true, false, null, [ or {`);
  }

  private member(): void {
    this.space();
    if (this.at() !== '"') this.stop('a name in double quotes is expected here');
    this.string();
    this.space();
    if (this.at() !== ':') this.stop('a colon is missing after the name');
    this.i++;
    this.value();
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
