import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../scripts/config.ts';
import { MAP_WORKER_MIN_FILMS, mapFilms } from '../../../scripts/stages/map.ts';
import { randomNormal, seededRandom } from '../../../scripts/lib/random.ts';
import { startMap } from '../../../scripts/threads/map.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `tt${String(i + 1).padStart(7, '0')}`);
function blobs(n: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => [i % 2 ? 5 : -5, 0, 0].map((c) => c + randomNormal(random)));
}

describe('the map on a worker thread', () => {
  it('gives the same map as on this thread', () => {
    const n = MAP_WORKER_MIN_FILMS;
    const data = blobs(n, 5);
    const config = { ...defaultConfig, tsneIterations: 60, tsneExactMaxFilms: 100 };
    const threaded = startMap(ids(n), data, data, config).join();
    const here = mapFilms(ids(n), data, data, config);
    expect(threaded.method).toBe('barnes-hut-tsne');
    expect(JSON.stringify(threaded)).toBe(JSON.stringify(here));
  });
});
