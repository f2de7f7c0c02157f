/** og.png: the site's social card, which states the finding (src/publish/sharing.ts chooses the sentence). */
import type { APIRoute } from 'astro';
import { socialCardPng } from '../publish/social-card.ts';
import { getStory } from '../story/story.ts';

export const GET: APIRoute = async () => {
  const png = await socialCardPng(getStory());
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
