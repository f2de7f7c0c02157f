/**
 * Named figures for prose: an essay writes <Fact name="featureShare" /> and the number
 * comes from the pipeline's story, never from the text. An unknown name stops the build
 * with the list of names that exist.
 */
import type { Story } from '../../scripts/schemas.ts';
import { fixed, list, percent, ratio } from './format.ts';

type FactFn = (story: Story) => string;

const chosen = (s: Story) => s.analysis.kEvidence.find((r) => r.k === s.analysis.k);
const best = (s: Story) => s.analysis.kEvidence.find((r) => r.k === s.analysis.kSupport.bestBySilhouette);
const cumulative = (s: Story) => s.analysis.explainedVariance.slice(0, s.analysis.components).reduce((a, b) => a + b, 0);

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
  bootstrapResamples: { describe: 'bootstrap resamples', value: (s) => String(s.method.bootstrapResamples) },
  bestK: { describe: 'k with the best mean silhouette', value: (s) => String(s.analysis.kSupport.bestBySilhouette) },
  kRank: { describe: "rank of the study's k by silhouette", value: (s) => String(s.analysis.kSupport.chosenRank) },
  kCandidates: { describe: 'number of k values compared', value: (s) => String(s.analysis.kSupport.candidates) },
  kVerdict: { describe: 'how strongly silhouette supports the chosen k', value: (s) => s.analysis.kSupport.verdict },
  silhouetteChosen: { describe: 'mean silhouette at the chosen k', value: (s) => fixed(chosen(s)?.silhouette ?? 0) },
  silhouetteBest: { describe: 'best mean silhouette', value: (s) => fixed(best(s)?.silhouette ?? 0) },
  kRange: { describe: 'range of k compared', value: (s) => `${s.analysis.kEvidence[0]?.k ?? '–'}–${s.analysis.kEvidence[s.analysis.kEvidence.length - 1]?.k ?? '–'}` },
  perplexity: { describe: 't-SNE perplexity', value: (s) => fixed(s.analysis.map.perplexity, 1) },
  moodMapGenres: { describe: 'genres in the genre→mood map', value: (s) => String(Object.keys(s.genres.moodMap).length) },
  unmappedTags: { describe: 'genre tags not in the map', value: (s) => String(Object.keys(s.genres.unmappedTags).length) },
  singletonArchetypes: { describe: 'archetypes with a single film', value: (s) => String(s.clusters.filter((c) => c.members.length === 1).length) },
  flaggedFilms: {
    describe: 'films with fewer featured tracks than the minimum',
    value: (s) => list(s.films.filter((f) => f.flags.includes('few-featured-tracks') || f.flags.includes('no-featured-tracks')).map((f) => f.title)) || 'none',
  },
  minFeaturedTracks: { describe: 'featured tracks below which a film is flagged', value: (s) => String(s.method.minFeaturedTracks) },
};

export function fact(name: string, story: Story): string {
  const entry = FACTS[name];
  if (!entry) {
    throw new Error(`<Fact name="${name}" /> names no figure. Known names: ${Object.keys(FACTS).sort().join(', ')}`);
  }
  return entry.value(story);
}
