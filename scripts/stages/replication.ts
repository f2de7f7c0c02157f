/**
 * Stage: the replication record. Where this site's run differs from the study's (its
 * settings, and the songs that got a mood), and what each difference does to the
 * archetypes: the adjusted Rand index between the published archetypes and those the
 * same data gives with that one setting set back to the study's; then the agreement with
 * the study's own archetypes with every setting as the study had it, on this data. What
 * that leaves is the data: the credits and genres behind each film's songs.
 */
import { restartsFor, type MethodConfig } from '../config.ts';
import { adjustedRandIndex } from '../lib/cluster-metrics.ts';
import type { Replication, StudyResults } from '../schemas.ts';
import { arcSamples, buildArcs, songsTouchingNoStep, type ArcReading } from './arcs.ts';
import { bestKMeans } from './clusters.ts';
import type { FilmFeatures } from './features.ts';
import { reduceArcs } from './reduce.ts';

/** The study's run, as its notebook and published results give it. */
export interface StudySettings {
  components: number;
  seed: number;
  minFeaturedTracks: number;
  reading: ArcReading;
}

export interface ReplicationInput {
  features: FilmFeatures[];
  study: StudyResults;
  /** The published archetype of each clustered film. */
  assignments: { imdbId: string; cluster: number }[];
  /** Principal components the published fit kept. */
  components: number;
  config: MethodConfig;
}

interface Settings {
  components: number | null;
  seed: number;
  minFeaturedTracks: number;
  reading: ArcReading;
}

/** The study's settings from study-results.json's method, with what its notebook did where that says nothing. */
export function studySettings(study: StudyResults, config: MethodConfig): StudySettings {
  const number = (key: string, fallback: number) => (typeof study.method[key] === 'number' ? (study.method[key] as number) : fallback);
  // The notebook dropped only songs without a mood: a film with one such song got an arc.
  return {
    components: number('pcaComponents', 7),
    seed: number('kmeansRandomState', config.seeds.kmeans),
    minFeaturedTracks: 1,
    reading: 'points',
  };
}

/** Archetype of each film KMeans gives with these settings, by IMDb ID. */
function archetypesWith(features: FilmFeatures[], settings: Settings, config: MethodConfig): Map<string, number> {
  const arcs = buildArcs(features, {
    steps: config.steps,
    scaling: config.arcScaling,
    minFeaturedTracks: settings.minFeaturedTracks,
    reading: settings.reading,
  }).arcs;
  const reduction = reduceArcs(arcs, config, settings.components ?? undefined);
  const k = Math.min(config.k, reduction.imdbIds.length);
  const fit = bestKMeans(reduction.scores, k, {
    restarts: restartsFor(reduction.imdbIds.length, config),
    seed: settings.seed,
    maxIterations: config.kmeansMaxIterations,
  });
  return new Map(reduction.imdbIds.map((id, i) => [id, fit.labels[i]]));
}

/** Adjusted Rand index over the films both labellings have. */
function agreement(a: Map<string, number | string>, b: Map<string, number | string>): { ari: number; films: number } {
  const both = [...a.keys()].filter((id) => b.has(id)).sort();
  return {
    ari:
      both.length >= 2
        ? adjustedRandIndex(
            both.map((id) => a.get(id)!),
            both.map((id) => b.get(id)!),
          )
        : 0,
    films: both.length,
  };
}

export function replicate(input: ReplicationInput): Replication {
  const { features, study, config } = input;
  const theirs = studySettings(study, config);
  const site: Settings = { components: null, seed: config.seeds.kmeans, minFeaturedTracks: config.minFeaturedTracks, reading: 'bins' };
  const published = new Map(input.assignments.map((a) => [a.imdbId, a.cluster]));
  const studyArchetypes = new Map<string, string>();
  for (const [name, ids] of Object.entries(study.clusters)) for (const id of ids) studyArchetypes.set(id, name);
  const effect = (change: Partial<Settings>) => agreement(published, archetypesWith(features, { ...site, ...change }, config));
  const featured = features.map((film) => ({
    imdbId: film.imdbId,
    study: study.tracksWithFeatures[film.imdbId] ?? null,
    site: film.tracks.filter((t) => t.features).length,
  }));
  const differences: Replication['differences'] = [
    {
      setting: 'components',
      study: String(theirs.components),
      site: String(input.components),
      ...effect({ components: theirs.components }),
    },
    { setting: 'seed', study: String(theirs.seed), site: String(site.seed), ...effect({ seed: theirs.seed }) },
    {
      setting: 'minimum-songs',
      study: String(theirs.minFeaturedTracks),
      site: String(site.minFeaturedTracks),
      ...effect({ minFeaturedTracks: theirs.minFeaturedTracks }),
    },
    { setting: 'arc-reading', study: theirs.reading, site: site.reading, ...effect({ reading: theirs.reading }) },
  ];
  const withStudySettings = archetypesWith(features, theirs, config);
  // Over the films this site clusters: how many of their songs the study's reading left unused.
  const clustered = new Set(input.assignments.map((a) => a.imdbId));
  const samples = features.filter((f) => clustered.has(f.imdbId)).map((f) => arcSamples(f.tracks));
  return {
    study: theirs,
    differences,
    agreement: {
      published: agreement(published, studyArchetypes),
      studySettings: agreement(withStudySettings, studyArchetypes),
      publishedWithStudySettings: agreement(published, withStudySettings),
    },
    featured,
    unusedByPoints: {
      songs: samples.reduce((n, s) => n + s.length, 0),
      unused: samples.reduce((n, s) => n + songsTouchingNoStep(s, config.steps), 0),
    },
    featuredTotals: {
      study: featured.reduce((s, f) => s + (f.study ?? 0), 0),
      site: featured.reduce((s, f) => s + f.site, 0),
      filmsDiffering: featured.filter((f) => f.study !== null && f.study !== f.site).length,
    },
  };
}
