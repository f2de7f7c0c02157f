/**
 * Stage: what is the clustering test's "no" worth? Worlds with shared arcs of known
 * strength planted in the real data's shape: every film's runs first reordered at random
 * (simulation.ts), so the real order's own pattern is gone; the films then dealt into six
 * groups, one per story shape of Reagan et al. (2016) (rise, fall, fall-rise, rise-fall,
 * rise-fall-rise, fall-rise-fall), and each run's moods moved along its group's shape at
 * the run's place in the listing. Whole runs move together, so songs by one artist keep
 * one mood, as in the real data. Strength is signal to noise: the planted shape's
 * standard deviation over a film, in standard deviations of the songs' moods within
 * films, the same for all four features. At each strength: how often the clustering
 * test, run exactly as on the real data, finds order beyond chance (its power), and how
 * well KMeans recovers the planted groups (adjusted Rand index).
 */
import { drawSeed, FEATURES } from '../config.ts';
import { adjustedRandIndex } from '../lib/cluster-metrics.ts';
import { seededRandom } from '../lib/random.ts';
import type { Mood, Power } from '../schemas.ts';
import type { ArcSample } from './arcs.ts';
import { SHAPES } from './shapes.ts';
import { clusteringTest, nullWorld, type Catalogue, type ClusteringTestSettings } from './simulation.ts';

export interface PowerInput extends Catalogue, ClusteringTestSettings {
  strengths: number[];
  worldsPerStrength: number;
  /** Standard deviation of each feature over songs within films (pooled): the noise a strength is measured in. */
  noise: Mood;
  seed: number;
}

/** Values per world: rejected (0/1), adjusted Rand index with the planted groups, draws made. */
export const POWER_WIDTH = 3;

/** Each shape's template over 0…1, scaled to standard deviation 1 over the listing. */
const UNIT_SHAPES = SHAPES.map(({ template }) => {
  const grid = Array.from({ length: 1001 }, (_, i) => template(i / 1000));
  const mean = grid.reduce((s, v) => s + v, 0) / grid.length;
  const sd = Math.sqrt(grid.reduce((s, v) => s + (v - mean) ** 2, 0) / grid.length);
  return (t: number) => (template(t) - mean) / sd;
});

/** Films dealt into the six shapes' groups as evenly as their number allows, in a random order. */
export function plantedGroups(films: number, random: () => number): number[] {
  const order = Array.from({ length: films }, (_, i) => i);
  for (let i = films - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const groups = new Array<number>(films);
  order.forEach((film, i) => (groups[film] = i % UNIT_SHAPES.length));
  return groups;
}

/** The catalogue with each run's moods moved along its film's group shape at the run's mean place. */
export function plantArcs(catalogue: Catalogue, groups: number[], strength: number, noise: Mood): Catalogue {
  const samples = catalogue.samples.map((songs, film) => {
    const shape = UNIT_SHAPES[groups[film]];
    const planted: ArcSample[] = [];
    let at = 0;
    for (const length of catalogue.runs[film]) {
      const run = songs.slice(at, at + length);
      const place = run.reduce((s, song) => s + song.t, 0) / length;
      for (const song of run) {
        const mood = { ...song.mood };
        for (const f of FEATURES) mood[f] += strength * noise[f] * shape(place);
        planted.push({ ...song, mood });
      }
      at += length;
    }
    return planted;
  });
  return { samples, runs: catalogue.runs };
}

/** World `index` of the power grid: strength index × worlds per strength + world. */
export function powerWorld(input: PowerInput, index: number): number[] {
  const strength = input.strengths[Math.floor(index / input.worldsPerStrength)];
  const random = seededRandom(drawSeed(input.seed, index));
  const base = nullWorld(input, random);
  const groups = plantedGroups(base.samples.length, random);
  const planted = plantArcs(base, groups, strength, input.noise);
  const result = clusteringTest(planted, input, drawSeed(input.seed + 1, index));
  return [result.reject ? 1 : 0, adjustedRandIndex(groups, Array.from(result.fit.labels)), result.draws];
}

export function powerRunner(input: PowerInput): (from: number, to: number, out: Float64Array) => void {
  return (from, to, out) => {
    for (let w = from; w < to; w++) out.set(powerWorld(input, w), (w - from) * POWER_WIDTH);
  };
}

/** Per strength: detection rate and mean adjusted Rand index, each with its Monte Carlo error. */
export function summarisePower(
  rows: Float64Array,
  input: Pick<PowerInput, 'strengths' | 'worldsPerStrength' | 'significance' | 'draws'>,
): Power {
  const w = input.worldsPerStrength;
  const curve = input.strengths.map((strength, s) => {
    const rejected = Array.from({ length: w }, (_, i) => rows[(s * w + i) * POWER_WIDTH]);
    const ari = Array.from({ length: w }, (_, i) => rows[(s * w + i) * POWER_WIDTH + 1]);
    const detection = mean(rejected);
    return {
      strength,
      worlds: w,
      detection,
      detectionError: Math.sqrt((detection * (1 - detection)) / Math.max(1, w)),
      ari: mean(ari),
      ariError: standardError(ari),
    };
  });
  return { significance: input.significance, draws: input.draws, shapes: SHAPES.map((s) => s.name), curve, caught: caughtAt(curve) };
}

/** The weakest planted strength the test catches at least 80% of the time, and how often it catches strength 1. */
function caughtAt(curve: Power['curve']): Power['caught'] {
  const reliable = curve.find((c) => c.strength > 0 && c.detection >= 0.8);
  const one = curve.find((c) => c.strength === 1);
  return { strength80: reliable?.strength ?? null, detection80: reliable?.detection ?? null, atStrengthOne: one?.detection ?? null };
}

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
}

function standardError(values: number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1) / values.length);
}
