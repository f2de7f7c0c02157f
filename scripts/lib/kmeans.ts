/**
 * KMeans on flat typed arrays: k-means++ seeding (with scikit-learn's greedy local
 * trials) and Lloyd iterations. ml-kmeans does the same on arrays of arrays and takes
 * about ten seconds for the k-evidence runs at 2,000 films; this takes well under one.
 */
import { randomInt, seededRandom, type Random } from './random.ts';

export interface Points {
  data: Float64Array;
  n: number;
  d: number;
}

export function toPoints(rows: number[][]): Points {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  const data = new Float64Array(n * d);
  rows.forEach((row, i) => data.set(row, i * d));
  return { data, n, d };
}

function sqDist(a: Float64Array, ai: number, b: Float64Array, bi: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const x = a[ai + j] - b[bi + j];
    s += x * x;
  }
  return s;
}

/** k-means++: each next centre drawn in proportion to squared distance, best of 2 + ln k candidates. */
export function kmeansPlusPlus({ data, n, d }: Points, k: number, random: Random): Float64Array {
  const centres = new Float64Array(k * d);
  const first = randomInt(random, n);
  centres.set(data.subarray(first * d, first * d + d), 0);
  const closest = new Float64Array(n);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = sqDist(data, i * d, centres, 0, d);
    potential += closest[i];
  }
  const trials = 2 + Math.floor(Math.log(k));
  const candidateClosest = new Float64Array(n);
  const bestClosest = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let bestCandidate = -1;
    let bestPotential = Infinity;
    for (let t = 0; t < trials; t++) {
      // Draw a point with probability proportional to its squared distance.
      let target = random() * potential;
      let candidate = n - 1;
      for (let i = 0; i < n; i++) {
        target -= closest[i];
        if (target <= 0) {
          candidate = i;
          break;
        }
      }
      let total = 0;
      for (let i = 0; i < n; i++) {
        candidateClosest[i] = Math.min(closest[i], sqDist(data, i * d, data, candidate * d, d));
        total += candidateClosest[i];
      }
      if (total < bestPotential) {
        bestPotential = total;
        bestCandidate = candidate;
        bestClosest.set(candidateClosest);
      }
    }
    centres.set(data.subarray(bestCandidate * d, bestCandidate * d + d), c * d);
    closest.set(bestClosest);
    potential = bestPotential;
  }
  return centres;
}

export interface KMeansRun {
  labels: Int32Array;
  centres: Float64Array;
  inertia: number;
  iterations: number;
}

/**
 * Lloyd's algorithm from the given centres, with Hamerly's bounds: a point whose distance
 * to its centre is below half the gap to the next centre (and below its lower bound)
 * cannot change cluster, so most distances are never computed. The result is exactly
 * Lloyd's. Stops when no label changes or the centres move less than `tolerance` × the
 * data's mean variance (scikit-learn's rule). An emptied cluster takes the point
 * farthest from its centre.
 */
export function lloyd({ data, n, d }: Points, k: number, start: Float64Array, maxIterations: number, tolerance = 1e-4): KMeansRun {
  const centres = start.slice();
  const labels = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const sums = new Float64Array(k * d);
  const sizes = new Int32Array(k);
  const moved = new Float64Array(k);
  const half = new Float64Array(k);
  const threshold = tolerance * meanVariance(data, n, d);

  const fullSearch = (i: number) => {
    let best = 0;
    let bestD = Infinity;
    let second = Infinity;
    const base = i * d;
    for (let c = 0; c < k; c++) {
      const cb = c * d;
      let dist = 0;
      for (let j = 0; j < d; j++) {
        const x = data[base + j] - centres[cb + j];
        dist += x * x;
      }
      if (dist < bestD) {
        second = bestD;
        bestD = dist;
        best = c;
      } else if (dist < second) second = dist;
    }
    labels[i] = best;
    upper[i] = Math.sqrt(bestD);
    lower[i] = Math.sqrt(second);
  };
  for (let i = 0; i < n; i++) fullSearch(i);

  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    // Move each centre to the mean of its points.
    sums.fill(0);
    sizes.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      sizes[c]++;
      for (let j = 0; j < d; j++) sums[c * d + j] += data[i * d + j];
    }
    let shift = 0;
    let emptied = false;
    for (let c = 0; c < k; c++) {
      let m = 0;
      if (sizes[c] === 0) {
        emptied = true;
        let far = 0;
        for (let i = 1; i < n; i++) if (upper[i] > upper[far]) far = i;
        upper[far] = 0;
        for (let j = 0; j < d; j++) {
          m += (centres[c * d + j] - data[far * d + j]) ** 2;
          centres[c * d + j] = data[far * d + j];
        }
      } else {
        for (let j = 0; j < d; j++) {
          const next = sums[c * d + j] / sizes[c];
          m += (centres[c * d + j] - next) ** 2;
          centres[c * d + j] = next;
        }
      }
      moved[c] = Math.sqrt(m);
      shift += m;
    }
    // Bounds follow the centres: an upper bound grows by its centre's move, a lower bound shrinks by the largest.
    let maxMove = 0;
    let secondMove = 0;
    let maxMover = -1;
    for (let c = 0; c < k; c++) {
      if (moved[c] > maxMove) {
        secondMove = maxMove;
        maxMove = moved[c];
        maxMover = c;
      } else if (moved[c] > secondMove) secondMove = moved[c];
    }
    for (let i = 0; i < n; i++) {
      upper[i] += moved[labels[i]];
      lower[i] -= labels[i] === maxMover ? secondMove : maxMove;
    }
    for (let c = 0; c < k; c++) {
      let nearest = Infinity;
      for (let o = 0; o < k; o++) {
        if (o === c) continue;
        let dist = 0;
        for (let j = 0; j < d; j++) dist += (centres[c * d + j] - centres[o * d + j]) ** 2;
        nearest = Math.min(nearest, dist);
      }
      half[c] = Math.sqrt(nearest) / 2;
    }
    let changed = false;
    for (let i = 0; i < n; i++) {
      const a = labels[i];
      const bound = Math.max(half[a], lower[i]);
      if (!emptied && upper[i] <= bound) continue;
      upper[i] = Math.sqrt(sqDist(data, i * d, centres, a * d, d));
      if (!emptied && upper[i] <= bound) continue;
      fullSearch(i);
      if (labels[i] !== a) changed = true;
    }
    if (!changed || shift <= threshold) break;
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += sqDist(data, i * d, centres, labels[i] * d, d);
  return { labels, centres, inertia, iterations };
}

function meanVariance(data: Float64Array, n: number, d: number): number {
  let total = 0;
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data[i * d + j];
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (data[i * d + j] - mean) ** 2;
    total += v / n;
  }
  return total / Math.max(1, d);
}

/** The lowest-inertia run of `restarts` k-means++ starts, seeds seed, seed + 1, … (ties: the earliest). */
export function bestOfRestarts(points: Points, k: number, restarts: number, seed: number, maxIterations: number): KMeansRun {
  let best: KMeansRun | null = null;
  for (let r = 0; r < restarts; r++) {
    const run = lloyd(points, k, kmeansPlusPlus(points, k, seededRandom(seed + r)), maxIterations);
    if (!best || run.inertia < best.inertia - 1e-9 * Math.max(1, best.inertia)) best = run;
  }
  if (!best) throw new Error('KMeans needs at least one restart');
  return best;
}
