/** dist/data/<file>: the downloads, rendered from the story at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { DOWNLOADS, dataReadme } from '../../publish/downloads.ts';
import { getArchetypes } from '../../story/site.ts';
import { getStory } from '../../story/story.ts';

export const getStaticPaths: GetStaticPaths = () => [...DOWNLOADS.map((d) => ({ params: { file: d.file } })), { params: { file: 'README.md' } }];

const TYPES: Record<string, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json', md: 'text/markdown; charset=utf-8' };

export const GET: APIRoute = async ({ params }) => {
  const file = params.file!;
  const body = file === 'README.md' ? dataReadme() : DOWNLOADS.find((d) => d.file === file)!.build(getStory(), await getArchetypes());
  return new Response(body, { headers: { 'Content-Type': TYPES[file.split('.').pop()!] ?? 'text/plain' } });
};
