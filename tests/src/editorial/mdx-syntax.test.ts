/** MDX's parse errors reported where the editor has to act: a quote left open, a tag left unclosed, a curly quote. */
import { describe, expect, it } from 'vitest';
import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { syntaxProblem, type SyntaxErrorLike } from '../../../src/editorial/mdx-syntax.ts';

const parser = createProcessor({ format: 'mdx', remarkPlugins: [remarkGfm] });
/** The first parse error of source, as the check reports it, and the lines it blanks to go on. */
function first(source: string): { problems: string[]; blank: number[] } {
  const problems: string[] = [];
  try {
    parser.parse(source);
  } catch (error) {
    const blank = syntaxProblem(error as SyntaxErrorLike, source.split('\n'), (at, message, fix) =>
      problems.push(`${at.line}:${at.column} ${message} | ${fix}`),
    );
    return { problems, blank: blank.map((b) => b.line) };
  }
  return { problems, blank: [] };
}

describe('syntaxProblem', () => {
  it('reads a value in curly quotes and says to write it with straight ones', () => {
    expect(first('Hi.\n\n<FilmArc film=”tt0133189” />\n').problems).toEqual([
      '3:10 the value of film is in curly quotes (”…), which MDX does not read as quotes | write film="tt0133189" with straight quotes (")',
    ]);
  });

  it('finds a quote closed by a curly one where it was opened, not at the end of the file where MDX noticed', () => {
    expect(first('Hi.\n\n<FilmArc film="tt0133189” />\n\nMore.\n')).toEqual({
      problems: [
        '3:10 the value of film opens with a straight quote and closes with a curly one (”), so MDX reads on past it to the next straight quote | write film="tt0133189" with straight quotes (")',
      ],
      blank: [3],
    });
  });

  it('finds a quote never closed', () => {
    expect(first('Hi.\n\n<Fact name="films />\n\nMore.\n').problems).toEqual([
      '3:7 the quote that opens the value of name is never closed, so MDX reads on past it to the next quote | close the value with a straight quote: name="films"',
    ]);
  });

  it('finds a tag whose /> is missing where it starts, not on the later line where MDX stopped', () => {
    expect(first('Hi.\n\n<FilmArc film="x"\n\nMore.\n')).toEqual({
      problems: [
        '3:1 "<FilmArc film="x"" is not closed, so MDX reads the lines after it as part of the tag | end it with "/>": <FilmArc film="x" />',
      ],
      blank: [3, 4, 5],
    });
  });
});
