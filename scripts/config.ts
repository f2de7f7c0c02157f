/**
 * Every tunable of the method in one place. Where this differs from the study's run
 * (principal components, seed, minimum songs, how an arc reads its songs), the
 * replication stage measures what each difference does, and the method page lists them.
 * The tests of the method (null model, stability, order signal, trends, shapes) and the
 * simulations behind them (calibration, power) only add output.
 */
export { FEATURES, type FeatureName } from './schemas.ts';

export type ArcScaling = 'per-film' | 'level-preserving';

export interface MethodConfig {
  /** Points each arc is interpolated onto (the study: 10). */
  steps: number;
  /** 'per-film' = the study's min-max inside each film; 'level-preserving' scales across all films. */
  arcScaling: ArcScaling;
  /** Films with fewer featured tracks than this get no arc and enter no part of the analysis. */
  minFeaturedTracks: number;
  /** PCA keeps the fewest components whose cumulative explained variance reaches this share. */
  pcaVarianceTarget: number;
  /** Number of archetypes (the study: 6, picked from an elbow plot). */
  k: number;
  /** Range of k for which inertia and silhouette are reported as evidence. */
  kRange: { min: number; max: number };
  /**
   * KMeans restarts (k-means++ seeding); the lowest inertia wins. 10, as the study's
   * scikit-learn ran (n_init=10): the null model and stability refit with the same number,
   * 500 and 200 times over, so a test against chance compares like with like.
   */
  kmeansRestarts: number;
  kmeansMaxIterations: number;
  /** Stability: bootstrap resamples of tracks within films, each refitted (standardise, PCA, KMeans). */
  stabilityResamples: number;
  /** Null model: seeded draws that shuffle each film's song order, each refitted for every k. */
  nullModelDraws: number;
  /**
   * Above this many clustered films the resampling stages scale their draws and resamples
   * down in proportion (never below `minResamplingDraws`) and say so with each p's Monte
   * Carlo error: at 2,000 films one refit for every k costs seconds.
   */
  resamplingFullUpTo: number;
  /**
   * The fewest draws a reduced stage makes: 20, the fewest with which p = (1 + 0) / (1 + draws)
   * can fall below 0.05 at all (1/21). With 19, the smallest p possible was 0.05 itself, so
   * the null model could never find order beyond chance in a large catalogue.
   */
  minResamplingDraws: number;
  /** Order signal: reorderings of each film's artist runs. */
  orderShuffles: number;
  /** Trends: reorderings of each film's artist runs behind each slope's p. */
  trendShuffles: number;
  /** Stability: random relabellings behind each archetype's baseline. */
  stabilityBaselineDraws: number;
  /** Calibration: worlds where order carries nothing by construction (fewer above `resamplingFullUpTo` films). */
  calibrationWorlds: number;
  /** Calibration: draws of the withdrawn per-archetype spread test in each world. */
  calibrationWithdrawnDraws: number;
  /** Power: strengths of the planted shared arcs (signal to noise), and worlds at each. */
  powerStrengths: number[];
  powerWorldsPerStrength: number;
  /** Power: draws of the clustering test in each planted world (the real test makes nullModelDraws). */
  powerDraws: number;
  /**
   * Above this many clustered films, the simulations that refit the clustering in every
   * world (the clustering test's calibration, power) are not run: at 2,000 films one
   * world costs as much as the whole null model. The per-film tests are still calibrated.
   */
  simulationMaxFilms: number;
  /** The opening line-up: arcs shown, the real one among them. */
  lineupSize: number;
  /** Levels: bootstrap resamples over each film's artists (fewer above `resamplingFullUpTo` films). */
  levelResamples: number;
  /** An arc held flat over more than this share of its listing (before its first song with a mood, after its last) is flagged. */
  extrapolatedShareFlag: number;
  /** Story shapes: a valence arc correlating below this with every template has "no clear shape". */
  shapeMinCorrelation: number;
  /** Story shapes: shuffles of each film's songs classified to see how often chance gives the same shape. */
  shapeShuffles: number;
  /** A p below this is called beyond chance. */
  significance: number;
  /** Hennig's (2007) reading of clusterwise Jaccard stability: at least `stable` is stable, at most `dissolved` has dissolved. */
  jaccard: { stable: number; dissolved: number };
  /**
   * A film whose range in a feature is narrower than this share of the whole dataset's
   * range has that feature stretched by per-film scaling: its page shows the
   * level-preserving arc beside it.
   */
  narrowRangeShare: number;
  /** Worker threads for the resampling stages ('auto': the machine's cores, at most 2). */
  threads: number | 'auto';
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
  seeds: {
    kmeans: number;
    stability: number;
    nullModel: number;
    orderSignal: number;
    shapes: number;
    tsne: number;
    trends: number;
    calibration: number;
    power: number;
    levels: number;
    lineup: number;
  };
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
  kmeansRestarts: 10,
  kmeansMaxIterations: 300,
  stabilityResamples: 200,
  nullModelDraws: 500,
  resamplingFullUpTo: 200,
  minResamplingDraws: 20,
  orderShuffles: 1000,
  trendShuffles: 1000,
  stabilityBaselineDraws: 200,
  calibrationWorlds: 200,
  calibrationWithdrawnDraws: 99,
  powerStrengths: [0, 0.5, 1, 1.5, 2, 3],
  powerWorldsPerStrength: 50,
  powerDraws: 99,
  simulationMaxFilms: 300,
  extrapolatedShareFlag: 0.5,
  levelResamples: 2000,
  lineupSize: 6,
  shapeMinCorrelation: 0.7,
  shapeShuffles: 200,
  significance: 0.05,
  jaccard: { stable: 0.75, dissolved: 0.5 },
  narrowRangeShare: 0.25,
  threads: 'auto',
  nearestFilms: 3,
  tsnePerplexity: 'auto',
  tsneIterations: 1000,
  tsneLearningRate: 'auto',
  tsneEarlyExaggeration: 12,
  tsneEngine: 'auto',
  tsneExactMaxFilms: 300,
  tsneTheta: 0.8,
  tsneBarnesHutIterations: 750,
  seeds: {
    kmeans: 42,
    stability: 7,
    nullModel: 11,
    orderSignal: 13,
    shapes: 17,
    tsne: 42,
    trends: 19,
    calibration: 23,
    power: 29,
    levels: 31,
    lineup: 37,
  },
  decimals: 6,
};

