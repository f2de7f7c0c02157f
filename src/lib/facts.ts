/**
 * Named figures for prose: an essay writes <Fact name="featureShare" /> and the number
 * comes from the pipeline's story, never from the text. An unknown name stops the build
 * with the list of names that exist.
 */
import type { Story } from '../../scripts/schemas.ts';
import { fixed, list, percent, ratio } from './format.ts';

type FactFn = (story: Story) => string;

const chosen = (s: Story) => s.analysis.nullModel.byK.find((r) => r.k === s.analysis.k);
const cumulative = (s: Story) => s.analysis.explainedVariance.slice(0, s.analysis.components).reduce((a, b) => a + b, 0);
const titles = (s: Story, ids: string[]) => ids.map((id) => s.films.find((f) => f.imdbId === id)?.title ?? id);
const pValue = (p: number) => (p < 0.001 ? 'below 0.001' : p.toFixed(2));
const readings = (s: Story, reading: string) => s.analysis.stability.archetypes.filter((a) => a.reading === reading).length;
const clustered = (s: Story) => s.films.filter((f) => f.cluster !== null);

export const FACTS: Record<string, { describe: string; value: FactFn }> = {
  films: { describe: 'number of films', value: (s) => String(s.films.length) },
  entries: { describe: 'soundtrack entries listed', value: (s) => String(s.coverage.entries) },
  entriesWithPerformer: { describe: 'entries with a known performer', value: (s) => String(s.coverage.withPerformer) },
  performerShare: { describe: 'share of entries with a performer', value: (s) => ratio(s.coverage.withPerformer, s.coverage.entries) },
  entriesWithGenres: { describe: 'entries with genre tags', value: (s) => String(s.coverage.withGenres) },
  entriesWithFeatures: { describe: 'entries with mood features', value: (s) => String(s.coverage.withFeatures) },
  featureShare: { describe: 'share of entries with mood features', value: (s) => ratio(s.coverage.withFeatures, s.coverage.entries) },
  entriesWithoutFeatures: { describe: 'entries without mood features', value: (s) => String(s.coverage.entries - s.coverage.withFeatures) },
  k: { describe: 'number of archetypes', value: (s) => String(s.analysis.k) },
  steps: { describe: 'points per arc', value: (s) => String(s.method.steps) },
  arcValues: { describe: 'values per film (4 × steps)', value: (s) => String(4 * s.method.steps) },
  components: { describe: 'principal components kept', value: (s) => String(s.analysis.components) },
  componentsVariance: { describe: 'variance the kept components explain', value: (s) => percent(cumulative(s)) },
  varianceTarget: { describe: 'variance target for PCA', value: (s) => percent(s.method.pcaVarianceTarget) },
  kmeansRestarts: { describe: 'KMeans restarts', value: (s) => String(s.method.kmeansRestarts) },
  kRange: { describe: 'range of k compared', value: (s) => `${s.analysis.kEvidence[0]?.k ?? '–'}–${s.analysis.kEvidence[s.analysis.kEvidence.length - 1]?.k ?? '–'}` },
  perplexity: { describe: 't-SNE perplexity', value: (s) => fixed(s.analysis.map.perplexity, 1) },
  moodMapGenres: { describe: 'genres in the genre→mood map', value: (s) => String(Object.keys(s.genres.moodMap).length) },
  unmappedTags: { describe: 'genre tags not in the map', value: (s) => String(Object.keys(s.genres.unmappedTags).length) },
  singletonArchetypes: { describe: 'archetypes with a single film', value: (s) => String(s.clusters.filter((c) => c.members.length === 1).length) },
  minFeaturedTracks: { describe: 'songs with mood features a film needs to get an arc', value: (s) => String(s.method.minFeaturedTracks) },
  clusteredFilms: { describe: 'films with enough songs to be clustered', value: (s) => String(s.analysis.clusteredFilms) },
  thinFilmCount: { describe: 'films set apart for too few songs with mood features', value: (s) => String(s.analysis.thinFilms.length) },
  thinFilms: { describe: 'titles of the films set apart', value: (s) => list(titles(s, s.analysis.thinFilms)) || 'none' },
  significance: { describe: 'p below which a result is called beyond chance', value: (s) => String(s.method.significance) },
  nullDraws: { describe: 'shuffled-order draws in the null model', value: (s) => String(s.analysis.nullModel.draws) },
  silhouetteChosen: { describe: 'mean silhouette of the published archetypes', value: (s) => fixed(chosen(s)?.silhouette ?? 0) },
  silhouetteNullMean: { describe: 'mean silhouette of shuffled orders at the chosen k', value: (s) => fixed(chosen(s)?.nullMean ?? 0) },
  silhouetteNullP95: { describe: "95th percentile of shuffled orders' silhouette at the chosen k", value: (s) => fixed(chosen(s)?.nullP95 ?? 0) },
  nullP: { describe: 'p of the real order against shuffled orders at the chosen k', value: (s) => pValue(chosen(s)?.p ?? 1) },
  nullVerdict: { describe: 'the null model’s verdict in words', value: (s) => s.analysis.nullModel.verdict.text },
  kBeyondChance: { describe: 'values of k at which the real order clusters beyond chance', value: (s) => list(s.analysis.nullModel.verdict.kBeyondChance.map(String)) || 'none' },
  kBeyondChanceCount: { describe: 'how many values of k beat the shuffles', value: (s) => String(s.analysis.nullModel.verdict.kBeyondChance.length) },
  kCandidates: { describe: 'number of k values compared', value: (s) => String(s.analysis.kEvidence.length) },
  archetypesTighterThanChance: { describe: 'archetypes whose films sit closer than with shuffled order', value: (s) => String(s.analysis.nullModel.archetypes.filter((a) => a.tighterThanChance).length) },
  stabilityResamples: { describe: 'refitted bootstrap resamples', value: (s) => String(s.method.stabilityResamples) },
  stableArchetypes: { describe: 'archetypes that survive resampling (Jaccard ≥ stable threshold)', value: (s) => String(readings(s, 'stable')) },
  fragileArchetypes: { describe: 'archetypes between stable and dissolved', value: (s) => String(readings(s, 'fragile')) },
  dissolvedArchetypes: { describe: 'archetypes that dissolve under resampling', value: (s) => String(readings(s, 'dissolved')) },
  jaccardStable: { describe: 'Jaccard stability at which an archetype counts as stable', value: (s) => fixed(s.analysis.stability.thresholds.stable) },
  jaccardDissolved: { describe: 'Jaccard stability at or below which an archetype has dissolved', value: (s) => fixed(s.analysis.stability.thresholds.dissolved) },
  jaccardHighest: { describe: 'highest Jaccard stability of any archetype', value: (s) => fixed(Math.max(...s.analysis.stability.archetypes.map((a) => a.jaccard))) },
  orderShuffles: { describe: 'shuffles of each film’s songs for its order signal', value: (s) => String(s.method.orderShuffles) },
  orderFilmsBelow: { describe: 'films whose neighbouring songs are more alike than chance (order_p below significance)', value: (s) => String(s.analysis.orderSignal.filmsBelowSignificance) },
  orderFilmsExpected: { describe: 'films expected below significance by chance alone', value: (s) => fixed(s.analysis.orderSignal.expectedByChance, 1) },
  orderChangeShare: { describe: 'real change between neighbouring songs as a share of shuffled orders’, averaged over films', value: (s) => percent(s.analysis.orderSignal.ratio) },
  orderOverallP: { describe: 'p of the films’ order signal taken together', value: (s) => pValue(s.analysis.orderSignal.p) },
  smoothFilms: { describe: 'titles of the films with order_p below significance', value: (s) => list(clustered(s).filter((f) => (f.orderSignal?.orderP ?? 1) < s.method.significance).map((f) => f.title)) || 'none' },
  clearShapeFilms: { describe: 'films whose valence arc has a clear story shape', value: (s) => String(clustered(s).filter((f) => f.shape && f.shape.shape !== 'no-clear-shape').length) },
  shapeMinCorrelation: { describe: 'correlation a story-shape template must reach', value: (s) => fixed(s.method.shapeMinCorrelation) },
  shapeShuffles: { describe: 'shuffles per film for its shape', value: (s) => String(s.method.shapeShuffles) },
  studyAri: { describe: 'adjusted Rand index between these archetypes and the study’s', value: (s) => fixed(s.analysis.studyComparison.ari) },
  studyFilmsCompared: { describe: 'films in both this run’s and the study’s archetypes', value: (s) => String(s.analysis.studyComparison.films) },
  studyNamesKept: { describe: 'archetypes that share most of their films with a study archetype', value: (s) => String(s.clusters.filter((c) => c.study.keepsStudyName).length) },
  levelPreservingAri: { describe: 'adjusted Rand index between per-film and level-preserving archetypes', value: (s) => fixed(s.analysis.levelPreservingAri) },
  narrowRangeShare: { describe: 'range share below which a film’s feature counts as narrow', value: (s) => percent(s.method.narrowRangeShare) },
  narrowRangeFilms: { describe: 'clustered films with at least one narrow feature', value: (s) => String(clustered(s).filter((f) => f.narrowFeatures.length).length) },
};

export function fact(name: string, story: Story): string {
  const entry = FACTS[name];
  if (!entry) {
    throw new Error(`<Fact name="${name}" /> names no figure. Known names: ${Object.keys(FACTS).sort().join(', ')}`);
  }
  return entry.value(story);
}
