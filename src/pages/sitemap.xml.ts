/** sitemap.xml: every page, with absolute URLs from SITE_URL and BASE_PATH. */
import type { APIRoute } from 'astro';
import { getArchetypes } from '../story/site.ts';
import { getStory } from '../story/story.ts';
import { ARCHETYPES_PATH, absolute, archetypePath } from '../publish/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const paths = [
    '',
    ARCHETYPES_PATH,
    'films/',
    'method/',
    'data/',
    ...(await getArchetypes()).map((a) => archetypePath(a.slug)),
    ...getStory().films.map((f) => `films/${f.slug}/`),
  ];
  const urls = paths.map((p) => `  <url><loc>${absolute(p, site)}</loc></url>`).join('\n');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`,
    {
      headers: { 'Content-Type': 'application/xml' },
    },
  );
};
