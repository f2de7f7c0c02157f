import { describe, expect, it } from 'vitest';
import { archetypeById, filmOf, filmTitle } from '../../../src/story/lookup.ts';
import type { Story } from '../../../scripts/schemas.ts';

const story = {
  films: [
    { imdbId: 'tt0133189', title: 'SLC Punk!' },
    { imdbId: 'tt0112373', title: 'Kids' },
  ],
  archetypes: [{ id: 2, members: ['tt0112373'] }],
} as unknown as Story;

describe('lookup', () => {
  it('finds a film and an archetype by id', () => {
    expect(filmOf(story, 'tt0112373')?.title).toBe('Kids');
    expect(archetypeById(story, 2)?.members).toEqual(['tt0112373']);
  });

  it('finds nothing for an unknown id, or a film without an archetype', () => {
    expect(filmOf(story, 'tt0000001')).toBeUndefined();
    expect(archetypeById(story, 1)).toBeUndefined();
    expect(archetypeById(story, null)).toBeUndefined();
  });

  it('titles a film, or falls back to its id', () => {
    expect(filmTitle(story, 'tt0133189')).toBe('SLC Punk!');
    expect(filmTitle(story, 'tt0000001')).toBe('tt0000001');
  });

  it('indexes each story on its own', () => {
    const other = { films: [{ imdbId: 'tt0133189', title: 'Another title' }], archetypes: [] } as unknown as Story;
    expect(filmTitle(other, 'tt0133189')).toBe('Another title');
    expect(filmTitle(story, 'tt0133189')).toBe('SLC Punk!');
  });
});
