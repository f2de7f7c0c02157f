/**
 * The story's contract as the site reads it: the pipeline's schemas and types, re-exported
 * so that the site names the pipeline in one place (src/story and src/editorial import the
 * pipeline directly; everything else imports from here).
 */
export * from '../../scripts/schemas.ts';
