/**
 * Content collections: the archetype essays, optional notes per film, and the prose of
 * the home, method and data pages. Frontmatter mistakes fail the build with Astro's
 * message, which names the file and the field.
 */
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

/** CONTENT_DIR lets the benchmark build with essays anchored to a synthetic catalogue. */
const contentDir = process.env.CONTENT_DIR ?? './content';

const imdbId = z.string().regex(/^tt\d{7,9}$/, 'must be an IMDb title ID like tt0133189 (see data/films.csv)');

const clusters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${contentDir}/clusters` }),
  schema: z.object({
    title: z.string().min(1, 'needs a name for the archetype'),
    summary: z.string().min(1, 'needs a one-sentence summary').max(240, 'keep the summary under 240 characters'),
    /** A film that defines the archetype: the essay belongs to the computed cluster holding it. */
    anchor: imdbId,
  }),
});

const films = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${contentDir}/films` }),
  schema: z.object({
    film: imdbId,
  }),
});

const essay = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${contentDir}/essay` }),
  schema: z.object({
    title: z.string().min(1),
    description: z.string().min(1).max(200, 'keep the description under 200 characters (it is the search-engine snippet)'),
  }),
});

export const collections = { clusters, films, essay };
