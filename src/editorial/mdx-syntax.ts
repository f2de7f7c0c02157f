/**
 * The MDX parser's errors in an editor's words. The parser stops at the first error and
 * names the place it noticed it, which is not always where the mistake is: a quote never
 * closed is noticed at the end of the file, a tag never closed on a later line. Each
 * error is reported where the editor has to act, with the fix, and the function returns
 * what to blank on that line so the parser can go on to the next mistake.
 */
import type { Position, Report } from './content-problem.ts';
import { componentSpec } from './component-registry.ts';

export interface SyntaxErrorLike {
  reason?: string;
  message: string;
  ruleId?: string;
  source?: string;
  place?: Position | { start: Position; end: Position };
}

/** Columns [from, to) of a line to blank before parsing again; the whole line when not given. */
export interface Blank {
  line: number;
  from?: number;
  to?: number;
}

/** Typographic quotes an editor's word processor put in for straight ones. */
export const CURLY = '“”„‟‘’‚‛«»';
export const COMMENT_FIX = 'write a note for editors as {/* note */}, or delete it';
export const BRACE_FIX = 'MDX runs whatever is between { and } as code: to show a brace write \\{ and \\}, or reword without braces';
const GENERIC_FIX = 'look for a stray "<", "{" or "}", an unclosed tag or a missing quote; write &lt; for "<" and \\{ \\} for braces';

/** Reports one parse error in an editor's words; returns what to blank before parsing again. */
export function syntaxProblem(error: SyntaxErrorLike, lines: string[], report: Report): Blank[] {
  const reason = error.reason ?? error.message;
  const place = error.place && 'start' in error.place ? error.place.start : (error.place as Position | undefined);
  const ranges = [...reason.matchAll(/\((\d+):(\d+)-\d+:\d+\)/g)].map((m) => ({ line: Number(m[1]), column: Number(m[2]) }));
  const at: Position = place ?? ranges[0] ?? { line: 1, column: 1 };
  const text = lines[at.line - 1] ?? '';
  if (error.source === 'micromark-extension-mdx-expression') return braces(at, text, report);
  if (/^Unexpected end of file in attribute value/.test(reason)) return unclosedQuote(at, lines, report);
  const unexpected = /^Unexpected character `(.+?)` \(U\+[0-9A-F]+\) (before name|before attribute value|after name|in name)/.exec(reason);
  if (unexpected) return unexpectedCharacter([unexpected[1], unexpected[2]], at, text, report);
  const unclosed = /^Expected a closing tag for `<(.+?)>` \((\d+):(\d+)-/.exec(reason);
  if (unclosed) {
    const [, name, line, column] = unclosed;
    const opened = { line: Number(line), column: Number(column) };
    const closer =
      componentSpec(name) || /^[A-Z]/.test(name)
        ? `end it with "/>": ${(lines[opened.line - 1] ?? '').slice(opened.column - 1).replace(/^(<[^>]*?)\s*>.*$/, '$1 />')}`
        : `close it with </${name}> before the end of the paragraph`;
    report(opened, `<${name}> is not closed`, closer);
    return [{ line: opened.line }];
  }
  const mismatch = /^Unexpected closing tag `<\/(.+?)>`, expected corresponding closing tag for `<(.+?)>` \((\d+):(\d+)-/.exec(reason);
  if (mismatch) {
    const [, closing, open, line] = mismatch;
    report(
      at,
      `</${closing}> does not match the open <${open}> on line ${line}`,
      `close <${open}> with </${open}> (or end it with "/>"), and remove </${closing}> if nothing opens it`,
    );
    return [{ line: at.line }, { line: Number(line) }];
  }
  if (/^Unexpected closing slash/.test(reason)) {
    report(at, `${snippet(text.slice(at.column - 1), '>')} closes a tag that was never opened`, 'delete it, or open the tag before it');
    return [{ line: at.line }];
  }
  // A quote left open on an earlier line swallows everything up to the next quote: the error shows up later.
  const quote = unclosedQuoteBefore(lines, at);
  if (quote && quote.where.line < at.line) return reportQuote(quote, report);
  const opener = openTagBefore(lines, at);
  if (opener && opener.line < at.line) return unclosedTag(opener, at, lines, report);
  report(at, `MDX cannot read this line (${reason.replace(/`/g, '"')})`, GENERIC_FIX);
  return [{ line: at.line }];
}

function braces(at: Position, text: string, report: Report): Blank[] {
  const brace = text.lastIndexOf('{', at.column - 1);
  const column = brace >= 0 ? brace + 1 : at.column;
  report({ line: at.line, column }, `curly braces ${snippet(text.slice(column - 1), '}')} are read as code in MDX, not as text`, BRACE_FIX);
  const close = text.indexOf('}', column);
  return [{ line: at.line, from: column, to: close >= 0 ? close + 2 : undefined }];
}

function unexpectedCharacter([char, where]: [string, string], at: Position, text: string, report: Report): Blank[] {
  const lt = text.lastIndexOf('<', at.column - 1);
  const tagAt = { line: at.line, column: lt >= 0 ? lt + 1 : at.column };
  if (where === 'before name' && char === '!') {
    report(tagAt, 'HTML comments (<!-- … -->) do not work in MDX', COMMENT_FIX);
    const close = text.indexOf('-->', tagAt.column);
    return [{ line: at.line, from: tagAt.column, to: close >= 0 ? close + 4 : undefined }];
  }
  if (where === 'before name') {
    const shown = /\s/.test(char) ? 'a space' : `"${char}"`;
    report(
      tagAt,
      `"<" followed by ${shown} is read as the start of a component or tag`,
      `to show the sign, write &lt; instead (for example "${(/^<\S*/.exec(text.slice(lt))?.[0] ?? '<').replace('<', '&lt;')}"), or put it in words ("less than")`,
    );
    return [{ line: at.line, from: tagAt.column, to: tagAt.column + 1 }];
  }
  if (where === 'before attribute value') {
    const named = /([\w-]+)\s*=\s*$/.exec(text.slice(0, at.column - 1));
    const attr = named?.[1] ?? 'the prop';
    const attrAt = named ? { line: at.line, column: named.index + 1 } : tagAt;
    const rest = text.slice(at.column - 1);
    if (CURLY.includes(char))
      report(
        attrAt,
        `the value of ${attr} is in curly quotes (${char}…), which MDX does not read as quotes`,
        `write ${attr}="${unquoted(rest)}" with straight quotes (")`,
      );
    else report(attrAt, `the value of ${attr} needs quotes`, `write ${attr}="${/^\S+?(?=[\s/>]|$)/.exec(rest)?.[0] ?? '…'}"`);
    return [{ line: at.line }];
  }
  report(
    tagAt,
    `this tag is malformed (unexpected "${char}")`,
    'a component is written <Name prop="value" />: check the spelling, the quotes and the closing />',
  );
  return [{ line: at.line }];
}

