import { pairwiseDistances } from './cluster-metrics.ts';

/** Small numeric helpers on row-major arrays of rows; kept here because clusters and map both need them. */

export function squaredDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    sum += d * d;
  }
  return sum;
}

/** Column j's mean and population variance in an n × d row-major array, summed in row order. */
export function columnMoments(data: ArrayLike<number>, n: number, d: number, j: number): { mean: number; variance: number } {
  let mean = 0;
  for (let i = 0; i < n; i++) mean += data[i * d + j];
  mean /= n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (data[i * d + j] - mean) ** 2;
  return { mean, variance: squares / n };
}

export interface Standardiser {
  means: number[];
  stds: number[];
}

/** Column means and population standard deviations (as scikit-learn's StandardScaler). */
export function fitStandardiser(rows: number[][]): Standardiser {
  const d = rows[0]?.length ?? 0;
  const means = new Array<number>(d).fill(0);
  const stds = new Array<number>(d).fill(0);
  for (const row of rows) for (let j = 0; j < d; j++) means[j] += row[j];
  for (let j = 0; j < d; j++) means[j] /= rows.length;
  for (const row of rows) for (let j = 0; j < d; j++) stds[j] += (row[j] - means[j]) ** 2;
  for (let j = 0; j < d; j++) stds[j] = Math.sqrt(stds[j] / rows.length);
  return { means, stds };
}

/** A constant column becomes 0, never NaN. */
export function standardise(rows: number[][], { means, stds }: Standardiser): number[][] {
  return rows.map((row) => row.map((v, j) => (stds[j] > 0 ? (v - means[j]) / stds[j] : 0)));
}

/** Full pairwise Euclidean distance matrix (n × n, Float64Array). */
export function distanceMatrix(rows: ArrayLike<number>[]): Float64Array {
  const d = rows[0]?.length ?? 0;
  const flat = new Float64Array(rows.length * d);
  rows.forEach((row, i) => flat.set(row, i * d));
  return pairwiseDistances(flat, rows.length, d) as Float64Array;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}
