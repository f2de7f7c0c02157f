/**
 * Stage 9: every stage's output → the story the site reads: per film (tracks, coverage,
 * arc, archetype, confidence, neighbours, map position), per archetype (mean arc and
 * spread, representative tracks, distinctive genres, nearest archetype) and the method's
 * evidence. Numbers are rounded to `decimals` so output bytes do not carry float noise.
 */
import { extent, mean as average } from 'd3-array';
import { FEATURES, type MethodConfig } from '../config.ts';
import { roundTo } from '../lib/linalg.ts';
import type {
  ArcPoint,
  ArtistGenresSnapshot,
  ClusterResult,
  Coverage,
  FeaturedTrack,
  FilmArc,
  FilmSoundtrack,
  GenreMoodMap,
  MapResult,
  Mood,
  Story,
  StoryCluster,
  StoryFilm,
} from '../schemas.ts';
import { meanMood } from './features.ts';
import type { FilmFeatures } from './features.ts';

export interface ExportInput {
  soundtracks: FilmSoundtrack[];
  features: FilmFeatures[];
  arcs: FilmArc[];
  clusters: ClusterResult;
  map: MapResult;
  moodMap: GenreMoodMap;
  artistGenres: ArtistGenresSnapshot;
  unmappedTags: Record<string, number>;
  unknownArtists: string[];
  warnings: string[];
  config: MethodConfig;
}

export function coverageOf(tracks: FeaturedTrack[]): Coverage {
  return {
    entries: tracks.length,
    withPerformer: tracks.filter((t) => t.performers.length > 0).length,
    withGenres: tracks.filter((t) => t.genres.length > 0).length,
    withFeatures: tracks.filter((t) => t.features !== null).length,
  };
}

export function exportStory(input: ExportInput): Story {
  const { soundtracks, features, arcs, clusters, map, config } = input;
  const assignment = new Map(clusters.assignments.map((a) => [a.imdbId, a]));
  const mapPoint = new Map(map.points.map((p) => [p.imdbId, p]));

  const films: StoryFilm[] = soundtracks.map(({ film, soundtrack, missing }, i) => {
    const tracks = features[i].tracks;
    const arc = arcs[i];
    const a = assignment.get(film.imdbId);
    const point = mapPoint.get(film.imdbId);
    const flags: StoryFilm['flags'] = [...arc.flags];
    if (missing) flags.unshift('no-soundtrack');
    return {
      imdbId: film.imdbId,
      slug: film.slug,
      title: film.title,
      year: film.year,
      order: film.order,
      vibeKeywords: film.vibeKeywords,
      source: soundtrack.source,
      truncated: soundtrack.truncated,
      coverage: coverageOf(tracks),
      flags,
      tracks: tracks.map((t) => ({
        position: t.position,
        title: t.title,
        performers: t.performers,
        remixers: t.remixers,
        uncredited: t.uncredited,
        genres: t.genres,
        contributingTags: t.contributingTags,
        unmappedTags: t.unmappedTags,
        features: t.features,
      })),
      arc: arc.points,
      level: meanMood(tracks.flatMap((t) => (t.features ? [t.features] : []))),
      cluster: a?.cluster ?? null,
      confidence: a?.confidence ?? null,
      nearest: clusters.nearest[film.imdbId] ?? [],
      map: point ? { x: point.x, y: point.y, pcaX: point.pcaX, pcaY: point.pcaY } : null,
    };
  });

  const storyClusters = buildClusters(films, clusters);
  const allTracks = features.flatMap((f) => f.tracks);
  const artistsWithoutGenres = Object.entries(input.artistGenres.artists)
    .filter(([, record]) => record.genres.length === 0)
    .map(([name]) => name)
    .sort();
  const providers: Record<string, number> = {};
  for (const record of Object.values(input.artistGenres.artists)) providers[record.source] = (providers[record.source] ?? 0) + 1;

  const story: Story = {
    method: {
      steps: config.steps,
      arcScaling: config.arcScaling,
      minFeaturedTracks: config.minFeaturedTracks,
      pcaVarianceTarget: config.pcaVarianceTarget,
      kmeansRestarts: config.kmeansRestarts,
      bootstrapResamples: config.bootstrapResamples,
      seeds: config.seeds,
    },
    coverage: coverageOf(allTracks),
    films,
    clusters: storyClusters,
    analysis: {
      k: clusters.k,
      components: clusters.components,
      explainedVariance: clusters.explainedVariance,
      inertia: clusters.inertia,
      kEvidence: clusters.kEvidence,
      kSupport: clusters.kSupport,
      coAssignment: clusters.coAssignment,
      coAssignmentFilms: clusters.coAssignment ? clusters.assignments.map((a) => a.imdbId) : [],
      map: { method: map.method, perplexity: map.perplexity },
    },
    genres: {
      moodMap: input.moodMap,
      unmappedTags: input.unmappedTags,
      unknownArtists: input.unknownArtists,
      artistsWithoutGenres,
      providers,
    },
    warnings: input.warnings,
  };
  return roundDeep(story, config.decimals);
}

