/** The pipeline's warnings reach the terminal: what it logs after a run names each film and file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickConfig } from '../../support/quick-config.ts';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { formatWarnings } from '../../../scripts/pipeline/warnings.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'arcs-warnings-'));
  for (const name of ['films.csv', 'genre-mood-map.json', 'snapshot']) cpSync(join('data', name), join(dir, name), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the warnings of a run', () => {
  it('are printed after the stages: a deleted snapshot by its file and film, a thin film by its file', () => {
    const missing = join(dir, 'snapshot', 'soundtracks', 'tt0162346.json');
    rmSync(missing);
    const lines: string[] = [];
    const { story } = runPipeline({ dataDir: dir, outDir: join(dir, 'out'), config: quickConfig, log: (l) => lines.push(l) });
    expect(lines.find((l) => l.trimStart().startsWith('soundtracks'))).toMatch(
      /^ {2}soundtracks +19 soundtracks \(1 missing, see the warnings below\), \d+ entries/,
    );
    const printed = lines.slice(lines.findIndex((l) => /warnings? \(the run went on/.test(l)));
    expect(printed[0]).toBe(`  ${story.warnings.length} warnings (the run went on; each says what to do):`);
    expect(printed).toContain(
      `  - ${missing} is missing: Ghost World (tt0162346) in data/films.csv has no soundtrack snapshot, so it is kept with no songs, no arc and no archetype; fetch it with "npm run imdb -- fetch tt0162346", import a page saved from a browser with "npm run imdb -- import page.html", or restore a file deleted by mistake with "git checkout -- ${missing}"`,
    );
    const slacker = join(dir, 'snapshot', 'soundtracks', 'tt0102943.json');
    expect(printed.find((l) => l.includes('tt0102943 (Slacker)'))).toBe(
      `  - tt0102943 (Slacker): only 1 track(s) with mood features, fewer than 3: the film gets no arc and no archetype (songs in ${slacker}; a song gets a mood from its performers' genres: credit its performers there, and give them genres with "npm run pipeline -- --live --genres" or by hand in ${join(dir, 'snapshot', 'artist-genres.json')}; these of its artists have no genres there: The Texas Instruments)`,
    );
    // The missing film is not reported a second time as a film without moods.
    expect(story.warnings.filter((w) => w.includes('tt0162346'))).toHaveLength(1);
  });

  it('print nothing when there are none', () => {
    expect(formatWarnings([])).toEqual([]);
    expect(formatWarnings(['x'])).toEqual(['  1 warning (the run went on; each says what to do):', '  - x']);
  });
});