/** A value without the quotes, straight or curly, around it. */
function unquoted(rest: string): string {
  return new RegExp(`^[${CURLY}"']*([^${CURLY}"'\\s/>]*)`).exec(rest)?.[1] || '…';
}

/**
 * A value whose closing quote is missing, or curly: the parser reads on to the end of the
 * file looking for it. The mistake is on the last line before that with a quote opened
 * after "=" and not closed by a straight one.
 */
function unclosedQuote(at: Position, lines: string[], report: Report): Blank[] {
  const quote = unclosedQuoteBefore(lines, { line: lines.length + 1, column: 1 });
  if (quote) return reportQuote(quote, report);
  report(at, 'a quote opened in a tag is never closed', GENERIC_FIX);
  return [];
}

interface OpenQuote {
  where: Position;
  attr: string;
  /** The text after the opening quote. */
  rest: string;
}

function unclosedQuoteBefore(lines: string[], at: Position): OpenQuote | null {
  for (let index = Math.min(at.line, lines.length) - 1; index >= 0; index--) {
    const line = lines[index];
    for (const match of line.matchAll(/([\w-]+)\s*=\s*(["'])/g)) {
      const start = match.index! + match[0].length;
      if (line.indexOf(match[2], start) < 0)
        return { where: { line: index + 1, column: match.index! + 1 }, attr: match[1], rest: line.slice(start) };
    }
  }
  return null;
}

function reportQuote({ where, attr, rest }: OpenQuote, report: Report): Blank[] {
  const curly = new RegExp(`[${CURLY}]`).exec(rest);
  if (curly)
    report(
      where,
      `the value of ${attr} opens with a straight quote and closes with a curly one (${curly[0]}), so MDX reads on past it to the next straight quote`,
      `write ${attr}="${unquoted(rest)}" with straight quotes (")`,
    );
  else
    report(
      where,
      `the quote that opens the value of ${attr} is never closed, so MDX reads on past it to the next quote`,
      `close the value with a straight quote: ${attr}="${unquoted(rest)}"`,
    );
  return [{ line: where.line }];
}

/** Where the tag the parser was reading at `at` starts: the last "<" before it that no ">" closed. */
function openTagBefore(lines: string[], at: Position): Position | null {
  for (let index = at.line - 1; index >= 0 && index >= at.line - 8; index--) {
    const line = index === at.line - 1 ? lines[index].slice(0, at.column - 1) : lines[index];
    const lt = line.lastIndexOf('<');
    if (lt >= 0 && line.indexOf('>', lt) < 0 && /^<\/?[A-Za-z]/.test(line.slice(lt))) return { line: index + 1, column: lt + 1 };
    if (line.includes('>')) return null;
  }
  return null;
}

/** A tag whose "/>" is missing: the parser reads the lines after it as more of the tag. */
function unclosedTag(opener: Position, at: Position, lines: string[], report: Report): Blank[] {
  const tag = lines[opener.line - 1].slice(opener.column - 1).trimEnd();
  report(opener, `${snippet(tag, '>')} is not closed, so MDX reads the lines after it as part of the tag`, `end it with "/>": ${tag} />`);
  return Array.from({ length: at.line - opener.line + 1 }, (_, i) => ({ line: opener.line + i }));
}

export function snippet(text: string, closer: string): string {
  const end = text.indexOf(closer);
  const shown = end >= 0 && end < 40 ? text.slice(0, end + 1) : text.length <= 40 ? text : `${text.slice(0, 30)}…`;
  return `"${shown}"`;
}
