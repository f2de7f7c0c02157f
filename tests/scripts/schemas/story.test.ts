import { describe, expect, it } from 'vitest';
import { ArchetypeDescriptors, Coverage, Story, StoryFilm, StoryTrack } from '../../../scripts/schemas/story.ts';

const paths = (result: { success: boolean; error?: { issues: { path: (string | number)[] }[] } }) => {
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => i.path.join('.'));
};

const track = {
  imdbId: 'tt0102943',
  position: 1,
  title: 'Song',
  performers: ['Band'],
  remixers: [],
  uncredited: false,
  genres: ['punk'],
  unknownArtists: ['Nobody'],
  contributingTags: ['punk'],
  unmappedTags: [],
  features: { valence: 0.4, energy: 0.9, danceability: 0.5, tempo: 160 },
};
const { imdbId: _imdbId, unknownArtists: _unknownArtists, ...storyTrack } = track;

/** A film set apart: one song with a mood, so no arc, no archetype and no place on the map. */
const thinFilm = {
  imdbId: 'tt0102943',
  title: 'Slacker',
  year: 1990,
  vibeKeywords: ['drift'],
  slug: 'slacker',
  order: 0,
  source: 'curated',
  truncated: false,
  coverage: { entries: 1, withPerformer: 1, withGenres: 1, withFeatures: 1 },
  flags: ['few-featured-tracks'],
  tracks: [storyTrack],
  extrapolatedShare: 0,
  runs: [1],
  arc: null,
  levelArc: null,
  range: null,
  rangeShare: null,
  narrowFeatures: [],
  level: null,
  archetype: null,
  confidence: null,
  orderSignal: null,
  trend: null,
  shape: null,
  descriptors: null,
  study: { archetype: null, featured: null },
  nearest: [],
  map: null,
};

describe('a film of the story', () => {
  it('takes a film set apart, with nothing the analysis did not give it', () => {
    expect(StoryFilm.parse(thinFilm)).toEqual(thinFilm);
  });
  it('takes the caveats of the arc stage and the story’s own, and no other', () => {
    for (const flag of ['no-featured-tracks', 'few-featured-tracks', 'no-soundtrack', 'mostly-extrapolated'])
      expect(StoryFilm.safeParse({ ...thinFilm, flags: [flag] }).success, flag).toBe(true);
    expect(paths(StoryFilm.safeParse({ ...thinFilm, flags: ['thin'] }))).toEqual(['flags.0']);
  });
  it('keeps shares, runs and the archetype id in range', () => {
    expect(paths(StoryFilm.safeParse({ ...thinFilm, extrapolatedShare: 1.5 }))).toEqual(['extrapolatedShare']);
    expect(paths(StoryFilm.safeParse({ ...thinFilm, confidence: -0.1 }))).toEqual(['confidence']);
    expect(paths(StoryFilm.safeParse({ ...thinFilm, runs: [0] }))).toEqual(['runs.0']);
    expect(paths(StoryFilm.safeParse({ ...thinFilm, archetype: 0 }))).toEqual(['archetype']);
    expect(paths(StoryFilm.safeParse({ ...thinFilm, narrowFeatures: ['loudness'] }))).toEqual(['narrowFeatures.0']);
  });
  it('publishes no track’s film id or unknown artists: the page knows its film, the genres record lists the artists', () => {
    expect(StoryTrack.parse(track)).toEqual(storyTrack);
    expect(StoryFilm.parse({ ...thinFilm, tracks: [track] }).tracks[0]).not.toHaveProperty('unknownArtists');
  });
  it('gives a place on the map without the id the film already has', () => {
    expect(StoryFilm.parse({ ...thinFilm, map: { imdbId: 'tt0102943', x: 1, y: 2, pcaX: 3, pcaY: 4 } }).map).toEqual({
      x: 1,
      y: 2,
      pcaX: 3,
      pcaY: 4,
    });
  });
});

describe('coverage', () => {
  it('counts in whole, non-negative numbers', () => {
    expect(paths(Coverage.safeParse({ entries: 2, withPerformer: -1, withGenres: 0, withFeatures: 0.5 }))).toEqual([
      'withPerformer',
      'withFeatures',
    ]);
  });
});

describe('an archetype’s words', () => {
  const group = <W extends string>(word: W | 'mixed', own: W) => ({ word, films: [{ imdbId: 'tt0133189', word: own }] });
  const perFeature = <T>(value: T) => ({ valence: value, energy: value, danceability: value, tempo: value });
  const descriptors = {
    level: perFeature(group('high', 'high')),
    trend: perFeature(group('mixed', 'rising')),
    volatility: group('calm', 'calm'),
    shape: group('icarus', 'icarus'),
  };
  it('takes a word its films vote for, or "mixed"', () => {
    expect(ArchetypeDescriptors.safeParse(descriptors).success).toBe(true);
  });
  it('refuses a member’s word of "mixed" and a word of another scale', () => {
    expect(paths(ArchetypeDescriptors.safeParse({ ...descriptors, volatility: group('calm', 'mixed') }))).toEqual([
      'volatility.films.0.word',
    ]);
    expect(paths(ArchetypeDescriptors.safeParse({ ...descriptors, volatility: group('rising' as 'calm', 'calm') }))).toEqual([
      'volatility.word',
    ]);
  });
});

describe('the story’s analysis', () => {
  const analysis = Story.shape.analysis.shape;
  it('leaves out the per-film lists the films already carry', () => {
    const pooled = { shuffle: 'blocks', ratio: 1, p: 0.5, filmsBelowSignificance: 0, filmsTested: 0, expectedByChance: 0 };
    const orderSignal = { shuffles: 10, films: [{ imdbId: 'tt0133189' }], overall: pooled, songLevel: { ...pooled, shuffle: 'songs' } };
    expect(analysis.orderSignal.parse(orderSignal)).not.toHaveProperty('films');
    const stability = {
      resamples: 0,
      reduced: false,
      thresholds: { stable: 0.75, dissolved: 0.5 },
      baselineDraws: 0,
      archetypes: [],
      films: [{ imdbId: 'tt0133189', coAssignment: 0.5 }],
      coAssignment: null,
      coAssignmentFilms: [],
      pairs: [],
      strays: [],
    };
    expect(analysis.stability.parse(stability)).not.toHaveProperty('films');
  });
  it('keeps only how the map was made, not its points', () => {
    expect(analysis.map.parse({ method: 'exact-tsne', perplexity: 5, points: [] })).toEqual({ method: 'exact-tsne', perplexity: 5 });
  });
  it('names arc scaling with the two words the method knows', () => {
    expect(Story.shape.method.shape.arcScaling.options).toEqual(['per-film', 'level-preserving']);
  });
});
