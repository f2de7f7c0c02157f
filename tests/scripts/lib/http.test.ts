import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError, PoliteClient, defaultPolicy, parseRetryAfter, policyFromEnv, redact } from '../../../scripts/lib/http.ts';

/** No waiting anywhere: no interval, no backoff; Retry-After, when sent, is 0. */
const instant = { minIntervalMs: 0, timeoutMs: 2000, retries: 2, baseDelayMs: 0, maxDelayMs: 0 };
const fast = { minIntervalMs: 0, timeoutMs: 2000, retries: 3, baseDelayMs: 20, maxDelayMs: 5000 };

interface Answer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}
interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A server on 127.0.0.1 that gives the answers in turn (the last one again when they run out). */
async function serve(answers: Answer[]): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const answer = answers[Math.min(seen.length, answers.length) - 1];
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('PoliteClient', () => {
  it('retries a 503 and a 429, logging each retry with the credentials hidden, and returns the answer', async () => {
    const { url, seen } = await serve([{ status: 503 }, { status: 429, headers: { 'Retry-After': '0' } }, { status: 200, body: 'done' }]);
    const log: string[] = [];
    const client = new PoliteClient(instant, (line) => log.push(line));
    const response = await client.request(`${url}/search?q=x&client_secret=hunter2`);
    expect(response).toMatchObject({ status: 200, text: 'done' });
    expect(seen).toHaveLength(3);
    expect(log).toEqual([
      `  503 from ${url}/search?q=x&client_secret=***; retry 1/2 in 0 ms`,
      `  429 from ${url}/search?q=x&client_secret=***; retry 2/2 in 0 ms`,
    ]);
  });
  it('gives up after the last retry, saying how many attempts it made, without the credentials', async () => {
    const { url, seen } = await serve([{ status: 502 }]);
    const error = await new PoliteClient(instant).request(`${url}/a?token=abc`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toBe(`HTTP 502 from ${url}/a?token=*** after 3 attempts`);
    expect((error as HttpError).status).toBe(502);
    expect(seen).toHaveLength(3);
  });
  it('does not retry a 404, and returns it when the caller accepts it', async () => {
    const { url, seen } = await serve([{ status: 404, body: 'no such title' }]);
    const client = new PoliteClient(instant);
    await expect(client.request(`${url}/missing`)).rejects.toThrow(new HttpError(`HTTP 404 from ${url}/missing`, `${url}/missing`, 404));
    expect(seen).toHaveLength(1);
    expect(await client.request(`${url}/missing`, { acceptStatuses: [404] })).toMatchObject({ status: 404, text: 'no such title' });
    expect(seen).toHaveLength(2);
  });
  it('sends the method, headers and body it is given', async () => {
    const { url, seen } = await serve([{ status: 200, body: '{}' }]);
    await new PoliteClient(instant).request(`${url}/api/token`, {
      method: 'POST',
      headers: { Authorization: 'Basic abc', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/token', body: 'grant_type=client_credentials' });
    expect(seen[0].headers.authorization).toBe('Basic abc');
  });
  it('follows a redirect and reports the address it ended at', async () => {
    const { url } = await serve([
      { status: 301, headers: { Location: '/moved' } },
      { status: 200, body: 'here' },
    ]);
    const response = await new PoliteClient(instant).request(`${url}/old`);
    expect(response).toMatchObject({ status: 200, text: 'here', url: `${url}/moved` });
  });
  it('retries a refused connection, then names it with the attempts made', async () => {
    const { url } = await serve([{ status: 200 }]);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const log: string[] = [];
    const error = await new PoliteClient({ ...instant, retries: 1 }, (line) => log.push(line)).request(`${url}/x`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBeNull();
    expect((error as Error).message).toMatch(new RegExp(` from ${url}/x after 2 attempts$`));
    expect(log).toHaveLength(1);
  });
});

describe('backoff', () => {
  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeNull();
  });
  it('reads a fractional Retry-After, a date in the past as no wait, and no header as none', () => {
    expect(parseRetryAfter(' 1.5 ')).toBe(1500);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:29:00 GMT'))).toBe(0);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('')).toBeNull();
  });
  it('doubles the wait each attempt, with jitter in the upper half, capped', () => {
    const client = new PoliteClient({ ...fast, baseDelayMs: 100, maxDelayMs: 1000 });
    for (let attempt = 0; attempt < 6; attempt++) {
      const wait = client.retryDelay(attempt, null);
      const full = Math.min(1000, 100 * 2 ** attempt);
      expect(wait).toBeGreaterThanOrEqual(Math.min(1000, full / 2));
      expect(wait).toBeLessThanOrEqual(full);
    }
    expect(client.retryDelay(0, '30')).toBe(1000);
  });
  it('draws the same jitter for the same seed', () => {
    const waits = (seed: number) => {
      const client = new PoliteClient({ ...fast, baseDelayMs: 1000, maxDelayMs: 60_000 }, () => {}, seed);
      return [0, 1, 2, 3].map((attempt) => client.retryDelay(attempt, null));
    };
    expect(waits(5)).toEqual(waits(5));
    expect(waits(5)).not.toEqual(waits(6));
  });
});

describe('policyFromEnv', () => {
  it('overrides each setting from its variable and keeps the rest', () => {
    expect(policyFromEnv(defaultPolicy, { HTTP_MIN_INTERVAL_MS: '0', HTTP_RETRIES: '1', HTTP_MAX_DELAY_MS: '' })).toEqual({
      ...defaultPolicy,
      minIntervalMs: 0,
      retries: 1,
    });
    expect(policyFromEnv(defaultPolicy, {})).toEqual(defaultPolicy);
    expect(policyFromEnv(defaultPolicy, { HTTP_TIMEOUT_MS: '250', HTTP_BASE_DELAY_MS: '5' })).toMatchObject({
      timeoutMs: 250,
      baseDelayMs: 5,
    });
  });
  it('names the variable and the value it cannot use', () => {
    expect(() => policyFromEnv(defaultPolicy, { HTTP_RETRIES: '-1' })).toThrow('HTTP_RETRIES must be a number of at least 0, not "-1"');
    expect(() => policyFromEnv(defaultPolicy, { HTTP_TIMEOUT_MS: 'soon' })).toThrow(
      'HTTP_TIMEOUT_MS must be a number of at least 0, not "soon"',
    );
    expect(() => policyFromEnv(defaultPolicy, { HTTP_MIN_INTERVAL_MS: 'Infinity' })).toThrow(/HTTP_MIN_INTERVAL_MS/);
  });
});

describe('redact', () => {
  it('hides every credential in a query string, whatever its case, and nothing else', () => {
    expect(redact('https://x/api?client_id=abc&q=punk&client_secret=s3&Access_Token=t&key=k')).toBe(
      'https://x/api?client_id=***&q=punk&client_secret=***&Access_Token=***&key=***',
    );
    expect(redact('https://x/title/tt0133189/?ref_=tt&monkey=1')).toBe('https://x/title/tt0133189/?ref_=tt&monkey=1');
  });
});
