/**
 * The one way the site finds a film or an archetype of a story by its id: an index built
 * once per story, where pages and downloads used to search the list each time.
 */
import type { Story, StoryArchetype, StoryFilm } from '../../scripts/schemas.ts';

const indexes = new WeakMap<Story, { films: Map<string, StoryFilm>; archetypes: Map<number, StoryArchetype> }>();

function indexOf(story: Story) {
  let index = indexes.get(story);
  if (!index) {
    index = { films: new Map(story.films.map((f) => [f.imdbId, f])), archetypes: new Map(story.archetypes.map((a) => [a.id, a])) };
    indexes.set(story, index);
  }
  return index;
}

export const filmOf = (story: Story, imdbId: string): StoryFilm | undefined => indexOf(story).films.get(imdbId);

export const archetypeById = (story: Story, id: number | null | undefined): StoryArchetype | undefined =>
  id === null || id === undefined ? undefined : indexOf(story).archetypes.get(id);

/** A film's title, or its id where the story has no such film. */
export const filmTitle = (story: Story, imdbId: string): string => filmOf(story, imdbId)?.title ?? imdbId;
