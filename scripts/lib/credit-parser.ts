/**
 * IMDb credit lines → performers, remixers, writers, composers.
 *
 * A credit line reads "<roles> by <names>", e.g. "Written, Performed & Produced by X",
 * and every other line ("Courtesy of …", "(uncredited)", "Contains a sample of …") is
 * a flag, a licence note or commentary. Names come linked (`/name/nm…`) or as plain
 * text: a linked name is always one artist, so "Echo & the Bunnymen" is never split.
 */
import type { CreditLine, CreditLink, ParsedCredits, Person } from '../schemas.ts';

type Role = 'performer' | 'writer' | 'composer' | 'remixer' | 'other';

/** Words that may stand before "by"; a line whose prefix holds any other word is not a role line. */
const ROLE_WORDS: Record<string, Role> = {
  performed: 'performer',
  sung: 'performer',
  played: 'performer',
  whistled: 'performer',
  hummed: 'performer',
  vocals: 'performer',
  recorded: 'performer',
  rapped: 'performer',
  conducted: 'other',
  written: 'writer',
  lyrics: 'writer',
  words: 'writer',
  composed: 'composer',
  music: 'composer',
  remixed: 'remixer',
  remix: 'remixer',
  produced: 'other',
  arranged: 'other',
  orchestrated: 'other',
  adapted: 'other',
  engineered: 'other',
  mixed: 'other',
  and: 'other',
  original: 'other',
  additional: 'other',
  new: 'other',
  english: 'other',
  traditional: 'other',
  // Descriptions of the version: "A cappella version performed by X".
  a: 'other',
  cappella: 'other',
  capella: 'other',
  version: 'other',
  instrumental: 'other',
  live: 'other',
  also: 'other',
};

/** Companions that belong to the name before them: "Vince Tempera & Orchestra". */
const COMPANION =
  /^(?:(?:his|her|their|the)\s+)?(?:orchestra|band|friends|chorus|choir|ensemble|group|combo|all[- ]stars|quartet|quintet|trio)$/i;
/** An "& the …" / "and his …" second half names one act with the first: "Echo & the Bunnymen". */
const ONE_ACT_TAIL = /^(?:the|his|her|their)\s/i;
const SEPARATORS = [', and ', ', & ', ' featuring ', ' feat. ', ' feat ', ' with ', ' and ', ' & ', ' / ', ', '];
/** Mix names that name no one: "(Remix Version)", "(Extended Mix)". */
const GENERIC_MIX =
  /^(?:re|remix|extended|radio|club|dub|original|album|single|instrumental|version|edit|live|12"|7"|new|long|short|alternate|alternative|full|vocal|special|dance|main|lp|uk|us|now)$/i;

export interface CreditParseOptions {
  /** Artist names known to be one act (e.g. the genre snapshot's keys), kept whole when unlinked. */
  knownArtists?: ReadonlySet<string>;
}

/** Parses a track's title and credit lines. Never throws. */
export function parseCredits(rawTitle: string, credits: CreditLine[], options: CreditParseOptions = {}): ParsedCredits {
  const result: ParsedCredits = {
    title: '',
    performers: [],
    remixers: [],
    writers: [],
    composers: [],
    licensing: [],
    flags: { uncredited: false, creditOnly: false },
  };
  const { title, uncredited, creditOnly } = cleanTitle(rawTitle);
  result.title = title;
  result.flags.uncredited ||= uncredited;
  result.flags.creditOnly ||= creditOnly;

  for (const line of credits) parseLine(line, result, options);

  if (result.remixers.length === 0) {
    const fromTitle = remixerFromTitle(result.title);
    if (fromTitle) result.remixers.push({ name: fromTitle, nameId: null, creditedAs: null });
  }
  return result;
}

/** Removes flags glued to a title ("Copacabana(uncredited)") and normalises white space. */
export function cleanTitle(raw: string): { title: string; uncredited: boolean; creditOnly: boolean } {
  let title = raw.replace(/\s+/g, ' ').trim();
  let uncredited = false;
  let creditOnly = false;
  for (;;) {
    const match = /\s*\((uncredited|credit only)\)\s*$/i.exec(title);
    if (!match) break;
    if (match[1].toLowerCase() === 'uncredited') uncredited = true;
    else creditOnly = true;
    title = title.slice(0, match.index).trim();
  }
  // Typographic quotes around a whole title are punctuation, not part of it.
  title = title.replace(/^["“](.*)["”]$/, '$1').trim();
  return { title, uncredited, creditOnly };
}

