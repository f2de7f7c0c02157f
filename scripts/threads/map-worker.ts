/** Worker thread for the map stage: runs the planned t-SNE and writes the coordinates into shared memory. */
import { workerData } from 'node:worker_threads';
import { tsneCoordinates, type MapPlan } from '../stages/map.ts';

const { scores, plan, shared } = workerData as { scores: number[][]; plan: MapPlan; shared: SharedArrayBuffer };
const status = new Int32Array(shared, 0, 2);
Atomics.store(status, 1, 1);
Atomics.notify(status, 1);
try {
  const coords = tsneCoordinates(scores, plan) ?? [];
  const flat = new Float64Array(shared, 8, 2 * coords.length);
  coords.forEach(([x, y], i) => {
    flat[2 * i] = x;
    flat[2 * i + 1] = y;
  });
  Atomics.store(status, 0, 1);
} catch {
  Atomics.store(status, 0, 2);
}
Atomics.notify(status, 0);
