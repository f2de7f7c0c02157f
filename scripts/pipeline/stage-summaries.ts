/** Each stage's line in the pipeline's log: what it made, in a few words and numbers. */
import { FEATURES, type MethodConfig } from '../config.ts';
import type {
  Calibration,
  ClusterResult,
  Levels,
  Lineup,
  MapResult,
  NullModel,
  OrderSignal,
  Power,
  Replication,
  Stability,
  Story,
  StoryArchetype,
  StoryFilm,
  StudyComparison,
} from '../schemas.ts';
import type { buildArcs } from '../stages/arcs.ts';
import type { CreditsResult } from '../stages/credits.ts';
import type { FeaturesResult } from '../stages/features.ts';
import type { GenresResult } from '../stages/genres.ts';
import type { Reduction } from '../stages/reduce.ts';
import type { FilmShapeResult } from '../stages/shapes.ts';
import type { SoundtracksResult } from '../stages/soundtracks.ts';
import type { FilmTrend } from '../schemas.ts';
import { missingCount } from './warnings.ts';

const percent = (share: number) => `${(100 * share).toFixed(0)}%`;

export const soundtracks = (r: SoundtracksResult) =>
  `${r.soundtracks.filter((x) => !x.missing).length} soundtracks${missingCount(r.soundtracks)}, ${r.soundtracks.reduce((s, x) => s + x.soundtrack.tracks.length, 0)} entries`;

export function credits(r: CreditsResult): string {
  const tracks = r.films.flatMap((f) => f.tracks);
  return `${tracks.filter((t) => t.performers.length).length} of ${tracks.length} entries with a performer`;
}

export function genres(r: GenresResult): string {
  const tracks = r.films.flatMap((f) => f.tracks);
  return `${tracks.filter((t) => t.genres.length).length} entries with genres, ${r.unknownArtists.length} artists unknown`;
}

export function features(r: FeaturesResult): string {
  const tracks = r.films.flatMap((f) => f.tracks);
  return `${tracks.filter((t) => t.features).length} entries with mood features, ${Object.keys(r.unmappedTags).length} tags unmapped`;
}

export function arcs(r: ReturnType<typeof buildArcs>, config: MethodConfig): string {
  const thin = r.arcs.filter((a) => a.flags.length).length;
  return `${r.arcs.filter((a) => a.vector).length} arcs of ${config.steps} steps (${config.arcScaling}), ${thin} films set apart`;
}

export const reduce = (r: Reduction) =>
  `${r.imdbIds.length} arcs standardised (${r.unclustered.length} films set apart), ${r.fit.components} principal components kept`;

export const clusters = (r: ClusterResult) =>
  `k=${r.k} on ${r.assignments.length} films, silhouette ${r.kEvidence.find((e) => e.k === r.k)?.silhouette.toFixed(3) ?? '–'}`;

export const nullModel = (r: NullModel, onWorker: string) =>
  `${r.draws} run-reordering draws${onWorker}, k=${r.verdict.chosenK}: p=${r.verdict.chosenP.toFixed(3)} (single songs: ${r.songLevel?.p.toFixed(3) ?? '–'})`;

export const stability = (r: Stability, onWorker: string) =>
  `${r.resamples} refitted resamples${onWorker}, Jaccard ${r.archetypes.map((a) => `${a.jaccard.toFixed(2)}/${a.baseline.p95.toFixed(2)}`).join(' ')} (own/chance 95th pct)`;

export const order = (r: OrderSignal) =>
  `${r.overall.filmsBelowSignificance} of ${r.overall.filmsTested} films smoother than run reorderings (single songs: ${r.songLevel.filmsBelowSignificance}), pooled p=${r.overall.p.toFixed(3)}`;

export const trends = (r: { trend: FilmTrend }[]) =>
  `${r.reduce((s, f) => s + FEATURES.filter((x) => f.trend[x].word !== 'no-trend').length, 0)} of ${r.length * FEATURES.length} film trends beyond chance`;

export const shapes = (r: FilmShapeResult[]) =>
  `${r.filter((s) => s.beyondChance).length} of ${r.length} films with a shape beyond chance (${r.filter((s) => s.shape !== 'no-clear-shape').length} closest to one)`;

export const calibration = (r: Calibration) =>
  `${r.worlds} worlds without order: ${r.tests.map((t) => `${t.id} ${(100 * t.rejectionRate).toFixed(1)}%`).join(', ')}`;

export const power = (r: Power) =>
  `planted shapes caught ${r.curve.map((c) => percent(c.detection)).join(' ')} at strengths ${r.curve.map((c) => c.strength).join(' ')}`;

export const levels = (r: Levels) => `${r.films.length} films' levels, ${r.resamples} resamples of their artists`;

export const lineup = (r: Lineup | null) =>
  r ? `${r.imdbId}'s real arc among ${r.arcs.length - 1} reorderings of its ${r.runs} runs` : 'no film';

export const study = (r: StudyComparison) => `adjusted Rand index with the study ${r.ari.toFixed(3)} over ${r.films} films`;

export const replication = (r: Replication) =>
  `with the study's settings on this data: adjusted Rand index ${r.agreement.studySettings.ari.toFixed(3)} over ${r.agreement.studySettings.films} films`;

export const sensitivity = (ari: number) => `the other arc scaling's archetypes against these: adjusted Rand index ${ari.toFixed(3)}`;

export const map = (r: MapResult) => `${r.points.length} films placed by ${r.method}, perplexity ${r.perplexity.toFixed(2)}`;

export const storyFilms = (films: StoryFilm[]) =>
  `${films.length} films, ${films.filter((f) => f.archetype !== null).length} in an archetype`;

export const profiles = (r: { archetypes: StoryArchetype[] }) =>
  `${r.archetypes.length} archetypes profiled from their films' own descriptors`;

export const story = (s: Story) => `story of ${s.films.length} films, ${s.archetypes.length} archetypes`;
