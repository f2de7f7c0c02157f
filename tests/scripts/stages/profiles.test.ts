import { describe, expect, it } from 'vitest';
import { standing, vote } from '../../../scripts/stages/profiles.ts';

describe('vote', () => {
  it('gives the word more than half of the films share', () => {
    const films = ['a', 'b', 'c'].map((imdbId, i) => ({ imdbId, word: i < 2 ? 'high' : 'low' }));
    expect(vote(films)).toEqual({ word: 'high', films });
  });

  it('says mixed when no word has a majority: half is not more than half', () => {
    expect(
      vote([
        { imdbId: 'a', word: 'high' },
        { imdbId: 'b', word: 'low' },
      ]).word,
    ).toBe('mixed');
    expect(vote(['a', 'b', 'c'].map((imdbId, i) => ({ imdbId, word: ['low', 'middling', 'high'][i] }))).word).toBe('mixed');
  });

  it('needs both films of a pair to agree', () => {
    expect(
      vote([
        { imdbId: 'a', word: 'calm' },
        { imdbId: 'b', word: 'calm' },
      ]).word,
    ).toBe('calm');
  });
});

describe('standing', () => {
  const values = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
  const words: ['low', 'middling', 'high'] = ['low', 'middling', 'high'];

  it('ranks from the highest and puts the top third high, the bottom third low', () => {
    expect(standing(0.6, values, words)).toMatchObject({ rank: 1, of: 6, word: 'high' });
    expect(standing(0.1, values, words)).toMatchObject({ rank: 6, word: 'low' });
    expect(standing(0.35, values, words).word).toBe('middling');
  });

  it('ranks ties together', () => {
    expect(standing(0.3, [0.3, 0.3, 0.1], words).rank).toBe(1);
  });
});
