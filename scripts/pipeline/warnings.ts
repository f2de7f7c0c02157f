/**
 * The pipeline's warnings in words a data keeper can act on: each names the film, the file
 * its songs come from and what to do. They go into the story and are printed at the end
 * of every run, so a problem in the data is seen in the terminal, not discovered later as
 * a puzzling message about an essay.
 */
import { dirname, join } from 'node:path';
import type { FilmArc, FilmSoundtrack } from '../schemas.ts';

/** One warning per film that gets no arc for want of songs with moods; a missing snapshot has its own warning already. */
export function thinFilmWarnings(arcs: FilmArc[], soundtracks: FilmSoundtrack[], minFeaturedTracks: number): string[] {
  const byId = new Map(soundtracks.map((s) => [s.film.imdbId, s]));
  return arcs.flatMap((arc) => {
    const loaded = byId.get(arc.imdbId);
    if (!loaded || loaded.missing || !arc.flags.length) return [];
    const { film, file } = loaded;
    const genres = join(dirname(dirname(file)), 'artist-genres.json');
    const fix = `songs in ${file}; a song gets a mood from its performers' genres: credit its performers there, and give them genres with "npm run pipeline -- --live --genres" or by hand in ${genres}`;
    if (arc.flags.includes('no-featured-tracks')) {
      if (loaded.soundtrack.tracks.length === 0) return [`${arc.imdbId} (${film.title}): ${file} lists no songs, so the film has no arc and no archetype`];
      return [`${arc.imdbId} (${film.title}): no track has mood features, so the film has no arc and no archetype (${fix})`];
    }
    return [`${arc.imdbId} (${film.title}): only ${arc.featuredTracks} track(s) with mood features, fewer than ${minFeaturedTracks}: the film gets no arc and no archetype (${fix})`];
  });
}

/** The warnings as the terminal shows them after a run. */
export function formatWarnings(warnings: string[]): string[] {
  if (!warnings.length) return [];
  return [`  ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (the run went on; each says what to do):`, ...warnings.map((w) => `  - ${w}`)];
}
