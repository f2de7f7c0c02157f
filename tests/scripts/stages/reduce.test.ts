import { describe, expect, it } from 'vitest';
import { fitStandardiser, matrixOf, rowsOf, standardise } from '../../../scripts/lib/matrix.ts';
import { standardisedPcaScores } from '../../../scripts/lib/pca.ts';
import { fitPca } from '../../../scripts/stages/reduce.ts';

describe('standardise', () => {
  it('gives columns mean 0 and population sd 1; a constant column stays 0', () => {
    const rows = [
      [1, 5],
      [3, 5],
    ];
    const fit = fitStandardiser(matrixOf(rows));
    expect(fit.means).toEqual([2, 5]);
    expect(fit.stds).toEqual([1, 0]);
    expect(rowsOf(standardise(matrixOf(rows), fit))).toEqual([
      [-1, 0],
      [1, 0],
    ]);
  });
});

describe('PCA', () => {
  it('finds one component when every column moves together', () => {
    const rows = Array.from({ length: 10 }, (_, t) => [t, 2 * t, 3 * t + 1]);
    const fit = fitPca(rows, 0.8);
    expect(fit.explainedVariance[0]).toBeCloseTo(1, 9);
    expect(fit.components).toBe(1);
  });
  it('keeps the fewest components that reach the target, here and on the resampling path (two equal halves of variance: 2 at 0.8, 1 at 0.5)', () => {
    // Two independent columns with variances 4 and 1 (after standardising both are 1: 50% each).
    const rows = [
      [2, 0],
      [-2, 0],
      [0, 1],
      [0, -1],
    ];
    const fit = fitPca(rows, 0.8);
    expect(fit.explainedVariance.slice(0, 2).map((v: number) => Math.round(v * 100))).toEqual([50, 50]);
    expect(fit.components).toBe(2);
    expect(fitPca(rows, 0.5).components).toBe(1);
    expect(standardisedPcaScores(matrixOf(rows), 0.8).d).toBe(2);
    expect(standardisedPcaScores(matrixOf(rows), 0.5).d).toBe(1);
  });
});
