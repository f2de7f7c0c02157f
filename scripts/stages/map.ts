/**
 * The films' PCA scores → a 2-D map. t-SNE, seeded so it is repeatable: the
 * project's exact t-SNE for small sets, its Barnes–Hut t-SNE above `tsneExactMaxFilms`,
 * or tsne-js on request. The first two principal components are kept alongside.
 *
 * For large catalogues the t-SNE runs on a worker thread (scripts/threads/map.ts); the
 * result is the same bytes either way.
 */
import { createRequire } from 'node:module';
import { perplexityFor, type MethodConfig } from '../config.ts';
import { withSeededMathRandom } from '../lib/random.ts';
import { barnesHutTsne, exactTsne, type TsneOptions } from '../lib/tsne.ts';
import type { MapResult } from '../schemas.ts';

/** Below this many films a worker thread costs more to start than the t-SNE it would run. */
export const MAP_WORKER_MIN_FILMS = 300;
/** How long to wait for a worker to start before computing on this thread instead. */
export interface MapPlan {
  method: MapResult['method'];
  perplexity: number;
  options: TsneOptions;
}

export function planMap(n: number, config: MethodConfig): MapPlan {
  const perplexity = perplexityFor(n, config.tsnePerplexity);
  const learningRate = config.tsneLearningRate === 'auto' ? Math.max(n / config.tsneEarlyExaggeration / 4, 50) : config.tsneLearningRate;
  const options: TsneOptions = {
    perplexity,
    iterations: config.tsneIterations,
    learningRate,
    earlyExaggeration: config.tsneEarlyExaggeration,
    seed: config.seeds.tsne,
    theta: config.tsneTheta,
  };
  const method: MapResult['method'] =
    n < 3 ? 'none' : config.tsneEngine === 'tsne-js' ? 'tsne-js' : n <= config.tsneExactMaxFilms ? 'exact-tsne' : 'barnes-hut-tsne';
  if (method === 'barnes-hut-tsne') options.iterations = config.tsneBarnesHutIterations;
  return { method, perplexity, options };
}

/** The t-SNE coordinates the plan asks for (null when t-SNE does not apply). */
export function tsneCoordinates(scores: number[][], plan: MapPlan): number[][] | null {
  switch (plan.method) {
    case 'tsne-js':
      return tsneJs(scores, plan.options);
    case 'exact-tsne':
      return exactTsne(scores, plan.options);
    case 'barnes-hut-tsne':
      return barnesHutTsne(scores, plan.options);
    default:
      return null;
  }
}

export function mapFilms(imdbIds: string[], scores: number[][], pca2d: number[][], config: MethodConfig): MapResult {
  const plan = planMap(imdbIds.length, config);
  return finishMap(imdbIds, tsneCoordinates(scores, plan), pca2d, plan);
}

export function finishMap(imdbIds: string[], coords: number[][] | null, pca2d: number[][], plan: MapPlan): MapResult {
  const plane = pca2d.map((p) => [p[0] ?? 0, p[1] ?? 0]);
  // t-SNE needs a neighbourhood; with one or two films the PCA plane says all there is.
  const xy = fitToUnit(coords ?? plane);
  const pca = fitToUnit(plane);
  return {
    method: plan.method,
    perplexity: plan.perplexity,
    points: imdbIds.map((imdbId, i) => ({ imdbId, x: xy[i][0], y: xy[i][1], pcaX: pca[i][0], pcaY: pca[i][1] })),
  };
}

/** Centres the points and scales them so the farthest coordinate is ±1: maps from different runs share one frame. */
export function fitToUnit(points: number[][]): number[][] {
  if (points.length === 0) return [];
  const mean = [0, 1].map((d) => points.reduce((s, p) => s + p[d], 0) / points.length);
  const centred = points.map((p) => [p[0] - mean[0], p[1] - mean[1]]);
  let extent = 1e-12;
  for (const p of centred) extent = Math.max(extent, Math.abs(p[0]), Math.abs(p[1]));
  return centred.map((p) => [p[0] / extent, p[1] / extent]);
}

/** The study's library, exact and slow, made repeatable by seeding Math.random for its run. */
export function tsneJs(data: number[][], options: TsneOptions): number[][] {
  // Loaded on demand: its ndarray stack costs a noticeable share of a default run's start-up.
  const TSNE = createRequire(import.meta.url)('tsne-js') as typeof import('tsne-js').default;
  return withSeededMathRandom(options.seed, () => {
    const model = new TSNE({
      dim: 2,
      perplexity: options.perplexity,
      earlyExaggeration: options.earlyExaggeration,
      learningRate: options.learningRate,
      nIter: options.iterations,
      metric: 'euclidean',
    });
    model.init({ data, type: 'dense' });
    model.run();
    return model.getOutput();
  });
}
