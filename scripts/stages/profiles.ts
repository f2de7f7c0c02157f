/**
 * Stage 14: what each archetype is, in numbers a page and a sentence can use: its mean
 * arc and spread, representative tracks, distinctive genres, nearest archetype, and the
 * descriptors that words about it must agree with (level against all films, volatility,
 * trend per feature, story shape), beside its stability and its order null.
 */
import { extent, mean as average } from 'd3-array';
import { FEATURES, type FeatureName } from '../config.ts';
import type { ArcPoint, ArchetypeDescriptors, ClusterResult, Mood, NullModel, Stability, StoryCluster, StoryFilm, StudyComparison } from '../schemas.ts';
import { meanMood } from './features.ts';
import { classifyShape } from './shapes.ts';

/** A level or volatility in the top third of the films' is high, in the bottom third low. */
export const TERCILE = 1 / 3;
/** A within-film trend of at least this many standard deviations over a film is rising (or falling). */
export const TREND_SD = 0.25;

export interface ProfileInput {
  /** Every film, as exported (tracks, arc, level, order signal, cluster). */
  films: StoryFilm[];
  clusters: ClusterResult;
  stability: Stability;
  nullModel: NullModel;
  study: StudyComparison;
  shapeMinCorrelation: number;
}

export function profileArchetypes(input: ProfileInput): StoryCluster[] {
  const { films, clusters } = input;
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
    const volatility = average(memberFilms.map((f) => f.orderSignal?.change ?? 0)) ?? 0;
    return { id, members, mean, spread, level, featured, volatility };
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
    const stability = input.stability.archetypes[id - 1];
    const orderNull = input.nullModel.archetypes[id - 1];
    const { cluster: _s, ...stabilityOfArchetype } = stability;
    const { cluster: _o, ...orderNullOfArchetype } = orderNull;
    const { cluster: _c, ...study } = input.study.archetypes[id - 1];
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
      descriptors: describeArchetype(members.map((m) => byId.get(m)!), mean, base.map((b) => b.volatility), id, films, input),
      stability: stabilityOfArchetype,
      orderNull: orderNullOfArchetype,
      study,
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


/** Share of values strictly below x (ties count half), so the middle of a set sits near 0.5. */
export function percentileOf(x: number, values: number[]): number {
  if (values.length === 0) return 0.5;
  let below = 0;
  for (const v of values) below += v < x - 1e-12 ? 1 : Math.abs(v - x) <= 1e-12 ? 0.5 : 0;
  return below / values.length;
}

function describeArchetype(members: StoryFilm[], mean: ArcPoint[], volatilities: number[], id: number, films: StoryFilm[], input: ProfileInput): ArchetypeDescriptors {
  const clustered = films.filter((f) => f.cluster !== null);
  const levelOf = meanMood(members.flatMap((f) => f.tracks.flatMap((t) => (t.features ? [t.features] : []))));
  const level = Object.fromEntries(
    FEATURES.map((f) => {
      const value = levelOf?.[f] ?? 0;
      const percentile = percentileOf(value, clustered.map((film) => film.level?.[f] ?? 0));
      return [f, { value, percentile, word: percentile >= 1 - TERCILE ? 'high' : percentile <= TERCILE ? 'low' : 'middling' }];
    }),
  ) as ArchetypeDescriptors['level'];

  const value = volatilities[id - 1];
  const percentile = percentileOf(value, clustered.map((film) => film.orderSignal?.change ?? 0));
  const rank = 1 + volatilities.filter((v) => v > value + 1e-12).length;
  const volatility: ArchetypeDescriptors['volatility'] = {
    value,
    percentile,
    rank,
    of: volatilities.length,
    word: percentile >= 1 - TERCILE ? 'volatile' : percentile <= TERCILE ? 'calm' : 'moderate',
  };

  const allMoods = films.flatMap((f) => f.tracks.flatMap((t) => (t.features ? [t.features] : [])));
  const trend = Object.fromEntries(FEATURES.map((f) => {
    const change = withinFilmTrend(members, f, allMoods);
    return [f, { change, word: change >= TREND_SD ? 'rising' : change <= -TREND_SD ? 'falling' : 'flat' }];
  })) as ArchetypeDescriptors['trend'];

  return { level, volatility, trend, shape: classifyShape(mean.map((p) => p.valence), input.shapeMinCorrelation) };
}

/**
 * The pooled within-film least-squares slope of a feature on the songs' places (0 = first
 * entry, 1 = last), in standard deviations of that feature over all songs: how far it
 * moves from a film's start to its end, on average, with each film's level taken out.
 */
export function withinFilmTrend(members: StoryFilm[], feature: FeatureName, allMoods: Mood[]): number {
  const mu = (average(allMoods.map((m) => m[feature])) ?? 0);
  const sd = Math.sqrt((average(allMoods.map((m) => (m[feature] - mu) ** 2)) ?? 0));
  let sxy = 0;
  let sxx = 0;
  for (const film of members) {
    const last = film.tracks.length - 1;
    const points = film.tracks.flatMap((t, i) => (t.features ? [{ x: last > 0 ? i / last : 0, y: t.features[feature] }] : []));
    if (points.length < 2) continue;
    const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
    const my = points.reduce((s, p) => s + p.y, 0) / points.length;
    for (const p of points) {
      sxy += (p.x - mx) * (p.y - my);
      sxx += (p.x - mx) ** 2;
    }
  }
  return sxx > 0 && sd > 0 ? sxy / sxx / sd : 0;
}
