/**
 * Markup that MDX reads without an error but the site would publish as garbage: a table
 * whose rows do not match its first row (GFM drops the extra cells or pads the missing
 * ones without a word), a table without its separator row (published as text full of
 * | signs), and marks left over from a broken construct: an unclosed ** or `, a bracket of
 * a broken link, the end of a tag whose start is missing, "##Heading" without its space.
 * It reads the tree the parser made, with the remark-gfm tables the build uses, and the
 * source behind each piece of text, so an escaped \* is never taken for a stray one.
 */
import type { Position, Report } from './content-problem.ts';

export interface MarkdownNode {
  type: string;
  name?: string | null;
  value?: unknown;
  children?: MarkdownNode[];
  position?: { start: Position & { offset?: number }; end: Position & { offset?: number } };
}

/** Every table and every piece of text under node. */
export function checkMarkup(root: MarkdownNode, source: string, report: Report): void {
  const visit = (node: MarkdownNode) => {
    if (node.type === 'table') checkTable(node, report);
    else if (node.type === 'paragraph' && pipedParagraph(node, source, report)) return;
    else if (node.type === 'text') strayMarks(node, source, report);
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
}

function checkTable(table: MarkdownNode, report: Report): void {
  const [header, ...rows] = table.children ?? [];
  const columns = header?.children?.length ?? 0;
  for (const row of rows) {
    const cells = row.children?.length ?? 0;
    if (cells === columns || !row.position) continue;
    const effect =
      cells > columns ? `would drop the last ${cells - columns} without a word` : `would leave the last ${columns - cells} empty`;
    report(
      row.position.start,
      `this table row has ${cells} cell${cells === 1 ? '' : 's'}, but the table's first row has ${columns}: the site ${effect}`,
      `give every row ${columns} cells, each between | signs, like the first row; a | inside a cell is written \\|`,
    );
  }
}

const SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** A paragraph with table rows in it: GFM read no table, so every | would be published. Reports it and says so. */
function pipedParagraph(paragraph: MarkdownNode, source: string, report: Report): boolean {
  const start = paragraph.position?.start;
  const end = paragraph.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return false;
  const lines = source.slice(start.offset, end.offset).split('\n');
  const index = lines.findIndex((line) => /^\s*\|/.test(line) || unescapedPipes(line) >= 2);
  if (index < 0) return false;
  const at = { line: start.line + index, column: index === 0 ? start.column : 1 + (/^\s*/.exec(lines[index])?.[0].length ?? 0) };
  const columns = cellsOf(lines[index]);
  const next = lines[index + 1];
  const separator = `${'| --- '.repeat(columns)}|`;
  if (next !== undefined && SEPARATOR.test(next)) {
    report(
      at,
      `this table's separator row has ${cellsOf(next)} columns, but its first row has ${columns}, so the site would show the whole table as text, | signs and all`,
      `give the separator row one --- per column: ${separator}`,
    );
  } else {
    report(
      at,
      'this looks like a table row, but the row under it is not a separator row, so the site would show it as text, | signs and all',
      `a table is its first row, then a separator row with one --- per column (${separator}), then its rows; to show a | sign in a sentence, write \\|`,
    );
  }
  return true;
}

function unescapedPipes(line: string): number {
  return (line.match(/(?<!\\)\|/g) ?? []).length;
}

function cellsOf(row: string): number {
  const trimmed = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).length;
}

const MARKS: { pattern: RegExp; tag?: true; message: string; fix: string }[] = [
  {
    pattern: /\/>|="/,
    tag: true,
    message: 'is the end of a component tag whose beginning is missing, so the site would show it as text',
    fix: 'write the whole tag, from < to />, like <Fact name="films" />',
  },
  {
    pattern: /\*/,
    message: 'would be shown as a star: the bold or italic it belongs to is not closed',
    fix: 'write **bold** with two stars on each side and *italic* with one; to show a star, write \\*',
  },
  {
    pattern: /`/,
    message: 'would be shown as it is: the code it opens is not closed',
    fix: 'close it with a second ` (`like this`), or delete it',
  },
  {
    pattern: /[[\]]/,
    message: 'would be shown as it is: a link is written [words](address), and this one is broken',
    fix: 'check the brackets of the link; to show a bracket, write \\[ or \\]',
  },
  { pattern: /}/, message: 'would be shown as it is: the { that opened it is missing', fix: 'delete it, or write \\} to show a brace' },
  {
    pattern: /\\(?=[^!-/:-@[-`{-~])/,
    message: 'would be shown as it is: a backslash only escapes punctuation',
    fix: 'delete the backslash',
  },
];

/** ASCII punctuation after a backslash: Markdown's escapes, shown as the character alone. */
const ESCAPE = /\\[!-/:-@[-`{-~]/g;

/** The first mark on each line of a piece of text that the build would publish as it is. */
function strayMarks(text: MarkdownNode, source: string, report: Report): void {
  const start = text.position?.start;
  const end = text.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return;
  const lines = source.slice(start.offset, end.offset).split('\n');
  lines.forEach((line, i) => {
    const at = (offset: number) => ({ line: start.line + i, column: (i === 0 ? start.column : 1) + offset });
    const visible = line.replace(ESCAPE, '  ');
    const heading = i > 0 || start.column === 1 ? /^(#{1,6})(?=[^\s#])/.exec(visible) : null;
    if (heading) {
      report(
        at(0),
        `"${line.slice(0, 30)}" is not a heading: a heading needs a space after its ${heading[1]}`,
        `write "${heading[1]} ${line.slice(heading[1].length, 40)}"`,
      );
      return;
    }
    const found = MARKS.map((m) => ({ ...m, index: visible.search(m.pattern) }))
      .filter((m) => m.index >= 0)
      .sort((a, b) => a.index - b.index)[0];
    if (!found) return;
    const shown = found.tag ? `${snippetAround(line, found.index)} here` : `a "${line[found.index]}" here`;
    report(at(found.index), `${shown} ${found.message}`, found.fix);
  });
}

function snippetAround(line: string, at: number): string {
  const from = Math.max(0, line.lastIndexOf(' ', Math.max(0, at - 12)));
  return `"${line.slice(from, at + 2).trim()}"`;
}

/** Every element name of HTML, so that <act name="films" /> (a Fact without its F) is not taken for markup. */
export const HTML_ELEMENTS = new Set(
  'a abbr address area article aside audio b bdi bdo blockquote br button caption cite code col colgroup data dd del details dfn dialog div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img input ins kbd label legend li main mark menu meter nav ol optgroup option output p picture pre progress q rp rt ruby s samp section select small source span strong sub summary sup table tbody td template textarea tfoot th thead time tr track u ul var video wbr'.split(
    ' ',
  ),
);
