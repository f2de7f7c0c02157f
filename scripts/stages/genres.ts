/** Each track's performers and remixers → the genre tags the artist snapshot holds for them. */
import { artistKey } from '../lib/text.ts';
import type { ArtistGenresSnapshot, GenredTrack } from '../schemas.ts';
import type { FilmCredits } from './credits.ts';

export interface FilmGenres {
  imdbId: string;
  tracks: GenredTrack[];
}

export interface GenresResult {
  films: FilmGenres[];
  /** Credited artists the snapshot has no record of, sorted. */
  unknownArtists: string[];
}

export function tagGenres(films: FilmCredits[], snapshot: ArtistGenresSnapshot): GenresResult {
  const byKey = new Map(Object.entries(snapshot.artists).map(([name, record]) => [artistKey(name), record]));
  const unknown = new Set<string>();
  const tagged = films.map((film) => ({
    imdbId: film.imdbId,
    tracks: film.tracks.map((track): GenredTrack => {
      const genres: string[] = [];
      const unknownArtists: string[] = [];
      for (const artist of [...track.performers, ...track.remixers]) {
        const record = byKey.get(artistKey(artist));
        if (!record) {
          unknownArtists.push(artist);
          unknown.add(artist);
          continue;
        }
        for (const genre of record.genres) if (!genres.includes(genre)) genres.push(genre);
      }
      return { ...track, genres, unknownArtists };
    }),
  }));
  return { films: tagged, unknownArtists: [...unknown].sort() };
}
