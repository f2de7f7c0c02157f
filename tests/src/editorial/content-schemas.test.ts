import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ZodTypeAny } from 'astro/zod';
import {
  ARCHETYPE_COLLECTION,
  COLLECTIONS,
  ESSAY_PAGES,
  FORMER_ARCHETYPE_FOLDER,
  archetypeFrontmatter,
  essayFrontmatter,
  filmFrontmatter,
} from '../../../src/editorial/content-schemas.ts';

/** Each refusal as "field: message", the way the essay check reports them. */
function refusals(schema: ZodTypeAny, data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const ARCHETYPE = { title: 'Bleak and Restless', summary: 'Films that stay low.', anchor: 'tt0133189' };

describe('archetype frontmatter', () => {
  it('accepts a title, a summary and an anchor film', () => {
    expect(refusals(archetypeFrontmatter, ARCHETYPE)).toEqual([]);
  });

  it('says what each missing field should hold, not just “Required”', () => {
    expect(refusals(archetypeFrontmatter, {})).toEqual([
      'title: needs a name for the archetype',
      'summary: needs a one-sentence summary',
      'anchor: needs the IMDb ID of a film, like tt0133189 (see data/films.csv)',
    ]);
    expect(refusals(archetypeFrontmatter, { ...ARCHETYPE, title: '', summary: '' })).toEqual([
      'title: needs a name for the archetype',
      'summary: needs a one-sentence summary',
    ]);
  });

  it('keeps the summary under 240 characters', () => {
    expect(refusals(archetypeFrontmatter, { ...ARCHETYPE, summary: 'x'.repeat(240) })).toEqual([]);
    expect(refusals(archetypeFrontmatter, { ...ARCHETYPE, summary: 'x'.repeat(241) })).toEqual([
      'summary: keep the summary under 240 characters',
    ]);
  });

  it('refuses an anchor that is not an IMDb title ID, and text that is not text', () => {
    expect(refusals(archetypeFrontmatter, { ...ARCHETYPE, anchor: 'SLC Punk!' })).toEqual([
      'anchor: must be an IMDb title ID like tt0133189 (see data/films.csv)',
    ]);
    expect(refusals(archetypeFrontmatter, { ...ARCHETYPE, anchor: 133189 })).toEqual(['anchor: must be an IMDb title ID like tt0133189']);
    expect(refusals(archetypeFrontmatter, { ...ARCHETYPE, title: 3 })).toEqual(['title: must be text']);
  });
});

describe('film and essay frontmatter', () => {
  it('asks a film note for its film’s IMDb ID', () => {
    expect(refusals(filmFrontmatter, { film: 'tt0133189' })).toEqual([]);
    expect(refusals(filmFrontmatter, {})).toEqual(['film: needs the IMDb ID of a film, like tt0133189 (see data/films.csv)']);
    expect(refusals(filmFrontmatter, { film: 'nm0000001' })).toEqual([
      'film: must be an IMDb title ID like tt0133189 (see data/films.csv)',
    ]);
  });

  it('asks an essay page for a title and a description short enough for a search engine', () => {
    expect(refusals(essayFrontmatter, { title: 'Method', description: 'How.' })).toEqual([]);
    expect(refusals(essayFrontmatter, {})).toEqual([
      'title: needs a title',
      'description: needs a description (the search-engine snippet)',
    ]);
    expect(refusals(essayFrontmatter, { title: 'Method', description: 'x'.repeat(201) })).toEqual([
      'description: keep the description under 200 characters (it is the search-engine snippet)',
    ]);
  });
});

describe('the collections', () => {
  it('map each folder of content/ to its schema, the archetype essays’ folder named once', () => {
    expect(Object.keys(COLLECTIONS).sort()).toEqual(readdirSync(join(import.meta.dirname, '../../../content')).sort());
    expect(COLLECTIONS[ARCHETYPE_COLLECTION]).toBe(archetypeFrontmatter);
    expect(COLLECTIONS.films).toBe(filmFrontmatter);
    expect(COLLECTIONS.essay).toBe(essayFrontmatter);
    expect(FORMER_ARCHETYPE_FOLDER).not.toBe(ARCHETYPE_COLLECTION);
  });

  it('name the essay pages that content/essay/ holds', () => {
    const files = readdirSync(join(import.meta.dirname, '../../../content/essay')).map((f) => f.replace(/\.mdx$/, ''));
    expect([...ESSAY_PAGES].sort()).toEqual(files.sort());
  });
});
