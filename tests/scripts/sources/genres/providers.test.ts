import { afterEach, describe, expect, it } from 'vitest';
import { SpotifyProvider } from '../../../../scripts/sources/genres/spotify.ts';
import { MusicBrainzProvider } from '../../../../scripts/sources/genres/musicbrainz.ts';
import { SnapshotProvider } from '../../../support/snapshot-genres.ts';
import { fakeMusicBrainz, fakeSpotify, type FakeService } from '../../../support/fake-genres.ts';

const fast = { minIntervalMs: 0, timeoutMs: 2000, retries: 3, baseDelayMs: 10, maxDelayMs: 5000 };
let service: FakeService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
});

describe('Spotify provider', () => {
  const credentials = { clientId: 'id-123', clientSecret: 'very-secret-value' };
  it('gets a client-credentials token, searches the artist and returns its genres', async () => {
    service = await fakeSpotify({
      ...credentials,
      artists: [
        { id: '1', name: 'Ramones', genres: ['punk', 'proto-punk'] },
        { id: '2', name: 'Ramones Tribute Band', genres: ['covers'] },
      ],
    });
    const spotify = new SpotifyProvider({ ...credentials, accountsUrl: service.url, apiUrl: service.url, policy: fast });
    expect(await spotify.lookup('The Ramones')).toEqual({ name: 'Ramones', genres: ['punk', 'proto-punk'], providerId: '1' });
    expect(service.requests[0]).toMatchObject({ method: 'POST', url: '/api/token' });
    expect(service.requests[1].url).toBe('/v1/search?type=artist&limit=10&q=artist%3AThe%20Ramones');
    // The token is reused for the next search.
    await spotify.lookup('Ramones');
    expect(service.requests.filter((r) => r.url === '/api/token')).toHaveLength(1);
  });
  it('answers null, not a guess, when no artist of that name exists', async () => {
    service = await fakeSpotify({ ...credentials, artists: [{ id: '2', name: 'Ramones Tribute Band', genres: ['covers'] }] });
    const spotify = new SpotifyProvider({ ...credentials, accountsUrl: service.url, apiUrl: service.url, policy: fast });
    expect(await spotify.lookup('Ramones')).toBeNull();
  });
  it('returns an artist Spotify answers with an empty genres list as found with no genres, not as an error', async () => {
    service = await fakeSpotify({ ...credentials, artists: [{ id: '1', name: 'Ramones', genres: [] }] });
    const spotify = new SpotifyProvider({ ...credentials, accountsUrl: service.url, apiUrl: service.url, policy: fast });
    expect(await spotify.lookup('Ramones')).toEqual({ name: 'Ramones', genres: [], providerId: '1' });
  });
  it('honours Retry-After on 429', async () => {
    service = await fakeSpotify({ ...credentials, artists: [{ id: '1', name: 'Ramones', genres: ['punk'] }], rateLimitFirstSearch: true });
    const spotify = new SpotifyProvider({ ...credentials, accountsUrl: service.url, apiUrl: service.url, policy: fast });
    expect((await spotify.lookup('Ramones'))?.genres).toEqual(['punk']);
    const searches = service.requests.filter((r) => r.url.startsWith('/v1/search'));
    expect(searches).toHaveLength(2);
    expect(searches[1].at - searches[0].at).toBeGreaterThanOrEqual(990);
  });
  it('says which variables to check when the credentials are refused, without showing them', async () => {
    service = await fakeSpotify({ ...credentials, artists: [] });
    const spotify = new SpotifyProvider({
      clientId: 'id-123',
      clientSecret: 'wrong-secret',
      accountsUrl: service.url,
      apiUrl: service.url,
      policy: fast,
    });
    const error = await spotify.lookup('Ramones').catch((e: Error) => e);
    expect(String(error)).toMatch(/refused the client credentials .*SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET/);
    expect(String(error)).not.toContain('wrong-secret');
    expect(JSON.stringify(spotify)).not.toContain('wrong-secret');
  });
  it('refuses to start without credentials', () => {
    expect(() => new SpotifyProvider({ clientId: '', clientSecret: '' })).toThrow(/SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET/);
  });
});

describe('MusicBrainz provider', () => {
  const artists = [
    {
      id: 'a-1',
      name: 'Minor Threat',
      genres: [
        { name: 'hardcore punk', count: 9 },
        { name: 'punk', count: 4 },
      ],
      tags: [{ name: 'dc', count: 3 }],
    },
    {
      id: 'a-2',
      name: 'The Feelies',
      aliases: ['Feelies'],
      genres: [],
      tags: [
        { name: 'jangle pop', count: 2 },
        { name: 'bad tag', count: -1 },
      ],
    },
  ];
  it('searches, then reads the artist’s genres, most voted first, with a User-Agent that has contact details', async () => {
    service = await fakeMusicBrainz(artists);
    const mb = new MusicBrainzProvider({ baseUrl: service.url, contact: 'editor@example.org', policy: fast });
    expect(await mb.lookup('Minor Threat')).toEqual({ name: 'Minor Threat', genres: ['hardcore punk', 'punk'], providerId: 'a-1' });
    expect(service.requests[0].headers['user-agent']).toBe('SoundtrackArcs/0.1 ( editor@example.org )');
    expect(service.requests[1].url).toBe('/ws/2/artist/a-1?inc=genres+tags&fmt=json');
  });
  it('falls back to positively voted tags when an artist has no genres, and matches aliases', async () => {
    service = await fakeMusicBrainz(artists);
    const mb = new MusicBrainzProvider({ baseUrl: service.url, contact: 'x@example.org', policy: fast });
    expect(await mb.lookup('Feelies')).toEqual({ name: 'The Feelies', genres: ['jangle pop'], providerId: 'a-2' });
    expect(await mb.lookup('Nobody At All')).toBeNull();
  });
  it('keeps to one request per second by default', async () => {
    service = await fakeMusicBrainz(artists);
    const mb = new MusicBrainzProvider({ baseUrl: service.url, contact: 'x@example.org' });
    await mb.lookup('Minor Threat');
    const [search, detail] = service.requests;
    expect(detail.at - search.at).toBeGreaterThanOrEqual(990);
  });
});

describe('snapshot provider', () => {
  it('finds an artist under another spelling', async () => {
    const snapshot = new SnapshotProvider({ artists: { Ramones: { genres: ['punk'], source: 'curated', providerId: null } } });
    expect((await snapshot.lookup('The Ramones'))?.genres).toEqual(['punk']);
    expect(await snapshot.lookup('Nobody')).toBeNull();
  });
});
