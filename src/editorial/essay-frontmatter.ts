/** The essay check's reading of a file's frontmatter: YAML as js-yaml reads it, each field against its collection's schema, with the fix in the editor's words. */
import yaml from 'js-yaml';
import type { ZodIssue, ZodObject, ZodRawShape } from 'astro/zod';
import { closest, type Position, type Report } from './content-problem.ts';
import { COLLECTIONS, type CollectionName } from './content-schemas.ts';
import { CURLY } from './mdx-syntax.ts';
import { filmFix } from './essay-props.ts';
import type { Context } from './content-check.ts';

/** The frontmatter block, where Astro finds it: at the very top (after a byte-order mark or blank lines). */
export const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---)([\s\S]*?\n)(?:---)/;

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function readFrontmatter(text: string, collection: CollectionName, report: Report, context: Context) {
  const schema = COLLECTIONS[collection] as unknown as ZodObject<ZodRawShape>;
  const fields = Object.keys(schema.shape);
  const match = FRONTMATTER.exec(text);
  const template = `---\n${fields.map((f) => `${f}: …`).join('\n')}\n---`;
  if (!match) {
    report(
      { line: 1, column: 1 },
      'the file has no frontmatter (the block between two --- lines at the top)',
      `start the file with ${template.replace(/\n/g, ' ')}`,
    );
    return { body: text, data: null, valid: false, keyAt: () => ({ line: 1, column: 1 }) };
  }
  const dashes = match.index + match[0].indexOf('---');
  const startLine = lineOf(text, dashes);
  const raw = match[1];
  const rawLines = raw.split('\n');
  const end = match.index + match[0].length;
  // Blank the frontmatter but keep its line breaks, so the body's lines stay the file's lines.
  const body = text.slice(0, dashes).replace(/[^\n]/g, ' ') + text.slice(dashes, end).replace(/[^\n]/g, ' ') + text.slice(end);
  const keyAt = (key: string): Position => {
    const index = rawLines.findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
    if (index < 0) return { line: startLine, column: 1 };
    const value = /^[^:]*:\s*/.exec(rawLines[index])![0].length;
    return { line: startLine + index, column: value + 1 };
  };
  const block: Block = { rawLines, startLine, keyAt };

  let data: unknown;
  try {
    data = yaml.load(raw);
  } catch (error) {
    reportYamlError(error, block, report);
    return { body, data: null, valid: false, keyAt };
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    report(
      { line: startLine + 1, column: 1 },
      'the frontmatter must be a list of "name: value" fields',
      `write it as ${template.replace(/\n/g, ' ')}`,
    );
    return { body, data: null, valid: false, keyAt };
  }
  reportUnknownFields(Object.keys(data as object), fields, block, report);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    reportSchemaIssues(parsed.error.issues, { data: data as Record<string, unknown>, schema }, block, report);
    return { body, data, valid: false, keyAt };
  }
  const fieldsData = parsed.data as Record<string, unknown>;
  // A film note's `film:` must be a film of the data; archetype anchors are bound below, with every essay.
  if (collection === 'films' && context.story && typeof fieldsData.film === 'string' && !context.films.has(fieldsData.film)) {
    report(keyAt('film'), `film "${fieldsData.film}" is not a film in data/films.csv`, filmFix(String(fieldsData.film), context));
  }
  return { body, data: parsed.data, valid: true, keyAt };
}

/** The frontmatter's lines as written, the file line it starts on, and where each key's value is. */
interface Block {
  rawLines: string[];
  startLine: number;
  keyAt: (key: string) => Position;
}

/** YAML's error in an editor's words: most often a colon in a value, which wants quotes. */
function reportYamlError(error: unknown, { rawLines, startLine }: Block, report: Report): void {
  const mark = (error as { mark?: { line: number; column: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? (error as Error).message;
  const index = mark?.line ?? 0;
  const line = startLine + index;
  const source = rawLines[index] ?? '';
  const colon = /^(\w+):\s+(.*:\s.*)$/.exec(source) ?? /^(\w+):\s+(.*:\s.*)$/.exec(rawLines[index - 1] ?? '');
  if (colon) {
    const [, key, value] = colon;
    const at = rawLines[index] === colon[0] ? line : line - 1;
    report(
      { line: at, column: key.length + 3 },
      `the ${key} contains a colon followed by a space, which YAML reads as the start of another field`,
      `put the ${key} in quotes: ${key}: ${quote(value)}`,
    );
  } else {
    report(
      { line, column: (mark?.column ?? 0) + 1 },
      `the frontmatter is not valid YAML here (${reason})`,
      'write each field as "name: value" on its own line; put a value that holds a colon, #, quotes or starts with [ { * & ! | > in double quotes',
    );
  }
}

/** A field the collection does not have, with the one it probably meant. */
function reportUnknownFields(keys: string[], fields: string[], { keyAt }: Block, report: Report): void {
  for (const key of keys) {
    if (fields.includes(key)) continue;
    const near = closest(key, fields);
    report(
      { line: keyAt(key).line, column: 1 },
      `"${key}" is not a field of this frontmatter`,
      `${near ? `did you mean "${near}"? ` : ''}the fields are: ${fields.join(', ')}`,
    );
  }
}

/** Each field the schema refuses, with its fix (a missing field, a value in curly quotes, a wrong value). */
function reportSchemaIssues(
  issues: ZodIssue[],
  { data, schema }: { data: Record<string, unknown>; schema: ZodObject<ZodRawShape> },
  { keyAt, rawLines }: Block,
  report: Report,
): void {
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    const missing = issue.code === 'invalid_type' && issue.received === 'undefined';
    const curly = curlyQuoted(data[key]);
    if (curly !== null && schema.shape[key]?.safeParse(curly).success) {
      report(keyAt(key), `${key}: the value is in curly quotes (“…”), which YAML keeps as part of it`, `write ${key}: ${curly}`);
      continue;
    }
    report(
      keyAt(key),
      missing ? `the frontmatter has no "${key}:" field: it ${issue.message}` : `${key}: ${issue.message}`,
      missing ? `add a line "${key}: …" between the two --- lines` : fixFor(key, rawLines),
    );
  }
}

function fixFor(key: string, rawLines: string[]): string {
  const line = rawLines.find((l) => new RegExp(`^${key}\\s*:`).test(l));
  const value = line?.replace(/^[^:]*:\s*/, '') ?? '';
  if (/^[#&*!|>[{@`]/.test(value) || value === '') return `write the ${key} as text in double quotes: ${key}: "…"`;
  return `change the ${key} on this line`;
}

/** The value without the curly quotes around it, or null if it has none. */
function curlyQuoted(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const stripped = value.replace(new RegExp(`^[${CURLY}]+|[${CURLY}]+$`, 'g'), '');
  return stripped !== value ? stripped : null;
}

function quote(value: string): string {
  return value.includes('"') && !value.includes("'") ? `'${value}'` : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

// ─── The body ──────────────────────────────────────────────────────────────
