/**
 * What the calibration and power stages share: simulated catalogues with the real data's
 * shape (the same films, places, moods, missing moods and artist runs), and the one
 * published clustering test run on any of them exactly as on the real data.
 *
 * A world where order carries nothing by construction: each film's artist runs put in a
 * random order, as the order tests themselves reorder them. Runs that land side by side
 * with the same artists become one run, as they would in a real listing, and the tests
 * in that world read its runs afresh.
 */
import { drawSeed } from '../config.ts';
import { meanSilhouettes } from '../lib/cluster-metrics.ts';
import { seededRandom } from '../lib/random.ts';
import type { ArcSample } from './arcs.ts';
import { BlockShuffler, runLengths } from './blocks.ts';
import { Refitter, type RefitInput } from '../resampling/refit.ts';
import type { Matrix } from '../lib/matrix.ts';

export interface Catalogue {
  samples: ArcSample[][];
  runs: number[][];
}

/** Each film's runs in a random order, its places kept; runs of the same artists that meet merge. */
export function nullWorld(catalogue: Catalogue, random: () => number): Catalogue {
  const shuffler = new BlockShuffler(catalogue.runs);
  const samples = catalogue.samples.map((songs, film) => {
    const order = shuffler.shuffle(film, new Int32Array(songs.length), random);
    return songs.map((song, i) => ({ t: song.t, mood: songs[order[i]].mood, artists: songs[order[i]].artists }));
  });
  return { samples, runs: samples.map((songs) => runLengths(songs.map((s) => s.artists))) };
}

/** The clustering test's settings: the published fit's, and its draws. */
export interface ClusteringTestSettings extends Omit<RefitInput, 'samples' | 'runs'> {
  k: number;
  significance: number;
  /** Draws the real test makes: a world's test makes as many, or stops once its answer is known. */
  draws: number;
}

/** Another test riding on the clustering test's draws. */
export interface SharedDraws {
  minDraws?: number;
  onFit?: (fit: ClusteringTestResult['fit']) => void;
  onDraw?: (scores: Matrix, draw: number) => void;
}

export interface ClusteringTestResult {
  reject: boolean;
  /** Draws made before the answer was known. */
  draws: number;
  /** The catalogue's own fit: its scores and labels (0…k−1). */
  fit: { scores: Matrix; labels: Int32Array };
  refitter: Refitter;
}

/**
 * The null model's test at k on a catalogue: does its order group the films more clearly
 * (mean silhouette) than reordered runs? Draws are seeded by index, as on the real data;
 * it stops when enough draws are at least as clear that p can no longer fall below the
 * significance level (Besag & Clifford 1991), which never changes the answer. Tests
 * that share the draws see the fit (`onFit`) and each draw's scores (`onDraw`), and may
 * ask for at least `minDraws` of them.
 */
export function clusteringTest(
  catalogue: Catalogue,
  settings: ClusteringTestSettings,
  seed: number,
  sharing: SharedDraws = {},
): ClusteringTestResult {
  const refitter = new Refitter({ ...settings, ...catalogue });
  const { k, significance, draws } = settings;
  const { minDraws = 0, onFit, onDraw } = sharing;
  const scores = refitter.unchanged();
  const labels = refitter.cluster(scores, k);
  onFit?.({ scores, labels });
  const real = meanSilhouettes(scores, [labels], [k])[0];
  let atLeast = 0;
  let decided = false;
  let made = 0;
  for (let draw = 0; draw < Math.max(draws, minDraws); draw++) {
    const needed = !decided && draw < draws;
    if (!needed && draw >= minDraws) break;
    const shuffled = refitter.shuffled(seededRandom(drawSeed(seed, draw)));
    onDraw?.(shuffled, draw);
    if (!needed) continue;
    made = draw + 1;
    const silhouette = meanSilhouettes(shuffled, [refitter.cluster(shuffled, k)], [k])[0];
    if (silhouette >= real - 1e-12) atLeast++;
    if ((1 + atLeast) / (1 + draws) >= significance) decided = true;
  }
  return { reject: (1 + atLeast) / (1 + draws) < significance, draws: made, fit: { scores, labels }, refitter };
}
