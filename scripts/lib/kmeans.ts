/**
 * KMeans on flat typed arrays: k-means++ seeding (with scikit-learn's greedy local
 * trials) and Lloyd iterations accelerated with Elkan's bounds. ml-kmeans does the same
 * on arrays of arrays and takes about eleven seconds for the k-evidence runs at 2,000
 * films.
 */
import { copyRow, meanVariance, squaredRowDistance, type Matrix } from './matrix.ts';
import { randomInt, seededRandom, type Random } from './random.ts';

/** Candidates per k-means++ centre: 2 + ⌊ln k⌋, as scikit-learn. */
export function seedingTrials(k: number): number {
  return 2 + Math.floor(Math.log(k));
}

/**
 * A k-means++ seeding, grown one centre at a time: the first centre a random point, each
 * next the best (lowest potential) of `trials` candidates drawn in proportion to squared
 * distance, scikit-learn's greedy variant. Each centre draws `trials` numbers, so
 * seedings from the same seed with the same trials choose the same first centres: fits at
 * several k can share one seeding, extended as k grows. Every centre is a point, so given
 * the points' squared distances (`squaredDistances` in matrix.ts) it reads them instead of
 * computing them: the same values, and the same centres.
 */
export class Seeding {
  /** The point each centre was drawn from, in the order drawn. */
  readonly chosen: Int32Array;
  count = 0;
  private readonly closest: Float64Array;
  private candidate: Float64Array;
  private best: Float64Array;
  private potential = 0;
  private points: Matrix = { data: new Float64Array(0), n: 0, d: 0 };
  private random: Random = Math.random;
  private trials = 2;
  private squared: Float64Array | null = null;

  constructor(n: number, kMax: number) {
    this.chosen = new Int32Array(kMax);
    this.closest = new Float64Array(n);
    this.candidate = new Float64Array(n);
    this.best = new Float64Array(n);
  }

  /** Begins a seeding of these points (at most the n and k it was sized for). */
  start(points: Matrix, random: Random, trials: number, squared: Float64Array | null): this {
    this.points = points;
    this.random = random;
    this.trials = trials;
    this.squared = squared;
    this.count = 0;
    return this;
  }

  /** Draws centres until there are k. */
  extendTo(k: number): void {
    const points = this.points;
    const n = points.n;
    const { closest, squared, random } = this;
    if (this.count === 0) {
      const first = randomInt(random, n);
      this.chosen[0] = first;
      let potential = 0;
      for (let i = 0; i < n; i++) {
        closest[i] = squared ? squared[i * n + first] : squaredRowDistance(points, i, points, first);
        potential += closest[i];
      }
      this.potential = potential;
      this.count = 1;
    }
    for (; this.count < k; this.count++) {
      let bestCandidate = -1;
      let bestPotential = Infinity;
      for (let t = 0; t < this.trials; t++) {
        // Draw a point with probability proportional to its squared distance.
        let target = random() * this.potential;
        let candidate = n - 1;
        for (let i = 0; i < n; i++) {
          target -= closest[i];
          if (target <= 0) {
            candidate = i;
            break;
          }
        }
        const candidateClosest = this.candidate;
        let total = 0;
        for (let i = 0; i < n; i++) {
          candidateClosest[i] = Math.min(
            closest[i],
            squared ? squared[i * n + candidate] : squaredRowDistance(points, i, points, candidate),
          );
          total += candidateClosest[i];
        }
        if (total < bestPotential) {
          bestPotential = total;
          bestCandidate = candidate;
          // Keep this candidate's distances by swapping buffers rather than copying them.
          this.candidate = this.best;
          this.best = candidateClosest;
        }
      }
      this.chosen[this.count] = bestCandidate;
      closest.set(this.best);
      this.potential = bestPotential;
    }
  }

  /** The first k centres' coordinates, row by row, into `into`. */
  centresInto(into: Matrix, k: number): void {
    for (let c = 0; c < k; c++) copyRow(this.points, this.chosen[c], into, c);
  }
}

/** k-means++ centres for k clusters (k × d, row-major). */
export function kmeansPlusPlus(points: Matrix, k: number, random: Random): Float64Array {
  const seeding = new Seeding(points.n, k).start(points, random, seedingTrials(k), null);
  seeding.extendTo(k);
  const centres = { data: new Float64Array(k * points.d), n: k, d: points.d };
  seeding.centresInto(centres, k);
  return centres.data;
}

