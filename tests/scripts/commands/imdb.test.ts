import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';

describe('npm run --silent imdb -- parse <file.html>', () => {
  it('prints the listing as JSON with positions, clean titles, credits, performers and remixers', () => {
    const out = execFileSync('npm', ['run', '--silent', 'imdb', '--', 'parse', 'tests/fixtures/imdb/tt0095016.html'], { encoding: 'utf8' });
    const json = JSON.parse(out);
    expect(json).toMatchObject({ imdbId: 'tt0095016', title: 'Die Hard', total: 11, truncated: false });
    expect(json.tracks).toHaveLength(11);
    expect(Object.keys(json.tracks[0]).slice(0, 5)).toEqual(['position', 'title', 'credits', 'performers', 'remixers']);
    expect(json.tracks[2]).toMatchObject({
      position: 3,
      title: 'Christmas in Hollis',
      performers: [{ name: 'Run-D.M.C.', nameId: 'nm1505820' }],
    });
    expect(json.tracks[2].credits[1]).toEqual({ text: 'Performed by Run-D.M.C.', links: [{ text: 'Run-D.M.C.', nameId: 'nm1505820' }] });
  });
  it('exits non-zero with a reason for a page without a soundtrack', () => {
    try {
      execFileSync('npm', ['run', '--silent', 'imdb', '--', 'parse', 'README.md'], { encoding: 'utf8', stdio: 'pipe' });
      expect.unreachable();
    } catch (error) {
      const e = error as { status: number; stdout: string };
      expect(e.status).toBe(3);
      expect(JSON.parse(e.stdout).reason).toMatch(/not an IMDb soundtrack page/);
    }
  });
});
