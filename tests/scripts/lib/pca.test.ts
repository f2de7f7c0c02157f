import { describe, expect, it } from 'vitest';
import { distances, matrixOf } from '../../../scripts/lib/matrix.ts';
import { standardisedPcaScores } from '../../../scripts/lib/pca.ts';
import { seededRandom } from '../../../scripts/lib/random.ts';
import { fitPca, project } from '../../../scripts/stages/reduce.ts';

/**
 * n rows of d values: a few hidden factors mixed into the columns plus noise, so PCA has
 * a clear ordering of components and a target of 0.8 keeps some but not all of them.
 */
function structured(n: number, d: number, factors: number, seed: number, constantColumns: number[] = []): number[][] {
  const random = seededRandom(seed);
  const mixing = Array.from({ length: factors }, () => Array.from({ length: d }, () => random() * 2 - 1));
  return Array.from({ length: n }, () => {
    const f = Array.from({ length: factors }, (_, i) => (random() * 2 - 1) * (factors - i));
    return Array.from({ length: d }, (_, j) =>
      constantColumns.includes(j) ? 0.25 : f.reduce((s, x, i) => s + x * mixing[i][j], 0) + 0.1 * (random() - 0.5),
    );
  });
}

/** The published path (ml-pca) and the resampling path on the same vectors. */
function both(rows: number[][], target: number) {
  const n = rows.length;
  const d = rows[0].length;
  const fit = fitPca(rows, target);
  const published = project(fit, rows, fit.components);
  const fast = standardisedPcaScores(matrixOf(rows), target);
  return { fit, published, fast, n, d };
}

function expectSameGeometry(rows: number[][], target: number) {
  const { fit, published, fast, n } = both(rows, target);
  expect(fast.n).toBe(n);
  expect(fast.d).toBe(fit.components);
  const a = distances(matrixOf(published));
  const b = distances(fast);
  let worst = 0;
  for (let i = 0; i < n * n; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  expect(worst).toBeLessThan(1e-9);
  // Column by column, the scores are the same up to each component's sign.
  for (let c = 0; c < fast.d; c++) {
    const sign = Math.sign(published[0][c]) * Math.sign(fast.data[c]) || 1;
    for (let i = 0; i < n; i++) expect(fast.data[i * fast.d + c] * sign).toBeCloseTo(published[i][c], 9);
  }
  return { fit, fast };
}

describe('standardisedPcaScores against reduce.ts (fitPca + project)', () => {
  it('gives the same distances and components with fewer films than values (8 × 40, Gram side)', () => {
    const rows = structured(8, 40, 3, 1);
    const { fast } = expectSameGeometry(rows, 0.8);
    expect(fast.d).toBeGreaterThan(1);
    expect(fast.d).toBeLessThan(8);
  });

  it('gives the same distances and components with more films than values (50 × 6, covariance side)', () => {
    const rows = structured(50, 6, 3, 2);
    const { fast } = expectSameGeometry(rows, 0.8);
    expect(fast.d).toBeGreaterThan(1);
    expect(fast.d).toBeLessThan(6);
  });

  it('agrees at other targets, and at n = d', () => {
    for (const target of [0.5, 0.9, 0.99]) {
      expectSameGeometry(structured(8, 40, 4, 3), target);
      expectSameGeometry(structured(50, 6, 4, 4), target);
    }
    expectSameGeometry(structured(12, 12, 3, 5), 0.8);
  });

  it('agrees when arcs have constant columns (a feature flat in every film)', () => {
    expectSameGeometry(structured(10, 40, 3, 6, [30, 31, 32, 33, 34, 35, 36, 37, 38, 39]), 0.8);
    expectSameGeometry(structured(40, 8, 3, 7, [7]), 0.8);
  });

  it('keeps one component when every column moves together, as fitPca does', () => {
    const rows = Array.from({ length: 10 }, (_, t) => [t, 2 * t, 3 * t + 1]);
    const { fit, fast } = expectSameGeometry(rows, 0.8);
    expect(fit.components).toBe(1);
    expect(fast.d).toBe(1);
  });
});