/** "(Danny Saber Remix)" → Danny Saber; "(The Critter Mix)" → Critter; "(Remix Version)" → null. */
export function remixerFromTitle(title: string): string | null {
  const match = /\(([^()]+?)\s+(?:re-?)?mix(?:\s+version)?\)\s*$/i.exec(title);
  if (!match) return null;
  const words = match[1]
    .trim()
    .replace(/^the\s+/i, '')
    .split(/\s+/);
  // Trailing descriptors ("Danny Saber Extended") are not part of the remixer's name.
  while (words.length && GENERIC_MIX.test(words[words.length - 1])) words.pop();
  const name = words.join(' ').trim();
  if (!name || words.every((w) => GENERIC_MIX.test(w))) return null;
  // A lone adjective ("Pussywhipped Mix", "Stripped Mix") describes the mix; it names no one.
  if (words.length === 1 && /[a-z]ed$/.test(name)) return null;
  return name;
}

function parseLine(line: CreditLine, into: ParsedCredits, options: CreditParseOptions): void {
  let text = line.text.replace(/\s+/g, ' ').trim();
  if (!text) return;

  // "(uncredited)" on its own line is about the track; inside "Produced by X (uncredited)" it is about X.
  const aboutTrack = !/\bby\b/i.test(text);
  if (aboutTrack && /\(uncredited\)/i.test(text)) into.flags.uncredited = true;
  if (aboutTrack && /\(credit only\)/i.test(text)) into.flags.creditOnly = true;
  text = text.replace(/\s*\((?:uncredited|credit only)\)/gi, '').trim();
  if (!text) return;

  if (/^(courtesy of|under licen[cs]e from|by arrangement with)\b/i.test(text)) {
    into.licensing.push(text);
    return;
  }
  // "Performed by X, courtesy of Y": the licence note is not a name.
  const courtesy = /[,;]?\s+(courtesy of|under licen[cs]e from)\s.*$/i.exec(text);
  if (courtesy) {
    into.licensing.push(text.slice(courtesy.index).replace(/^[,;]?\s+/, ''));
    text = text.slice(0, courtesy.index).trim();
  }

  const byMatch = /^(.*?)\s*\bby\s+(.+)$/i.exec(text);
  const attributed = /^music attributed to\s+(.+)$/i.exec(text);
  if (attributed) {
    addPeople(into.composers, splitNames(attributed[1], line.links, options));
    return;
  }
  if (!byMatch) return;
  const roles = rolesOf(byMatch[1]);
  if (!roles) return;
  const people = splitNames(byMatch[2], line.links, options);
  if (roles.has('performer')) addPeople(into.performers, people);
  if (roles.has('remixer')) addPeople(into.remixers, people);
  if (roles.has('writer')) addPeople(into.writers, people);
  if (roles.has('composer')) addPeople(into.composers, people);
}

