/**
 * Genre tags → valence, energy, danceability and tempo per track: the mean
 * over every tag found in the genre→mood map. Tags match exactly, else by genreKey
 * (case, hyphen/space, "&"/"and"); every tag that matches neither is counted.
 */
import { genreKey } from '../lib/text.ts';
import { FEATURES } from '../config.ts';
import type { FeaturedTrack, GenreMoodMap, Mood } from '../schemas.ts';
import type { FilmGenres } from './genres.ts';

export interface FilmFeatures {
  imdbId: string;
  tracks: FeaturedTrack[];
}

export interface FeaturesResult {
  films: FilmFeatures[];
  /** Unmapped tag → how many track credits carried it, sorted by tag. */
  unmappedTags: Record<string, number>;
}

export function moodLookup(map: GenreMoodMap): (tag: string) => { key: string; mood: Mood } | null {
  const byKey = new Map(Object.entries(map).map(([key, mood]) => [genreKey(key), { key, mood }]));
  return (tag) => {
    const exact = map[tag];
    if (exact) return { key: tag, mood: exact };
    return byKey.get(genreKey(tag)) ?? null;
  };
}

export function meanMood(moods: Mood[]): Mood | null {
  if (moods.length === 0) return null;
  const mean = { valence: 0, energy: 0, danceability: 0, tempo: 0 };
  for (const mood of moods) for (const f of FEATURES) mean[f] += mood[f];
  for (const f of FEATURES) mean[f] /= moods.length;
  return mean;
}

export function inferFeatures(films: FilmGenres[], map: GenreMoodMap): FeaturesResult {
  const lookup = moodLookup(map);
  const unmapped: Record<string, number> = {};
  const featured = films.map((film) => ({
    imdbId: film.imdbId,
    tracks: film.tracks.map((track): FeaturedTrack => {
      const contributing: string[] = [];
      const moods: Mood[] = [];
      const unmappedTags: string[] = [];
      for (const tag of track.genres) {
        const hit = lookup(tag);
        if (!hit) {
          unmappedTags.push(tag);
          unmapped[tag] = (unmapped[tag] ?? 0) + 1;
        } else if (!contributing.includes(hit.key)) {
          contributing.push(hit.key);
          moods.push(hit.mood);
        }
      }
      return { ...track, contributingTags: contributing, unmappedTags, features: meanMood(moods) };
    }),
  }));
  const sorted: Record<string, number> = {};
  for (const tag of Object.keys(unmapped).sort()) sorted[tag] = unmapped[tag];
  return { films: featured, unmappedTags: sorted };
}
