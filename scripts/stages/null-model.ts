/**
 * Stage 9: does song order carry the clusters? The study's claim is that the order of a
 * film's songs traces its arc. If it does, arcs built from the real order should group
 * more clearly than arcs built from the same songs in a random order. Each draw shuffles
 * every film's moods across that film's own featured places (the places and the set of
 * moods stay; only the order changes), rebuilds the arcs with the same scaling and
 * steps, refits standardise + PCA and runs KMeans for every k. The real mean silhouette
 * is then read against the draws: p = (1 + draws at least as high) / (1 + draws), the
 * Monte Carlo p-value of Phipson & Smyth (2010), which is never 0.
 */
import { drawSeed } from '../config.ts';
import { archetypeMembers, meanSilhouettes, relativeSpread } from '../lib/cluster-metrics.ts';
import { seededRandom } from '../lib/random.ts';
import type { NullModel } from '../schemas.ts';
import { Refitter, type RefitInput } from './refit.ts';

export interface NullModelInput extends RefitInput {
  kValues: number[];
  /** The published labels (1…k) of the clustered films, for each archetype's spread. */
  labels: number[];
  k: number;
  seed: number;
}

/** Values per draw: the mean silhouette at each k, then each archetype's relative spread. */
export function nullModelWidth(input: Pick<NullModelInput, 'kValues' | 'k'>): number {
  return input.kValues.length + input.k;
}

/** Draws from…to−1 of the shuffled-order null model, written row by row into out. */
export function shuffledOrderDraws(input: NullModelInput, from: number, to: number, out: Float64Array): void {
  shuffledOrderRunner(input)(from, to, out);
}

/** A runner of the null model's draws that keeps its buffers from one batch of draws to the next. */
export function shuffledOrderRunner(input: NullModelInput): (from: number, to: number, out: Float64Array) => void {
  const refitter = new Refitter(input);
  const width = nullModelWidth(input);
  const members = archetypeMembers(input.labels, input.k);
  return (from, to, out) => {
    for (let draw = from; draw < to; draw++) {
      const scores = refitter.shuffled(seededRandom(drawSeed(input.seed, draw)));
      const row = (draw - from) * width;
      const labelSets = input.kValues.map((k) => refitter.cluster(scores, k));
      meanSilhouettes(scores.data, scores.n, scores.components, labelSets, input.kValues).forEach((silhouette, i) => {
        out[row + i] = silhouette;
      });
      members.forEach((rows, a) => {
        out[row + input.kValues.length + a] = relativeSpread(scores.data, scores.n, scores.components, rows);
      });
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

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export interface NullModelSummaryInput {
  kValues: number[];
  k: number;
  /** Real mean silhouette at each k of kValues (the published fits). */
  realSilhouettes: number[];
  /** Real relative spread of each archetype (published labels, published PCA scores). */
  realSpreads: number[];
  /** Films in each archetype. */
  sizes: number[];
  draws: Float64Array;
  drawCount: number;
  wantedDraws: number;
  significance: number;
}

export function summariseNullModel(input: NullModelSummaryInput): NullModel {
  const { kValues, k, draws, drawCount, significance } = input;
  const width = kValues.length + k;
  const column = (c: number) => Array.from({ length: drawCount }, (_, d) => draws[d * width + c]);
  const byK = kValues.map((kk, i) => {
    const values = column(i);
    const real = input.realSilhouettes[i];
    const p = monteCarloP(real, values, 'atLeast');
    return {
      k: kk,
      silhouette: real,
      nullMean: values.reduce((s, v) => s + v, 0) / Math.max(1, values.length),
      nullP95: quantile(values, 0.95),
      p,
      pError: monteCarloError(p, drawCount),
      beyondChance: p < significance,
    };
  });
  const archetypes = Array.from({ length: k }, (_, a) => {
    const values = column(kValues.length + a);
    const real = input.realSpreads[a];
    // One film has no spread to compare: the test does not apply.
    const p = input.sizes[a] > 1 ? monteCarloP(real, values, 'atMost') : null;
    return {
      cluster: a + 1,
      spread: real,
      nullMean: values.reduce((s, v) => s + v, 0) / Math.max(1, values.length),
      nullP05: quantile(values, 0.05),
      p,
      pError: p === null ? 0 : monteCarloError(p, drawCount),
      tighterThanChance: p !== null && p < significance,
    };
  });
  const chosen = byK.find((row) => row.k === k) ?? null;
  const beyond = byK.filter((row) => row.beyondChance).map((row) => row.k);
  return {
    draws: drawCount,
    reduced: drawCount < input.wantedDraws,
    significance,
    byK,
    archetypes,
    verdict: {
      chosenK: k,
      chosenP: chosen?.p ?? 1,
      kBeyondChance: beyond,
      text: verdictText(chosen, beyond, significance),
    },
  };
}

function verdictText(chosen: { k: number; p: number } | null, beyond: number[], significance: number): string {
  const pText = (p: number) => (p < 0.001 ? 'below 0.001' : p.toFixed(3));
  if (chosen && chosen.p < significance) {
    return `At k = ${chosen.k}, order carries structure beyond chance: the real song order clusters more clearly than shuffled orders (p = ${pText(chosen.p)}).`;
  }
  const others = beyond.length ? ` Only at k = ${beyond.join(', ')} does the real order beat the shuffles at p < ${significance}.` : ` At no k from the range does it beat them at p < ${significance}.`;
  return `At k = ${chosen?.k ?? '?'}, the real song order clusters no more clearly than the same songs in shuffled order (p = ${pText(chosen?.p ?? 1)}).${others}`;
}
