import type { APIRoute } from 'astro';
import { absolute } from '../publish/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\nSitemap: ${absolute('sitemap.xml', site)}\n`, { headers: { 'Content-Type': 'text/plain' } });
