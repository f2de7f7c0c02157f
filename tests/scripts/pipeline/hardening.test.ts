/** Bad input and edge cases: each is refused or flagged with a message that says where, and nothing good is lost. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickConfig } from '../../support/quick-config.ts';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkInvariants } from '../../../scripts/lib/invariants.ts';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { stableJson } from '../../../scripts/lib/files.ts';
import type { Story } from '../../../scripts/schemas.ts';
import { filmCaveats } from '../../../src/story/caveats.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'arcs-hard-'));
  for (const name of ['films.csv', 'genre-mood-map.json', 'snapshot']) cpSync(join('data', name), join(dir, name), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const story = () => JSON.parse(readFileSync(join(dir, 'generated', 'story.json'), 'utf8')) as Story;

describe('edge cases in the data', () => {
  it('keeps a film with an empty soundtrack and sets apart one with a single featured track, flagged and explained', () => {
    const emptyFile = join(dir, 'snapshot', 'soundtracks', 'tt0086589.json');
    const empty = JSON.parse(readFileSync(emptyFile, 'utf8'));
    writeFileSync(emptyFile, stableJson({ ...empty, total: 0, tracks: [] }));
    try {
      runPipeline({ dataDir: dir, config: quickConfig });
      const s = story();
      const suburbia = s.films.find((f) => f.imdbId === 'tt0086589')!;
      expect(suburbia).toMatchObject({ archetype: null, arc: null, flags: ['no-featured-tracks'] });
      expect(filmCaveats(suburbia)).toEqual(['The film’s soundtrack listing is empty, so it has no arc and no group.']);
      const slacker = s.films.find((f) => f.imdbId === 'tt0102943')!;
      expect(slacker).toMatchObject({
        flags: ['few-featured-tracks'],
        archetype: null,
        confidence: null,
        arc: null,
        map: null,
        orderSignal: null,
      });
      expect(s.analysis.thinFilms).toContain('tt0102943');
      expect(s.archetypes.flatMap((c) => c.members)).not.toContain('tt0102943');
      expect(filmCaveats(slacker)[0]).toMatch(
        /^Only 1 of the 24 listed songs has mood features, too few to trace an arc: one song scaled within its film is a flat line/,
      );
      expect(
        s.warnings.some((w) =>
          w.startsWith('tt0102943 (Slacker): only 1 track(s) with mood features, fewer than 3: the film gets no arc and no archetype'),
        ),
      ).toBe(true);
    } finally {
      writeFileSync(emptyFile, stableJson(empty, 2));
    }
  });

  it('lists a genre the mood map does not know as a warning, and goes on', () => {
    const file = join(dir, 'snapshot', 'artist-genres.json');
    const original = readFileSync(file, 'utf8');
    const genres = JSON.parse(original);
    genres.artists.Ramones.genres = ['punk', 'polka-core'];
    writeFileSync(file, JSON.stringify(genres));
    try {
      runPipeline({ dataDir: dir, config: quickConfig });
      expect(story().genres.unmappedTags['polka-core']).toBeGreaterThan(0);
      expect(story().warnings.find((w) => w.startsWith('genre tags not in the genre→mood map'))).toMatch(/polka-core \(\d+\)/);
    } finally {
      writeFileSync(file, original);
    }
  });
});

describe('the pipeline command on bad input', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/run.mjs', 'pipeline', '--data', dir, ...args], { encoding: 'utf8' });
  for (const [what, edit, message] of [
    [
      'a missing column',
      (csv: string) => csv.replace('Vibe Keywords,', ''),
      /films\.csv, record header \(line 1\), field "Vibe Keywords": missing column/,
    ],
    [
      'a malformed IMDb ID',
      (csv: string) => csv.replace('tt0120238', 'tt12'),
      /films\.csv, record line 3 \(SubUrbia \(Linklater\)\), field "IMDb ID": "tt12" is not an IMDb title ID/,
    ],
    [
      'a duplicate IMDb ID',
      (csv: string) => csv.replace('tt0120238', 'tt0133189'),
      /films\.csv, record line 3 \(SubUrbia \(Linklater\)\), field "IMDb ID": tt0133189 is already used on line 2/,
    ],
    ['a malformed year', (csv: string) => csv.replace('1996', 'mid-90s'), /field "Year": "mid-90s" is not a four-digit year/],
  ] as const) {
    it(`refuses films.csv with ${what}, exits non-zero and keeps the previous output`, () => {
      runPipeline({ dataDir: dir, config: quickConfig });
      const before = readFileSync(join(dir, 'generated', 'story.json'));
      const file = join(dir, 'films.csv');
      const original = readFileSync(file, 'utf8');
      writeFileSync(file, edit(original));
      try {
        const result = cli();
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(message);
        expect(result.stderr).toMatch(/The previous data\/generated\/ was left as it was/);
        expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
        expect(readFileSync(join(dir, 'generated', 'story.json')).equals(before)).toBe(true);
      } finally {
        writeFileSync(file, original);
      }
    });
  }
  it('refuses a snapshot that is not JSON, naming the file', () => {
    const file = join(dir, 'snapshot', 'soundtracks', 'tt0084698.json');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.slice(0, 200));
    try {
      const result = cli();
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /tt0084698\.json: is not valid JSON at line \d+, column \d+: the file ends before the JSON is complete/,
      );
    } finally {
      writeFileSync(file, original);
    }
  });
});

describe('invariants', () => {
  const base = (): Story => JSON.parse(readFileSync(join(dir, 'generated', 'story.json'), 'utf8'));
  it('hold on a real run', () => {
    runPipeline({ dataDir: dir, config: quickConfig });
    expect(checkInvariants(base())).toEqual([]);
  });
  it('catch NaN, features out of range, a film in two archetypes and a confidence above 1', () => {
    const s = base();
    s.films[0].tracks.find((t) => t.features)!.features!.energy = 1.4;
    s.films[1].confidence = 1.2;
    (s.films[2].arc![0] as { valence: number }).valence = Number.NaN;
    s.archetypes[1].members.push(s.archetypes[0].members[0]);
    const problems = checkInvariants(s);
    expect(problems.some((p) => /energy 1\.4 is outside \[0, 1\]/.test(p))).toBe(true);
    expect(problems.some((p) => /confidence 1\.2 is outside \[0, 1\]/.test(p))).toBe(true);
    expect(problems.some((p) => /is NaN/.test(p))).toBe(true);
    expect(problems.some((p) => /is in 2 archetypes \(must be exactly 1\)/.test(p))).toBe(true);
  });
  it('catch a film below the featured-song minimum that was given an archetype', () => {
    const s = base();
    const thin = s.films.find((f) => f.coverage.withFeatures < s.method.minFeaturedTracks)!;
    thin.archetype = 1;
    expect(
      checkInvariants(s).some((p) =>
        p.startsWith(`${thin.imdbId} (${thin.title}): has ${thin.coverage.withFeatures} song(s) with mood features, fewer than 3`),
      ),
    ).toBe(true);
  });
});