export interface KMeansRun {
  labels: Int32Array;
  centres: Float64Array;
  inertia: number;
  iterations: number;
}

/**
 * Lloyd's algorithm from the given centres, with Elkan's bounds: a lower bound on the
 * distance to every centre and an upper bound to the point's own, kept true as centres
 * move, so most point–centre distances are never computed. The result is exactly
 * Lloyd's. Stops when no label changes or the centres move less than `tolerance` × the
 * data's mean variance (scikit-learn's rule). An emptied cluster takes the point
 * farthest from its centre.
 */
export function lloyd(
  points: Matrix,
  k: number,
  start: Float64Array,
  { maxIterations, tolerance = TOLERANCE }: IterationLimits,
): KMeansRun {
  const { n, d } = points;
  const fit: CentreFit = {
    k,
    labels: new Int32Array(n),
    centres: { data: start.slice(), n: k, d },
    sums: new Float64Array(k * d),
    sizes: new Int32Array(k),
  };
  const bounds: ElkanBounds = {
    upper: new Float64Array(n),
    lower: new Float64Array(n * k),
    moved: new Float64Array(k),
    between: new Float64Array(k * k),
    half: new Float64Array(k),
  };
  const threshold = tolerance * meanVariance(points);
  assignWithBounds(points, fit, bounds);
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    const shift = moveCentres(points, fit, bounds.upper, bounds.moved);
    loosenBounds(n, fit, bounds);
    if (shift <= threshold) break;
    separateCentres(fit, bounds);
    if (!reassignWithBounds(points, fit, bounds)) break;
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += squaredRowDistance(points, i, fit.centres, fit.labels[i]);
  return { labels: fit.labels, centres: fit.centres.data, inertia, iterations };
}

/** When iterations stop: after `maxIterations`, or once the centres' total squared shift is at most `tolerance` times the mean variance. */
export interface IterationLimits {
  maxIterations: number;
  tolerance?: number;
}

/** scikit-learn's tolerance: stop when the centres' total squared shift is below this share of the mean variance. */
const TOLERANCE = 1e-4;

/** Elkan's bounds: each point's upper bound to its own centre and lower bounds to every centre; the centres' shifts and separations. */
interface ElkanBounds {
  upper: Float64Array;
  lower: Float64Array;
  moved: Float64Array;
  between: Float64Array;
  half: Float64Array;
}

/** The first assignment: every distance computed, each a point's lower bound to that centre. */
function assignWithBounds(points: Matrix, { k, labels, centres }: CentreFit, { upper, lower }: ElkanBounds): void {
  for (let i = 0; i < points.n; i++) {
    let best = 0;
    for (let c = 0; c < k; c++) {
      const dc = Math.sqrt(squaredRowDistance(points, i, centres, c));
      lower[i * k + c] = dc;
      if (dc < lower[i * k + best]) best = c;
    }
    labels[i] = best;
    upper[i] = lower[i * k + best];
  }
}

/** After the centres move, the bounds follow them: upper bounds grow and lower bounds shrink by each centre's shift. */
function loosenBounds(n: number, { k, labels }: CentreFit, { upper, lower, moved }: ElkanBounds): void {
  for (let i = 0; i < n; i++) {
    upper[i] += moved[labels[i]];
    const row = i * k;
    for (let c = 0; c < k; c++) {
      const l = lower[row + c] - moved[c];
      lower[row + c] = l > 0 ? l : 0;
    }
  }
}

/** The distance between every two centres, and half the distance from each to its nearest other. */
function separateCentres({ k, centres }: CentreFit, { between, half }: ElkanBounds): void {
  for (let c = 0; c < k; c++) {
    let nearest = Infinity;
    for (let o = 0; o < k; o++) {
      if (o === c) continue;
      const dco = Math.sqrt(squaredRowDistance(centres, c, centres, o));
      between[c * k + o] = dco;
      if (dco < nearest) nearest = dco;
    }
    half[c] = nearest / 2;
  }
}

