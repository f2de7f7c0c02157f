/**
 * What each archetype is, in numbers a page and a sentence can use: its mean
 * arc and spread, representative tracks, distinctive genres, nearest archetype, and the
 * descriptors words about it must agree with. A word about a group holds only where it
 * holds for most of its films: every descriptor (level, trend, volatility, shape) is
 * each member's own, and the archetype's word is the one more than half of its members
 * share (both films of a pair), else "mixed". Pooling the songs instead let the film
 * with the most songs speak for all.
 */
import { extent, mean as average } from 'd3-array';
import { FEATURES, type FeatureName } from '../config.ts';
import type {
  ArcPoint,
  ArchetypeDescriptors,
  ClusterResult,
  FilmDescriptors,
  Mood,
  ShapeName,
  Stability,
  StoryArchetype,
  StoryFilm,
  StudyComparison,
  StoryTrack,
} from '../schemas.ts';
import { meanMood } from './features.ts';

/** A level or volatility in the top third of the films' is high, in the bottom third low. */
export const TERCILE = 1 / 3;

export interface ProfileInput {
  /** Every film, as exported (tracks, arc, level, order signal, trend, shape, descriptors, cluster). */
  films: StoryFilm[];
  clusters: ClusterResult;
  stability: Stability;
  study: StudyComparison;
}

/** Where value stands among values: rank (1 = highest), percentile (ties count half) and tercile word. */
export function standing<W extends string>(value: number, values: number[], words: [low: W, middle: W, high: W]) {
  const percentile = percentileOf(value, values);
  return {
    value,
    percentile,
    rank: 1 + values.filter((v) => v > value + 1e-12).length,
    of: values.length,
    word: percentile >= 1 - TERCILE ? words[2] : percentile <= TERCILE ? words[0] : words[1],
  };
}

/** Each clustered film's level and volatility against the other clustered films'. */
export function describeFilms(films: StoryFilm[]): Map<string, FilmDescriptors> {
  const clustered = films.filter((f) => f.archetype !== null && f.level && f.orderSignal);
  const levels = Object.fromEntries(FEATURES.map((f) => [f, clustered.map((film) => film.level![f])])) as Record<FeatureName, number[]>;
  const changes = clustered.map((film) => film.orderSignal!.change);
  return new Map(
    clustered.map((film) => [
      film.imdbId,
      {
        level: Object.fromEntries(
          FEATURES.map((f) => [f, standing(film.level![f], levels[f], ['low', 'middling', 'high'])]),
        ) as FilmDescriptors['level'],
        volatility: standing(film.orderSignal!.change, changes, ['calm', 'moderate', 'volatile']),
      },
    ]),
  );
}

/** The word more than half of the films share, else 'mixed'; with each film's own word. */
export function vote<W extends string>(films: { imdbId: string; word: W }[]): { word: W | 'mixed'; films: { imdbId: string; word: W }[] } {
  const counts = new Map<W, number>();
  for (const f of films) counts.set(f.word, (counts.get(f.word) ?? 0) + 1);
  const winner = [...counts.entries()].find(([, n]) => 2 * n > films.length);
  return { word: winner ? winner[0] : 'mixed', films };
}

/** The shape a film's valence arc holds beyond chance, else no clear shape. */
function heldShape(film: StoryFilm): ShapeName {
  return film.shape?.beyondChance ? film.shape.shape : 'no-clear-shape';
}

export function describeArchetype(members: StoryFilm[]): ArchetypeDescriptors {
  const each = <W extends string>(word: (film: StoryFilm) => W) => vote(members.map((film) => ({ imdbId: film.imdbId, word: word(film) })));
  return {
    level: Object.fromEntries(FEATURES.map((f) => [f, each((film) => film.descriptors!.level[f].word)])) as ArchetypeDescriptors['level'],
    trend: Object.fromEntries(FEATURES.map((f) => [f, each((film) => film.trend![f].word)])) as ArchetypeDescriptors['trend'],
    volatility: each((film) => film.descriptors!.volatility.word),
    shape: each(heldShape),
  };
}

/** The films with their own descriptors, and each archetype's profile voted from them. */
export function profileFilms(input: ProfileInput): { films: StoryFilm[]; archetypes: StoryArchetype[] } {
  const descriptors = describeFilms(input.films);
  const films = input.films.map((film) => ({ ...film, descriptors: descriptors.get(film.imdbId) ?? null }));
  return { films, archetypes: profileArchetypes({ ...input, films }) };
}

