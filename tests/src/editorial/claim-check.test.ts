import { describe, expect, it } from 'vitest';
import type { StoryFilm } from '../../../scripts/schemas.ts';
import { CLAIM_WORDS, claimsIn, filmSubject, type Subject } from '../../../src/editorial/claim-check.ts';

type Words = Partial<Record<'valence' | 'energy' | 'danceability' | 'tempo', string>>;
/** A group of two films, A and B, whose own words are given per film; the group's word is theirs when they agree. */
function pair(
  a: { level?: Words; trend?: Words; volatility?: string },
  b: { level?: Words; trend?: Words; volatility?: string } = a,
): Subject {
  const vote = (x: string, y: string) => ({
    word: x === y ? x : 'mixed',
    films: [
      { imdbId: 'tt0000001', word: x },
      { imdbId: 'tt0000002', word: y },
    ],
  });
  const feature = (kind: 'level' | 'trend', fallback: string) =>
    Object.fromEntries(
      (['valence', 'energy', 'danceability', 'tempo'] as const).map((f) => [f, vote(a[kind]?.[f] ?? fallback, b[kind]?.[f] ?? fallback)]),
    ) as Subject['level'];
  return {
    who: 'its films',
    level: feature('level', 'middling'),
    trend: feature('trend', 'no-trend'),
    volatility: vote(a.volatility ?? 'moderate', b.volatility ?? 'moderate'),
    shape: vote('no-clear-shape', 'no-clear-shape'),
  };
}
const titles = (id: string) => ({ tt0000001: 'Suburbia', tt0000002: 'My Own Private Idaho' })[id] ?? id;
const essay = (title: string, summary: string, prose: string) =>
  `---\ntitle: ${title}\nsummary: ${summary}\nanchor: tt0000001\n---\n\n${prose}\n`;

describe('claim check', () => {
  it('holds a word about a group against each film, naming the file, the line and each film’s own word', () => {
    const warnings = claimsIn(
      'content/archetypes/x.mdx',
      essay('Hard', 'Two films.', 'They sound alike.'),
      pair({ level: { energy: 'high' } }, { level: { energy: 'low' } }),
      titles,
    );
    expect(warnings.map((w) => w.message)).toEqual([
      "content/archetypes/x.mdx:2: 'hard', but energy is not high for most of its films: Suburbia high, My Own Private Idaho low",
    ]);
  });
  it('stays quiet when most of the films bear the word out', () => {
    expect(
      claimsIn(
        'content/archetypes/x.mdx',
        essay('Loud', 'Calm between songs.', 'Loud and calm.'),
        pair({ level: { energy: 'high' }, volatility: 'calm' }),
        titles,
      ),
    ).toEqual([]);
  });
  it('reads the summary (the card and the meta description), any frontmatter text, and the prose with its own line numbers; not the anchor', () => {
    const text = essay(
      'A mixtape',
      'It builds.',
      'The soundtrack sinks.\n\n<ArchetypeFact archetype="x" name="trendWord.energy" /> says how.',
    );
    const flat = claimsIn('content/archetypes/x.mdx', text, pair({}), titles);
    expect(flat.map((w) => `${w.line} ${w.word}`)).toEqual(['3 builds', '7 sinks']);
    expect(flat[0].message).toMatch(/energy is not rising beyond chance for most of its films: energy mixed|energy no-trend/);
    expect(claimsIn('content/archetypes/x.mdx', text, pair({ trend: { energy: 'rising', valence: 'falling' } }), titles)).toEqual([]);
  });
  it('does not read a negated word as a claim', () => {
    expect(
      claimsIn(
        'content/archetypes/x.mdx',
        essay('A', 'Not loud, never fast.', ''),
        pair({ level: { energy: 'low', tempo: 'low' } }),
        titles,
      ),
    ).toEqual([]);
  });
  it('knows the words the essays use for level, motion and shape', () => {
    for (const word of ['bleak', 'restless', 'quiet', 'calm', 'danceable', 'slow', 'fades', 'sweetening', 'decline', 'tragedy'])
      expect(CLAIM_WORDS[word], word).toBeDefined();
  });
  it('holds a film note against the film itself', () => {
    const film = {
      imdbId: 'tt0000001',
      descriptors: {
        level: { valence: { word: 'low' }, energy: { word: 'high' }, danceability: { word: 'low' }, tempo: { word: 'high' } },
        volatility: { word: 'calm' },
      },
      trend: {
        valence: { word: 'no-trend' },
        energy: { word: 'no-trend' },
        danceability: { word: 'no-trend' },
        tempo: { word: 'no-trend' },
      },
      shape: { shape: 'tragedy', beyondChance: false },
    } as unknown as StoryFilm;
    const warnings = claimsIn(
      'content/films/tt0000001.mdx',
      '---\nfilm: tt0000001\n---\n\nA bleak, loud tragedy.\n',
      filmSubject(film)!,
      titles,
    );
    expect(warnings.map((w) => w.word)).toEqual(['tragedy']);
  });
});
