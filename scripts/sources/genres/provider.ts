/** One interface for every source of artist genres: the committed snapshot, Spotify, MusicBrainz. */
import type { GenreProvider as ProviderName } from '../../schemas.ts';

export interface GenreLookup {
  /** The provider's spelling of the artist it matched. */
  name: string;
  genres: string[];
  providerId: string | null;
}

export interface GenreProvider {
  readonly name: ProviderName;
  /** The artist's genres, or null when the provider knows no artist of that name (never a guess). */
  lookup(artist: string): Promise<GenreLookup | null>;
}
