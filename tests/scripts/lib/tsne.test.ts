/**
 * The project's t-SNE against tsne-js (the study's library) on small inputs, by how well
 * each keeps every point's nearest neighbours; and Barnes–Hut against exact on more points.
 */
import { describe, expect, it } from 'vitest';
import { barnesHutTsne, exactTsne } from '../../../scripts/lib/tsne.ts';
import { tsneJs } from '../../../scripts/stages/map.ts';
import { randomNormal, seededRandom } from '../../../scripts/lib/random.ts';
import { squaredDistance } from '../../../scripts/lib/matrix.ts';

/** Share of each point's k nearest input neighbours that are also among its k nearest on the map. */
export function neighbourhoodPreservation(input: number[][], output: number[][], k: number): number {
  const knn = (rows: number[][], i: number) =>
    rows
      .map((r, j) => ({ j, d: j === i ? Infinity : squaredDistance(rows[i], r) }))
      .sort((a, b) => a.d - b.d || a.j - b.j)
      .slice(0, k)
      .map((x) => x.j);
  let kept = 0;
  for (let i = 0; i < input.length; i++) {
    const a = new Set(knn(input, i));
    kept += knn(output, i).filter((j) => a.has(j)).length;
  }
  return kept / (input.length * k);
}

function clusters(n: number, dims: number, groups: number, seed: number): number[][] {
  const random = seededRandom(seed);
  const centres = Array.from({ length: groups }, () => Array.from({ length: dims }, () => randomNormal(random) * 6));
  return Array.from({ length: n }, (_, i) => centres[i % groups].map((c) => c + randomNormal(random)));
}

const options = (n: number) => ({
  perplexity: Math.min(5, (n - 1) / 3),
  iterations: 1000,
  learningRate: 50,
  earlyExaggeration: 12,
  seed: 42,
});

describe('t-SNE', () => {
  it('exact: keeps neighbourhoods at least as well as tsne-js on 20 and 40 points', () => {
    for (const [n, seed] of [
      [20, 1],
      [40, 2],
    ]) {
      const data = clusters(n, 7, 4, seed);
      const ours = neighbourhoodPreservation(data, exactTsne(data, options(n)), 3);
      const theirs = neighbourhoodPreservation(data, tsneJs(data, { ...options(n), learningRate: 100, earlyExaggeration: 4 }), 3);
      expect(ours).toBeGreaterThanOrEqual(theirs - 0.05);
      expect(ours).toBeGreaterThan(0.6);
    }
  });
  it('Barnes–Hut: close to exact on 300 points', () => {
    const data = clusters(300, 7, 6, 3);
    const o = { ...options(300), perplexity: 15, learningRate: Math.max(300 / 12 / 4, 50) };
    const exact = neighbourhoodPreservation(data, exactTsne(data, o), 10);
    const bh = neighbourhoodPreservation(data, barnesHutTsne(data, o), 10);
    expect(bh).toBeGreaterThanOrEqual(exact - 0.05);
    expect(bh).toBeGreaterThan(0.5);
  });
  it('is repeatable: same seed, same coordinates', () => {
    const data = clusters(30, 5, 3, 9);
    expect(exactTsne(data, options(30))).toEqual(exactTsne(data, options(30)));
    expect(barnesHutTsne(data, options(30))).toEqual(barnesHutTsne(data, options(30)));
  });
});
