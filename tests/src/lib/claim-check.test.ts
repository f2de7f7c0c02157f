import { describe, expect, it } from 'vitest';
import type { StoryCluster } from '../../../scripts/schemas.ts';
import { claimsIn } from '../../../src/lib/claim-check.ts';

/** Only the descriptors matter to the claim check. */
function archetype(volatility: { value: number; rank: number; of: number; word: 'calm' | 'moderate' | 'volatile' }, trend: Partial<Record<'valence' | 'energy' | 'danceability' | 'tempo', number>> = {}): StoryCluster {
  const t = (f: 'valence' | 'energy' | 'danceability' | 'tempo') => {
    const change = trend[f] ?? 0;
    return { change, word: change >= 0.25 ? ('rising' as const) : change <= -0.25 ? ('falling' as const) : ('flat' as const) };
  };
  const middling = { value: 0.5, percentile: 0.5, word: 'middling' as const };
  return {
    descriptors: {
      level: { valence: middling, energy: middling, danceability: middling, tempo: { value: 120, percentile: 0.5, word: 'middling' } },
      volatility: { ...volatility, percentile: 0.5 },
      trend: { valence: t('valence'), energy: t('energy'), danceability: t('danceability'), tempo: t('tempo') },
      shape: { shape: 'no-clear-shape', correlation: 0.3 },
    },
  } as unknown as StoryCluster;
}

const essay = (summary: string, prose: string) => `---\ntitle: Detached Nihilism\nsummary: ${summary}\nanchor: tt0162346\n---\n\n${prose}\n`;

describe('claim check', () => {
  it('flags "flat" on the archetype whose songs change the most, naming the file, the line and the figure', () => {
    const warnings = claimsIn('content/archetypes/x.mdx', essay('Emotionally flat, observational, ironic.', 'These films watch.'), archetype({ value: 0.149, rank: 1, of: 6, word: 'volatile' }));
    expect(warnings.map((w) => w.message)).toEqual(["content/archetypes/x.mdx:3: 'flat', but this archetype's songs change the most between neighbours: 0.15, highest of 6"]);
  });
  it('stays quiet when the data agrees: "flat" on the calmest archetype', () => {
    expect(claimsIn('content/archetypes/x.mdx', essay('Emotionally flat.', 'Steady, calm songs.'), archetype({ value: 0.05, rank: 6, of: 6, word: 'calm' }))).toEqual([]);
  });
  it('reads the prose with its own line numbers and ignores words inside components', () => {
    const text = essay('A mixtape.', 'The soundtrack builds and builds.\n\n<ArchetypeFact archetype="x" name="trend.energy" /> says how much it climbs.');
    const falling = claimsIn('content/archetypes/x.mdx', text, archetype({ value: 0.5, rank: 3, of: 6, word: 'moderate' }, { energy: -0.6 }));
    expect(falling.map((w) => `${w.line} ${w.word}`)).toEqual(['7 builds', '7 builds', '9 climbs']);
    expect(claimsIn('content/archetypes/x.mdx', text, archetype({ value: 0.5, rank: 3, of: 6, word: 'moderate' }, { energy: 0.9 }))).toEqual([]);
  });
  it('does not read a negated word as a claim', () => {
    expect(claimsIn('content/archetypes/x.mdx', essay('Few jumps, not volatile.', ''), archetype({ value: 0.05, rank: 6, of: 6, word: 'calm' }))).toEqual([]);
  });
});
