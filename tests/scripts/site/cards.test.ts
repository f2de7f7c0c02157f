import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Story, StoryFilm } from '../../../scripts/schemas.ts';
import { paintFilmCards } from '../../../scripts/site/cards.ts';
import { filmCardPath, filmCardPng } from '../../../src/publish/social-card.ts';

const dir = mkdtempSync(join(tmpdir(), 'arcs-cards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const film = (slug: string, title: string) =>
  ({
    slug,
    title,
    year: 1995,
    coverage: { entries: 2, withPerformer: 0, withGenres: 0, withFeatures: 0 },
    tracks: [],
    arc: null,
    orderSignal: null,
  }) as unknown as StoryFilm;

describe('paintFilmCards', () => {
  it('paints each film’s card at the path its page names, the same bytes its dev endpoint serves', async () => {
    const story = { films: [film('kids', 'Kids'), film('gummo', 'Gummo')], method: { significance: 0.05 } } as unknown as Story;
    expect(await paintFilmCards(story, dir)).toBe(2);
    expect(readdirSync(join(dir, 'films')).sort()).toEqual(['gummo', 'kids']);
    for (const f of story.films) {
      expect(filmCardPath(f.slug)).toBe(`films/${f.slug}/card.png`);
      expect(readFileSync(join(dir, filmCardPath(f.slug)))).toEqual(await filmCardPng(f, 0.05));
    }
  });
});
