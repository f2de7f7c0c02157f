import { describe, expect, it } from 'vitest';
import { FEATURES, type Story, type StoryFilm } from '../../../scripts/schemas.ts';
import { FILM_FACTS, filmFact } from '../../../src/story/film-facts.ts';

const story = { method: { significance: 0.05 } } as unknown as Story;
const trend = (word: 'rising' | 'falling' | 'no-trend') => ({ slope: 1, p: 0.5, word });

function film(over: Partial<StoryFilm> = {}): StoryFilm {
  return {
    imdbId: 'tt0133189',
    title: 'SLC Punk!',
    coverage: { entries: 17, withPerformer: 15, withGenres: 14, withFeatures: 13 },
    runs: [3, 1, 2, 1, 1, 4],
    orderSignal: { orderP: 0.0004, smootherThan: 0.998, songs: 13, runs: 6, change: 1, shuffledChange: 1.2, songOrderP: 0.001 },
    extrapolatedShare: 0.125,
    shape: { shape: 'man-in-a-hole', correlation: 0.9, shuffledSameShape: 0.02, p: 0.01, beyondChance: true },
    trend: { valence: trend('rising'), energy: trend('falling'), danceability: trend('no-trend'), tempo: trend('no-trend') },
    ...over,
  } as StoryFilm;
}
const fact = (name: string, f: StoryFilm = film()) => filmFact(name, f, story);

describe('a film’s facts', () => {
  it('counts its songs, its songs with moods and its artist runs', () => {
    expect([fact('songs'), fact('songsWithMoods'), fact('runs')]).toEqual(['17', '13', '6']);
  });

  it('gives its order test’s p and share as prose does, never rounding a share short of all to 100%', () => {
    expect(fact('orderP')).toBe('p < 0.001');
    expect(fact('smootherThan')).toBe('over 99%');
    expect(fact('orderWords')).toBe('smoother than chance');
  });

  it('calls an order smoother than chance only below the significance level', () => {
    const at = (orderP: number) => fact('orderWords', film({ orderSignal: { ...film().orderSignal!, orderP } }));
    expect(at(0.049)).toBe('smoother than chance');
    expect(at(0.05)).toBe('within what chance gives');
    expect(at(0.6)).toBe('within what chance gives');
  });

  it('says “not tested” for a film without an order test or trends, rather than a number', () => {
    const untested = film({ orderSignal: null, trend: null });
    for (const name of ['orderP', 'orderWords', 'smootherThan', 'trend.valence', 'trend.tempo'])
      expect(fact(name, untested), name).toBe('not tested');
  });

  it('names a shape only when it holds beyond chance', () => {
    expect(fact('shape')).toBe('man in a hole');
    expect(fact('shape', film({ shape: { ...film().shape!, beyondChance: false } }))).toBe('no clear shape');
    expect(fact('shape', film({ shape: null }))).toBe('no clear shape');
  });

  it('says whether each feature rises or falls', () => {
    expect(FEATURES.map((f) => fact(`trend.${f}`))).toEqual(['rises', 'falls', 'shows no clear trend', 'shows no clear trend']);
  });

  it('gives the share of its listing held flat as a whole percent', () => {
    expect(fact('extrapolatedShare')).toBe('13%');
  });

  it('describes every figure it offers', () => {
    for (const [name, entry] of Object.entries(FILM_FACTS)) expect(entry.describe.length, name).toBeGreaterThan(0);
    for (const f of FEATURES) expect(FILM_FACTS).toHaveProperty([`trend.${f}`]);
  });

  it('refuses an unknown name, listing the names it knows', () => {
    expect(() => fact('orderp')).toThrow(
      /^<FilmFact name="orderp" \/> names no figure\. Known names: songs, songsWithMoods, runs, orderP,/,
    );
  });

  it('refuses a name every object answers to (toString), as any other unknown name', () => {
    expect(() => fact('toString')).toThrow(/names no figure/);
  });
});
