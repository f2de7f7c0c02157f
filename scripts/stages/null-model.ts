/**
 * Does song order carry the clusters? The study's claim is that the order of a
 * film's songs traces its arc. If it does, arcs built from the real order should group
 * more clearly than arcs built from the same songs in a random order. Each draw reorders
 * every film's artist runs across that film's own featured places (the places and the
 * set of moods stay; only the order of the runs changes), rebuilds the arcs with the same
 * scaling and steps, refits standardise + PCA and runs KMeans for every k. The real mean
 * silhouette is then read against the draws: p = (1 + draws at least as high) / (1 +
 * draws), the Monte Carlo p-value of Phipson & Smyth (2010), which is never 0. The test
 * at the chosen k (the study's) is the one test; the other k are shown, not tested. Each
 * draw also shuffles single songs once, for the record of what that withdrawn test said.
 *
 * The per-archetype "tighter than chance" test is gone: it compared a group chosen by
 * KMeans on the real order with shuffles that kept that membership, so it found groups
 * tight by construction (calibration.ts measures how often).
 */
import { drawSeed } from '../config.ts';
import { meanSilhouettes } from '../lib/cluster-metrics.ts';
import { seededRandom } from '../lib/random.ts';
import { mean, quantile } from 'd3-array';
import type { NullModel } from '../schemas.ts';
import { Refitter, type RefitInput } from '../resampling/refit.ts';

export interface NullModelInput extends RefitInput {
  kValues: number[];
  k: number;
  seed: number;
}

/** Values per draw: the mean silhouette at each k (runs reordered), then at k with single songs shuffled. */
export function nullModelWidth(input: Pick<NullModelInput, 'kValues'>): number {
  return input.kValues.length + 1;
}

/** Draws from…to−1 of the shuffled-order null model, written row by row into out. */
export function shuffledOrderDraws(input: NullModelInput, from: number, to: number, out: Float64Array): void {
  shuffledOrderRunner(input)(from, to, out);
}

/** A runner of the null model's draws that keeps its buffers from one batch of draws to the next. */
export function shuffledOrderRunner(input: NullModelInput): (from: number, to: number, out: Float64Array) => void {
  const refitter = new Refitter(input);
  const width = nullModelWidth(input);
  return (from, to, out) => {
    for (let draw = from; draw < to; draw++) {
      const scores = refitter.shuffled(seededRandom(drawSeed(input.seed, draw)));
      const row = (draw - from) * width;
      const labelSets = input.kValues.map((k) => refitter.cluster(scores, k));
      meanSilhouettes(scores, labelSets, input.kValues).forEach((silhouette, i) => {
        out[row + i] = silhouette;
      });
      const songs = refitter.shuffled(seededRandom(drawSeed(input.seed + 1, draw)), 'songs');
      out[row + input.kValues.length] = meanSilhouettes(songs, [refitter.cluster(songs, input.k)], [input.k])[0];
    }
  };
}

/** p of a real value against draws, where draws at least as extreme (`atLeast` or `atMost`) count against it. */
export function monteCarloP(real: number, draws: ArrayLike<number>, direction: 'atLeast' | 'atMost'): number {
  let extreme = 0;
  const eps = 1e-12;
  for (let i = 0; i < draws.length; i++) if (direction === 'atLeast' ? draws[i] >= real - eps : draws[i] <= real + eps) extreme++;
  return (1 + extreme) / (1 + draws.length);
}

/** Monte Carlo standard error of an estimated p from `draws` draws. */
export function monteCarloError(p: number, draws: number): number {
  return draws > 0 ? Math.sqrt((p * (1 - p)) / draws) : 0;
}

export interface NullModelSummaryInput {
  kValues: number[];
  k: number;
  /** Real mean silhouette at each k of kValues (the published fits). */
  realSilhouettes: number[];
  draws: Float64Array;
  drawCount: number;
  wantedDraws: number;
  significance: number;
}

export function summariseNullModel(input: NullModelSummaryInput): NullModel {
  const { kValues, k, draws, drawCount, significance } = input;
  const width = kValues.length + 1;
  const column = (c: number) => Array.from({ length: drawCount }, (_, d) => draws[d * width + c]);
  const row = (kk: number, real: number, values: number[]) => {
    const p = monteCarloP(real, values, 'atLeast');
    return {
      k: kk,
      silhouette: real,
      nullMean: mean(values) ?? 0,
      nullP95: quantile(values, 0.95) ?? 0,
      p,
      pError: monteCarloError(p, drawCount),
      beyondChance: p < significance,
    };
  };
  const byK = kValues.map((kk, i) => row(kk, input.realSilhouettes[i], column(i)));
  const chosen = byK.find((r) => r.k === k) ?? null;
  const songLevel = chosen ? row(k, chosen.silhouette, column(kValues.length)) : null;
  const beyond = byK.filter((r) => r.beyondChance && r.k !== k).map((r) => r.k);
  return {
    draws: drawCount,
    reduced: drawCount < input.wantedDraws,
    significance,
    shuffle: 'blocks',
    byK,
    songLevel,
    verdict: {
      chosenK: k,
      chosenP: chosen?.p ?? 1,
      beyondChance: (chosen?.p ?? 1) < significance,
      otherKBeyondChance: beyond,
      text: verdictText(chosen, beyond, kValues.length - 1, significance),
    },
  };
}

const pText = (p: number) => (p < 0.001 ? 'below 0.001' : p.toFixed(3));

function verdictText(chosen: { k: number; p: number } | null, others: number[], otherCount: number, significance: number): string {
  const test =
    chosen && chosen.p < significance
      ? `At k = ${chosen.k}, the real order of the songs groups the films more clearly than the same artist runs in shuffled order (p = ${pText(chosen.p)}).`
      : `At k = ${chosen?.k ?? '?'}, the real order of the songs groups the films no more clearly than the same artist runs in shuffled order (p = ${pText(chosen?.p ?? 1)}).`;
  const rest = others.length
    ? ` Of the ${otherCount} other numbers of groups tried, ${others.length === 1 ? `only k = ${others[0]} beats` : `k = ${others.join(', ')} beat`} the shuffles at p < ${significance}, untested as a claim: with ${otherCount} tries, a pass somewhere is likely by chance.`
    : ` None of the ${otherCount} other numbers of groups tried beats the shuffles at p < ${significance} either.`;
  return test + rest;
}
