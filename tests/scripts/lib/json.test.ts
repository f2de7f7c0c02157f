/** JSON mistakes named by line and column, in words, as a data keeper's editor shows them. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { findJsonMistake, parseJson } from '../../../scripts/lib/json.ts';

describe('parseJson', () => {
  it('names the line and column where a truncated artist-genres.json is cut, not a character position', () => {
    const file = 'data/snapshot/artist-genres.json';
    const text = readFileSync(file, 'utf8').slice(0, 19999);
    const lines = text.split('\n');
    expect(() => parseJson(text, file)).toThrow(
      `${file}: is not valid JSON at line ${lines.length}, column ${lines[lines.length - 1].length + 1}: the file ends before the JSON is complete, as if it were cut short; correct it there, or restore the committed file with: git checkout -- ${file}`,
    );
    expect(() => parseJson(text, file)).not.toThrow(/position/);
  });

  it('returns what JSON.parse returns for JSON', () => {
    expect(parseJson('{"a": [1, "x", null, true]}', 'f.json')).toEqual({ a: [1, 'x', null, true] });
  });

  it('says what is wrong where JSON.parse gives no position at all', () => {
    expect(findJsonMistake('{\n  "a": 1,\n  "b": }')).toEqual({
      line: 3,
      column: 8,
      reason: '"}" cannot start a value: write text in double quotes, a number, true, false, null, [ or {',
    });
    expect(findJsonMistake('[1,\n 2,\n]')).toEqual({
      line: 3,
      column: 1,
      reason: 'a comma just before ] is not allowed in JSON: delete it',
    });
    expect(findJsonMistake('{"a": tru}')).toMatchObject({ line: 1, column: 7 });
  });

  it('finds a missing comma, an unquoted name, a raw line break in text and trailing text', () => {
    expect(findJsonMistake('{"a": 1\n "b": 2}')).toEqual({ line: 2, column: 2, reason: 'a comma or } is missing before this name' });
    expect(findJsonMistake('{a: 1}')).toEqual({ line: 1, column: 2, reason: 'a name in double quotes is expected here' });
    expect(findJsonMistake('{"a": "x\ny"}')).toMatchObject({ line: 1, column: 9 });
    expect(findJsonMistake('{}\n{}')).toEqual({ line: 2, column: 1, reason: 'there is more text after the end of the JSON' });
    expect(findJsonMistake('{"a": [1, 2]}')).toBeNull();
  });

  it('reads escapes as JSON does, and names a missing colon and a bad number', () => {
    expect(findJsonMistake(String.raw`{"a": "tab\tquote\"slash\\ \u00e9"}`)).toBeNull();
    expect(findJsonMistake(String.raw`{"a": "C:\dir"}`)).toEqual({
      line: 1,
      column: 11,
      reason: String.raw`"\d" is not an escape JSON knows: write \\ for a backslash`,
    });
    expect(findJsonMistake('{"a" 1}')).toEqual({ line: 1, column: 6, reason: 'a colon is missing after the name' });
    expect(findJsonMistake('[-x]')).toEqual({ line: 1, column: 2, reason: '"-x]" is not a number' });
    expect(findJsonMistake('[1e5, -0.5, 0]')).toBeNull();
  });
});
