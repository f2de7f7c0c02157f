import { describe, expect, it } from 'vitest';
import { pairwiseDistances } from '../../../scripts/lib/cluster-metrics.ts';
import { distanceMatrix } from '../../../scripts/lib/linalg.ts';
import { standardiseInPlace, standardisedPcaScores } from '../../../scripts/lib/pca.ts';
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
  const fast = standardisedPcaScores(Float64Array.from(rows.flat()), n, d, target);
  return { fit, published, fast, n, d };
}

function expectSameGeometry(rows: number[][], target: number) {
  const { fit, published, fast, n } = both(rows, target);
  expect(fast.n).toBe(n);
  expect(fast.components).toBe(fit.components);
  const a = distanceMatrix(published);
  const b = pairwiseDistances(fast.data, fast.n, fast.components);
  let worst = 0;
  for (let i = 0; i < n * n; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  expect(worst).toBeLessThan(1e-9);
  // Column by column, the scores are the same up to each component's sign.
  for (let c = 0; c < fast.components; c++) {
    const sign = Math.sign(published[0][c]) * Math.sign(fast.data[c]) || 1;
    for (let i = 0; i < n; i++) expect(fast.data[i * fast.components + c] * sign).toBeCloseTo(published[i][c], 9);
  }
  return { fit, fast };
}

describe('standardiseInPlace', () => {
  it('gives z-scores with the population sd; a constant column becomes 0', () => {
    const data = new Float64Array([1, 5, 3, 5]);
    standardiseInPlace(data, 2, 2);
    expect(Array.from(data)).toEqual([-1, 0, 1, 0]);
  });
});

describe('standardisedPcaScores against reduce.ts (fitPca + project)', () => {
  it('gives the same distances and components with fewer films than values (8 × 40, Gram side)', () => {
    const rows = structured(8, 40, 3, 1);
    const { fast } = expectSameGeometry(rows, 0.8);
    expect(fast.components).toBeGreaterThan(1);
    expect(fast.components).toBeLessThan(8);
  });

  it('gives the same distances and components with more films than values (50 × 6, covariance side)', () => {
    const rows = structured(50, 6, 3, 2);
    const { fast } = expectSameGeometry(rows, 0.8);
    expect(fast.components).toBeGreaterThan(1);
    expect(fast.components).toBeLessThan(6);
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
    expect(fast.components).toBe(1);
  });
});