export function profileArchetypes(input: ProfileInput): StoryArchetype[] {
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
    // Each film weighs the same: a film with more songs does not speak for the others.
    const level = meanMood(memberFilms.flatMap((f) => (f.level ? [f.level] : [])));
    return { id, members, memberFilms, mean, spread, level, featured };
  });

  return base.map(({ id, members, memberFilms, mean, spread, level, featured }) => {
    const representativeTracks = memberFilms.length > 1 ? representativeTracksOf(featured, level, tempoRange) : [];
    const distinctiveGenres = distinctiveGenresOf(featured, genreTotals, totalFeatured);

    let nearestCluster: StoryArchetype['nearestCluster'] = null;
    clusters.clusterDistances[id - 1]?.forEach((distance, j) => {
      if (j + 1 !== id && (!nearestCluster || distance < nearestCluster.distance)) nearestCluster = { id: j + 1, distance };
    });
    const other = nearestCluster ? base[(nearestCluster as { id: number }).id - 1] : null;
    const differenceFromNearest =
      other && mean.length && other.mean.length
        ? Object.fromEntries(FEATURES.map((f) => [f, mean.reduce((s, p, i) => s + p[f] - other.mean[i][f], 0) / mean.length]))
        : null;
    const { archetype: _s, ...stability } = input.stability.archetypes[id - 1];
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
      descriptors: describeArchetype(memberFilms),
      stability,
      study,
    };
  });
}

type FeaturedSong = { film: StoryFilm; track: StoryTrack };

/**
 * Representative tracks: closest to the archetype's mean mood, at most two per film, five
 * in all. Only for groups of two or more: one film's songs are not a group's.
 */
function representativeTracksOf(featured: FeaturedSong[], level: Mood | null, tempoRange: { min: number; max: number }) {
  const normalised = (m: Mood) => [
    m.valence,
    m.energy,
    m.danceability,
    tempoRange.max > tempoRange.min ? (m.tempo - tempoRange.min) / (tempoRange.max - tempoRange.min) : 0,
  ];
  const centre = level ? normalised(level) : null;
  if (!centre) return [];
  const perFilm = new Map<string, number>();
  return featured
    .map((x) => ({ ...x, d: normalised(x.track.features!).reduce((s, v, i) => s + (v - centre[i]) ** 2, 0) }))
    .sort((a, b) => a.d - b.d || a.film.order - b.film.order || a.track.position - b.track.position)
    .filter((x) => {
      const used = perFilm.get(x.film.imdbId) ?? 0;
      if (used >= 2) return false;
      perFilm.set(x.film.imdbId, used + 1);
      return true;
    })
    .slice(0, 5)
    .map((x) => ({ imdbId: x.film.imdbId, position: x.track.position }));
}

/**
 * Distinctive genres: over-represented among the archetype's featured tracks, and the
 * group's, not one film's or one artist's (black metal: five songs, all Gummo's).
 */
function distinctiveGenresOf(featured: FeaturedSong[], genreTotals: Record<string, number>, totalFeatured: number) {
  const inCluster = countGenres(featured.map((x) => x.track));
  return Object.entries(inCluster)
    .filter(([genre, count]) => count >= 2 && carriedByGroup(genre, count, featured))
    .map(([genre, count]) => ({
      genre,
      tracks: count,
      films: new Set(featured.filter((x) => x.track.genres.includes(genre)).map((x) => x.film.imdbId)).size,
      share: count / Math.max(1, featured.length),
      lift: count / Math.max(1, featured.length) / (genreTotals[genre] / Math.max(1, totalFeatured)),
    }))
    .sort((a, b) => b.lift - a.lift || b.tracks - a.tracks || a.genre.localeCompare(b.genre))
    .slice(0, 5);
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

/** At least two of the group's films carry the genre, and no one artist gives more than half of its songs. */
function carriedByGroup(
  genre: string,
  count: number,
  featured: { film: StoryFilm; track: { genres: string[]; performers: string[]; remixers: string[] } }[],
): boolean {
  const carriers = featured.filter((x) => x.track.genres.includes(genre));
  const films = new Set(carriers.map((x) => x.film.imdbId));
  const byArtist = new Map<string, number>();
  for (const { track } of carriers)
    for (const artist of new Set([...track.performers, ...track.remixers])) byArtist.set(artist, (byArtist.get(artist) ?? 0) + 1);
  return films.size >= 2 && Math.max(0, ...byArtist.values()) * 2 <= count;
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
