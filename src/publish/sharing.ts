/**
 * What a shared link says: the site card's finding, and each film's description and card
 * lines. All of it is worded from the data, and says no more than the data supports: the
 * order test's own verdict, counts of songs, performers the listings name.
 */
import type { Story, StoryFilm } from '../story/schemas.ts';
import { findingSentence } from '../story/evidence.ts';
import { pText } from '../story/format.ts';

/** The one sentence the site's social card states: the story's headline, turning with the evidence. */
export function siteFinding(story: Story): string {
  return `${findingSentence(story)}.`;
}

/** The site's own social card, for every page that has none of its own: the image and its words. */
export function siteCard(story: Story): { path: string; alt: string } {
  return { path: 'og.png', alt: `Soundtrack Arcs: ${siteFinding(story)}` };
}

/** Performers named most often in the film's listing, most first (ties in listing order). */
export function topPerformers(film: StoryFilm, count: number): { name: string; songs: number }[] {
  const songs = new Map<string, number>();
  for (const track of film.tracks) for (const name of new Set(track.performers)) songs.set(name, (songs.get(name) ?? 0) + 1);
  return [...songs]
    .map(([name, n]) => ({ name, songs: n }))
    .sort((a, b) => b.songs - a.songs)
    .slice(0, count);
}

/** What the order test says of this film, or why it has none, as one plain clause. */
export function filmOrderFinding(film: StoryFilm, significance: number): string {
  const signal = film.orderSignal;
  if (!signal)
    return film.coverage.entries === 0 ? 'No songs are listed for it yet' : 'Too few of its songs have mood features to trace an arc';
  return `Neighbouring songs are ${signal.orderP < significance ? 'more' : 'no more'} alike than with its artist runs reordered (${pText(signal.orderP)})`;
}

const list = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/** A film page's meta description: its songs, who is heard most, and what the order test says, from its data. */
export function filmDescription(film: StoryFilm, significance: number): string {
  const { entries, withPerformer, withFeatures } = film.coverage;
  const finding = `${filmOrderFinding(film, significance)}.`;
  if (entries === 0) return `${film.title} (${film.year}): ${finding}`;
  // Only a performer heard more than once says something about the soundtrack; at most two, tied for most.
  const top = topPerformers(film, 2).filter((p, _, all) => p.songs > 1 && p.songs === all[0].songs);
  const most = top.length ? ` (most often ${list(top.map((p) => p.name))})` : '';
  return `${film.title} (${film.year}): ${entries} songs on its soundtrack, ${withPerformer} with a known performer${most}, ${withFeatures} with mood features. ${finding}`;
}
