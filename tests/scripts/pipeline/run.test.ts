import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickConfig } from '../../support/quick-config.ts';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { Story } from '../../../scripts/schemas.ts';

let dir: string;
const storyFile = () => join(dir, 'generated', 'story.json');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'arcs-pipeline-'));
  for (const name of ['films.csv', 'genre-mood-map.json', 'snapshot']) cpSync(join('data', name), join(dir, name), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the whole pipeline on the committed snapshot', () => {
  it('writes a story every film of which is in at most one archetype, prints a line per stage', () => {
    const lines: string[] = [];
    runPipeline({ dataDir: dir, log: (l) => lines.push(l), config: quickConfig });
    const story = Story.parse(JSON.parse(readFileSync(storyFile(), 'utf8')));
    expect(story.films).toHaveLength(20);
    expect(story.coverage.entries).toBe(414);
    expect(story.archetypes).toHaveLength(6);
    const members = story.archetypes.flatMap((c) => c.members);
    expect(new Set(members).size).toBe(members.length);
    for (const film of story.films) expect(film.archetype === null).toBe(film.arc === null);
    for (const stage of ['films', 'soundtracks', 'credits', 'genres', 'features', 'arcs', 'clusters', 'map', 'export']) {
      expect(lines.some((l) => l.trimStart().startsWith(stage))).toBe(true);
    }
    expect(lines.every((l) => !/NaN/.test(l))).toBe(true);
  });

  it('gives the same bytes on a second run', () => {
    runPipeline({ dataDir: dir, config: quickConfig });
    const first = readFileSync(storyFile());
    runPipeline({ dataDir: dir, config: quickConfig });
    expect(readFileSync(storyFile()).equals(first)).toBe(true);
    // Nothing is left behind from the atomic swap.
    expect(readdirSync(dir).filter((n) => n.includes('staging') || n.includes('previous'))).toEqual([]);
  });

  it('stops on a snapshot that fails its schema, names file, record and field, and keeps the previous output', () => {
    runPipeline({ dataDir: dir, config: quickConfig });
    const before = readFileSync(storyFile());
    const file = join(dir, 'snapshot', 'soundtracks', 'tt0133189.json');
    const original = readFileSync(file, 'utf8');
    const broken = JSON.parse(original);
    broken.tracks[2].performers = 'Ramones';
    writeFileSync(file, JSON.stringify(broken));
    try {
      expect(() => runPipeline({ dataDir: dir, config: quickConfig })).toThrow(
        /tt0133189\.json, record track 3 \("Too Hot"\), field "performers"/,
      );
      expect(readFileSync(storyFile()).equals(before)).toBe(true);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('stops on a malformed films.csv and keeps the previous output', () => {
    const before = readFileSync(storyFile());
    const file = join(dir, 'films.csv');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('SLC Punk,1998', 'SLC Punk,98'));
    try {
      expect(() => runPipeline({ dataDir: dir, config: quickConfig })).toThrow(/films\.csv, record line 2 \(SLC Punk\), field "Year"/);
      expect(readFileSync(storyFile()).equals(before)).toBe(true);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('keeps a film whose snapshot is missing, with no tracks, flagged', () => {
    const file = join(dir, 'snapshot', 'soundtracks', 'tt0102943.json');
    const original = readFileSync(file, 'utf8');
    rmSync(file);
    try {
      const { story } = runPipeline({ dataDir: dir, outDir: join(dir, 'other'), config: quickConfig });
      const slacker = story.films.find((f) => f.imdbId === 'tt0102943')!;
      expect(slacker.flags).toEqual(['no-soundtrack', 'no-featured-tracks']);
      expect(slacker.archetype).toBeNull();
      expect(story.warnings.some((w) => w.includes('tt0102943') && w.includes('no soundtrack snapshot'))).toBe(true);
    } finally {
      writeFileSync(file, original);
    }
    expect(existsSync(storyFile())).toBe(true);
  });
});
