import { describe, expect, it } from 'vitest';
import { checkBody } from '../../../src/editorial/essay-body.ts';
import type { Context } from '../../../src/editorial/content-check.ts';
import type { Position } from '../../../src/editorial/content-problem.ts';

const context: Context = { story: null, films: new Map(), archetypeSlugs: [] };

function check(body: string) {
  const problems: { at: Position; message: string; fix: string }[] = [];
  checkBody(body, (at, message, fix) => problems.push({ at, message, fix }), context);
  return problems;
}

describe('checkBody', () => {
  it('passes prose and a known component with its props', () => {
    expect(check('Some prose.\n\n<Fact name="featureShare" />\n')).toEqual([]);
  });

  it('names an unknown component where it is written', () => {
    const problems = check('Prose.\n\n<NoSuchChart />\n');
    expect(problems).toHaveLength(1);
    expect(problems[0].at.line).toBe(3);
    expect(problems[0].message).toMatch(/NoSuchChart/);
  });

  it('finds more than the parser’s first error: two broken lines, two problems', () => {
    const problems = check('A {broken\n\nfine\n\nanother {broken\n');
    expect(problems.map((p) => p.at.line)).toEqual([1, 5]);
  });

  it('reports a missing required prop with the prop to write', () => {
    const problems = check('<Fact />\n');
    expect(problems).toHaveLength(1);
    expect(`${problems[0].message} ${problems[0].fix}`).toMatch(/name/);
  });
});
