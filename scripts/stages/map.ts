/**
 * Stage 8: the films' PCA scores → a 2-D map. t-SNE, seeded so it is repeatable: the
 * project's exact t-SNE for small sets, its Barnes–Hut t-SNE above `tsneExactMaxFilms`,
 * or tsne-js on request. The first two principal components are kept alongside.
 */
import { createRequire } from 'node:module';
import { perplexityFor, type MethodConfig } from '../config.ts';
import { withSeededMathRandom } from '../lib/random.ts';
import { barnesHutTsne, exactTsne, type TsneOptions } from '../lib/tsne.ts';
import type { MapResult } from '../schemas.ts';

export function mapFilms(imdbIds: string[], scores: number[][], pca2d: number[][], config: MethodConfig): MapResult {
  const n = imdbIds.length;
  const perplexity = perplexityFor(n, config.tsnePerplexity);
  const learningRate = config.tsneLearningRate === 'auto' ? Math.max(n / config.tsneEarlyExaggeration / 4, 50) : config.tsneLearningRate;
  const options = { perplexity, iterations: config.tsneIterations, learningRate, earlyExaggeration: config.tsneEarlyExaggeration, seed: config.seeds.tsne };
  let method: MapResult['method'] = 'none';
  let coords: number[][];
  if (n < 3) {
    // t-SNE needs a neighbourhood; with one or two films the PCA plane says all there is.
    coords = pca2d.map((p) => [p[0] ?? 0, p[1] ?? 0]);
  } else if (config.tsneEngine === 'tsne-js') {
    method = 'tsne-js';
    coords = tsneJs(scores, options);
  } else if (n <= config.tsneExactMaxFilms) {
    method = 'exact-tsne';
    coords = exactTsne(scores, options);
  } else {
    method = 'barnes-hut-tsne';
    coords = barnesHutTsne(scores, options);
  }
  const xy = fitToUnit(coords);
  const pca = fitToUnit(pca2d.map((p) => [p[0] ?? 0, p[1] ?? 0]));
  return {
    method,
    perplexity,
    points: imdbIds.map((imdbId, i) => ({ imdbId, x: xy[i][0], y: xy[i][1], pcaX: pca[i][0], pcaY: pca[i][1] })),
  };
}

/** Centres the points and scales them so the farthest coordinate is ±1: maps from different runs share one frame. */
export function fitToUnit(points: number[][]): number[][] {
  if (points.length === 0) return [];
  const mean = [0, 1].map((d) => points.reduce((s, p) => s + p[d], 0) / points.length);
  const centred = points.map((p) => [p[0] - mean[0], p[1] - mean[1]]);
  const extent = Math.max(1e-12, ...centred.flat().map(Math.abs));
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
