import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../../src/editorial/essay-frontmatter.ts';
import type { Context } from '../../../src/editorial/content-check.ts';
import type { Position } from '../../../src/editorial/content-problem.ts';

const context: Context = { story: null, films: new Map(), archetypeSlugs: [] };

function read(text: string) {
  const problems: { at: Position; message: string; fix: string }[] = [];
  const result = readFrontmatter(text, 'essay', (at, message, fix) => problems.push({ at, message, fix }), context);
  return { result, problems };
}

describe('readFrontmatter', () => {
  it('reads a valid block and blanks it, keeping the body on its own lines', () => {
    const { result, problems } = read('---\ntitle: Songs\ndescription: A story.\n---\n\nBody text.\n');
    expect(problems).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.data).toEqual({ title: 'Songs', description: 'A story.' });
    expect(result.body.split('\n')[5]).toBe('Body text.');
    expect(result.body.split('\n')[1].trim()).toBe('');
  });

  it('names a file with no frontmatter and gives the block to write', () => {
    const { result, problems } = read('Just prose.\n');
    expect(result.valid).toBe(false);
    expect(problems).toHaveLength(1);
    expect(problems[0].at).toEqual({ line: 1, column: 1 });
    expect(problems[0].fix).toContain('title: …');
    expect(problems[0].fix).toContain('description: …');
  });

  it('points at the line of a missing or wrong field', () => {
    const { problems } = read('---\ntitle: Songs\ndescription: 42\n---\n');
    expect(problems.map((p) => p.at.line)).toEqual([3]);
    expect(problems[0].message).toMatch(/description/);
  });
});
