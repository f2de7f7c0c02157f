/**
 * Edits an editor could make by mistake, drawn with a seed from the real essays: a
 * character, a line or a tag deleted or doubled, quotes turned curly, a table added and
 * broken, invisible or non-UTF-8 bytes, a file renamed or moved, a prop, a film, a Fact
 * name or an archetype misspelt. Each edit is a list of file writes and removals on a copy
 * of content/, so the same seed always gives the same edits.
 */
import { randomInt, seededRandom, type Random } from '../../scripts/lib/random.ts';

/** content/ as relative path → bytes. */
export type Files = Map<string, Buffer>;

export interface Edit {
  kind: string;
  /** The file edited (or renamed from), relative to content/. */
  file: string;
  /** What was done, for a failure message. */
  what: string;
  /** The files afterwards. */
  apply(files: Files): Files;
}

type Make = (random: Random, file: string, text: string) => Omit<Edit, 'kind' | 'file'> | null;

const pick = <T>(random: Random, items: readonly T[]): T => items[randomInt(random, items.length)];
const FRONTMATTER = /^---\n[\s\S]*?\n---\n/;

/** Replaces text[from, to) with insert; the edit keeps the other files as they are. */
function splice(file: string, text: string, from: number, to: number, insert: string | Buffer, what: string): Omit<Edit, 'kind' | 'file'> {
  return {
    what: `${what} at offset ${from}`,
    apply: (files) => {
      const next = new Map(files);
      const head = Buffer.from(text.slice(0, from), 'utf8');
      const tail = Buffer.from(text.slice(to), 'utf8');
      next.set(file, Buffer.concat([head, typeof insert === 'string' ? Buffer.from(insert, 'utf8') : insert, tail]));
      return next;
    },
  };
}

/** Every match of pattern in text, as [start, end, match]. */
function matches(text: string, pattern: RegExp): RegExpExecArray[] {
  return [...text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))];
}

function misspell(random: Random, word: string): string {
  if (word.length < 2) return `${word}x`;
  const i = randomInt(random, word.length - 1);
  const variants = [
    word.slice(0, i) + word.slice(i + 1),
    word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2),
    word.slice(0, i) + word[i] + word[i] + word.slice(i + 1),
    word.toLowerCase() === word ? word.toUpperCase() : word.toLowerCase(),
  ];
  return pick(random, variants.filter((v) => v !== word).concat(`${word}s`));
}

const deleteChar: Make = (random, file, text) => {
  const at = randomInt(random, text.length);
  return splice(file, text, at, at + 1, '', `deleted ${JSON.stringify(text[at])}`);
};

const duplicateChar: Make = (random, file, text) => {
  const at = randomInt(random, text.length);
  return splice(file, text, at, at, text[at], `doubled ${JSON.stringify(text[at])}`);
};

function lineBounds(text: string, random: Random): [number, number] {
  const starts = [0, ...matches(text, /\n/).map((m) => m.index + 1)].filter((s) => s < text.length);
  const start = pick(random, starts);
  const end = text.indexOf('\n', start);
  return [start, end < 0 ? text.length : end + 1];
}

const deleteLine: Make = (random, file, text) => {
  const [start, end] = lineBounds(text, random);
  return splice(file, text, start, end, '', `deleted the line ${JSON.stringify(text.slice(start, end).slice(0, 40))}`);
};

const duplicateLine: Make = (random, file, text) => {
  const [start, end] = lineBounds(text, random);
  return splice(
    file,
    text,
    start,
    start,
    text.slice(start, end),
    `doubled the line ${JSON.stringify(text.slice(start, end).slice(0, 40))}`,
  );
};

const TAG = /<\/?[A-Za-z][^<>]*>/;

const deleteTag: Make = (random, file, text) => {
  const tags = matches(text, TAG);
  if (!tags.length) return null;
  const tag = pick(random, tags);
  return splice(file, text, tag.index, tag.index + tag[0].length, '', `deleted the tag ${tag[0]}`);
};

const duplicateTag: Make = (random, file, text) => {
  const tags = matches(text, TAG);
  if (!tags.length) return null;
  const tag = pick(random, tags);
  return splice(file, text, tag.index, tag.index, tag[0], `doubled the tag ${tag[0]}`);
};

const curlyQuotes: Make = (random, file, text) => {
  const quoted = matches(text, /"[^"\n]*"/);
  if (!quoted.length) return null;
  const q = pick(random, quoted);
  const [open, close] = pick(random, [
    ['“', '”'],
    ['”', '”'],
    ['“', '"'],
    ['‘', '’'],
  ] as const);
  return splice(file, text, q.index, q.index + q[0].length, `${open}${q[0].slice(1, -1)}${close}`, `curled the quotes of ${q[0]}`);
};

