/**
 * An essay's bytes as text, refusing what would publish as garbage or hide a mistake:
 * bytes that are not UTF-8 (a file saved as Latin-1 publishes "caf� style"), the
 * replacement character "�" itself (a letter lost in an earlier conversion), and
 * invisible characters (a zero-width space after an anchor looks exactly like a good
 * anchor and is not one). Each is reported where it is; the text handed on has the bytes
 * read as Latin-1 and the invisible characters removed, so the rest of the check judges
 * what the editor meant instead of repeating the same mistake in other words.
 */
import type { Position } from './content-problem.ts';

export interface TextProblem extends Position {
  message: string;
  fix: string;
}

/** Bytes → text, with a problem for each line holding bytes that are not UTF-8. */
export function decodeEssay(bytes: Uint8Array): { text: string; problems: TextProblem[] } {
  const pieces: string[] = [];
  const bad: { at: number; char: string }[] = [];
  const utf8 = new TextDecoder('utf-8');
  let start = 0;
  let length = 0;
  for (let i = 0; i < bytes.length;) {
    const size = sequenceLength(bytes, i);
    if (size > 0) {
      i += size;
      continue;
    }
    pieces.push(utf8.decode(bytes.subarray(start, i)));
    length += pieces[pieces.length - 1].length;
    // An editor that saved Latin-1 (or Windows-1252) meant this byte as that character.
    const char = new TextDecoder('windows-1252').decode(bytes.subarray(i, i + 1));
    bad.push({ at: length, char });
    pieces.push(char);
    length += char.length;
    start = ++i;
  }
  pieces.push(utf8.decode(bytes.subarray(start)));
  const text = pieces.join('');
  const problems: TextProblem[] = [];
  let lastLine = 0;
  for (const { at } of bad) {
    const where = positionOf(text, at);
    if (where.line === lastLine) continue;
    lastLine = where.line;
    const chars = bad.filter((b) => positionOf(text, b.at).line === where.line).map((b) => `"${b.char}"`);
    problems.push({
      ...where,
      message: `this line holds characters that are not saved as UTF-8 (probably ${[...new Set(chars)].join(', ')} saved as Latin-1), which the site would show as "�"`,
      fix: 'save the file as UTF-8 (in most editors: "Save with encoding" or "Reopen with encoding", then UTF-8), then check that the accented letters on this line look right',
    });
  }
  return { text, problems };
}

/** Length of the valid UTF-8 sequence at i, or 0 (Unicode's well-formed byte sequences, table 3-7). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k] >= lo && bytes[i + k] <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const [lo, hi] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

const NAMES: Record<string, string> = {
  '\u200b': 'a zero-width space',
  '\u200c': 'a zero-width non-joiner',
  '\u200d': 'a zero-width joiner',
  '\u2060': 'a word joiner',
  '\ufeff': 'a byte-order mark',
  '\u00ad': 'a soft hyphen',
  '\u00a0': 'a non-breaking space',
  '\u200e': 'a left-to-right mark',
  '\u200f': 'a right-to-left mark',
  '\u2028': 'a line separator',
  '\u2029': 'a paragraph separator',
};

/** Invisible everywhere: format characters (zero-width spaces, joiners, direction marks…), control characters and Unicode's line separators. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const INVISIBLE = /[\p{Cf}\u2028\u2029\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;
/** In the frontmatter, where a value is matched exactly, unusual spaces hide a mistake as well. */
const ODD_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/**
 * Finds invisible characters; returns the text without them. `frontmatterEnd` is the
 * offset where the frontmatter ends: there unusual spaces are refused too (YAML keeps
 * them as part of the value). A byte-order mark at the very start is harmless, and a
 * zero-width joiner between two emoji is part of them.
 */
export function removeInvisible(text: string, frontmatterEnd: number): { text: string; problems: TextProblem[] } {
  const problems: TextProblem[] = [];
  const drop = new Set<number>();
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    const hidden = INVISIBLE.test(char) || (at < frontmatterEnd && ODD_SPACE.test(char));
    if (
      !hidden ||
      (char === '\ufeff' && at === 0) ||
      (char === '\u200d' && PICTOGRAPH.test(text.slice(Math.max(0, at - 2), at)) && PICTOGRAPH.test(text.slice(at + 1, at + 3)))
    )
      continue;
    drop.add(at);
    problems.push({ ...positionOf(text, at), ...invisibleProblem(text, at, at < frontmatterEnd) });
  }
  let out = '';
  for (let i = 0; i < text.length; i++) if (!drop.has(i)) out += text[i];
  return { text: out, problems };
}

function invisibleProblem(text: string, at: number, inFrontmatter: boolean): { message: string; fix: string } {
  const char = text[at];
  const name = NAMES[char] ?? `an invisible character (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
  const line = text.slice(0, at).split('\n').pop()!;
  const before = /\S+\s?$/.exec(line)?.[0].trimEnd() ?? line.slice(-12);
  return {
    message: `${name} is hidden here${inFrontmatter ? ', in the frontmatter, where it becomes part of the value' : ''}: it cannot be seen, but the site would read it`,
    fix: `delete it: put the cursor ${before ? `just after "${before}"` : 'at the start of the line'} and press Delete once${ODD_SPACE.test(char) ? ', then type an ordinary space if one belongs there' : ''} (or retype the line)`,
  };
}

/** 1-based line and column of an offset, columns counted as the check counts them everywhere. */
export function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The replacement character: a letter already lost when the file was converted once. */
export function replacementCharacters(text: string): TextProblem[] {
  const problems: TextProblem[] = [];
  let lastLine = 0;
  for (const match of text.matchAll(/\ufffd/g)) {
    const where = positionOf(text, match.index!);
    if (where.line === lastLine) continue;
    lastLine = where.line;
    problems.push({
      ...where,
      message: 'the character "�" stands for a letter that was lost when the file was converted from another encoding',
      fix: 'type the letter that belongs here again, and save the file as UTF-8',
    });
  }
  return problems;
}
