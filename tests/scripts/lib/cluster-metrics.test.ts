import { describe, expect, it } from 'vitest';
import { meanSilhouette, meanSilhouettes } from '../../../scripts/lib/cluster-metrics.ts';
import { distances, matrixOf } from '../../../scripts/lib/matrix.ts';
import { seededRandom } from '../../../scripts/lib/random.ts';

/** The silhouette as written in the textbook: each point's row of distances summed in order, one labelling at a time. */
function textbookSilhouette(rows: number[][], labels: number[]): number {
  const n = rows.length;
  const d = distances(matrixOf(rows));
  const clusters = Math.max(...labels) + 1;
  const sizes = new Array<number>(clusters).fill(0);
  labels.forEach((l) => sizes[l]++);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const sums = new Array<number>(clusters).fill(0);
    for (let j = 0; j < n; j++) sums[labels[j]] += d[i * n + j];
    const own = labels[i];
    if (sizes[own] <= 1) continue;
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < clusters; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    total += b === Infinity ? 0 : (b - a) / Math.max(a, b);
  }
  return total / n;
}

describe('silhouette', () => {
  it('sums each distance once for both its points and still gives the textbook values to the last bit', () => {
    const random = seededRandom(11);
    const rows = Array.from({ length: 57 }, () => Array.from({ length: 4 }, () => random() * 3 - 1));
    const ks = [2, 5, 9];
    // Label 3 of k = 5 is never used and point 0 is alone at k = 9: empty clusters and a singleton.
    const labelSets = [rows.map((_, i) => i % 2), rows.map((_, i) => [0, 1, 2, 4][i % 4]), rows.map((_, i) => (i === 0 ? 8 : i % 8))];
    const expected = labelSets.map((labels) => textbookSilhouette(rows, labels));
    expect(meanSilhouettes(matrixOf(rows), labelSets, ks)).toEqual(expected);
    expect(labelSets.map((labels, s) => meanSilhouette(distances(matrixOf(rows)), labels, ks[s]))).toEqual(expected);
  });
  it('matches a case worked out by hand', () => {
    // Points 0, 1, 10, 11 in two pairs: s = 9.5/10.5, 8.5/9.5, 8.5/9.5, 9.5/10.5.
    const d = distances(matrixOf([[0], [1], [10], [11]]));
    expect(meanSilhouette(d, [0, 0, 1, 1], 2)).toBeCloseTo((2 * (9.5 / 10.5) + 2 * (8.5 / 9.5)) / 4, 12);
  });
  it('scores a point alone in its cluster as 0', () => {
    const d = distances(matrixOf([[0], [1], [10]]));
    // Point 10 is alone: 0. Points 0 and 1: a = 1, b = 10 and 9.
    expect(meanSilhouette(d, [0, 0, 1], 2)).toBeCloseTo((9 / 10 + 8 / 9) / 3, 12);
  });
  it('gives, from the points, the values the distance matrix gives, to the last bit, for every k at once', () => {
    const random = seededRandom(5);
    const rows = Array.from({ length: 40 }, () => Array.from({ length: 3 }, () => random()));
    const labelSets = [2, 3, 7, 40].map((k) => rows.map((_, i) => (i * 7919) % k));
    const ks = [2, 3, 7, 40];
    const byMatrix = labelSets.map((labels, s) => meanSilhouette(distances(matrixOf(rows)), labels, ks[s]));
    expect(meanSilhouettes(matrixOf(rows), labelSets, ks)).toEqual(byMatrix);
    // k = n has no silhouette (every point alone): 0, as scikit-learn refuses it.
    expect(byMatrix[3]).toBe(0);
    expect(byMatrix[0]).not.toBe(0);
  });
});
