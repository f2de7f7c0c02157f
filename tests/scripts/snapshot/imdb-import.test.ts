/** `npm run imdb -- import <saved-page.html>…` on the saved IMDb pages in tests/fixtures, in a temporary data folder. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickConfig } from '../../support/quick-config.ts';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { Soundtrack } from '../../../scripts/schemas.ts';

let root: string;
beforeAll(() => {
  mkdirSync(join('.cache', 'test-import'), { recursive: true });
  root = mkdtempSync(join('.cache', 'test-import', 'run-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function dataCopy(name: string): string {
  const dir = join(root, name);
  for (const item of ['films.csv', 'genre-mood-map.json', 'snapshot']) cpSync(join('data', item), join(dir, item), { recursive: true });
  return dir;
}

function imdb(args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync('npm', ['run', '--silent', 'imdb', '--', ...args], { encoding: 'utf8', stdio: 'pipe' });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run imdb -- import', () => {
  it('refuses a page whose film is not in films.csv, and says which row to add', () => {
    const data = dataCopy('not-listed');
    const result = imdb(['import', 'tests/fixtures/imdb/tt0095016.html', '--data', data]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `tests/fixtures/imdb/tt0095016.html is the soundtrack page of Die Hard (tt0095016), which is not in ${data}/films.csv.`,
    );
    expect(result.stderr).toContain(
      `Add its row to ${data}/films.csv first, then import again:\n      Die Hard,1988,"<vibe keywords>",tt0095016`,
    );
    expect(result.stderr).toContain(
      '    replacing <vibe keywords> with a few words that describe the film, separated by commas, inside the quotes.',
    );
    expect(existsSync(join(data, 'snapshot', 'soundtracks', 'tt0095016.json'))).toBe(false);
  });

  it('refuses the suggested row pasted as it is, placeholder and all, with what to write instead', () => {
    const data = dataCopy('placeholder');
    appendFileSync(join(data, 'films.csv'), 'Die Hard,1988,"<vibe keywords>",tt0095016\n');
    const result = imdb(['import', 'tests/fixtures/imdb/tt0095016.html', '--data', data]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `imdb import: ${data}/films.csv, record line 22 (Die Hard), field "Vibe Keywords": "<vibe keywords>" is a placeholder, not vibe keywords: write a few words`,
    );
    expect(existsSync(join(data, 'snapshot', 'soundtracks', 'tt0095016.json'))).toBe(false);
  });

  it('says how many of the songs will get a mood and which artists have no genres, and how to add them', () => {
    const data = dataCopy('outlook');
    appendFileSync(join(data, 'films.csv'), 'Die Hard,1988,"christmas, siege",tt0095016\n');
    const result = imdb(['import', 'tests/fixtures/imdb/tt0095016.html', '--data', data]);
    expect(result.status).toBe(0);
    const genres = `${data}/snapshot/artist-genres.json`;
    expect(result.stdout).toContain(
      '    0 of its 11 songs will get a mood: fewer than the 3 a film needs for an arc, so as it stands Die Hard will get no arc and no archetype.\n',
    );
    expect(result.stdout).toContain(
      `    5 artists have no genres in ${genres}, so their songs get no mood: Bruce Willis, Reginald VelJohnson, Run-D.M.C., Stevie Wonder, Vaughn Monroe.\n`,
    );
    expect(result.stdout).toContain(
      `    To add them: "npm run pipeline -- --live --genres" looks them up on MusicBrainz; or add each by hand to ${genres}, as "Bruce Willis": { "genres": ["punk"], "providerId": null, "source": "curated" }`,
    );
  });

  it('turns saved pages of listed films into snapshots marked as imported from a saved page, which the pipeline reads', () => {
    const data = dataCopy('listed');
    appendFileSync(
      join(data, 'films.csv'),
      'Die Hard,1988,"christmas, siege",tt0095016\n"Kill Bill: Vol. 1",2003,"revenge, grindhouse",tt0266697\n',
    );
    const result = imdb(['import', 'tests/fixtures/imdb/tt0095016.html', 'tests/fixtures/imdb/tt0266697.html', '--data', data]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const dieHard = Soundtrack.parse(JSON.parse(readFileSync(join(data, 'snapshot', 'soundtracks', 'tt0095016.json'), 'utf8')));
    expect(dieHard).toMatchObject({ imdbId: 'tt0095016', title: 'Die Hard', source: 'imdb-saved-page', total: 11 });
    expect(dieHard.tracks[2]).toMatchObject({ position: 3, title: 'Christmas in Hollis', performers: [{ name: 'Run-D.M.C.' }] });
    expect(result.stdout).toMatch(/imported tests\/fixtures\/imdb\/tt0095016\.html → .*tt0095016\.json: Die Hard, 11 entries/);
    const { story } = runPipeline({ dataDir: data, outDir: join(root, 'listed-generated'), config: quickConfig });
    expect(story.films.find((f) => f.imdbId === 'tt0095016')).toMatchObject({ source: 'imdb-saved-page' });
  });

  it('imports the good pages and reports the bad ones, keeping their previous snapshots', () => {
    const data = dataCopy('mixed');
    const before = readFileSync(join(data, 'snapshot', 'soundtracks', 'tt0133189.json'), 'utf8');
    const result = imdb(['import', 'README.md', 'tests/fixtures/imdb/tt0083987.html', '--data', data]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/2 of 2 pages not imported/);
    expect(result.stderr).toMatch(/README\.md: .*not an IMDb soundtrack page/);
    expect(result.stderr).toMatch(/Gandhi \(tt0083987\), which is not in/);
    expect(readFileSync(join(data, 'snapshot', 'soundtracks', 'tt0133189.json'), 'utf8')).toBe(before);
  });
});
