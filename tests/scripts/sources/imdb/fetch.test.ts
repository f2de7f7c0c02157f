import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImdbError, ImdbFetcher } from '../../../../scripts/sources/imdb/fetch.ts';
import { HttpError, PoliteClient } from '../../../../scripts/lib/http.ts';
import { startFakeImdb, type FakeImdb, type Step } from '../../../support/fake-imdb.ts';

let imdb: FakeImdb;
let cacheDir: string;
const fast = { minIntervalMs: 0, timeoutMs: 2000, retries: 3, baseDelayMs: 20, maxDelayMs: 5000 };

async function fetcherFor(script: Record<string, Step[]>, policy = fast) {
  imdb = await startFakeImdb(script);
  return new ImdbFetcher({ baseUrl: imdb.url, cacheDir, policy });
}

beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'arcs-cache-'));
});
afterEach(async () => {
  await imdb?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('fetching IMDb soundtrack pages', () => {
  it('asks like a browser, in English, and parses the page', async () => {
    const fetcher = await fetcherFor({});
    const { listing, fromCache } = await fetcher.fetchSoundtrack('tt0106977');
    expect(fromCache).toBe(false);
    expect(listing.entries).toHaveLength(2);
    expect(imdb.requests[0].headers['user-agent']).toMatch(/^Mozilla\/5\.0/);
    expect(imdb.requests[0].headers['accept-language']).toBe('en');
  });

  it('waits as long as Retry-After says after a 429', async () => {
    const fetcher = await fetcherFor({ tt0106977: [{ status: 429, retryAfter: '1' }, 'ok'] });
    const { listing } = await fetcher.fetchSoundtrack('tt0106977');
    expect(listing.entries).toHaveLength(2);
    expect(imdb.requests).toHaveLength(2);
    expect(imdb.requests[1].at - imdb.requests[0].at).toBeGreaterThanOrEqual(990);
  });

  it('retries a 500 and succeeds', async () => {
    const fetcher = await fetcherFor({ tt0083987: [{ status: 500 }, { status: 503 }, 'ok'] });
    const { listing } = await fetcher.fetchSoundtrack('tt0083987');
    expect(listing.entries).toHaveLength(4);
    expect(imdb.requests.map((r) => r.id)).toEqual(['tt0083987', 'tt0083987', 'tt0083987']);
  });

  it('gives up on a server that keeps failing, saying how often it tried', async () => {
    const fetcher = await fetcherFor({ tt0083987: [{ status: 502 }] });
    await expect(fetcher.fetchSoundtrack('tt0083987')).rejects.toThrow(/tt0083987: HTTP 502 .* after 4 attempts/);
  });

  // The fake server never answers a 'hang', so only the client's timer can end that attempt;
  // the timeouts are generous enough that a loaded machine still serves the 'ok' page within them.
  it('times out a request that hangs, and retries it', async () => {
    const fetcher = await fetcherFor({ tt0095016: ['hang', 'ok'] }, { ...fast, timeoutMs: 2000 });
    const { listing } = await fetcher.fetchSoundtrack('tt0095016');
    expect(listing.entries).toHaveLength(11);
    expect(imdb.requests.map((r) => r.id)).toEqual(['tt0095016', 'tt0095016']);
  });

  it('reports a timeout when every attempt hangs', async () => {
    const fetcher = await fetcherFor({ tt0095016: ['hang'] }, { ...fast, timeoutMs: 500, retries: 1 });
    const error = await fetcher.fetchSoundtrack('tt0095016').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImdbError);
    expect((error as ImdbError).imdbId).toBe('tt0095016');
    expect((error as Error).message).toMatch(/^tt0095016: no answer within 500 ms from .* after 2 attempts$/);
    expect(imdb.requests).toHaveLength(2);
  });

  it('ends a hanging request as a timeout (an HttpError without a status), not as another failure', async () => {
    imdb = await startFakeImdb({ tt0095016: ['hang'] });
    const client = new PoliteClient({ ...fast, timeoutMs: 500, retries: 0 });
    const error = await client.request(`${imdb.url}/title/tt0095016/soundtrack/`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBeNull();
    expect((error as Error).message).toMatch(/^no answer within 500 ms from .* after 1 attempts$/);
  });

  it('retries after the connection drops, and names the film when it keeps dropping', async () => {
    let fetcher = await fetcherFor({ tt0106977: ['reset', 'ok'] });
    expect((await fetcher.fetchSoundtrack('tt0106977')).listing.entries).toHaveLength(2);
    await imdb.close();
    fetcher = await fetcherFor({ tt0083987: ['reset'] }, { ...fast, retries: 1 });
    await expect(fetcher.fetchSoundtrack('tt0083987')).rejects.toThrow(/^tt0083987: .* after 2 attempts/);
    expect(existsSync(fetcher.cachePath('tt0083987'))).toBe(false);
  });

  it('says clearly that an unknown ID does not exist (404), without retrying', async () => {
    const fetcher = await fetcherFor({});
    await expect(fetcher.fetchSoundtrack('tt9999999')).rejects.toThrow(/tt9999999: IMDb has no title with this ID \(404/);
    expect(imdb.requests).toHaveLength(1);
  });

  it('refuses a page that is not a soundtrack page, and does not cache it', async () => {
    const fetcher = await fetcherFor({ tt0106977: ['not-soundtrack'] });
    await expect(fetcher.fetchSoundtrack('tt0106977')).rejects.toThrow(/is not a soundtrack page/);
    expect(existsSync(fetcher.cachePath('tt0106977'))).toBe(false);
  });

  it('refuses a page of another film', async () => {
    const fetcher = await fetcherFor({ tt0000001: ['ok'] });
    await expect(fetcher.fetchSoundtrack('tt0000001')).rejects.toThrow(/answered with the page of tt0106977/);
  });

  it('rejects a malformed ID before any request', async () => {
    const fetcher = await fetcherFor({});
    await expect(fetcher.fetchSoundtrack('0133189')).rejects.toThrow(/not an IMDb title ID/);
    expect(imdb.requests).toHaveLength(0);
  });

  it('keeps at least the minimum interval between requests', async () => {
    const fetcher = await fetcherFor({}, { ...fast, minIntervalMs: 400 });
    // When the client starts each request, not when the server sees it: on a loaded machine a
    // request can reach the server late, which would make the next gap look short.
    const starts: number[] = [];
    const realFetch = globalThis.fetch;
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((...args: Parameters<typeof fetch>) => {
      starts.push(Date.now());
      return realFetch(...args);
    });
    try {
      await fetcher.fetchSoundtrack('tt0106977');
      await fetcher.fetchSoundtrack('tt0083987');
      await fetcher.fetchSoundtrack('tt0095016');
    } finally {
      spy.mockRestore();
    }
    expect(starts).toHaveLength(3);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]);
    for (const gap of gaps) expect(gap, `gaps ${gaps.join(', ')} ms`).toBeGreaterThanOrEqual(400);
  });

  it('serves a second fetch from the cache', async () => {
    const fetcher = await fetcherFor({});
    await fetcher.fetchSoundtrack('tt0106977');
    const again = await fetcher.fetchSoundtrack('tt0106977');
    expect(again.fromCache).toBe(true);
    expect(imdb.requests).toHaveLength(1);
  });
});
