/** Markup MDX reads without an error that the build would publish as garbage: broken tables and the marks of broken constructs. */
import { describe, expect, it } from 'vitest';
import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { checkMarkup, type MarkdownNode } from '../../../src/editorial/content-markup.ts';

const parser = createProcessor({ format: 'mdx', remarkPlugins: [remarkGfm] });
const markup = (source: string) => {
  const found: string[] = [];
  checkMarkup(parser.parse(source) as unknown as MarkdownNode, source, (at, message) => found.push(`${at.line}:${at.column} ${message}`));
  return found;
};

describe('checkMarkup', () => {
  it('finds nothing in good Markdown: tables, emphasis, links, code, escapes, headings', () => {
    expect(
      markup(
        '# Title\n\n**bold**, *it*, `code`, [a link](x/), \\* \\[ \\] \\|.\n\n| a | b |\n| --- | :-: |\n| 1 | 2 \\| 3 |\n\nrock | pop\n',
      ),
    ).toEqual([]);
  });

  it('reports each table row that does not match its first row, padded or cut', () => {
    expect(markup('| a | b |\n| --- | --- |\n| 1 |\n| 1 | 2 | 3 | 4 |\n')).toEqual([
      "3:1 this table row has 1 cell, but the table's first row has 2: the site would leave the last 1 empty",
      "4:1 this table row has 4 cells, but the table's first row has 2: the site would drop the last 2 without a word",
    ]);
  });

  it('reports a table GFM does not read as one: without its separator row, or with one of the wrong width', () => {
    expect(markup('Intro.\n\n| a | b |\n| 1 | 2 |\n')).toEqual([
      '3:1 this looks like a table row, but the row under it is not a separator row, so the site would show it as text, | signs and all',
    ]);
    expect(markup('| a | b | c |\n| --- | --- |\n')).toEqual([
      "1:1 this table's separator row has 2 columns, but its first row has 3, so the site would show the whole table as text, | signs and all",
    ]);
  });

  it('reports the first stray mark of each line, at its column', () => {
    expect(markup('An *open one.\n\nA `tick.\n\nA ]bracket.\n\nA } brace.\n\nA \\q backslash.\n\n###No space.\n')).toEqual([
      '1:4 a "*" here would be shown as a star: the bold or italic it belongs to is not closed',
      '3:3 a "`" here would be shown as it is: the code it opens is not closed',
      '5:3 a "]" here would be shown as it is: a link is written [words](address), and this one is broken',
      '7:3 a "}" here would be shown as it is: the { that opened it is missing',
      '9:3 a "\\" here would be shown as it is: a backslash only escapes punctuation',
      '11:1 "###No space." is not a heading: a heading needs a space after its ###',
    ]);
  });
});
