import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../scripts/config.ts';
import { readInputs } from '../../../scripts/pipeline/inputs.ts';
import { buildArcs } from '../../../scripts/stages/arcs.ts';
import { clusterArcs } from '../../../scripts/stages/clusters.ts';
import { creditTracks } from '../../../scripts/stages/credits.ts';
import { inferFeatures } from '../../../scripts/stages/features.ts';
import { tagGenres } from '../../../scripts/stages/genres.ts';
import { reduceArcs } from '../../../scripts/stages/reduce.ts';
import { replicate, studySettings } from '../../../scripts/stages/replication.ts';
import { loadSoundtracks } from '../../../scripts/stages/soundtracks.ts';
import { compareWithStudy } from '../../../scripts/stages/study-comparison.ts';

const inputs = readInputs('data');
const loaded = loadSoundtracks(inputs.films, inputs.snapshots);
const credited = creditTracks(loaded.soundtracks, Object.keys(inputs.artistGenres.artists));
const features = inferFeatures(tagGenres(credited.films, inputs.artistGenres).films, inputs.moodMap).films;
const clusters = clusterArcs(
  reduceArcs(buildArcs(features, { steps: 10, scaling: 'per-film', minFeaturedTracks: 3 }).arcs, defaultConfig),
  defaultConfig,
);
const record = replicate({
  features,
  study: inputs.studyResults,
  assignments: clusters.assignments,
  components: clusters.components,
  config: defaultConfig,
});

describe('the replication record on the committed data', () => {
  it('reads the study’s settings from its published method: 7 components, seed 33, every film with a song, the line read at the steps', () => {
    expect(studySettings(inputs.studyResults, defaultConfig)).toEqual({ components: 7, seed: 33, minFeaturedTracks: 1, reading: 'points' });
    expect(record.study).toEqual(studySettings(inputs.studyResults, defaultConfig));
  });

  it('lists each difference of setting with what it does to the archetypes', () => {
    expect(record.differences.map((d) => [d.setting, d.study, d.site])).toEqual([
      ['components', '7', String(clusters.components)],
      ['seed', '33', '42'],
      ['minimum-songs', '1', '3'],
      ['arc-reading', 'points', 'bins'],
    ]);
    for (const d of record.differences) {
      expect(d.ari).toBeGreaterThanOrEqual(-1);
      expect(d.ari).toBeLessThanOrEqual(1);
      expect(d.films).toBe(clusters.assignments.length);
    }
  });

  it('agrees with the study comparison stage on the published archetypes, and compares the study’s settings over all films with a song', () => {
    expect(record.agreement.published.ari).toBeCloseTo(
      compareWithStudy({ study: inputs.studyResults, assignments: clusters.assignments, k: clusters.k }).ari,
      12,
    );
    // With one song enough, every film with a mood is clustered: 20 here, as in the study.
    expect(record.agreement.studySettings.films).toBe(features.filter((f) => f.tracks.some((t) => t.features)).length);
  });

  it('counts the songs with moods per film against the study’s: 223 there, fewer here, for 19 of the 20 films', () => {
    expect(record.featuredTotals.study).toBe(223);
    expect(record.featuredTotals.site).toBe(features.reduce((s, f) => s + f.tracks.filter((t) => t.features).length, 0));
    expect(record.featuredTotals.filmsDiffering).toBe(record.featured.filter((f) => f.study !== f.site).length);
    expect(record.featured).toHaveLength(20);
  });
});
