import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import type { Story } from '../../../scripts/schemas.ts';
import { bindingProblems, unboundReferences } from '../../../src/editorial/essay-binding.ts';
import { quickConfig } from '../../support/quick-config.ts';

let root: string;
let story: Story;
beforeAll(() => {
  mkdirSync(join('.cache', 'test-binding'), { recursive: true });
  root = mkdtempSync(join('.cache', 'test-binding', 'run-'));
  story = runPipeline({ dataDir: 'data', outDir: root, config: quickConfig }).story;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const essay = (file: string, anchor: string, line: number) => ({
  file,
  slug: file.replace(/^.*\/|\.mdx$/g, ''),
  title: 'A group',
  summary: 'Its films.',
  anchor,
  anchorAt: { line, column: 9 },
});

/** One essay per archetype, anchored on its first member. */
const onePerArchetype = () => story.archetypes.map((a, i) => essay(`content/archetypes/group-${i + 1}.mdx`, a.members[0], 4));

describe('bindingProblems', () => {
  it('finds nothing wrong when every archetype has exactly one essay', () => {
    expect(bindingProblems(onePerArchetype(), story, 'content')).toEqual([]);
  });

  it('points at the anchor line of an essay anchored on a film outside every archetype', () => {
    const thin = story.films.find((f) => f.archetype === null)!;
    const essays = [...onePerArchetype(), essay('content/archetypes/extra.mdx', thin.imdbId, 7)];
    const problems = bindingProblems(essays, story, 'content');
    const extra = problems.find((p) => p.file === 'content/archetypes/extra.mdx')!;
    expect(extra.line).toBe(7);
    expect(extra.fix).toMatch(/anchor the essay on a film that has an archetype/);
  });

  it('asks for another film when two essays anchor one archetype', () => {
    const essays = onePerArchetype();
    essays.push(essay('content/archetypes/twin.mdx', story.archetypes[0].members[0], 5));
    const problems = bindingProblems(essays, story, 'content');
    expect(problems.some((p) => /anchor this essay on a film of another archetype/.test(p.fix))).toBe(true);
  });
});

describe('unboundReferences', () => {
  it('reports a tag naming an unbound essay once per file, with how many more times', () => {
    const essays = onePerArchetype();
    const unbound = essay('content/archetypes/orphan.mdx', 'tt9999999', 3);
    const refs = [1, 2, 3].map((line) => ({ file: 'content/essay/index.mdx', slug: 'orphan', at: { line, column: 1 } }));
    const problems = unboundReferences(refs, [...essays, unbound], story);
    expect(problems).toHaveLength(1);
    expect(problems[0].line).toBe(1);
    expect(problems[0].message).toMatch(/here and 2 more times in this file/);
  });
});
