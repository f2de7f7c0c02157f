import { describe, expect, it } from 'vitest';
import type { FilmTrend } from '../../../scripts/schemas.ts';
import { describeGroupTrends, describeTrends, orderSentence, shapeSentence } from '../../../src/story/describe.ts';

const none = { slope: 0.3, p: 0.4, word: 'no-trend' as const };

describe('a film in words, from the one trend measure', () => {
  it('says a feature rises or falls only where its p says so, with its slope and p', () => {
    const trend: FilmTrend = {
      valence: { slope: -2.64, p: 0.034, word: 'falling' },
      energy: { slope: 3.06, p: 0.045, word: 'rising' },
      danceability: none,
      tempo: none,
    };
    expect(describeTrends(trend)).toBe(
      'Valence falls over the film (−2.6 standard deviations, p = 0.03); energy rises over the film (+3.1 standard deviations, p = 0.04); danceability and tempo show no trend beyond what reordering its artist runs gives.',
    );
  });
  it('never calls a large slope a rise when chance gives it as easily', () => {
    expect(describeTrends({ valence: { slope: 4, p: 0.3, word: 'no-trend' }, energy: none, danceability: none, tempo: none })).not.toMatch(
      /rises|falls/,
    );
  });
  it('speaks for a group only through what most of its films do', () => {
    expect(
      describeGroupTrends({
        valence: { word: 'mixed' },
        energy: { word: 'falling' },
        danceability: { word: 'no-trend' },
        tempo: { word: 'no-trend' },
      }),
    ).toBe('For most of its films, energy falls beyond chance.');
    expect(
      describeGroupTrends({
        valence: { word: 'mixed' },
        energy: { word: 'mixed' },
        danceability: { word: 'no-trend' },
        tempo: { word: 'no-trend' },
      }),
    ).toBe('No feature rises or falls beyond chance for most of its films.');
  });
});

describe('order and shape sentences', () => {
  it('never rounds a share short of all to 100%', () => {
    expect(orderSentence({ orderP: 0.003, smootherThan: 0.997, songs: 10, runs: 10 }, 0.05)).toBe(
      'Neighbouring songs are more alike than in over 99% of reorderings of its 10 artist runs: smoother than chance (p = 0.003).',
    );
  });
  it('says when a film’s songs are one run, whose order cannot be tested', () => {
    expect(orderSentence({ orderP: 1, smootherThan: 0, songs: 4, runs: 1 }, 0.05)).toMatch(/cannot be tested/);
  });
  it('names a shape only beyond chance', () => {
    expect(shapeSentence({ shape: 'tragedy', correlation: 0.8, shuffledSameShape: 0.3, p: 0.2, beyondChance: false })).toMatch(
      /within what chance gives/,
    );
    expect(shapeSentence({ shape: 'tragedy', correlation: 0.95, shuffledSameShape: 0.01, p: 0.01, beyondChance: true })).toMatch(
      /more closely than reordered runs/,
    );
  });
});
