import { describe, expect, it } from 'vitest';
import {
  columnMoments,
  copyRow,
  distances,
  fitStandardiser,
  matrixOf,
  meanVariance,
  rowsOf,
  squaredDistance,
  squaredDistances,
  squaredRowDistance,
  standardise,
  standardiseInPlace,
} from '../../../scripts/lib/matrix.ts';
import { seededRandom } from '../../../scripts/lib/random.ts';

const random = seededRandom(3);
const rows = Array.from({ length: 9 }, () => Array.from({ length: 4 }, () => random() * 10 - 5));

describe('matrixOf and rowsOf', () => {
  it('lay rows out row-major and read them back unchanged', () => {
    const m = matrixOf([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect({ n: m.n, d: m.d, data: Array.from(m.data) }).toEqual({ n: 2, d: 3, data: [1, 2, 3, 4, 5, 6] });
    expect(rowsOf(matrixOf(rows))).toEqual(rows);
  });

  it('takes no rows as an empty 0 × 0 matrix', () => {
    expect(matrixOf([])).toEqual({ data: new Float64Array(0), n: 0, d: 0 });
  });
});

describe('distances', () => {
  it('are Euclidean, symmetric and 0 on the diagonal', () => {
    const m = matrixOf([
      [0, 0],
      [3, 4],
      [6, 8],
    ]);
    expect(Array.from(distances(m))).toEqual([0, 5, 10, 5, 0, 5, 10, 5, 0]);
  });

  it('give every caller the same values to the last bit: squared, plain, between vectors', () => {
    const m = matrixOf(rows);
    const squared = squaredDistances(m);
    const plain = distances(m);
    for (let i = 0; i < m.n; i++) {
      for (let j = 0; j < m.n; j++) {
        expect(squared[i * m.n + j]).toBe(squaredRowDistance(m, i, m, j));
        expect(squared[i * m.n + j]).toBe(squaredDistance(rows[i], rows[j]));
        expect(plain[i * m.n + j]).toBe(Math.sqrt(squared[i * m.n + j]));
      }
    }
  });

  it('fill a given buffer rather than allocate one', () => {
    const m = matrixOf(rows);
    const out = new Float64Array(m.n * m.n).fill(NaN);
    expect(squaredDistances(m, out)).toBe(out);
    expect(out.every(Number.isFinite)).toBe(true);
  });
});

describe('copyRow', () => {
  it('copies one row of one matrix into a row of another, leaving the rest', () => {
    const from = matrixOf([
      [1, 2],
      [3, 4],
    ]);
    const to = matrixOf([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    copyRow(from, 1, to, 2);
    expect(rowsOf(to)).toEqual([
      [0, 0],
      [0, 0],
      [3, 4],
    ]);
  });
});

describe('standardising', () => {
  it('uses the population standard deviation, as scikit-learn does, and makes a constant column 0, never NaN', () => {
    const m = matrixOf([
      [1, 5],
      [3, 5],
    ]);
    expect(columnMoments(m, 0)).toEqual({ mean: 2, variance: 1 });
    expect(fitStandardiser(m)).toEqual({ means: [2, 5], stds: [1, 0] });
    expect(rowsOf(standardise(m))).toEqual([
      [-1, 0],
      [1, 0],
    ]);
  });

  it('copies unless asked to work in place, and both give the same values', () => {
    const m = matrixOf(rows);
    const copy = standardise(m);
    expect(rowsOf(m)).toEqual(rows);
    expect(standardiseInPlace(m)).toBe(m);
    expect(Array.from(m.data)).toEqual(Array.from(copy.data));
    for (let j = 0; j < m.d; j++) {
      expect(columnMoments(m, j).mean).toBeCloseTo(0, 12);
      expect(columnMoments(m, j).variance).toBeCloseTo(1, 12);
    }
  });

  it('applies a given standardiser (a fitted scale reused on other rows)', () => {
    const fit = { means: [1, 1], stds: [2, 0.5] };
    expect(rowsOf(standardise(matrixOf([[3, 2]]), fit))).toEqual([[1, 2]]);
  });

  it('averages the columns’ variances', () => {
    expect(
      meanVariance(
        matrixOf([
          [0, 0],
          [2, 4],
        ]),
      ),
    ).toBe((1 + 4) / 2);
  });
});
