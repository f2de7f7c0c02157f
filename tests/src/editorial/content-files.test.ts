/** Which files of content/ the site reads, under which name, and every file it would ignore. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentFiles, siteSlug } from '../../../src/editorial/content-files.ts';

let dir: string;
beforeAll(() => {
  mkdirSync(join('.cache', 'test-files'), { recursive: true });
  dir = mkdtempSync(join('.cache', 'test-files', 'run-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function content(name: string, files: string[]): string {
  const root = join(dir, name);
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), 'x');
  }
  return root;
}

describe('siteSlug', () => {
  it('makes the names Astro makes from file names', () => {
    expect(siteSlug('The Sweetening')).toBe('the-sweetening');
    expect(siteSlug('Home')).toBe('home');
    expect(siteSlug('louder-and-bleaker')).toBe('louder-and-bleaker');
    expect(siteSlug('cooling-off copy')).toBe('cooling-off-copy');
  });
});

describe('contentFiles', () => {
  it('lists the essays of each collection by their slug, and the essays the pages need', () => {
    const root = content('good', [
      'archetypes/a.mdx',
      'essay/home.mdx',
      'essay/method.mdx',
      'essay/data.mdx',
      'films/tt0133189.mdx',
      'archetypes/.DS_Store',
      'essay/home.mdx~',
    ]);
    const { files, problems } = contentFiles(root);
    expect(problems).toEqual([]);
    expect(files.map((f) => `${f.collection}:${f.slug}`)).toEqual([
      'archetypes:a',
      'essay:data',
      'essay:home',
      'essay:method',
      'films:tt0133189',
    ]);
  });

  it('refuses a file name that is not its address, naming the slug, and a second file with the same address', () => {
    const root = content('names', [
      'archetypes/The Sweetening.mdx',
      'archetypes/sweetening.mdx',
      'archetypes/Sweetening.mdx',
      'essay/home.mdx',
      'essay/method.mdx',
      'essay/data.mdx',
    ]);
    const { files, problems } = contentFiles(root);
    expect(files.map((f) => f.slug)).toEqual(['sweetening', 'the-sweetening', 'sweetening', 'data', 'home', 'method']);
    expect(problems.map((p) => [p.file.split('/').slice(-1)[0], p.fix])).toEqual([
      [
        'Sweetening.mdx',
        'sweetening.mdx exists already beside it, and both would get the same address: keep the text you want in sweetening.mdx and delete this file',
      ],
      ['The Sweetening.mdx', 'rename the file to the-sweetening.mdx, and write archetype="the-sweetening" where other essays name it'],
    ]);
  });

  it('refuses what the site would ignore: .md, another folder, a folder inside a collection, a file beside the folders; and names the missing essays', () => {
    const root = content('ignored', ['archetypes/a.md', 'essays/home.mdx', 'films/old/tt0133189.mdx', 'notes.txt', 'essay/about.mdx']);
    const { problems } = contentFiles(root);
    expect(problems.map((p) => `${p.file.slice(root.length + 1)}:${p.line}  ${p.message}`)).toEqual([
      'archetypes/a.md:1  the site reads only files whose names end in .mdx, so "a.md" would be ignored',
      'essays/home.mdx:1  content/essays/ is not a folder the site reads, so this file would be ignored',
      'films/old/tt0133189.mdx:1  the site reads only the files directly in content/films/, not in folders inside it, so this one would be ignored',
      'notes.txt:1  the site reads only the files inside content/archetypes/, content/films/, content/essay/: this one would be ignored',
      'essay/about.mdx:1  no page shows this file: the pages made from content/essay/ are home.mdx, method.mdx, data.mdx',
      'essay/home.mdx:0  is missing: the home page is made from it',
      'essay/method.mdx:0  is missing: the method page is made from it',
      'essay/data.mdx:0  is missing: the data page is made from it',
    ]);
  });
});
