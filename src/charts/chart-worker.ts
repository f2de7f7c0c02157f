/** The thread the site build renders film charts on (offload.ts): one reply per request, in order. */
import { parentPort } from 'node:worker_threads';
import { renderRequest, type ChartRequest } from './offload.ts';

parentPort?.on('message', (request: ChartRequest) => parentPort?.postMessage(renderRequest(request)));
