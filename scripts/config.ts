/**
 * Every tunable of the method in one place. The defaults reproduce the study
 * (see README "Method"); the extra analysis (k evidence, bootstrap, level-preserving
 * arcs) only adds output and never changes these defaults.
 */
export const FEATURES = ['valence', 'energy', 'danceability', 'tempo'] as const;
export type FeatureName = (typeof FEATURES)[number];

export type ArcScaling = 'per-film' | 'level-preserving';

export interface MethodConfig {
  /** Points each arc is interpolated onto (the study: 10). */
  steps: number;
  /** 'per-film' = the study's min-max inside each film; 'level-preserving' scales across all films. */
  arcScaling: ArcScaling;
  /** Films with fewer featured tracks than this are flagged: their arc is mostly interpolation. */
  minFeaturedTracks: number;
  /** PCA keeps the fewest components whose cumulative explained variance reaches this share. */
  pcaVarianceTarget: number;
  /** Number of archetypes (the study: 6, picked from an elbow plot). */
  k: number;
  /** Range of k for which inertia and silhouette are reported as evidence. */
  kRange: { min: number; max: number };
  /** KMeans restarts (k-means++ seeding); the lowest inertia wins. */
  kmeansRestarts: number;
  kmeansMaxIterations: number;
  /** Bootstrap resamples of tracks within films, for membership confidence. */
  bootstrapResamples: number;
  /** Nearest films listed per film. */
  nearestFilms: number;
  /** t-SNE: perplexity is this, clamped below (n - 1) / 3 so it stays valid for small n. */
  tsnePerplexity: number | 'auto';
  tsneIterations: number;
  /** 'auto' = max(n / early exaggeration / 4, 50), as scikit-learn. */
  tsneLearningRate: number | 'auto';
  tsneEarlyExaggeration: number;
  /**
   * 'auto': the project's exact t-SNE up to `tsneExactMaxFilms` films, Barnes–Hut above.
   * 'tsne-js': the study's library (exact; minutes at a thousand films).
   */
  tsneEngine: 'auto' | 'tsne-js';
  tsneExactMaxFilms: number;
  /** Barnes–Hut opening angle: larger is faster and coarser. */
  tsneTheta: number;
  /** Barnes–Hut iterations (openTSNE's 250 exaggerated + 500): at 2,000 films 0.8/750 keeps neighbourhoods as well as 0.5/1000 (npm run bench). */
  tsneBarnesHutIterations: number;
  /** Seeds: one per random step so changing one never shifts another. */
  seeds: { kmeans: number; bootstrap: number; tsne: number };
  /** Decimal places kept in generated numbers, so output bytes do not depend on float noise. */
  decimals: number;
}

export const defaultConfig: MethodConfig = {
  steps: 10,
  arcScaling: 'per-film',
  minFeaturedTracks: 3,
  pcaVarianceTarget: 0.8,
  k: 6,
  kRange: { min: 2, max: 10 },
  kmeansRestarts: 50,
  kmeansMaxIterations: 300,
  bootstrapResamples: 200,
  nearestFilms: 3,
  tsnePerplexity: 'auto',
  tsneIterations: 1000,
  tsneLearningRate: 'auto',
  tsneEarlyExaggeration: 12,
  tsneEngine: 'auto',
  tsneExactMaxFilms: 300,
  tsneTheta: 0.8,
  tsneBarnesHutIterations: 750,
  seeds: { kmeans: 42, bootstrap: 7, tsne: 42 },
  decimals: 6,
};

/** Perplexity used for n points: the configured value (or √n within [5, 50]), always below (n − 1) / 3. */
export function perplexityFor(n: number, configured: number | 'auto'): number {
  const wanted = configured === 'auto' ? Math.min(50, Math.max(5, Math.sqrt(n))) : configured;
  const ceiling = Math.max(1, (n - 1) / 3);
  return Math.min(wanted, ceiling);
}
