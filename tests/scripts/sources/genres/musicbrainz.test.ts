import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MusicBrainzProvider } from '../../../../scripts/sources/genres/musicbrainz.ts';

const instant = { minIntervalMs: 0, timeoutMs: 2000, retries: 0, baseDelayMs: 0, maxDelayMs: 0 };

interface Artist {
  id: string;
  name: string;
  aliases?: { name: string }[];
}
interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** MusicBrainz on 127.0.0.1: every search finds `found`, in that order; each artist's detail is `details[id]`. */
async function musicBrainz(found: Artist[], details: Record<string, unknown>) {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const id = /^\/ws\/2\/artist\/([^?]+)\?/.exec(req.url ?? '')?.[1];
    const body = id ? details[decodeURIComponent(id)] : { artists: found };
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'Not Found' }));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const provider = new MusicBrainzProvider({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    contact: 'editor@example.org',
    policy: instant,
  });
  return { provider, seen };
}

describe('MusicBrainzProvider', () => {
  it('searches for the name as one quoted phrase, with any quotes in it removed', async () => {
    const { provider, seen } = await musicBrainz([], {});
    expect(await provider.lookup('"Weird Al" Yankovic')).toBeNull();
    const query = new URL(seen[0].url, 'http://x');
    expect(query.pathname).toBe('/ws/2/artist');
    expect(query.searchParams.get('query')).toBe('artist:"Weird Al Yankovic"');
    expect(query.searchParams.get('fmt')).toBe('json');
    expect(seen[0].headers.accept).toBe('application/json');
  });
  it('asks for no detail when no artist of that name is found', async () => {
    const { provider, seen } = await musicBrainz([{ id: 'x', name: 'Ramones Tribute' }], {});
    expect(await provider.lookup('Ramones')).toBeNull();
    expect(seen).toHaveLength(1);
  });
  it('prefers an artist of that very name to one that only has it as an alias', async () => {
    const { provider } = await musicBrainz(
      [
        { id: 'alias', name: 'Joey Ramone', aliases: [{ name: 'Ramones' }] },
        { id: 'exact', name: 'The Ramones' },
      ],
      { exact: { genres: [{ name: 'Punk', count: 1 }] }, alias: { genres: [{ name: 'wrong', count: 9 }] } },
    );
    expect(await provider.lookup('Ramones')).toEqual({ name: 'The Ramones', genres: ['punk'], providerId: 'exact' });
  });
  it('ranks genres by votes, ties by name, in lower case, and drops those voted down or not at all', async () => {
    const genres = [
      { name: 'Punk', count: 3 },
      { name: 'hardcore punk', count: 5 },
      { name: 'Art Punk', count: 3 },
      { name: 'polka', count: 0 },
      { name: 'disco', count: -2 },
    ];
    const { provider } = await musicBrainz([{ id: 'a/1', name: 'Minor Threat' }], { 'a/1': { genres, tags: [{ name: 'dc', count: 9 }] } });
    expect(await provider.lookup('Minor Threat')).toEqual({
      name: 'Minor Threat',
      genres: ['hardcore punk', 'art punk', 'punk'],
      providerId: 'a/1',
    });
  });
  it('falls back to tags only when no genre has a positive vote, and to none when there are neither', async () => {
    const { provider } = await musicBrainz(
      [
        { id: 'tagged', name: 'The Feelies' },
        { id: 'bare', name: 'Nobody Known' },
      ],
      { tagged: { genres: [{ name: 'rock', count: 0 }], tags: [{ name: 'Jangle Pop', count: 1 }] }, bare: {} },
    );
    expect((await provider.lookup('Feelies'))?.genres).toEqual(['jangle pop']);
    expect(await provider.lookup('Nobody Known')).toEqual({ name: 'Nobody Known', genres: [], providerId: 'bare' });
  });
  it('encodes the artist id in the detail address and asks for genres and tags', async () => {
    const { provider, seen } = await musicBrainz([{ id: 'a/1', name: 'Fear' }], { 'a/1': { genres: [] } });
    await provider.lookup('Fear');
    expect(seen[1].url).toBe('/ws/2/artist/a%2F1?inc=genres+tags&fmt=json');
    expect(seen[1].headers['user-agent']).toBe('SoundtrackArcs/0.1 ( editor@example.org )');
  });
});
