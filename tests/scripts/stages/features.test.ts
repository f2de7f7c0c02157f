import { describe, expect, it } from 'vitest';
import { inferFeatures, meanMood, moodLookup } from '../../../scripts/stages/features.ts';
import type { GenredTrack } from '../../../scripts/schemas.ts';

const map = {
  punk: { valence: 0.4, energy: 0.9, danceability: 0.5, tempo: 160 },
  'hip hop': { valence: 0.6, energy: 0.7, danceability: 0.8, tempo: 95 },
  'drum and bass': { valence: 0.5, energy: 0.9, danceability: 0.7, tempo: 174 },
};
const track = (genres: string[]): GenredTrack => ({
  imdbId: 'tt0000001',
  position: 1,
  title: 'x',
  performers: ['A'],
  remixers: [],
  uncredited: false,
  genres,
  unknownArtists: [],
});

describe('genre → mood', () => {
  it('averages every mapped genre of the track', () => {
    const { films } = inferFeatures([{ imdbId: 'tt0000001', tracks: [track(['punk', 'hip hop'])] }], map);
    expect(films[0].tracks[0].features).toEqual({ valence: 0.5, energy: 0.8, danceability: 0.65, tempo: 127.5 });
    expect(films[0].tracks[0].contributingTags).toEqual(['punk', 'hip hop']);
  });
  it('matches after normalising case, hyphens and "&"', () => {
    const lookup = moodLookup(map);
    expect(lookup('Hip-Hop')?.key).toBe('hip hop');
    expect(lookup('drum & bass')?.key).toBe('drum and bass');
    expect(lookup('PUNK')?.key).toBe('punk');
    expect(lookup('polka')).toBeNull();
  });
  it('counts unmapped tags and leaves a track with none mapped without features', () => {
    const { films, unmappedTags } = inferFeatures([{ imdbId: 'tt0000001', tracks: [track(['polka', 'punk']), track(['polka'])] }], map);
    expect(films[0].tracks[0].features?.tempo).toBe(160);
    expect(films[0].tracks[1].features).toBeNull();
    expect(unmappedTags).toEqual({ polka: 2 });
  });
  it('does not count one genre twice when two spellings map to it', () => {
    const { films } = inferFeatures([{ imdbId: 'tt0000001', tracks: [track(['hip hop', 'Hip-Hop', 'punk'])] }], map);
    expect(films[0].tracks[0].contributingTags).toEqual(['hip hop', 'punk']);
    expect(films[0].tracks[0].features?.tempo).toBe(127.5);
  });
  it('mean of nothing is null', () => {
    expect(meanMood([])).toBeNull();
  });
});
