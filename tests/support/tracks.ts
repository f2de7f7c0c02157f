/** Small hand-made inputs for the stage tests: a mood, a featured track of a film, a film's samples and runs. */
import type { FeaturedTrack, Mood, StoryTrack } from '../../scripts/schemas.ts';
import type { RefitInput } from '../../scripts/resampling/refit.ts';
import type { ArcSample } from '../../scripts/stages/arcs.ts';
import { runLengths } from '../../scripts/stages/blocks.ts';

export const mood = (valence: number, energy: number, danceability: number, tempo: number): Mood => ({
  valence,
  energy,
  danceability,
  tempo,
});

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

/**
 * A film's featured samples, evenly placed from 0 to 1. Each song has an artist of its own
 * unless `artists` names them, so its artist runs are single songs by default.
 */
export const filmSamples = (moods: Mood[], artists: string[] = moods.map((_, i) => `Artist ${i}`)): ArcSample[] =>
  moods.map((m, i) => ({ t: moods.length > 1 ? i / (moods.length - 1) : 0, mood: m, artists: artists[i] }));

/** A film's artist runs (lengths) from its samples. */
export const runsOf = (samples: ArcSample[]): number[] => runLengths(samples.map((s) => s.artists));

/** What every refit of these films needs (resampling/refit.ts's RefitInput): their runs and the published fit's settings, restarts aside. */
export const refitInput = (samples: ArcSample[][], restarts = 5): RefitInput => ({
  samples,
  runs: samples.map(runsOf),
  steps: 10,
  globalRange: null,
  varianceTarget: 0.8,
  restarts,
  kmeansSeed: 42,
  maxIterations: 100,
});

/** A song as the story publishes it, for the chart tests: Black Flag, hardcore punk, every mood known. */
export const storyTrack = (position: number, over: Partial<StoryTrack> = {}): StoryTrack => ({
  position,
  title: `Song ${position}`,
  performers: ['Black Flag'],
  remixers: [],
  uncredited: false,
  genres: ['hardcore punk'],
  contributingTags: [],
  unmappedTags: [],
  features: { valence: 0.456, energy: 0.9, danceability: 0.3, tempo: 171.6 },
  ...over,
});
