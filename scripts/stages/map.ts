/**
 * Stage 8: the films' PCA scores → a 2-D map. t-SNE, seeded so it is repeatable:
 * tsne-js (exact) for small sets, the project's Barnes–Hut t-SNE above
 * `tsneExactMaxFilms`. The first two principal components are kept alongside.
 */
import TSNE from 'tsne-js';
import { perplexityFor, type MethodConfig } from '../config.ts';
import { withSeededMathRandom } from '../lib/random.ts';
import { barnesHutTsne } from '../lib/tsne.ts';
import type { MapResult } from '../schemas.ts';

export function mapFilms(imdbIds: string[], scores: number[][], pca2d: number[][], config: MethodConfig): MapResult {
  const n = imdbIds.length;
  const perplexity = perplexityFor(n, config.tsnePerplexity);
  let method: MapResult['method'] = 'none';
  let coords: number[][];
  if (n < 3) {
    // t-SNE needs a neighbourhood; with one or two films the PCA plane says all there is.
    coords = pca2d.map((p) => [p[0] ?? 0, p[1] ?? 0]);
  } else if (n <= config.tsneExactMaxFilms) {
    method = 'tsne-js';
    coords = withSeededMathRandom(config.seeds.tsne, () => {
      const model = new TSNE({
        dim: 2,
        perplexity,
        earlyExaggeration: config.tsneEarlyExaggeration,
        learningRate: config.tsneLearningRate,
        nIter: config.tsneIterations,
        metric: 'euclidean',
      });
      model.init({ data: scores, type: 'dense' });
      model.run();
      return model.getOutput();
    });
  } else {
    method = 'barnes-hut';
    coords = barnesHutTsne(scores, {
      perplexity,
      iterations: config.tsneIterations,
      learningRate: Math.max(config.tsneLearningRate, n / 12),
      earlyExaggeration: config.tsneEarlyExaggeration * 3,
      seed: config.seeds.tsne,
    });
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
