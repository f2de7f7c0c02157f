/**
 * The one matrix every numeric module takes: n rows of d numbers, row-major in one typed
 * array, so that thousands of refits allocate one buffer each instead of n arrays. Stages
 * that hold rows as arrays (the published PCA, the map) convert at their edge with
 * `matrixOf` and `rowsOf`. One distance and one standardisation live here, summed in one
 * order, so that every caller gets the same values to the last bit.
 */

export interface Matrix {
  data: Float64Array;
  /** Rows. */
  n: number;
  /** Columns. */
  d: number;
}

export function matrixOf(rows: ArrayLike<number>[]): Matrix {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) data.set(rows[i], i * d);
  return { data, n, d };
}

export function rowsOf({ data, n, d }: Matrix): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * d, i * d + d)));
}

/** Squared Euclidean distance between row i of `a` and row j of `b` (of the same width). */
export function squaredRowDistance(a: Matrix, i: number, b: Matrix, j: number): number {
  const d = a.d;
  const x = a.data;
  const y = b.data;
  const ai = i * d;
  const bj = j * d;
  let s = 0;
  for (let c = 0; c < d; c++) {
    const v = x[ai + c] - y[bj + c];
    s += v * v;
  }
  return s;
}

/** Squared Euclidean distance between two vectors, summed as `squaredRowDistance` sums. */
export function squaredDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let c = 0; c < a.length; c++) {
    const v = a[c] - b[c];
    s += v * v;
  }
  return s;
}

/** Copies row i of `from` into row j of `to` (a loop: a subarray per copy is an allocation per centre). */
export function copyRow(from: Matrix, i: number, to: Matrix, j: number): void {
  const d = from.d;
  for (let c = 0; c < d; c++) to.data[j * d + c] = from.data[i * d + c];
}

/** Squared distances between all rows (n × n); each pair summed once and mirrored. */
export function squaredDistances(m: Matrix, out: Float64Array = new Float64Array(m.n * m.n)): Float64Array {
  const n = m.n;
  for (let i = 0; i < n; i++) {
    out[i * n + i] = 0;
    for (let j = i + 1; j < n; j++) {
      const s = squaredRowDistance(m, i, m, j);
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}

/** Euclidean distances between all rows (n × n). */
export function distances(m: Matrix, out: Float64Array = new Float64Array(m.n * m.n)): Float64Array {
  squaredDistances(m, out);
  for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(out[i]);
  return out;
}

/** Column j's mean and population variance, summed in row order. */
export function columnMoments({ data, n, d }: Matrix, j: number): { mean: number; variance: number } {
  let mean = 0;
  for (let i = 0; i < n; i++) mean += data[i * d + j];
  mean /= n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (data[i * d + j] - mean) ** 2;
  return { mean, variance: squares / n };
}

/** The mean of the columns' variances. */
export function meanVariance(m: Matrix): number {
  let total = 0;
  for (let j = 0; j < m.d; j++) total += columnMoments(m, j).variance;
  return total / Math.max(1, m.d);
}

export interface Standardiser {
  means: number[];
  stds: number[];
}

/** Column means and population standard deviations (as scikit-learn's StandardScaler). */
export function fitStandardiser(m: Matrix): Standardiser {
  const moments = Array.from({ length: m.d }, (_, j) => columnMoments(m, j));
  return { means: moments.map((c) => c.mean), stds: moments.map((c) => Math.sqrt(c.variance)) };
}

/** Column z-scores by the standardiser (the matrix's own when not given), in place; a constant column becomes 0, never NaN. */
export function standardiseInPlace(m: Matrix, { means, stds }: Standardiser = fitStandardiser(m)): Matrix {
  const { data, n, d } = m;
  for (let j = 0; j < d; j++) for (let i = 0; i < n; i++) data[i * d + j] = stds[j] > 0 ? (data[i * d + j] - means[j]) / stds[j] : 0;
  return m;
}

/** A standardised copy (see `standardiseInPlace`). */
export function standardise(m: Matrix, standardiser: Standardiser = fitStandardiser(m)): Matrix {
  return standardiseInPlace({ data: m.data.slice(), n: m.n, d: m.d }, standardiser);
}
