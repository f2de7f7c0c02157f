/** An essay's bytes as text: bytes that are not UTF-8, the replacement character and invisible characters, each named where it is. */
import { describe, expect, it } from 'vitest';
import { decodeEssay, positionOf, removeInvisible, replacementCharacters } from '../../../src/editorial/content-text.ts';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('decodeEssay', () => {
  it('reads UTF-8 as it is, whatever the script', () => {
    const text = 'café, שלום, 🎸 and “quotes”\n';
    expect(decodeEssay(Buffer.from(text, 'utf8'))).toEqual({ text, problems: [] });
  });

  it('reads a Latin-1 byte as the letter it was meant to be and reports its line once, with every such letter on it', () => {
    const { text, problems } = decodeEssay(
      Buffer.concat([Buffer.from('First line.\nA caf', 'utf8'), latin1('é and a na'), latin1('ï'), Buffer.from('ve one.\n', 'utf8')]),
    );
    expect(text).toBe('First line.\nA café and a naïve one.\n');
    expect(problems).toEqual([
      {
        line: 2,
        column: 6,
        message:
          'this line holds characters that are not saved as UTF-8 (probably "é", "ï" saved as Latin-1), which the site would show as "�"',
        fix: 'save the file as UTF-8 (in most editors: "Save with encoding" or "Reopen with encoding", then UTF-8), then check that the accented letters on this line look right',
      },
    ]);
  });

  it('refuses overlong and truncated sequences and lone continuation bytes', () => {
    for (const bytes of [[0xc0, 0xaf], [0xe2, 0x82], [0x80], [0xed, 0xa0, 0x80], [0xf5, 0x80, 0x80, 0x80]]) {
      expect(decodeEssay(Buffer.from([0x61, ...bytes, 0x62])).problems, bytes.join(' ')).toHaveLength(1);
    }
  });
});

describe('removeInvisible', () => {
  it('names each invisible character and removes it, so the rest of the check sees what the editor meant', () => {
    const text = '---\nanchor: tt0133189\u200b\ntitle: A\u00a0B\n---\nProse\u2060 here, a\u00a0non-breaking space in prose.\n';
    const { text: clean, problems } = removeInvisible(text, text.indexOf('---\nProse') + 3);
    expect(clean).toBe('---\nanchor: tt0133189\ntitle: AB\n---\nProse here, a\u00a0non-breaking space in prose.\n');
    expect(problems.map((p) => [p.line, p.column, p.message.split(' is hidden')[0]])).toEqual([
      [2, 18, 'a zero-width space'],
      [3, 9, 'a non-breaking space'],
      [5, 6, 'a word joiner'],
    ]);
    expect(problems[0].fix).toBe('delete it: put the cursor just after "tt0133189" and press Delete once (or retype the line)');
    expect(problems[1].fix).toBe(
      'delete it: put the cursor just after "A" and press Delete once, then type an ordinary space if one belongs there (or retype the line)',
    );
  });

  it('keeps a byte-order mark at the very start and a joiner inside an emoji', () => {
    const text = '\ufeff---\ntitle: x\n---\nA family: 👨\u200d👩\u200d👧.\n';
    expect(removeInvisible(text, 20)).toEqual({ text, problems: [] });
  });
});

describe('replacementCharacters', () => {
  it('reports a "�" already in the text once per line', () => {
    expect(replacementCharacters('ok\ncaf� and �\n')).toEqual([
      {
        line: 2,
        column: 4,
        message: 'the character "�" stands for a letter that was lost when the file was converted from another encoding',
        fix: 'type the letter that belongs here again, and save the file as UTF-8',
      },
    ]);
  });
});

describe('positionOf', () => {
  it('counts lines and columns from 1', () => {
    expect(positionOf('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(positionOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