/** Perplexity used for n points: the configured value (or √n within [5, 50]), always below (n − 1) / 3. */
export function perplexityFor(n: number, configured: number | 'auto'): number {
  const wanted = configured === 'auto' ? Math.min(50, Math.max(5, Math.sqrt(n))) : configured;
  const ceiling = Math.max(1, (n - 1) / 3);
  return Math.min(wanted, ceiling);
}

/**
 * Draws a resampling stage makes for n clustered films: all of them up to
 * `resamplingFullUpTo` films; above, fewer as the square of the size (a draw's cost grows
 * at least as n²: the silhouette's distances), never below `minResamplingDraws`.
 */
export function drawsFor(n: number, wanted: number, config: Pick<MethodConfig, 'resamplingFullUpTo' | 'minResamplingDraws'>): number {
  if (n <= config.resamplingFullUpTo) return wanted;
  return Math.max(Math.min(wanted, config.minResamplingDraws), Math.round(wanted * (config.resamplingFullUpTo / n) ** 2));
}

/**
 * KMeans restarts for n films: all of them up to `resamplingFullUpTo` films; above, fewer
 * in proportion, at least 3. Many restarts matter on a few films, where KMeans has many
 * local optima; on thousands, k-means++ starts land close together (scikit-learn runs
 * one by default).
 */
export function restartsFor(n: number, config: Pick<MethodConfig, 'kmeansRestarts' | 'resamplingFullUpTo'>): number {
  if (n <= config.resamplingFullUpTo) return config.kmeansRestarts;
  return Math.max(Math.min(3, config.kmeansRestarts), Math.round((config.kmeansRestarts * config.resamplingFullUpTo) / n));
}

/** The seed of draw `index` of a stage: independent of how draws are split between threads. */
export function drawSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}
