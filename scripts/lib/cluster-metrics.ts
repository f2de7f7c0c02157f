/** Measures of a clustering, each as its reference defines it (cited at each function). */
import { distanceRow, type Matrix } from './matrix.ts';

/** Mean silhouette (scikit-learn's definition; a point alone in its cluster scores 0). `distances` is n × n. */
export function meanSilhouette(distances: ArrayLike<number>, labels: ArrayLike<number>, k: number): number {
  const n = labels.length;
  const rows = distances instanceof Float64Array ? distances : Float64Array.from(distances);
  return silhouettesByRow(n, (i) => rows.subarray(i * n, i * n + n), [labels], [k])[0];
}

/**
 * The mean silhouette of several labellings of the same points (one per k), with each
 * distance computed once, from the points, and never stored: the n × n matrix at 2,000
 * films is 30 MB, read once per k, where one row is 16 kB. Same sums in the same order
 * as `meanSilhouette`, so the same values to the last bit.
 */
export function meanSilhouettes(points: Matrix, labelSets: ArrayLike<number>[], ks: number[]): number[] {
  const row = new Float64Array(points.n);
  return silhouettesByRow(points.n, (i) => distanceRow(points, i, row), labelSets, ks);
}

/** The silhouette sums, row by row: `rowOf(i)` gives point i's distances to all n (0 to itself). */
function silhouettesByRow(n: number, rowOf: (i: number) => ArrayLike<number>, labelSets: ArrayLike<number>[], ks: number[]): number[] {
  const sets = labelSets.map((labels, s) => {
    let maxLabel = 0;
    for (let i = 0; i < n; i++) maxLabel = Math.max(maxLabel, labels[i]);
    const sizes = new Float64Array(maxLabel + 1);
    for (let i = 0; i < n; i++) sizes[labels[i]]++;
    return { labels: Int32Array.from(labels), sizes, sums: new Float64Array(maxLabel + 1), total: 0, applies: ks[s] >= 2 && n > ks[s] };
  });
  for (let i = 0; i < n; i++) {
    const distances = rowOf(i);
    for (const set of sets) {
      if (!set.applies) continue;
      const { labels, sizes, sums } = set;
      sums.fill(0);
      // The distance to itself is 0, so adding it leaves its cluster's sum unchanged.
      for (let j = 0; j < n; j++) sums[labels[j]] += distances[j];
      const own = labels[i];
      if (sizes[own] <= 1) continue;
      const a = sums[own] / (sizes[own] - 1);
      let b = Infinity;
      for (let c = 0; c < sums.length; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
      set.total += b === Infinity ? 0 : (b - a) / Math.max(a, b);
    }
  }
  return sets.map((set) => (set.applies ? set.total / n : 0));
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