/** Moves each point to a strictly nearer centre, computing only the distances the bounds cannot rule out; whether any moved. */
function reassignWithBounds(points: Matrix, { k, labels, centres }: CentreFit, { upper, lower, between, half }: ElkanBounds): boolean {
  const n = points.n;
  const dist = (i: number, c: number) => Math.sqrt(squaredRowDistance(points, i, centres, c));
  let changed = false;
  for (let i = 0; i < n; i++) {
    let a = labels[i];
    if (upper[i] <= half[a]) continue;
    let stale = true;
    const row = i * k;
    for (let c = 0; c < k; c++) {
      if (c === a || upper[i] <= lower[row + c] || upper[i] <= between[a * k + c] / 2) continue;
      if (stale) {
        upper[i] = dist(i, a);
        lower[row + a] = upper[i];
        stale = false;
        if (upper[i] <= lower[row + c] || upper[i] <= between[a * k + c] / 2) continue;
      }
      const dc = dist(i, c);
      lower[row + c] = dc;
      if (dc < upper[i]) {
        a = c;
        upper[i] = dc;
      }
    }
    if (a !== labels[i]) {
      labels[i] = a;
      changed = true;
    }
  }
  return changed;
}

/** A fit's centres and labels, and the buffers its updates reuse. */
interface CentreFit {
  k: number;
  labels: Int32Array;
  /** k × d. */
  centres: Matrix;
  sums: Float64Array;
  sizes: Int32Array;
}

/**
 * Lloyd's update: each centre moves to the mean of its points; an emptied cluster takes
 * the point farthest from its centre by `distanceTo` (an upper bound or the exact
 * distance, whichever the caller keeps), whose distance becomes 0. Returns the total
 * squared shift; `moved`, when given, gets each centre's shift.
 */
function moveCentres({ data, n, d }: Matrix, fit: CentreFit, distanceTo: Float64Array, moved: Float64Array | null): number {
  const { k, labels, sums, sizes } = fit;
  const centres = fit.centres.data;
  sums.fill(0, 0, k * d);
  sizes.fill(0, 0, k);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    sizes[c]++;
    for (let j = 0; j < d; j++) sums[c * d + j] += data[i * d + j];
  }
  let shift = 0;
  for (let c = 0; c < k; c++) {
    let m = 0;
    if (sizes[c] === 0) {
      let far = 0;
      for (let i = 1; i < n; i++) if (distanceTo[i] > distanceTo[far]) far = i;
      distanceTo[far] = 0;
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
    if (moved) moved[c] = Math.sqrt(m);
    shift += m;
  }
  return shift;
}

/**
 * Below this many point–centre pairs per iteration, plain Lloyd iterations on reused
 * buffers beat Elkan's bounds: the bounds' bookkeeping and allocation cost more than the
 * distances they save. The null model and the stability refits run KMeans tens of
 * thousands of times on small catalogues, so this path is what keeps them fast.
 */
export const SMALL_KMEANS_MAX_PAIRS = 4096;

/** How many k-means++ starts a fit makes, from which seed (seed, seed + 1, …), and its iteration limit. */
export interface Restarts {
  restarts: number;
  seed: number;
  maxIterations: number;
}

/** The lowest-inertia run of `restarts` k-means++ starts, seeds seed, seed + 1, … (ties: the earliest). */
export function bestOfRestarts(points: Matrix, k: number, fits: Restarts): KMeansRun {
  const { restarts, seed, maxIterations } = fits;
  if (points.n * k <= SMALL_KMEANS_MAX_PAIRS) return new SmallKMeans(points.n, points.d, k).best(points, k, fits);
  let best: KMeansRun | null = null;
  for (let r = 0; r < restarts; r++) {
    const run = lloyd(points, k, kmeansPlusPlus(points, k, seededRandom(seed + r)), { maxIterations });
    if (!best || run.inertia < best.inertia - 1e-9 * Math.max(1, best.inertia)) best = run;
  }
  if (!best) throw new Error('KMeans needs at least one restart');
  return best;
}

/**
 * KMeans for small problems with every buffer allocated once: the same k-means++ seeding
 * (same draws from the same seeds) and the same Lloyd iterations as `lloyd`, which with
 * Elkan's bounds gives exactly Lloyd's result; a point changes cluster only when another
 * centre is strictly nearer, as there. Reuse one instance for many fits of the same size.
 */
/** What many fits on the same points share: their squared distances, and one seeding per restart to extend. */
export interface SharedSeeding {
  squared?: Float64Array | null;
  seedings?: Seeding[] | null;
}

