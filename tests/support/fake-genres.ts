/**
 * Stand-ins on 127.0.0.1 for Spotify's Web API (client-credentials token, artist search)
 * and MusicBrainz's web service (artist search, artist lookup with genres and tags),
 * answering in the real APIs' shapes. They record every request.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface FakeService {
  url: string;
  requests: Recorded[];
  close(): Promise<void>;
}

async function serve(
  handler: (req: Recorded) => { status: number; headers?: Record<string, string>; body: unknown },
): Promise<FakeService> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const recorded = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body, at: Date.now() };
      requests.push(recorded);
      const answer = handler(recorded);
      res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface SpotifyArtist {
  id: string;
  name: string;
  genres: string[];
}

/** Spotify: POST /api/token with Basic client credentials, GET /v1/search?type=artist&q=artist:… with Bearer. */
export function fakeSpotify(options: {
  clientId: string;
  clientSecret: string;
  artists: SpotifyArtist[];
  rateLimitFirstSearch?: boolean;
}): Promise<FakeService> {
  let searches = 0;
  let issued = 0;
  return serve((req) => {
    if (req.method === 'POST' && req.url === '/api/token') {
      const expected = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`;
      if (req.headers.authorization !== expected || req.body !== 'grant_type=client_credentials')
        return { status: 400, body: { error: 'invalid_client' } };
      issued++;
      return { status: 200, body: { access_token: `token-${issued}`, token_type: 'Bearer', expires_in: 3600 } };
    }
    const url = new URL(req.url, 'http://x');
    if (req.method === 'GET' && url.pathname === '/v1/search') {
      if (!/^Bearer token-\d+$/.test(req.headers.authorization ?? ''))
        return { status: 401, body: { error: { status: 401, message: 'No token provided' } } };
      searches++;
      if (options.rateLimitFirstSearch && searches === 1)
        return { status: 429, headers: { 'Retry-After': '1' }, body: { error: { status: 429, message: 'API rate limit exceeded' } } };
      const q = (url.searchParams.get('q') ?? '').replace(/^artist:/, '').toLowerCase();
      const items = options.artists.filter((a) => a.name.toLowerCase().includes(q) || q.includes(a.name.toLowerCase()));
      return {
        status: 200,
        body: {
          artists: {
            href: req.url,
            items: items.map((a) => ({ ...a, type: 'artist', popularity: 50, uri: `spotify:artist:${a.id}` })),
            limit: 10,
            offset: 0,
            total: items.length,
          },
        },
      };
    }
    return { status: 404, body: { error: { status: 404, message: 'Not found' } } };
  });
}

export interface MbArtist {
  id: string;
  name: string;
  aliases?: string[];
  genres: { name: string; count: number }[];
  tags: { name: string; count: number }[];
}

/** MusicBrainz: GET /ws/2/artist?query=artist:"…"&fmt=json, GET /ws/2/artist/<mbid>?inc=genres+tags&fmt=json. */
export function fakeMusicBrainz(artists: MbArtist[]): Promise<FakeService> {
  return serve((req) => {
    const url = new URL(req.url, 'http://x');
    if (!/\(.+\)/.test(req.headers['user-agent'] ?? ''))
      return { status: 403, body: { error: 'Your requests must carry a User-Agent with contact details' } };
    if (url.pathname === '/ws/2/artist') {
      const q = (url.searchParams.get('query') ?? '').replace(/^artist:"|"$/g, '').toLowerCase();
      const found = artists.filter((a) => a.name.toLowerCase() === q || (a.aliases ?? []).some((x) => x.toLowerCase() === q));
      return {
        status: 200,
        body: {
          created: '2025-01-01T00:00:00Z',
          count: found.length,
          offset: 0,
          artists: found.map((a) => ({ id: a.id, name: a.name, score: 100, aliases: (a.aliases ?? []).map((name) => ({ name })) })),
        },
      };
    }
    const lookup = /^\/ws\/2\/artist\/([\w-]+)$/.exec(url.pathname);
    if (lookup) {
      const a = artists.find((x) => x.id === lookup[1]);
      if (!a) return { status: 404, body: { error: 'Not Found' } };
      return { status: 200, body: { id: a.id, name: a.name, genres: a.genres, tags: a.tags } };
    }
    return { status: 404, body: { error: 'Not Found' } };
  });
}
