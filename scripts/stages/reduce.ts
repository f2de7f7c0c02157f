/**
 * Arcs → the space the clusters and the map work in. The arc vectors of the
 * films that have one are standardised and projected on the fewest principal components
 * that reach the variance target (ml-pca, as the study's scikit-learn PCA).
 */
import { PCA } from 'ml-pca';
import type { MethodConfig } from '../config.ts';
import { fitStandardiser, matrixOf, rowsOf, standardise } from '../lib/matrix.ts';
import type { FilmArc } from '../schemas.ts';

/** The arcs reduced for clustering: the films that have an arc, their PCA fit and scores. */
export interface Reduction {
  imdbIds: string[];
  /** Index of each clustered film in the arcs it came from. */
  rows: number[];
  unclustered: string[];
  vectors: number[][];
  fit: PcaFit;
  /** PCA scores on the kept components: the space KMeans and the map work in. */
  scores: number[][];
  /** The first two principal components, for the PCA map. */
  pca2d: number[][];
}

/** `components`: a fixed number of principal components (the study kept 7) instead of the variance target. */
export function reduceArcs(
  arcs: FilmArc[],
  config: Pick<MethodConfig, 'minFeaturedTracks' | 'pcaVarianceTarget'>,
  components?: number,
): Reduction {
  const rows = arcs.flatMap((arc, i) => (arc.vector ? [i] : []));
  if (rows.length === 0)
    throw new Error(`no film has ${config.minFeaturedTracks} or more tracks with mood features, so there is nothing to cluster`);
  const vectors = rows.map((i) => arcs[i].vector as number[]);
  const fitted = fitPca(vectors, config.pcaVarianceTarget);
  const fit = components === undefined ? fitted : { ...fitted, components: Math.min(components, fitted.available) };
  return {
    imdbIds: rows.map((i) => arcs[i].imdbId),
    rows,
    unclustered: arcs.filter((a) => a.vector === null).map((a) => a.imdbId),
    vectors,
    fit,
    scores: project(fit, vectors, fit.components),
    pca2d: project(fit, vectors, 2),
  };
}

export interface PcaFit {
  standardiser: ReturnType<typeof fitStandardiser>;
  /** Means PCA subtracts (of the standardised data: zero up to rounding). */
  means: number[];
  /** Loadings, features × components, row-major. */
  loadings: Float64Array;
  available: number;
  explainedVariance: number[];
  components: number;
}

export function fitPca(vectors: number[][], varianceTarget: number): PcaFit {
  const rows = matrixOf(vectors);
  const standardiser = fitStandardiser(rows);
  const z = rowsOf(standardise(rows, standardiser));
  const pca = new PCA(z, { center: true, scale: false });
  const explainedVariance = pca.getExplainedVariance().map((v) => (Number.isFinite(v) ? v : 0));
  let cumulative = 0;
  let components = explainedVariance.length;
  for (let i = 0; i < explainedVariance.length; i++) {
    cumulative += explainedVariance[i];
    if (cumulative >= varianceTarget - 1e-12) {
      components = i + 1;
      break;
    }
  }
  const model = pca.toJSON();
  const u = model.U.to2DArray();
  const available = u[0]?.length ?? 0;
  const loadings = new Float64Array(u.length * available);
  u.forEach((row, i) => loadings.set(row, i * available));
  return { standardiser, means: model.means, loadings, available, explainedVariance, components: Math.max(1, components) };
}

/** Standardise with the fitted scale and project onto the first `components` principal axes. */
export function project(fit: PcaFit, vectors: number[][], components: number): number[][] {
  const { means: mu, stds } = fit.standardiser;
  const d = mu.length;
  const m = Math.min(components, fit.available);
  const z = new Float64Array(d);
  return vectors.map((v) => {
    for (let j = 0; j < d; j++) z[j] = (stds[j] > 0 ? (v[j] - mu[j]) / stds[j] : 0) - fit.means[j];
    // Padded with zeros when PCA found fewer components than asked (two films give one).
    const out = new Array<number>(components).fill(0);
    for (let c = 0; c < m; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += z[j] * fit.loadings[j * fit.available + c];
      out[c] = s;
    }
    return out;
  });
}
