import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { anchoredContent } from '../../../scripts/bench/anchored-content.ts';
import { archetypeFrontmatter } from '../../../src/editorial/content-schemas.ts';

let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'arcs-anchored-')), 'content');
});
afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

const frontmatter = (file: string) => yaml.load(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(file, 'utf8'))![1]);

describe('anchoredContent', () => {
  it('writes one essay per computed archetype, anchored to its first film, in the frontmatter the site checks', () => {
    anchoredContent(dir, { archetypes: [{ members: ['tt0000003', 'tt0000001'] }, { members: ['tt0000002'] }] });
    expect(readdirSync(join(dir, 'archetypes'))).toEqual(['archetype-1.mdx', 'archetype-2.mdx']);
    expect(archetypeFrontmatter.parse(frontmatter(join(dir, 'archetypes', 'archetype-1.mdx')))).toEqual({
      title: 'Archetype 1',
      summary: 'Archetype 1 of another catalogue.',
      anchor: 'tt0000003',
    });
    expect(archetypeFrontmatter.parse(frontmatter(join(dir, 'archetypes', 'archetype-2.mdx'))).anchor).toBe('tt0000002');
  });
  it('keeps the rest of the real content folder as it is, and leaves the real one alone', () => {
    const realArchetypes = readdirSync(join('content', 'archetypes')).sort();
    anchoredContent(dir, { archetypes: [{ members: ['tt0000001'] }] });
    for (const file of ['essay/home.mdx', 'essay/method.mdx', 'films/tt0133189.mdx'])
      expect(readFileSync(join(dir, file), 'utf8'), file).toBe(readFileSync(join('content', file), 'utf8'));
    for (const name of realArchetypes) expect(existsSync(join(dir, 'archetypes', name)), name).toBe(false);
    expect(readdirSync(join('content', 'archetypes')).sort()).toEqual(realArchetypes);
  });
  it('drops essays an earlier call left in the folder', () => {
    mkdirSync(join(dir, 'archetypes'), { recursive: true });
    writeFileSync(join(dir, 'archetypes', 'archetype-9.mdx'), 'stale');
    anchoredContent(dir, { archetypes: [{ members: ['tt0000001'] }] });
    expect(readdirSync(join(dir, 'archetypes'))).toEqual(['archetype-1.mdx']);
  });
});
