/**
 * films/<slug>/card.png in `npm run dev`: each film's social card, drawn from its data
 * (src/publish/social-card.ts). A build paints the cards beside Astro instead, on the
 * machine's other core (scripts/site/cards.ts), so here a build lists none.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { filmCardPng } from '../../../publish/social-card.ts';
import { getStory } from '../../../story/story.ts';
import { filmOf } from '../../../story/lookup.ts';

export const getStaticPaths = (() =>
  import.meta.env.DEV
    ? getStory().films.map((film) => ({ params: { slug: film.slug }, props: { imdbId: film.imdbId } }))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const story = getStory();
  const film = filmOf(story, props.imdbId)!;
  const png = await filmCardPng(film, story.method.significance);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
