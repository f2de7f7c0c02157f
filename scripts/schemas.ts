/**
 * Zod schemas of every file and stage boundary, by what they describe (scripts/schemas/):
 * the data files read, what the stages hand each other, and the story the site reads. The
 * site (src/) imports the same schemas, through the zod instance Astro exposes, so a shape
 * is defined once.
 */
export * from './schemas/common.ts';
export * from './schemas/inputs.ts';
export * from './schemas/stages.ts';
export * from './schemas/story.ts';
