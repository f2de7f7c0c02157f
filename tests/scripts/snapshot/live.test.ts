/**
 * `npm run pipeline -- --live` against a local stand-in for IMDb: failing films keep
 * their previous snapshot, the others are refreshed, the run ends non-zero listing
 * every failure, and a rerun resumes from the cache.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeImdb, type FakeImdb } from '../../support/fake-imdb.ts';
import { fakeSpotify, type FakeService, type SpotifyArtist } from '../../support/fake-genres.ts';
import { readdirSync, statSync } from 'node:fs';

let dir: string;
let imdb: FakeImdb | undefined;
let spotify: FakeService | undefined;

const previousGandhi = JSON.stringify(
  {
    imdbId: 'tt0083987',
    title: 'Gandhi',
    source: 'curated',
    total: 1,
    truncated: false,
    tracks: [
      {
        position: 1,
        title: 'Vaishnava Janato',
        credits: [{ text: 'Performed by Lata Mangeshkar', links: [{ text: 'Lata Mangeshkar', nameId: null }] }],
        performers: [{ name: 'Lata Mangeshkar', nameId: null, creditedAs: null }],
        remixers: [],
        writers: [],
        composers: [],
        licensing: [],
        flags: { uncredited: false, creditOnly: false },
        entryId: null,
      },
    ],
  },
  null,
  2,
);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arcs-live-'));
  const data = join(dir, 'data');
  mkdirSync(join(data, 'snapshot', 'soundtracks'), { recursive: true });
  writeFileSync(
    join(data, 'films.csv'),
    'Movie Title,Year,Vibe Keywords,IMDb ID\nKill Bill: Vol. 1,2003,revenge,tt0266697\nDie Hard,1988,christmas,tt0095016\nGandhi,1982,history,tt0083987\nThe Fugitive,1993,chase,tt0106977\n',
  );
  writeFileSync(join(data, 'genre-mood-map.json'), readFileSync('data/genre-mood-map.json'));
  const genre = (genres: string[]) => ({ genres, source: 'curated', providerId: null });
  writeFileSync(
    join(data, 'snapshot', 'artist-genres.json'),
    JSON.stringify({
      artists: {
        'Nancy Sinatra': genre(['adult standards']),
        'Isaac Hayes': genre(['soul', 'funk rock']),
        'Run-D.M.C.': genre(['hip hop', 'old school hip hop']),
        'Stevie Wonder': genre(['soul']),
        'Vaughn Monroe': genre(['adult standards']),
        'B.B. King': genre(['blues']),
        'Lata Mangeshkar': genre(['classical']),
        'Meiko Kaji': genre(['enka']),
        "The 5.6.7.8's": genre(['garage rock']),
      },
    }),
  );
  writeFileSync(join(data, 'snapshot', 'soundtracks', 'tt0083987.json'), previousGandhi);
});
afterEach(async () => {
  await imdb?.close();
  await spotify?.close();
  spotify = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI in a child process; asynchronously, because the fake IMDb lives in this one. */