/** The roles a prefix such as "Written, Performed & Produced" grants, or null if it is no role prefix. */
function rolesOf(prefix: string): Set<Role> | null {
  const words = prefix.toLowerCase().replace(/[,&]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const roles = new Set<Role>();
  for (const word of words) {
    const role = ROLE_WORDS[word];
    if (!role) return null;
    if (role !== 'other') roles.add(role);
  }
  return roles.size ? roles : null;
}

function addPeople(list: Person[], people: Person[]): void {
  for (const person of people) {
    const same = list.find((p) => (p.nameId && p.nameId === person.nameId) || p.name === person.name);
    if (!same) list.push(person);
  }
}

type Token =
  { kind: 'name'; text: string; nameId: string | null; linked: boolean } | { kind: 'sep'; text: string } | { kind: 'paren'; text: string };

/**
 * Splits "A (as B), C and D" into people. Linked names are taken whole; plain text is
 * split on commas, "and", "&", "featuring", "with", except where the second half is a
 * companion ("& His Orchestra") or a "the …" act ("& the Bunnymen").
 */
export function splitNames(text: string, links: CreditLink[], options: CreditParseOptions = {}): Person[] {
  const tokens = tokenize(text, links);
  const people: Person[] = [];
  let last: Person | null = null;
  let pendingSep: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'sep') {
      pendingSep = token.text;
      continue;
    }
    if (token.kind === 'paren') {
      const alias = /^as\s+(.+)$/i.exec(token.text.trim());
      if (alias && last) last.creditedAs = alias[1].trim();
      // Any other parenthesis (a band's members, a note) describes the name before it.
      continue;
    }
    const name = token.text.trim().replace(/[.,;:]+$/, (m) => (/\.$/.test(m) && /\b[A-Z]\.$/.test(token.text.trim()) ? '.' : ''));
    if (!name) continue;
    const joinable = last && pendingSep && /^(?:,? ?and|,? ?&)$/i.test(pendingSep.trim());
    if (joinable && last && !token.linked && (COMPANION.test(name) || (lastWasLinked(tokens, i) && ONE_ACT_TAIL.test(name)))) {
      last.creditedAs = `${last.creditedAs ?? last.name}${pendingSep}${name}`;
      pendingSep = null;
      continue;
    }
    if (joinable && last && !token.linked && last.nameId === null && !lastWasLinked(tokens, i)) {
      const merged = `${last.name}${pendingSep}${name}`;
      if (ONE_ACT_TAIL.test(name) || COMPANION.test(name) || options.knownArtists?.has(merged)) {
        last.name = merged;
        pendingSep = null;
        continue;
      }
    }
    const person: Person = { name, nameId: token.nameId, creditedAs: null };
    people.push(person);
    last = person;
    pendingSep = null;
  }
  return people.filter((p) => p.name.length > 0);
}

function lastWasLinked(tokens: Token[], index: number): boolean {
  for (let j = index - 1; j >= 0; j--) {
    const t = tokens[j];
    if (t.kind === 'name') return t.linked;
  }
  return false;
}

function tokenize(text: string, links: CreditLink[]): Token[] {
  const tokens: Token[] = [];
  let plain = '';
  const flushPlain = () => {
    let rest = plain;
    plain = '';
    while (rest.length) {
      const sep = findSeparator(rest);
      if (!sep) {
        if (rest.trim()) tokens.push({ kind: 'name', text: rest.trim(), nameId: null, linked: false });
        break;
      }
      const before = rest.slice(0, sep.index);
      if (before.trim()) tokens.push({ kind: 'name', text: before.trim(), nameId: null, linked: false });
      tokens.push({ kind: 'sep', text: sep.text });
      rest = rest.slice(sep.index + sep.text.length);
    }
  };
  let i = 0;
  let nextLink = 0;
  while (i < text.length) {
    // Links are consumed in the order they appear, each as one whole name.
    const link = links.slice(nextLink).find((l) => l.text.length > 0 && text.startsWith(l.text, i));
    if (link && (plain === '' || /[\s,&/(]$/.test(plain) || plain.trim() === '')) {
      flushPlain();
      tokens.push({ kind: 'name', text: link.text, nameId: link.nameId, linked: true });
      nextLink = links.indexOf(link) + 1;
      i += link.text.length;
      continue;
    }
    if (text[i] === '(') {
      const close = matchingParen(text, i);
      if (close > i) {
        flushPlain();
        tokens.push({ kind: 'paren', text: text.slice(i + 1, close) });
        i = close + 1;
        continue;
      }
    }
    plain += text[i];
    i++;
  }
  flushPlain();
  // A leading or trailing separator ("and", ",") carries no name.
  return tokens;
}

function findSeparator(text: string): { index: number; text: string } | null {
  let best: { index: number; text: string } | null = null;
  const lower = text.toLowerCase();
  for (const sep of SEPARATORS) {
    const index = lower.indexOf(sep);
    if (index >= 0 && (!best || index < best.index || (index === best.index && sep.length > best.text.length))) {
      best = { index, text: text.slice(index, index + sep.length) };
    }
  }
  // Separators at the very edges of a plain chunk, next to a link: ", " or " and ".
  const edge = /^(,\s*and\s+|,\s*&\s+|,\s*|\s*and\s+|\s*&\s+)/i.exec(text);
  if (edge && edge[0].trim() && (!best || best.index > 0)) return { index: 0, text: edge[0] };
  const tail = /(,\s*and|,\s*&|,|\s+and|\s+&)\s*$/i.exec(text);
  if (tail && (!best || tail.index < best.index) && tail.index >= 0) {
    if (!best) return { index: tail.index, text: text.slice(tail.index) };
  }
  return best;
}

function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
