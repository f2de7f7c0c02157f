/**
 * A stand-in for www.imdb.com on 127.0.0.1: serves the saved soundtrack pages at
 * /title/<id>/soundtrack/ and plays scripted faults per film (429 with Retry-After,
 * 5xx, a hang, 404, a page that is not a soundtrack page). It records every request.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

export type Step = 'ok' | 'hang' | 'reset' | 'not-soundtrack' | { status: number; retryAfter?: string };

export interface FakeImdb {
  url: string;
  requests: { id: string; at: number; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

const FIXTURES = ['tt0266697', 'tt0095016', 'tt0083987', 'tt0106977'];

export async function startFakeImdb(script: Record<string, Step[]>): Promise<FakeImdb> {
  const requests: FakeImdb['requests'] = [];
  const attempts = new Map<string, number>();
  const hanging = new Set<import('node:http').ServerResponse>();
  const server = createServer((req, res) => {
    const match = /^\/title\/(tt\d+)\/soundtrack\/$/.exec(req.url ?? '');
    const id = match?.[1] ?? '';
    requests.push({ id, at: Date.now(), headers: req.headers });
    const n = attempts.get(id) ?? 0;
    attempts.set(id, n + 1);
    const steps = script[id] ?? (FIXTURES.includes(id) ? ['ok'] : [{ status: 404 }]);
    const step = steps[Math.min(n, steps.length - 1)];
    if (step === 'hang') {
      hanging.add(res);
      return;
    }
    if (step === 'reset') {
      // The connection drops mid-answer, as a flaky network does.
      res.socket?.destroy();
      return;
    }
    if (step === 'not-soundtrack') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end(
        `<html><head><title>Sign in - IMDb</title><link rel="canonical" href="https://www.imdb.com/registration/signin/"></head><body>Sign in</body></html>`,
      );
    }
    if (step === 'ok') {
      const fixture = FIXTURES.includes(id) ? id : 'tt0106977';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(readFileSync(`tests/fixtures/imdb/${fixture}.html`));
    }
    res.writeHead(step.status, step.retryAfter ? { 'Retry-After': step.retryAfter } : {});
    res.end(`status ${step.status}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
      }),
  };
}