function pipeline(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['scripts/run.mjs', 'pipeline', '--data', join(dir, 'data'), '--cache', join(dir, 'cache'), ...args],
      {
        env: {
          ...process.env,
          IMDB_BASE_URL: imdb!.url,
          HTTP_MIN_INTERVAL_MS: '0',
          HTTP_BASE_DELAY_MS: '10',
          HTTP_RETRIES: '2',
          HTTP_TIMEOUT_MS: '2000',
          ...extraEnv,
        },
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('live refresh of soundtrack snapshots', () => {
  it('refreshes what it can, keeps the previous snapshot of a failing film, and exits non-zero naming it', async () => {
    imdb = await startFakeImdb({ tt0083987: [{ status: 500 }] });
    const { code, err, out } = await pipeline(['--live']);
    expect(code).toBe(1);
    expect(err).toMatch(/1 live lookup\(s\) failed/);
    expect(err).toMatch(/tt0083987: HTTP 500/);
    // The failing film's snapshot is byte-for-byte the previous one.
    expect(readFileSync(join(dir, 'data', 'snapshot', 'soundtracks', 'tt0083987.json'), 'utf8')).toBe(previousGandhi);
    // The others were scraped and marked as such.
    const killBill = JSON.parse(readFileSync(join(dir, 'data', 'snapshot', 'soundtracks', 'tt0266697.json'), 'utf8'));
    expect(killBill).toMatchObject({ imdbId: 'tt0266697', source: 'imdb', total: 32, truncated: false });
    expect(killBill.tracks).toHaveLength(32);
    // The rest of the pipeline still ran on what there is.
    expect(out).toMatch(/story of 4 films/);
    expect(existsSync(join(dir, 'data', 'generated', 'story.json'))).toBe(true);
  });

  it('limits a run to --only films, and a rerun resumes from the cache', async () => {
    imdb = await startFakeImdb({});
    const first = await pipeline(['--live', '--only', 'tt0106977', 'tt0095016']);
    expect(first.code).toBe(0);
    expect(imdb.requests.map((r) => r.id).sort()).toEqual(['tt0095016', 'tt0106977']);
    const second = await pipeline(['--live', '--only', 'tt0106977', 'tt0095016', 'tt0266697']);
    expect(second.code).toBe(0);
    // Only the film not fetched before goes to the network.
    expect(imdb.requests.map((r) => r.id).sort()).toEqual(['tt0095016', 'tt0106977', 'tt0266697']);
    expect(second.out).toMatch(/tt0106977: 2 entries from cache/);
  });

  it('refuses --only with a film the list does not have', async () => {
    imdb = await startFakeImdb({});
    const { code, err } = await pipeline(['--live', '--only', 'tt7777777']);
    expect(code).toBe(1);
    expect(err).toMatch(/--only names tt7777777, which data\/films\.csv does not list/);
  });
});

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('live genres from Spotify', () => {
  const secret = 'sp-secret-5f3c9a1e7b';
  const clientId = 'sp-client-2b8d';
  /** A live run of these films against the fake IMDb and a fake Spotify that knows these artists. */
  async function liveWithSpotify(only: string[], artists: SpotifyArtist[]) {
    imdb = await startFakeImdb({});
    spotify = await fakeSpotify({ clientId, clientSecret: secret, artists });
    const run = await pipeline(['--live', '--only', ...only, '--genres', 'spotify'], {
      SPOTIFY_CLIENT_ID: clientId,
      SPOTIFY_CLIENT_SECRET: secret,
      SPOTIFY_ACCOUNTS_URL: spotify.url,
      SPOTIFY_API_URL: spotify.url,
    });
    expect(run.code, run.err).toBe(0);
    return { ...run, snapshot: JSON.parse(readFileSync(join(dir, 'data', 'snapshot', 'artist-genres.json'), 'utf8')) };
  }
  it('lands Spotify genres in the snapshot with their provenance, and the credentials nowhere', async () => {
    const { out, err, snapshot } = await liveWithSpotify(
      ['tt0266697', 'tt0106977'],
      [
        { id: 'sp-nancy', name: 'Nancy Sinatra', genres: ['adult standards', 'sunshine pop'] },
        { id: 'sp-bbking', name: 'B.B. King', genres: ['blues', 'electric blues'] },
      ],
    );
    expect(snapshot.artists['Nancy Sinatra']).toEqual({
      genres: ['adult standards', 'sunshine pop'],
      source: 'spotify',
      providerId: 'sp-nancy',
    });
    expect(snapshot.artists['B.B. King']).toMatchObject({ source: 'spotify', providerId: 'sp-bbking' });
    // Not found on Spotify: the previous (curated) record stays.
    expect(snapshot.artists['Isaac Hayes']).toMatchObject({ source: 'curated' });
    // The unmapped new tags are reported in the run summary.
    expect(out).toMatch(/tags unmapped/);
    // The credentials appear in no log, cache file, snapshot or generated output.
    const everything = [out, err, ...filesUnder(dir).map((f) => readFileSync(f, 'utf8'))].join('\n');
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(clientId);
    expect(everything).not.toContain(Buffer.from(`${clientId}:${secret}`).toString('base64'));
  });
  it('keeps what is known when Spotify answers with empty genres, as it does for new apps', async () => {
    const { out, snapshot } = await liveWithSpotify(
      ['tt0266697'],
      [
        { id: 'sp-nancy', name: 'Nancy Sinatra', genres: [] },
        { id: 'sp-hirt', name: 'Al Hirt', genres: [] },
      ],
    );
    expect(spotify!.requests.some((r) => r.url.includes(encodeURIComponent('artist:Al Hirt')))).toBe(true);
    // Known stays known: the curated record is not replaced by Spotify's empty list.
    expect(snapshot.artists['Nancy Sinatra']).toEqual({ genres: ['adult standards'], source: 'curated', providerId: null });
    // Unknown stays unknown: no record claiming the artist has no genres.
    expect(snapshot.artists['Al Hirt']).toBeUndefined();
    expect(out).toMatch(/spotify: 0 artists updated, \d+ not found and 2 with no genres from spotify \(both kept as they were\), 0 failed/);
  });
  it('stops with a clear message when the credentials are missing', async () => {
    imdb = await startFakeImdb({});
    const { code, err } = await pipeline(['--live', '--only', 'tt0106977', '--genres', 'spotify'], {
      SPOTIFY_CLIENT_ID: '',
      SPOTIFY_CLIENT_SECRET: '',
    });
    expect(code).toBe(1);
    expect(err).toMatch(/Spotify needs SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET in the environment/);
  });
});
