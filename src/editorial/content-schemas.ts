/**
 * The frontmatter of each content collection, in one place for Astro's collections
 * (content.config.ts) and for the essay check, which runs before Astro and must give the
 * same verdict with the same friendly messages. `required_error` matters: without it a
 * missing field says only "Required".
 */
import { z } from 'astro/zod';
import { IMDB_ID_PATTERN } from '../../scripts/schemas.ts';

const imdbId = z
  .string({
    required_error: 'needs the IMDb ID of a film, like tt0133189 (see data/films.csv)',
    invalid_type_error: 'must be an IMDb title ID like tt0133189',
  })
  .regex(IMDB_ID_PATTERN, 'must be an IMDb title ID like tt0133189 (see data/films.csv)');

const text = (missing: string) => z.string({ required_error: missing, invalid_type_error: 'must be text' });

export const archetypeFrontmatter = z.object({
  title: text('needs a name for the archetype').min(1, 'needs a name for the archetype'),
  summary: text('needs a one-sentence summary').min(1, 'needs a one-sentence summary').max(240, 'keep the summary under 240 characters'),
  /** A film that defines the archetype: the essay belongs to the computed cluster holding it. */
  anchor: imdbId,
});

export const filmFrontmatter = z.object({
  film: imdbId,
});

export const essayFrontmatter = z.object({
  title: text('needs a title').min(1, 'needs a title'),
  description: text('needs a description (the search-engine snippet)')
    .min(1, 'needs a description (the search-engine snippet)')
    .max(200, 'keep the description under 200 characters (it is the search-engine snippet)'),
});

/** Folder under content/ → its schema. The archetype essays' folder is named once, here. */
export const COLLECTIONS = {
  archetypes: archetypeFrontmatter,
  films: filmFrontmatter,
  essay: essayFrontmatter,
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
export const ARCHETYPE_COLLECTION = 'archetypes' satisfies CollectionName;
/** The pages made from content/essay/, each from the file of its name: the layout asks for exactly these. */
export const ESSAY_PAGES = ['home', 'method', 'data'] as const;
export type EssayPage = (typeof ESSAY_PAGES)[number];
/** Where the archetype essays lived before: an essay still put there is not read, and the essay check says where it goes. */
export const FORMER_ARCHETYPE_FOLDER = 'clusters';
