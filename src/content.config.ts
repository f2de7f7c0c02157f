/**
 * Content collections: the archetype essays, optional notes per film, and the prose of
 * the home, method and data pages. The schemas live in lib/content-schemas.ts so that
 * the essay check (scripts/site/check.ts), which runs first, judges frontmatter the same way.
 */
import { defineCollection } from 'astro:content';
import { tolerantGlob } from './editorial/content-loader.ts';
import { COLLECTIONS } from './editorial/content-schemas.ts';

/** CONTENT_DIR lets the benchmark build with essays anchored to a synthetic catalogue. */
const contentDir = process.env.CONTENT_DIR ?? './content';

const collection = <S extends (typeof COLLECTIONS)[keyof typeof COLLECTIONS]>(name: string, schema: S) =>
  defineCollection({ loader: tolerantGlob({ pattern: '*.mdx', base: `${contentDir}/${name}` }), schema });

export const collections = {
  archetypes: collection('archetypes', COLLECTIONS.archetypes),
  films: collection('films', COLLECTIONS.films),
  essay: collection('essay', COLLECTIONS.essay),
};
