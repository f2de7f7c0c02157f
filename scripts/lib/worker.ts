/**
 * Starts a pipeline worker thread beside the module that asks for it: the bundled
 * `<name>.mjs` when the pipeline runs from its bundle (npm run pipeline), or the
 * TypeScript source through tsx when it runs from source (tests, tsx).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export function startWorker(callerUrl: string, sourceRelative: string, workerData: unknown): Worker {
  let worker: Worker;
  if (callerUrl.endsWith('.ts')) {
    const source = new URL(sourceRelative, callerUrl).href;
    worker = new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`, {
      eval: true,
      workerData,
    });
  } else {
    const bundled = sourceRelative.split('/').pop()!.replace(/\.ts$/, '.mjs');
    worker = new Worker(join(dirname(fileURLToPath(callerUrl)), bundled), { workerData });
  }
  worker.unref();
  return worker;
}
