/** Measures of a clustering, each as its reference defines it (cited at each function). */
import { squaredRowDistance, type Matrix } from './matrix.ts';

/** Mean silhouette (scikit-learn's definition; a point alone in its cluster scores 0). `distances` is n × n. */
export function meanSilhouette(distances: ArrayLike<number>, labels: ArrayLike<number>, k: number): number {
  const n = labels.length;
  return silhouettesOfPairs(n, (i, j) => distances[i * n + j], [labels], [k])[0];
}

/**
 * The mean silhouette of several labellings of the same points (one per k), with each
 * distance computed once, from the points, and never stored: the n × n matrix at 2,000
 * films is 30 MB. Same sums in the same order as `meanSilhouette`, so the same values to
 * the last bit.
 */
export function meanSilhouettes(points: Matrix, labelSets: ArrayLike<number>[], ks: number[]): number[] {
  return silhouettesOfPairs(points.n, (i, j) => Math.sqrt(squaredRowDistance(points, i, points, j)), labelSets, ks);
}

/**
 * The silhouette sums, each distance computed once for both its points: every point's
 * sums over every labelling's clusters live in one row of `sums`, and each point's cluster
 * in every labelling in one row of `slots`. A point's sums receive its distances in the
 * other point's order (the smaller ones while their rows are walked, then its own row), as
 * when summing one row of the matrix, so to the last bit as one labelling at a time. A
 * point's row is complete once its own row is walked.
 */
function silhouettesOfPairs(
  n: number,
  distanceOf: (i: number, j: number) => number,
  labelSets: ArrayLike<number>[],
  ks: number[],
): number[] {
  const applying = labelSets.flatMap((labels, s) => (ks[s] >= 2 && n > ks[s] ? [{ labels, set: s }] : []));
  const { first, slots, sizes } = clusterSlots(
    n,
    applying.map((a) => a.labels),
  );
  const m = applying.length;
  const width = first[m];
  const sums = new Float64Array(n * width);
  const totals = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const rowI = i * width;
    for (let j = i + 1; j < n; j++) {
      const dij = distanceOf(i, j);
      const rowJ = j * width;
      for (let u = 0; u < m; u++) {
        sums[rowI + slots[j * m + u]] += dij;
        sums[rowJ + slots[i * m + u]] += dij;
      }
    }
    const own = sums.subarray(rowI, rowI + width);
    for (let u = 0; u < m; u++) totals[u] += silhouetteOf(slots[i * m + u], first[u], first[u + 1], own, sizes);
  }
  const means = labelSets.map(() => 0);
  applying.forEach(({ set }, u) => (means[set] = totals[u] / n));
  return means;
}

/** Each labelling's clusters numbered one after another (labelling u's from first[u]), each point's number in every labelling, and the clusters' sizes. */
function clusterSlots(n: number, labelSets: ArrayLike<number>[]) {
  const m = labelSets.length;
  const first = new Int32Array(m + 1);
  labelSets.forEach((labels, u) => {
    let maxLabel = 0;
    for (let i = 0; i < n; i++) maxLabel = Math.max(maxLabel, labels[i]);
    first[u + 1] = first[u] + maxLabel + 1;
  });
  const slots = new Int32Array(n * m);
  const sizes = new Float64Array(first[m]);
  labelSets.forEach((labels, u) => {
    for (let j = 0; j < n; j++) sizes[(slots[j * m + u] = first[u] + labels[j])]++;
  });
  return { first, slots, sizes };
}

/** One point's silhouette from its labelling's cluster sums (slots from…to−1), `own` its cluster's slot; 0 alone in its cluster. */
function silhouetteOf(own: number, from: number, to: number, sums: Float64Array, sizes: Float64Array): number {
  if (sizes[own] <= 1) return 0;
  const a = sums[own] / (sizes[own] - 1);
  let b = Infinity;
  for (let c = from; c < to; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
  return b === Infinity ? 0 : (b - a) / Math.max(a, b);
}

/**
 * How tight a group of rows is, relative to all rows: the mean squared distance of its
 * members to their centroid over the mean squared distance of all rows to theirs. Free
 * of scale, so it compares across refits whose PCA spaces differ; 1 is no tighter than
 * the whole set, 0 is one point.
 */
export function relativeSpread({ data, n, d }: Matrix, members: ArrayLike<number>): number {
  const spreadOf = (rows: ArrayLike<number>) => {
    let total = 0;
    for (let c = 0; c < d; c++) {
      let mean = 0;
      for (let r = 0; r < rows.length; r++) mean += data[rows[r] * d + c];
      mean /= rows.length;
      for (let r = 0; r < rows.length; r++) total += (data[rows[r] * d + c] - mean) ** 2;
    }
    return total / rows.length;
  };
  const all = Array.from({ length: n }, (_, i) => i);
  const whole = spreadOf(all);
  return members.length === 0 || whole === 0 ? 0 : spreadOf(members) / whole;
}

/** The rows of each archetype, from published labels 1…k: members[a] lists the rows labelled a + 1. */
export function archetypeMembers(labels: readonly number[], k: number): number[][] {
  return Array.from({ length: k }, (_, a) => labels.flatMap((l, i) => (l === a + 1 ? [i] : [])));
}

/** Jaccard similarity of two sets: shared over either. */
export function jaccard<T>(a: readonly T[], b: readonly T[]): number {
  const setB = new Set(b);
  const shared = a.filter((x) => setB.has(x)).length;
  const union = new Set([...a, ...b]).size;
  return union === 0 ? 0 : shared / union;
}

/** Adjusted Rand index (Hubert & Arabie 1985) between two labellings of the same items: 1 identical, about 0 chance. */
export function adjustedRandIndex(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  if (a.length !== b.length) throw new Error('adjustedRandIndex: labellings of different lengths');
  const n = a.length;
  const choose2 = (x: number) => (x * (x - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]}\u0000${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  }
  let index = 0;
  for (const v of table.values()) index += choose2(v);
  let sumRows = 0;
  for (const v of rows.values()) sumRows += choose2(v);
  let sumCols = 0;
  for (const v of cols.values()) sumCols += choose2(v);
  const expected = (sumRows * sumCols) / Math.max(1, choose2(n));
  const maximum = (sumRows + sumCols) / 2;
  return maximum === expected ? (index === expected ? 1 : 0) : (index - expected) / (maximum - expected);
}
