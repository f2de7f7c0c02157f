/**
 * PCA refits for the resampling stages (null model, stability), which standardise and
 * fit PCA again on every shuffled or resampled set of arcs: thousands of fits, where
 * only the distances between films in the kept components matter. The eigenvectors of
 * the smaller of the Gram matrix (films × films) and the covariance matrix (values ×
 * values) give the same scores as the SVD ml-pca computes, up to the sign of each
 * component, at a fraction of the cost. The published fit stays ml-pca's (reduce stage).
 */
import { EigenvalueDecomposition, Matrix as DenseMatrix } from 'ml-matrix';
import { standardiseInPlace, type Matrix } from './matrix.ts';

/**
 * Standardises the rows (overwritten) and projects them on the fewest principal
 * components whose explained variance reaches `varianceTarget`: the scores, one column
 * per component.
 */
export function standardisedPcaScores(rows: Matrix, varianceTarget: number): Matrix {
  const { data, n, d } = standardiseInPlace(rows);
  const byFilms = n <= d;
  const size = byFilms ? n : d;
  const gram = new DenseMatrix(size, size);
  for (let a = 0; a < size; a++) {
    for (let b = a; b < size; b++) {
      let s = 0;
      if (byFilms) for (let j = 0; j < d; j++) s += data[a * d + j] * data[b * d + j];
      else for (let i = 0; i < n; i++) s += data[i * d + a] * data[i * d + b];
      gram.set(a, b, s);
      gram.set(b, a, s);
    }
  }
  const evd = new EigenvalueDecomposition(gram, { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  const vectors = evd.eigenvectorMatrix;
  const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a]);
  const total = values.reduce((s, v) => s + Math.max(0, v), 0);
  let components = order.length;
  let cumulative = 0;
  for (let c = 0; c < order.length; c++) {
    cumulative += total > 0 ? Math.max(0, values[order[c]]) / total : 0;
    if (cumulative >= varianceTarget - 1e-12) {
      components = c + 1;
      break;
    }
  }
  components = Math.max(1, Math.min(components, size));
  const out = new Float64Array(n * components);
  for (let c = 0; c < components; c++) {
    const col = order[c];
    if (byFilms) {
      // Scores are U·Σ: the Gram matrix's unit eigenvectors scaled by √λ.
      const scale = Math.sqrt(Math.max(0, values[col]));
      for (let i = 0; i < n; i++) out[i * components + c] = vectors.get(i, col) * scale;
    } else {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += data[i * d + j] * vectors.get(j, col);
        out[i * components + c] = s;
      }
    }
  }
  return { data: out, n, d: components };
}
