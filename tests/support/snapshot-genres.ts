/** A genre snapshot as a provider, for tests that need one offline (the pipeline reads its snapshot directly). */
import { artistKey } from '../../scripts/lib/text.ts';
import type { ArtistGenresSnapshot } from '../../scripts/schemas.ts';
import type { GenreLookup, GenreProvider } from '../../scripts/sources/genres/provider.ts';

export class SnapshotProvider implements GenreProvider {
  readonly name = 'curated' as const;
  private readonly byKey: Map<string, GenreLookup>;
  constructor(snapshot: ArtistGenresSnapshot) {
    this.byKey = new Map(
      Object.entries(snapshot.artists).map(([name, record]) => [
        artistKey(name),
        { name, genres: record.genres, providerId: record.providerId },
      ]),
    );
  }
  async lookup(artist: string): Promise<GenreLookup | null> {
    return this.byKey.get(artistKey(artist)) ?? null;
  }
}
