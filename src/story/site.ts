/** What pages share: the story, the archetypes bound to their essays, and lookups between them. */
import { getCollection } from 'astro:content';
import type { StoryFilm } from '../../scripts/schemas.ts';
import { bindArchetypes, bindArchetypesLenient, type Archetype } from './archetypes.ts';
import { isBroken } from '../editorial/content-loader.ts';
import { ARCHETYPE_COLLECTION } from '../editorial/content-schemas.ts';
import { getStory } from './story.ts';

let archetypes: Archetype[] | null = null;

export async function getArchetypes(): Promise<Archetype[]> {
  if (archetypes && !import.meta.env.DEV) return archetypes;
  const entries = (await getCollection(ARCHETYPE_COLLECTION)).filter((e) => !isBroken(e.data));
  const essays = entries.map((e) => ({
    slug: e.id,
    file: e.filePath ?? `content/${ARCHETYPE_COLLECTION}/${e.id}.mdx`,
    title: e.data.title,
    summary: e.data.summary,
    anchor: e.data.anchor,
  }));
  // In dev, an essay that cannot be bound loses its page (which shows why) and the rest of
  // the site keeps working; a build refuses to go on (the essay check has said why already).
  archetypes = import.meta.env.DEV ? bindArchetypesLenient(essays, getStory()).archetypes : bindArchetypes(essays, getStory());
  return archetypes;
}

export async function archetypeOf(film: StoryFilm): Promise<Archetype | undefined> {
  if (film.archetype === null) return undefined;
  return (await getArchetypes()).find((a) => a.cluster.id === film.archetype);
}

export async function archetypeBySlug(slug: string): Promise<Archetype> {
  const all = await getArchetypes();
  const found = all.find((a) => a.slug === slug);
  if (!found) throw new Error(`No archetype essay is called "${slug}". Archetypes: ${all.map((a) => a.slug).join(', ')}`);
  return found;
}

export function filmByKey(key: string): StoryFilm {
  const films = getStory().films;
  const film = films.find((f) => f.imdbId === key || f.slug === key);
  if (!film)
    throw new Error(
      `No film "${key}" in the data. Use an IMDb ID or slug from data/films.csv, e.g. ${films[0]?.imdbId} or ${films[0]?.slug}`,
    );
  return film;
}
