/**
 * The film pages' social cards (films/<slug>/card.png), painted by the site build beside
 * `astro build` rather than by Astro: Astro renders every page on one JavaScript thread,
 * and at 2,000 films the cards were a fifth of its time. Painted here, in the build's own
 * process, they take the machine's second core while Astro renders the pages. `npm run
 * dev` still serves each card from its endpoint (src/pages/films/[slug]/card.png.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filmCardPath, filmCardPng } from '../../src/publish/social-card.ts';
import type { Story } from '../../src/story/schemas.ts';

/** Paints every film's card into `outDir` at the path its page names. Returns how many. */
export async function paintFilmCards(story: Story, outDir: string): Promise<number> {
  for (const film of story.films) {
    const path = join(outDir, filmCardPath(film.slug));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, await filmCardPng(film, story.method.significance));
  }
  return story.films.length;
}