export class SmallKMeans {
  private readonly centres: Matrix;
  private readonly bestCentres: Float64Array;
  private readonly labels: Int32Array;
  private readonly bestLabels: Int32Array;
  private readonly sums: Float64Array;
  private readonly sizes: Int32Array;
  private readonly seeding: Seeding;
  private readonly own: Float64Array;

  constructor(
    private readonly n: number,
    private readonly d: number,
    kMax: number,
  ) {
    this.seeding = new Seeding(n, kMax);
    this.centres = { data: new Float64Array(kMax * d), n: kMax, d };
    this.bestCentres = new Float64Array(kMax * d);
    this.labels = new Int32Array(n);
    this.bestLabels = new Int32Array(n);
    this.sums = new Float64Array(kMax * d);
    this.sizes = new Int32Array(kMax);
    this.own = new Float64Array(n);
  }

  /**
   * Best of `restarts` runs; the returned arrays are copies, safe to keep. `squared`, the
   * points' squared distances, lets seeding and the first assignment read distances that
   * many fits on the same points share; `seedings`, one per restart, each started on these
   * points from seed + r with `seedingTrials(k)` trials, are extended to k rather than
   * drawn again. The result is the same without either.
   */
  best(points: Matrix, k: number, { restarts, seed, maxIterations }: Restarts, shared: SharedSeeding = {}): KMeansRun {
    const squared = shared.squared ?? null;
    const seedings = shared.seedings ?? null;
    const { n, d } = points;
    if (n !== this.n || d !== this.d) throw new Error(`SmallKMeans sized for ${this.n}×${this.d}, given ${n}×${d}`);
    let bestInertia = Infinity;
    let bestIterations = 0;
    const limits = { maxIterations, threshold: TOLERANCE * meanVariance(points) };
    for (let r = 0; r < restarts; r++) {
      const seeding = seedings ? seedings[r] : this.seeding.start(points, seededRandom(seed + r), seedingTrials(k), squared);
      seeding.extendTo(k);
      seeding.centresInto(this.centres, k);
      this.assignToSeeds(points, k, squared ? { squared, chosen: seeding.chosen } : null);
      const iterations = this.iterate(points, k, limits);
      let inertia = 0;
      for (let i = 0; i < n; i++) inertia += squaredRowDistance(points, i, this.centres, this.labels[i]);
      if (r === 0 || inertia < bestInertia - 1e-9 * Math.max(1, bestInertia)) {
        bestInertia = inertia;
        bestIterations = iterations;
        this.bestLabels.set(this.labels);
        this.bestCentres.set(this.centres.data.subarray(0, k * d));
      }
    }
    return { labels: this.bestLabels.slice(), centres: this.bestCentres.slice(0, k * d), inertia: bestInertia, iterations: bestIterations };
  }

  /**
   * Each point to its nearest starting centre. The starting centres are points, copied
   * exactly, so given the points' squared distances and which points were chosen, their
   * distances are read, not computed.
   */
  private assignToSeeds(points: Matrix, k: number, seeds: { squared: Float64Array; chosen: Int32Array } | null): void {
    const { n, centres, labels, own } = this;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c++) {
        const dc = seeds ? seeds.squared[i * n + seeds.chosen[c]] : squaredRowDistance(points, i, centres, c);
        if (dc < bestDistance) {
          bestDistance = dc;
          best = c;
        }
      }
      labels[i] = best;
      own[i] = bestDistance;
    }
  }

  /** Lloyd's iterations from the current assignment; how many ran. */
  private iterate(points: Matrix, k: number, { maxIterations, threshold }: { maxIterations: number; threshold: number }): number {
    const { n, centres, labels, sums, sizes, own } = this;
    const fit = { k, labels, centres, sums, sizes };
    let iterations = 0;
    while (iterations < maxIterations) {
      iterations++;
      const shift = moveCentres(points, fit, own, null);
      if (shift <= threshold) break;
      let changed = false;
      for (let i = 0; i < n; i++) {
        let a = labels[i];
        let da = squaredRowDistance(points, i, centres, a);
        for (let c = 0; c < k; c++) {
          if (c === a) continue;
          const dc = squaredRowDistance(points, i, centres, c);
          if (dc < da) {
            a = c;
            da = dc;
          }
        }
        own[i] = da;
        changed ||= a !== labels[i];
        labels[i] = a;
      }
      if (!changed) break;
    }
    return iterations;
  }
}
