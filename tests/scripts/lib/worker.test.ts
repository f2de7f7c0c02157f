import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../../scripts/lib/worker.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'arcs-worker-'));
  mkdirSync(join(dir, 'threads'));
  // The source, in TypeScript (a type annotation plain JavaScript would refuse), and its bundle.
  writeFileSync(
    join(dir, 'threads', 'echo-worker.ts'),
    `import { parentPort, workerData } from 'node:worker_threads';\nconst doubled: number = (workerData as { n: number }).n * 2;\nparentPort!.postMessage({ from: 'source', doubled });\n`,
  );
  writeFileSync(
    join(dir, 'echo-worker.mjs'),
    `import { parentPort, workerData } from 'node:worker_threads';\nparentPort.postMessage({ from: 'bundle', doubled: workerData.n * 2 });\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function firstMessage(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    worker.once('message', (message) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('startWorker', () => {
  it('runs the TypeScript source beside a .ts caller, with the worker data', async () => {
    const caller = pathToFileURL(join(dir, 'stage.ts')).href;
    expect(await firstMessage(startWorker(caller, './threads/echo-worker.ts', { n: 21 }))).toEqual({ from: 'source', doubled: 42 });
  });
  it('runs the bundled .mjs beside a bundled caller, whatever folder the source was in', async () => {
    const caller = pathToFileURL(join(dir, 'pipeline.mjs')).href;
    expect(await firstMessage(startWorker(caller, './threads/echo-worker.ts', { n: 5 }))).toEqual({ from: 'bundle', doubled: 10 });
  });
});
