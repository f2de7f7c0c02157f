import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../../scripts/config.ts';
import { writeOutputs } from '../../../scripts/pipeline/outputs.ts';
import { KEY_FILE } from '../../../scripts/pipeline/reuse.ts';
import { stableJson, Story } from '../../../scripts/schemas.ts';

const agreement = { ari: 0, films: 0 };
const pooled = { shuffle: 'blocks' as const, ratio: 1, p: 1, filmsBelowSignificance: 0, filmsTested: 0, expectedByChance: 0 };

/** A story of an empty catalogue: every part the schema asks for, and no film. */
function emptyStory(): Story {
  return {
    method: {
      steps: 10,
      arcScaling: 'per-film',
      minFeaturedTracks: 3,
      pcaVarianceTarget: 0.8,
      kmeansRestarts: 10,
      nullModelDraws: 0,
      stabilityResamples: 0,
      orderShuffles: 0,
      trendShuffles: 0,
      shapeShuffles: 0,
      shapeMinCorrelation: 0.7,
      significance: 0.05,
      narrowRangeShare: 0.25,
      seeds: defaultConfig.seeds,
    },
    coverage: { entries: 0, withPerformer: 0, withGenres: 0, withFeatures: 0 },
    films: [],
    archetypes: [],
    analysis: {
      k: 6,
      components: 0,
      explainedVariance: [],
      inertia: 0,
      kEvidence: [],
      clusteredFilms: 0,
      thinFilms: [],
      nullModel: {
        draws: 0,
        reduced: false,
        significance: 0.05,
        shuffle: 'blocks',
        byK: [],
        songLevel: null,
        verdict: { chosenK: 6, chosenP: 1, beyondChance: false, otherKBeyondChance: [], text: 'no films' },
      },
      stability: {
        resamples: 0,
        reduced: false,
        thresholds: { stable: 0.75, dissolved: 0.5 },
        baselineDraws: 0,
        archetypes: [],
        coAssignment: null,
        coAssignmentFilms: [],
        pairs: [],
        strays: [],
      },
      orderSignal: { shuffles: 0, overall: pooled, songLevel: { ...pooled, shuffle: 'songs' } },
      calibration: { significance: 0.05, worlds: 0, tests: [], clusteringDraws: { mean: 0, max: 0 } },
      power: null,
      levels: { resamples: 0, films: [] },
      lineup: null,
      featureRanges: null,
      replication: {
        study: { components: 3, seed: 42, minFeaturedTracks: 1, reading: 'points' },
        differences: [],
        agreement: { published: agreement, studySettings: agreement, publishedWithStudySettings: agreement },
        featured: [],
        featuredTotals: { study: 0, site: 0, filmsDiffering: 0 },
        unusedByPoints: { songs: 0, unused: 0 },
      },
      studyComparison: { ari: 0, films: 0 },
      levelPreservingAri: 1,
      map: { method: 'none', perplexity: 0 },
    },
    genres: { moodMap: {}, unmappedTags: {}, unknownArtists: [], artistsWithoutGenres: [], providers: {} },
    warnings: ['a warning'],
  };
}
const nothingExpected = { films: 0, listedTracks: new Map<string, number>() };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arcs-outputs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeOutputs', () => {
  it('writes story.json in stable bytes and the analysis key beside it', () => {
    const out = join(dir, 'generated');
    writeOutputs(emptyStory(), out, nothingExpected, 'abc123');
    expect(readFileSync(join(out, 'story.json'), 'utf8')).toBe(stableJson(emptyStory()));
    expect(readFileSync(join(out, KEY_FILE), 'utf8')).toBe('abc123\n');
  });
  it('writes no key file without a key, and drops an old one', () => {
    const out = join(dir, 'generated');
    writeOutputs(emptyStory(), out, nothingExpected, 'old-key');
    writeOutputs(emptyStory(), out, nothingExpected);
    expect(readdirSync(out)).toEqual(['story.json']);
  });
  it('writes what the schema keeps: a field the story does not define never reaches the file', () => {
    const out = join(dir, 'generated');
    writeOutputs({ ...emptyStory(), debug: 'internal' } as Story, out, nothingExpected);
    expect(readFileSync(join(out, 'story.json'), 'utf8')).not.toContain('debug');
  });
  it('writes nothing when the story breaks an invariant, listing each, and keeps the previous output', () => {
    const out = join(dir, 'generated');
    writeOutputs(emptyStory(), out, nothingExpected, 'good');
    const before = readFileSync(join(out, 'story.json'), 'utf8');
    const broken = { ...emptyStory(), analysis: { ...emptyStory().analysis, inertia: Number.NaN } };
    expect(() => writeOutputs(broken, out, { ...nothingExpected, films: 2 }, 'bad')).toThrow(
      "the pipeline's output breaks 2 invariant(s); nothing was written:\n  - story.analysis.inertia is NaN\n  - the story has 0 films, data/films.csv has 2",
    );
    expect(readFileSync(join(out, 'story.json'), 'utf8')).toBe(before);
    expect(readFileSync(join(out, KEY_FILE), 'utf8')).toBe('good\n');
  });
  it('refuses a story the schema refuses, and creates no output folder', () => {
    const out = join(dir, 'generated');
    const bad = { ...emptyStory(), warnings: [42] } as unknown as Story;
    expect(() => writeOutputs(bad, out, nothingExpected)).toThrow(/warnings/);
    expect(existsSync(out)).toBe(false);
  });
});
