import { describe, expect, it } from 'vitest';
import { FEATURES, type Story, type StoryArchetype } from '../../../scripts/schemas.ts';
import { ARCHETYPE_FACTS, STABILITY_WORDS, archetypeFact, votedWord } from '../../../src/story/archetype-facts.ts';

const story = {
  films: [
    { imdbId: 'tt0086589', title: 'Suburbia' },
    { imdbId: 'tt0102494', title: 'My Own Private Idaho' },
    { imdbId: 'tt0112373', title: 'Kids' },
  ],
  archetypes: [],
} as unknown as Story;

const held = <W extends string>(word: W) => ({ word, films: [] as { imdbId: string; word: W }[] });
const levelWord = held('middling' as const);
const trendWord = held('no-trend' as const);

function group(over: Partial<StoryArchetype> = {}): StoryArchetype {
  return {
    id: 1,
    members: ['tt0086589', 'tt0102494', 'tt0112373'],
    level: { valence: 0.456, energy: 0.8, danceability: 0.5, tempo: 131.6 },
    stability: { jaccard: 0.613, dissolved: 0.125, baseline: { mean: 0.41, p95: 0.5 }, reading: 'fragile', size: 3 },
    study: { name: 'Sweetening', jaccard: 0.25, shared: ['tt0112373'], studySize: 2, keepsStudyName: false },
    descriptors: {
      level: { valence: levelWord, energy: held('high'), danceability: levelWord, tempo: levelWord },
      trend: { valence: held('falling'), energy: trendWord, danceability: trendWord, tempo: trendWord },
      volatility: {
        word: 'mixed',
        films: [
          { imdbId: 'tt0086589', word: 'calm' },
          { imdbId: 'tt0102494', word: 'volatile' },
          { imdbId: 'tt0112373', word: 'moderate' },
        ],
      },
      shape: {
        word: 'mixed',
        films: [
          { imdbId: 'tt0086589', word: 'tragedy' },
          { imdbId: 'tt0112373', word: 'no-clear-shape' },
        ],
      },
    },
    ...over,
  } as StoryArchetype;
}
const fact = (name: string, g: StoryArchetype = group()) => archetypeFact(name, g, story);

describe('votedWord', () => {
  it('gives the word most films share, through the caller’s phrasing', () => {
    expect(votedWord(held('calm'), story)).toBe('calm');
    expect(votedWord(held('rising'), story, (w) => `${w}!`)).toBe('rising!');
  });

  it('reads “mixed” otherwise, naming what each film does, by title', () => {
    expect(fact('volatilityWord')).toBe('mixed (Suburbia calm, My Own Private Idaho volatile and Kids moderate)');
  });
});

describe('a group’s facts', () => {
  it('counts and names its films', () => {
    expect(fact('films')).toBe('3');
    expect(fact('filmTitles')).toBe('Suburbia, My Own Private Idaho and Kids');
  });

  it('gives its stability to two decimals beside its baseline, and its reading in words', () => {
    expect([fact('stability'), fact('stabilityBaseline'), fact('stabilityBaseline95')]).toEqual(['0.61', '0.41', '0.50']);
    expect(fact('stabilityReading')).toBe('fragile');
    expect(fact('stabilityWords')).toBe(STABILITY_WORDS.fragile);
    expect(fact('dissolvedShare')).toBe('13%');
  });

  it('has words for every stability reading', () => {
    for (const reading of ['stable', 'fragile', 'dissolved', 'single'] as const) {
      const g = group({ stability: { ...group().stability, reading } });
      expect(fact('stabilityWords', g)).toMatch(new RegExp(`^${reading === 'single' ? 'a single film' : reading}`));
    }
  });

  it('gives each feature’s level as a reader reads it, and a dash for a group without one', () => {
    expect(fact('level.valence')).toBe('0.46');
    expect(fact('level.tempo')).toBe('132 BPM');
    expect(fact('level.energy', group({ level: null }))).toBe('—');
  });

  it('phrases the voted level, trend and shape words', () => {
    expect(fact('levelWord.energy')).toBe('high');
    expect(fact('trendWord.valence')).toBe('falls');
    expect(fact('trendWord.tempo')).toBe('has no clear trend');
    expect(fact('shape')).toBe('mixed (Suburbia tragedy and Kids no clear shape)');
    const rising = group();
    rising.descriptors.trend.energy = held('rising');
    expect(fact('trendWord.energy', rising)).toBe('rises');
  });

  it('names the study archetype it matches and the films they share, or says none', () => {
    expect([fact('studyMatch'), fact('studyShared'), fact('studyJaccard')]).toEqual(['Sweetening', 'Kids', '0.25']);
    const alone = group({ study: { name: null, jaccard: 0, shared: [], studySize: 0, keepsStudyName: false } });
    expect([fact('studyMatch', alone), fact('studyShared', alone)]).toEqual(['none', 'none']);
  });

  it('offers a level, level word and trend word for every feature, each described', () => {
    for (const f of FEATURES)
      for (const name of [`level.${f}`, `levelWord.${f}`, `trendWord.${f}`]) expect(ARCHETYPE_FACTS).toHaveProperty([name]);
    for (const [name, entry] of Object.entries(ARCHETYPE_FACTS)) expect(entry.describe.length, name).toBeGreaterThan(0);
  });

  it('refuses an unknown name, listing the names it knows', () => {
    expect(() => fact('stabilty')).toThrow(
      /^<ArchetypeFact name="stabilty" \/> names no figure\. Known names: films, filmTitles, stability,/,
    );
  });

  it('refuses a name every object answers to (toString), as any other unknown name', () => {
    expect(() => fact('toString')).toThrow(/names no figure/);
  });
});
