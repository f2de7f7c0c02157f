import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../../scripts/lib/cluster-metrics.ts';
import { compareWithStudy } from '../../../scripts/stages/study-comparison.ts';
import type { StudyResults } from '../../../scripts/schemas.ts';

const tt = (n: number) => `tt${String(n).padStart(7, '0')}`;
const study = (clusters: Record<string, string[]>): StudyResults => ({ about: 'test', method: {}, clusters, tracksWithFeatures: {} });
const assigned = (clusters: Record<number, number[]>) =>
  Object.entries(clusters).flatMap(([cluster, films]) => films.map((f) => ({ imdbId: tt(f), cluster: Number(cluster) })));

describe('adjustedRandIndex', () => {
  it('is 1 for identical labellings, whatever the names', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], [0, 0, 1, 1, 2])).toBe(1);
    expect(adjustedRandIndex([1, 1, 2, 2, 3], ['c', 'c', 'a', 'a', 'b'])).toBe(1);
  });
  it('matches the scikit-learn documentation examples', () => {
    // Contingency (2,1,0 / 0,1,2): Σ C(nij,2) = 2; rows 3 + 3 = 6; columns 1 + 1 + 1 = 3;
    // expected 6·3 / C(6,2) = 1.2; maximum (6 + 3) / 2 = 4.5 → (2 − 1.2) / (4.5 − 1.2) = 0.2424…
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.8 / 3.3, 12);
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.24242424242424243, 12);
    // sklearn: adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.5714…: index 1, rows 2, cols 1, expected 1/3, max 1.5.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo((1 - 1 / 3) / (1.5 - 1 / 3), 12);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714285714, 12);
    // Fully split against one cluster: 0 (sklearn: adjusted_rand_score([0, 0, 0, 0], [0, 1, 2, 3]) = 0).
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
  });
  it('is symmetric and below 0 for a labelling worse than chance', () => {
    const a = [0, 0, 1, 1];
    const b = [0, 1, 0, 1];
    // index 0; rows 2, cols 2; expected 4/6; max 2 → −(2/3) / (4/3) = −0.5.
    expect(adjustedRandIndex(a, b)).toBeCloseTo(-0.5, 12);
    expect(adjustedRandIndex(b, a)).toBeCloseTo(-0.5, 12);
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(
      adjustedRandIndex([0, 0, 1, 1, 2, 2], [0, 0, 0, 1, 1, 1]),
      12,
    );
  });
  it('refuses labellings of different lengths', () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow(/different lengths/);
  });
});

describe('compareWithStudy', () => {
  const theStudy = study({ A: [tt(1), tt(2), tt(3)], B: [tt(4), tt(5)], C: [tt(6)] });
  // Ours: 1 = {1, 2, 4}, 2 = {5, 6, 7} (film 7 the study never clustered), 3 = nobody.
  const result = compareWithStudy({ study: theStudy, assignments: assigned({ 1: [1, 2, 4], 2: [5, 6, 7] }), k: 3 });

  it('compares over the films both clustered', () => {
    expect(result.films).toBe(5);
    // Ours [1,1,1,2,2] against the study's [A,A,B,B,C]: index 1; rows 3 + 1 = 4; columns 1 + 1 + 0 = 2;
    // expected 4·2 / 10 = 0.8; maximum 3 → 0.2 / 2.2.
    expect(result.ari).toBeCloseTo(0.2 / 2.2, 12);
  });

  it('picks the study archetype with the largest Jaccard and keeps its name on a majority of both', () => {
    const [one, two, three] = result.archetypes;
    // {1,2,4}: A 2/4, B 1/4, C 0 → A; shares 2 of our 3 and 2 of A's 3 → keeps the name.
    expect(one).toEqual({ cluster: 1, name: 'A', jaccard: 0.5, shared: [tt(1), tt(2)], studySize: 3, keepsStudyName: true });
    // {5,6,7}: B 1/4, C 1/3 → C; one shared film is not a majority of our three.
    expect(two).toEqual({ cluster: 2, name: 'C', jaccard: 1 / 3, shared: [tt(6)], studySize: 1, keepsStudyName: false });
    // Nobody: no match at all.
    expect(three).toEqual({ cluster: 3, name: null, jaccard: 0, shared: [], studySize: 0, keepsStudyName: false });
  });

  it('needs a strict majority of both sides to keep the name', () => {
    const big = study({ A: [tt(1), tt(2), tt(3), tt(4)], B: [tt(9)] });
    // Half of ours (2 of 4) is not a majority.
    const halfOurs = compareWithStudy({ study: study({ A: [tt(1), tt(2)] }), assignments: assigned({ 1: [1, 2, 3, 4] }), k: 1 });
    expect(halfOurs.archetypes[0].name).toBe('A');
    expect(halfOurs.archetypes[0].keepsStudyName).toBe(false);
    // All of ours but half of theirs (2 of 4) is not a majority either.
    const halfTheirs = compareWithStudy({ study: big, assignments: assigned({ 1: [1, 2] }), k: 1 });
    expect(halfTheirs.archetypes[0].name).toBe('A');
    expect(halfTheirs.archetypes[0].jaccard).toBe(0.5);
    expect(halfTheirs.archetypes[0].keepsStudyName).toBe(false);
    // 3 of our 3 and 3 of their 4: kept.
    const most = compareWithStudy({ study: big, assignments: assigned({ 1: [1, 2, 3] }), k: 1 });
    expect(most.archetypes[0].keepsStudyName).toBe(true);
  });

  it('breaks a Jaccard tie by the study archetype name, alphabetically', () => {
    const tie = compareWithStudy({
      study: study({ Zeta: [tt(1), tt(8)], Alpha: [tt(2), tt(9)] }),
      assignments: assigned({ 1: [1, 2] }),
      k: 1,
    });
    expect(tie.archetypes[0].name).toBe('Alpha');
    expect(tie.archetypes[0].jaccard).toBeCloseTo(1 / 3, 12);
  });

  it('gives ARI 0 when fewer than two films are shared, and 1 for the same grouping under other names', () => {
    const none = compareWithStudy({ study: study({ A: [tt(1)] }), assignments: assigned({ 1: [2, 3] }), k: 1 });
    expect(none.films).toBe(0);
    expect(none.ari).toBe(0);
    const same = compareWithStudy({
      study: study({ X: [tt(1), tt(2)], Y: [tt(3), tt(4)] }),
      assignments: assigned({ 1: [3, 4], 2: [1, 2] }),
      k: 2,
    });
    expect(same.ari).toBe(1);
    expect(same.archetypes.map((a) => [a.name, a.keepsStudyName])).toEqual([
      ['Y', true],
      ['X', true],
    ]);
  });
});
