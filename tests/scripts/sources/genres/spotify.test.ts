import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { SpotifyProvider } from '../../../../scripts/sources/genres/spotify.ts';

const instant = { minIntervalMs: 0, timeoutMs: 2000, retries: 0, baseDelayMs: 0, maxDelayMs: 0 };
const credentials = { clientId: 'id-123', clientSecret: 'very-secret-value' };

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}
type Handler = (req: Seen, count: { tokens: number; searches: number }) => { status: number; body: unknown };

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Spotify on 127.0.0.1, answering as `handler` says; every request is recorded. */
async function spotify(handler: Handler) {
  const seen: Seen[] = [];
  const count = { tokens: 0, searches: 0 };
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
      seen.push(request);
      if (request.url === '/api/token') count.tokens++;
      else count.searches++;
      const answer = handler(request, count);
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new SpotifyProvider({ ...credentials, accountsUrl: url, apiUrl: url, policy: instant });
  return { provider, seen, count };
}
const token = (count: { tokens: number }, expiresIn = 3600) => ({
  status: 200,
  body: { access_token: `token-${count.tokens}`, expires_in: expiresIn },
});
const found = (...items: { id: string; name: string; genres?: string[] }[]) => ({ status: 200, body: { artists: { items } } });

describe('SpotifyProvider', () => {
  it('fetches a new token once when Spotify refuses the one it has, and searches again with it', async () => {
    const { provider, seen, count } = await spotify((req, n) => {
      if (req.url === '/api/token') return token(n);
      return req.headers.authorization === 'Bearer token-1'
        ? { status: 401, body: {} }
        : found({ id: '1', name: 'Ramones', genres: ['punk'] });
    });
    expect(await provider.lookup('Ramones')).toEqual({ name: 'Ramones', genres: ['punk'], providerId: '1' });
    expect(count).toEqual({ tokens: 2, searches: 2 });
    expect(seen.map((r) => r.headers.authorization?.split(' ')[0])).toEqual(['Basic', 'Bearer', 'Basic', 'Bearer']);
  });
  it('gives up after a second refusal instead of asking for tokens forever', async () => {
    const { provider, count } = await spotify((req, n) => (req.url === '/api/token' ? token(n) : { status: 401, body: {} }));
    await expect(provider.lookup('Ramones')).rejects.toThrow('Spotify kept refusing the access token');
    expect(count).toEqual({ tokens: 2, searches: 2 });
  });
  it('fetches a new token when the one it has is about to expire', async () => {
    const { provider, count } = await spotify((req, n) => (req.url === '/api/token' ? token(n, 5) : found()));
    await provider.lookup('A');
    await provider.lookup('B');
    expect(count.tokens).toBe(2);
  });
  it('says so when the token answer has no token in it', async () => {
    const { provider } = await spotify((req) => (req.url === '/api/token' ? { status: 200, body: { token_type: 'Bearer' } } : found()));
    await expect(provider.lookup('Ramones')).rejects.toThrow('Spotify answered the token request without an access_token');
  });
  it('sends Basic client credentials for the token and the artist’s name, encoded, in the search', async () => {
    const { provider, seen } = await spotify((req, n) => (req.url === '/api/token' ? token(n) : found()));
    await provider.lookup('Echo & the Bunnymen');
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/token' });
    expect(seen[0].headers.authorization).toBe(`Basic ${Buffer.from('id-123:very-secret-value').toString('base64')}`);
    expect(seen[1].url).toBe('/v1/search?type=artist&limit=10&q=artist%3AEcho%20%26%20the%20Bunnymen');
  });
  it('takes the first artist whose name matches, under another spelling too, never a longer name', async () => {
    const { provider } = await spotify((req, n) =>
      req.url === '/api/token'
        ? token(n)
        : found(
            { id: '9', name: 'Echo & the Bunnymen Tribute' },
            { id: '3', name: 'Echo and The Bunnymen', genres: ['post-punk'] },
            { id: '4', name: 'Echo & the Bunnymen' },
          ),
    );
    expect(await provider.lookup('echo & the bunnymen')).toEqual({ name: 'Echo and The Bunnymen', genres: ['post-punk'], providerId: '3' });
  });
  it('never shows the client secret when the provider is inspected', async () => {
    const { provider } = await spotify(() => found());
    expect(inspect(provider, { depth: 5, showHidden: true })).not.toContain('very-secret-value');
    expect(JSON.stringify(provider)).toBe('{"name":"spotify"}');
  });
});