function buildClusters(films: StoryFilm[], clusters: ClusterResult): StoryCluster[] {
  const ids = Array.from({ length: clusters.k }, (_, i) => i + 1);
  const byId = new Map(films.map((f) => [f.imdbId, f]));
  const tempoRange = rangeOf(films.flatMap((f) => f.tracks.flatMap((t) => (t.features ? [t.features.tempo] : []))));
  const genreTotals = countGenres(films.flatMap((f) => f.tracks));
  const totalFeatured = films.reduce((s, f) => s + f.coverage.withFeatures, 0);

  const base = ids.map((id) => {
    const members = clusters.assignments.filter((a) => a.cluster === id).map((a) => a.imdbId);
    const memberFilms = members.map((m) => byId.get(m)!);
    const arcs = memberFilms.map((f) => f.arc!).filter(Boolean);
    const { mean, spread } = meanAndSpread(arcs);
    const featured = memberFilms.flatMap((f) => f.tracks.filter((t) => t.features).map((t) => ({ film: f, track: t })));
    const level = meanMood(featured.map((x) => x.track.features!));
    return { id, members, mean, spread, level, featured };
  });

  return base.map(({ id, members, mean, spread, level, featured }) => {
    // Representative tracks: closest to the archetype's mean mood, at most two per film.
    const normalised = (m: Mood) => [m.valence, m.energy, m.danceability, tempoRange.max > tempoRange.min ? (m.tempo - tempoRange.min) / (tempoRange.max - tempoRange.min) : 0];
    const centre = level ? normalised(level) : null;
    const perFilm = new Map<string, number>();
    const representativeTracks = centre
      ? featured
          .map((x) => ({ ...x, d: normalised(x.track.features!).reduce((s, v, i) => s + (v - centre[i]) ** 2, 0) }))
          .sort((a, b) => a.d - b.d || a.film.order - b.film.order || a.track.position - b.track.position)
          .filter((x) => {
            const used = perFilm.get(x.film.imdbId) ?? 0;
            if (used >= 2) return false;
            perFilm.set(x.film.imdbId, used + 1);
            return true;
          })
          .slice(0, 5)
          .map((x) => ({ imdbId: x.film.imdbId, position: x.track.position }))
      : [];

    // Distinctive genres: over-represented among the archetype's featured tracks.
    const inCluster = countGenres(featured.map((x) => x.track));
    const distinctiveGenres = Object.entries(inCluster)
      .filter(([, count]) => count >= 2)
      .map(([genre, count]) => ({
        genre,
        tracks: count,
        share: count / Math.max(1, featured.length),
        lift: count / Math.max(1, featured.length) / (genreTotals[genre] / Math.max(1, totalFeatured)),
      }))
      .sort((a, b) => b.lift - a.lift || b.tracks - a.tracks || a.genre.localeCompare(b.genre))
      .slice(0, 5);

    let nearestCluster: StoryCluster['nearestCluster'] = null;
    clusters.clusterDistances[id - 1]?.forEach((distance, j) => {
      if (j + 1 !== id && (!nearestCluster || distance < nearestCluster.distance)) nearestCluster = { id: j + 1, distance };
    });
    const other = nearestCluster ? base[(nearestCluster as { id: number }).id - 1] : null;
    const differenceFromNearest = other && mean.length && other.mean.length
      ? Object.fromEntries(FEATURES.map((f) => [f, mean.reduce((s, p, i) => s + p[f] - other.mean[i][f], 0) / mean.length]))
      : null;
    return {
      id,
      members,
      meanArc: mean,
      spreadArc: spread,
      level,
      representativeTracks,
      distinctiveGenres,
      nearestCluster,
      differenceFromNearest,
    };
  });
}

function meanAndSpread(arcs: ArcPoint[][]): { mean: ArcPoint[]; spread: ArcPoint[] } {
  if (arcs.length === 0) return { mean: [], spread: [] };
  const steps = arcs[0].length;
  const mean: ArcPoint[] = [];
  const spread: ArcPoint[] = [];
  for (let s = 0; s < steps; s++) {
    const m = { step: s, t: arcs[0][s].t } as ArcPoint;
    const sd = { step: s, t: arcs[0][s].t } as ArcPoint;
    for (const f of FEATURES) {
      const values = arcs.map((a) => a[s][f]);
      const mu = average(values) ?? 0;
      m[f] = mu;
      sd[f] = Math.sqrt(values.reduce((x, y) => x + (y - mu) ** 2, 0) / values.length);
    }
    mean.push(m);
    spread.push(sd);
  }
  return { mean, spread };
}

function countGenres(tracks: { genres: string[]; features: Mood | null }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of tracks) if (t.features) for (const g of t.genres) counts[g] = (counts[g] ?? 0) + 1;
  return counts;
}

function rangeOf(values: number[]): { min: number; max: number } {
  const [min = 0, max = 0] = extent(values);
  return { min, max };
}

/** Rounds every number in a JSON-like value; integers pass unchanged. */
export function roundDeep<T>(value: T, decimals: number): T {
  if (typeof value === 'number') return (Number.isInteger(value) ? value : roundTo(value, decimals)) as T;
  if (Array.isArray(value)) return value.map((v) => roundDeep(v, decimals)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = roundDeep(v, decimals);
    return out as T;
  }
  return value;
}
