import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../scripts/lib/random.ts';
import { BlockShuffler, blockShuffleInto, runBuffers, runLengths } from '../../../scripts/stages/blocks.ts';

describe('runLengths', () => {
  it('counts maximal runs of equal keys, in order', () => {
    expect(runLengths(['a', 'a', 'b', 'a', 'c', 'c', 'c'])).toEqual([2, 1, 1, 3]);
    expect(runLengths([])).toEqual([]);
    expect(runLengths(['x'])).toEqual([1]);
  });
});

describe('blockShuffleInto', () => {
  it('moves whole runs: each run stays together and in its order, every song once', () => {
    const into = new Int32Array(7);
    const random = seededRandom(5);
    for (let draw = 0; draw < 50; draw++) {
      const order = Array.from(blockShuffleInto(into, [2, 1, 4], random, runBuffers(3)));
      const text = order.join(',');
      expect(text).toContain('0,1');
      expect(text).toContain('3,4,5,6');
      expect([...order].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    }
  });
  it('puts the runs in every order equally often', () => {
    // Three runs: six orders, each about 1/6 of 6,000 draws.
    const counts = new Map<string, number>();
    const shuffler = new BlockShuffler([[1, 2, 1]]);
    const random = seededRandom(8);
    const into = new Int32Array(4);
    for (let draw = 0; draw < 6000; draw++) {
      const key = shuffler.shuffle(0, into, random).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(120);
  });
  it('leaves a film of one run as it is', () => {
    const shuffler = new BlockShuffler([[5]]);
    expect(Array.from(shuffler.shuffle(0, new Int32Array(5), seededRandom(1)))).toEqual([0, 1, 2, 3, 4]);
  });
});