/** A place for a new block in the body: after an empty line. */
function blockPlace(random: Random, text: string): number | null {
  const body = FRONTMATTER.exec(text)?.[0].length ?? 0;
  const places = matches(text, /\n\n/)
    .map((m) => m.index + 2)
    .filter((p) => p > body);
  return places.length ? pick(random, places) : null;
}

const TABLE = ['| Film | Songs | Mood |', '| --- | --- | --- |', '| SLC Punk | 42 | loud |', '| Ghost World | 20 | wry |'];

const addTable: Make = (random, file, text) => {
  const at = blockPlace(random, text);
  return at === null ? null : splice(file, text, at, at, `${TABLE.join('\n')}\n\n`, 'added a table');
};

const breakTable: Make = (random, file, text) => {
  const at = blockPlace(random, text);
  if (at === null) return null;
  const rows = [...TABLE];
  const how = randomInt(random, 5);
  if (how === 0) rows[2] = '| SLC Punk | 42 |';
  else if (how === 1) rows[3] = '| Ghost World | 20 | wry | extra |';
  else if (how === 2) rows.splice(1, 1);
  else if (how === 3) rows[1] = '| --- | --- |';
  else rows[2] = rows[2].replace(' | 42', ' 42');
  return splice(file, text, at, at, `${rows.join('\n')}\n\n`, `added a table broken in way ${how}`);
};

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u00a0'];

const invisible: Make = (random, file, text) => {
  const char = pick(random, INVISIBLE);
  const anchor = /^(anchor|film): \S+/m.exec(text);
  const at = anchor && random() < 0.3 ? anchor.index + anchor[0].length : randomInt(random, text.length);
  return splice(file, text, at, at, char, `inserted U+${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);
};

const latin1: Make = (random, file, text) => {
  const at = randomInt(random, text.length);
  const byte = pick(random, [0xe9, 0xfc, 0xe8, 0xf1, 0x96, 0x92]);
  return splice(file, text, at, at, Buffer.from([byte]), `inserted the byte 0x${byte.toString(16)}`);
};

const misspellIn =
  (pattern: RegExp, what: string): Make =>
  (random, file, text) => {
    const found = matches(text, pattern);
    if (!found.length) return null;
    const m = pick(random, found);
    const from = m.index + m[0].indexOf(m[1]);
    return splice(file, text, from, from + m[1].length, misspell(random, m[1]), `misspelt the ${what} ${m[1]}`);
  };

const misspellProp = misspellIn(/<[A-Z]\w*\s+(\w+)=/, 'prop');
const misspellFilm = misspellIn(/(?:film="|anchor: )(tt\d+)/, 'film');
const misspellFact = misspellIn(/<Fact name="(\w+)"/, 'Fact name');
const misspellArchetype = misspellIn(/archetype="([\w-]+)"/, 'archetype');

const renameFile: Make = (random, file) => {
  const [folder, name] = file.split('/');
  const base = name.replace(/\.mdx$/, '');
  const title = base
    .split('-')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
  const target = pick(random, [
    `${folder}/${title}.mdx`,
    `${folder}/${base}.md`,
    `${folder}/${base}.MDX`,
    `${folder}s/${name}`,
    name,
    `${folder}/drafts/${name}`,
    `${folder}/${base} copy.mdx`,
    `${folder}/${base}-2.mdx`,
  ]);
  const copy = target.endsWith(' copy.mdx') || target.endsWith('-2.mdx');
  return {
    what: `${copy ? 'copied' : 'renamed'} ${file} to ${target}`,
    apply: (files) => {
      const next = new Map(files);
      next.set(target, files.get(file)!);
      if (!copy) next.delete(file);
      return next;
    },
  };
};

export const EDIT_KINDS: Record<string, Make> = {
  deleteChar,
  duplicateChar,
  deleteLine,
  duplicateLine,
  deleteTag,
  duplicateTag,
  curlyQuotes,
  addTable,
  breakTable,
  invisible,
  latin1,
  misspellProp,
  misspellFilm,
  misspellFact,
  misspellArchetype,
  renameFile,
};

/** count edits of the files, drawn with seed: each a kind of edit on a file where it applies. */
export function editorEdits(files: Files, count: number, seed: number): Edit[] {
  const random = seededRandom(seed);
  const names = [...files.keys()].sort();
  const kinds = Object.keys(EDIT_KINDS);
  const edits: Edit[] = [];
  while (edits.length < count) {
    const kind = pick(random, kinds);
    // A kind that needs something (a tag, a Fact) is tried on other files until one has it.
    for (let tries = 0; tries < 20; tries++) {
      const file = pick(random, names);
      const made = EDIT_KINDS[kind](random, file, files.get(file)!.toString('utf8'));
      if (!made) continue;
      edits.push({ kind, file, ...made });
      break;
    }
  }
  return edits;
}
