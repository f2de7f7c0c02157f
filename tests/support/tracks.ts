/** Small hand-made inputs for the stage tests: a mood, and a featured track of a film. */
import type { FeaturedTrack, Mood } from '../../scripts/schemas.ts';

export const mood = (valence: number, energy: number, danceability: number, tempo: number): Mood => ({ valence, energy, danceability, tempo });

export const featuredTrack = (imdbId: string, position: number, features: Mood | null): FeaturedTrack => ({
  imdbId,
  position,
  title: `Song ${position}`,
  performers: features ? ['Band'] : [],
  remixers: [],
  uncredited: false,
  genres: [],
  unknownArtists: [],
  contributingTags: [],
  unmappedTags: [],
  features,
});
