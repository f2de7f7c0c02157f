import { describe, expect, it } from 'vitest';
import { CalibrationTestId, type Story } from '../../../scripts/schemas.ts';
import {
  CALIBRATION_LABELS,
  calibrationTest,
  calibrationVerdict,
  chosenNullRow,
  clusteredFilms,
  filmTitle,
  findingSentence,
  readings,
  strengthWords,
} from '../../../src/story/evidence.ts';

const story = (over: { strengths?: number[] | null; beyondChance?: boolean } = {}) =>
  ({
    films: [
      { imdbId: 'tt0086589', title: 'Suburbia', archetype: 1 },
      { imdbId: 'tt0102943', title: 'Slacker', archetype: null },
      { imdbId: 'tt0112373', title: 'Kids', archetype: 2 },
    ],
    archetypes: [],
    analysis: {
      k: 3,
      nullModel: {
        byK: [
          { k: 2, p: 0.4 },
          { k: 3, p: 0.2 },
          { k: 4, p: 0.01 },
        ],
        verdict: { beyondChance: over.beyondChance ?? false },
      },
      stability: { archetypes: [{ reading: 'fragile' }, { reading: 'dissolved' }, { reading: 'fragile' }, { reading: 'single' }] },
      calibration: {
        tests: [
          { id: 'clustering', rejectionRate: 0.05 },
          { id: 'trend', rejectionRate: 0.04 },
        ],
      },
      power: over.strengths === null ? null : { curve: (over.strengths ?? [0, 0.5, 1, 1.5, 2, 3]).map((strength) => ({ strength })) },
    },
  }) as unknown as Story;

describe('lookups into the evidence', () => {
  it('keeps the films with an archetype, in order', () => {
    expect(clusteredFilms(story()).map((f) => f.title)).toEqual(['Suburbia', 'Kids']);
  });

  it('finds the null model’s row at the chosen k, not the first or the best', () => {
    expect(chosenNullRow(story())).toEqual({ k: 3, p: 0.2 });
  });

  it('counts the groups with a stability reading', () => {
    expect(readings(story(), 'fragile')).toBe(2);
    expect(readings(story(), 'stable')).toBe(0);
  });

  it('finds a calibrated test by id, or null when the story has none', () => {
    expect(calibrationTest(story(), 'trend')).toEqual({ id: 'trend', rejectionRate: 0.04 });
    expect(calibrationTest(story(), 'shape')).toBeNull();
  });

  it('titles a film by its id', () => {
    expect(filmTitle(story(), 'tt0112373')).toBe('Kids');
  });
});

describe('the power curve’s strengths in words', () => {
  it('lists the planted strengths above zero, the last after “and”', () => {
    expect(strengthWords(story())).toBe('0.5, 1, 1.5, 2 and 3');
    expect(strengthWords(story({ strengths: [0, 2] }))).toBe('2');
    expect(strengthWords(story({ strengths: [0, 1, 2] }))).toBe('1 and 2');
  });

  it('says nothing when no power curve was run', () => {
    expect(strengthWords(story({ strengths: null }))).toBe('');
    expect(strengthWords(story({ strengths: [0] }))).toBe('');
  });
});

describe('calibration', () => {
  it('names every test the calibration can report, short and in full', () => {
    expect(Object.keys(CALIBRATION_LABELS).sort()).toEqual([...CalibrationTestId.options].sort());
    for (const [id, { short, long }] of Object.entries(CALIBRATION_LABELS)) {
      expect(short.length, id).toBeGreaterThan(0);
      expect(long.length, id).toBeGreaterThan(short.length);
    }
    // The withdrawn tests say so in both names.
    for (const id of ['order-within-films-songs', 'order-pooled-songs', 'archetype-spread'] as const) {
      expect(CALIBRATION_LABELS[id].short).toMatch(/^withdrawn: /);
      expect(CALIBRATION_LABELS[id].long).toMatch(/^Withdrawn: /);
    }
  });

  it('trusts a test that rejects about 5% of the time, and no test that rejects over 7%', () => {
    expect(calibrationVerdict({ rejectionRate: 0.05, withdrawn: false })).toBe('calibrated');
    expect(calibrationVerdict({ rejectionRate: 0.07, withdrawn: false })).toBe('calibrated');
    expect(calibrationVerdict({ rejectionRate: 0.03, withdrawn: false })).toBe('calibrated');
    expect(calibrationVerdict({ rejectionRate: 0.029, withdrawn: false })).toBe('calibrated, cautious');
    expect(calibrationVerdict({ rejectionRate: 0.071, withdrawn: false })).toBe('rejects too often');
  });

  it('says a withdrawn test is withdrawn, and why when it rejects far too often', () => {
    expect(calibrationVerdict({ rejectionRate: 0.21, withdrawn: true })).toBe('rejects far too often: withdrawn');
    expect(calibrationVerdict({ rejectionRate: 0.05, withdrawn: true })).toBe('withdrawn');
    expect(calibrationVerdict({ rejectionRate: 0.01, withdrawn: true })).toBe('withdrawn');
  });
});

describe('the finding', () => {
  it('turns with the null model’s verdict', () => {
    expect(findingSentence(story())).toBe('The order of a film’s songs does not trace an arc that films share');
    expect(findingSentence(story({ beyondChance: true }))).toBe('The order of a film’s songs traces arcs that films share');
  });
});
