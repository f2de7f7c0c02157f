/**
 * What the resampling stages share: rebuild every clustered film's arc from changed
 * songs (reordered by artist runs, or drawn again), standardise and fit PCA again on
 * them, and cluster the result exactly as the published fit was clustered. Refitting,
 * rather than placing changed arcs among fixed centres, is what lets a resample dissolve
 * a cluster.
 */
import { Seeding, SmallKMeans, type Restarts, SMALL_KMEANS_MAX_PAIRS, bestOfRestarts, seedingTrials } from '../lib/kmeans.ts';
import { seededRandom } from '../lib/random.ts';
import { squaredDistances, type Matrix } from '../lib/matrix.ts';
import { standardisedPcaScores } from '../lib/pca.ts';
import { ArcBuilder, resampleInto, shuffleInto, type ArcSample, type FeatureRange } from '../stages/arcs.ts';
import { BlockShuffler } from '../stages/blocks.ts';

/** Everything a refit needs, plain data so it crosses to a worker thread. */
export interface RefitInput {
  /** Featured-track samples of each clustered film, in cluster order. */
  samples: ArcSample[][];
  /** Each film's artist runs (lengths, in order): the units a reordering moves. */
  runs: number[][];
  steps: number;
  /** The level-preserving scale when arcs are built with one, else null (per-film). */
  globalRange: FeatureRange | null;
  varianceTarget: number;
  restarts: number;
  kmeansSeed: number;
  maxIterations: number;
}

/** Up to this many films, the films' distances are computed once per refit and shared by every KMeans fit on it. */
export const SHARED_DISTANCES_MAX_FILMS = 256;

export class Refitter {
  readonly n: number;
  private readonly builder: ArcBuilder;
  private readonly shuffler: BlockShuffler;
  private readonly width: number;
  private readonly vectors: Float64Array;
  private readonly places: Int32Array;
  private readonly moods: Int32Array;
  private readonly drawn: Uint8Array;
  private readonly kmeans = new Map<string, SmallKMeans>();
  private squared: Float64Array = new Float64Array(0);
  private readonly seedings = new Map<number, Seeding[]>();
  private readonly startedTrials = new Set<number>();
  private preparedFor: Matrix | null = null;
  private readonly fits: Restarts;

  constructor(private readonly input: RefitInput) {
    this.n = input.samples.length;
    this.fits = { restarts: input.restarts, seed: input.kmeansSeed, maxIterations: input.maxIterations };
    this.builder = new ArcBuilder(input.samples, input.steps, input.globalRange);
    this.shuffler = new BlockShuffler(input.runs);
    this.width = 4 * input.steps;
    this.vectors = new Float64Array(this.n * this.width);
    const longest = Math.max(1, ...input.samples.map((s) => s.length));
    this.places = new Int32Array(longest);
    this.moods = new Int32Array(longest);
    this.drawn = new Uint8Array(longest);
  }

  /**
   * Every film's moods reordered across its own featured places, whole artist runs at a
   * time ('songs': one song at a time, the withdrawn test); places and the set of moods stay.
   */
  shuffled(random: () => number, reordering: 'blocks' | 'songs' = 'blocks'): Matrix {
    for (let film = 0; film < this.n; film++) {
      const m = this.builder.size(film);
      for (let i = 0; i < m; i++) this.places[i] = i;
      if (reordering === 'blocks') this.shuffler.shuffle(film, this.moods, random);
      else shuffleInto(this.moods, m, random);
      this.builder.write(film, { places: this.places, moods: this.moods, count: m }, this.vectors, film * this.width);
    }
    return this.fit();
  }

  /** Every film's featured tracks drawn again with replacement, each kept at its own place. */
  resampled(random: () => number): Matrix {
    for (let film = 0; film < this.n; film++) {
      const kept = resampleInto(this.places, this.drawn, this.builder.size(film), random);
      this.builder.write(film, { places: this.places, moods: this.places, count: kept }, this.vectors, film * this.width);
    }
    return this.fit();
  }

  /** The arcs as they are, refitted the same way (tests hold it to the published fit). */
  unchanged(): Matrix {
    for (let film = 0; film < this.n; film++) {
      const m = this.builder.size(film);
      for (let i = 0; i < m; i++) this.places[i] = i;
      this.builder.write(film, { places: this.places, moods: this.places, count: m }, this.vectors, film * this.width);
    }
    return this.fit();
  }

  /** KMeans labels (0…k−1) at k on the given scores, with the published fit's restarts and seeds. */
  cluster(points: Matrix, k: number): Int32Array {
    if (points.n * k > SMALL_KMEANS_MAX_PAIRS) return bestOfRestarts(points, k, this.fits).labels;
    const key = `${points.n}×${points.d}×${k}`;
    let kmeans = this.kmeans.get(key);
    if (!kmeans) this.kmeans.set(key, (kmeans = new SmallKMeans(points.n, points.d, k)));
    this.prepareFor(points);
    const squared = this.squared.length ? this.squared : null;
    return kmeans.best(points, k, this.fits, { squared, seedings: squared && this.seedingsFor(points, k, squared) }).labels;
  }

  /**
   * What every KMeans fit on these scores shares, made once when the scores change: the
   * films' squared distances (n × n, so only up to SHARED_DISTANCES_MAX_FILMS films) and,
   * anew, the seedings.
   */
  private prepareFor(scores: Matrix): void {
    if (this.preparedFor === scores) return;
    this.preparedFor = scores;
    this.startedTrials.clear();
    const n = scores.n;
    if (n > SHARED_DISTANCES_MAX_FILMS) this.squared = new Float64Array(0);
    else this.squared = squaredDistances(scores, this.squared.length === n * n ? this.squared : undefined);
  }

  /**
   * One seeding per restart for the fits at k on these scores, shared with every other k
   * of the same number of trials (k = 3…7, 8…20): the fit at 7 extends the seedings the
   * fit at 6 drew, where it would otherwise draw the same six centres again.
   */
  private seedingsFor(scores: Matrix, k: number, squared: Float64Array): Seeding[] {
    const trials = seedingTrials(k);
    let group = this.seedings.get(trials);
    // A seeding holds at most n centres, as many as k can be.
    if (!group) this.seedings.set(trials, (group = Array.from({ length: this.input.restarts }, () => new Seeding(scores.n, scores.n))));
    if (!this.startedTrials.has(trials)) {
      group.forEach((seeding, r) => seeding.start(scores, seededRandom(this.input.kmeansSeed + r), trials, squared));
      this.startedTrials.add(trials);
    }
    return group;
  }

  private fit(): Matrix {
    // Every draw rewrites every value of this.vectors, so PCA may standardise them in place.
    return standardisedPcaScores({ data: this.vectors, n: this.n, d: this.width }, this.input.varianceTarget);
  }
}
