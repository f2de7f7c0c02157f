/** What a film page must say before its charts: the caveats its data carries, in words. */
import type { StoryFilm } from '../../scripts/schemas.ts';

export function filmCaveats(film: StoryFilm): string[] {
  const { entries, withFeatures } = film.coverage;
  const caveats: string[] = [];
  if (film.flags.includes('no-soundtrack')) {
    caveats.push('There is no soundtrack listing for this film in the data yet, so it has no arc and no group.');
  } else if (film.flags.includes('no-featured-tracks')) {
    caveats.push(
      entries === 0
        ? 'The film’s soundtrack listing is empty, so it has no arc and no group.'
        : `None of the ${entries} listed songs has mood features (their performers are unknown or carry no mapped genre), so the film has no arc and no group.`,
    );
  }
  if (film.flags.includes('few-featured-tracks')) {
    caveats.push(
      `Only ${withFeatures} of the ${entries} listed songs ${withFeatures === 1 ? 'has' : 'have'} mood features, too few to trace an arc: ${withFeatures === 1 ? 'one song scaled within its film is a flat line' : 'two songs scaled within their film are a straight line from one to the other'}, and films with such lines would group together whatever their soundtracks are. So this film has no arc and no archetype, and stays out of the clustering, the map and every test of chance; its songs are listed below.`,
    );
  }
  if (film.truncated)
    caveats.push('IMDb’s listing for this film was cut short when it was read, so some songs may be missing from the end.');
  return caveats;
}
