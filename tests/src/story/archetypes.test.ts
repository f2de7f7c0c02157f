import { describe, expect, it } from 'vitest';
import { BindingError, bindArchetypes, type ArchetypeEssay } from '../../../src/story/archetypes.ts';
import type { Story } from '../../../scripts/schemas.ts';

const film = (imdbId: string, title: string, cluster: number | null) =>
  ({
    imdbId,
    title,
    archetype: cluster,
    arc: cluster === null ? null : [],
    flags: cluster === null ? ['few-featured-tracks'] : [],
    coverage: { entries: 12, withPerformer: 4, withGenres: 2, withFeatures: cluster === null ? 2 : 9 },
  }) as unknown as Story['films'][number];
const story = {
  method: { minFeaturedTracks: 3 },
  films: [film('tt0000001', 'Alpha', 1), film('tt0000002', 'Beta', 1), film('tt0000003', 'Gamma', 2), film('tt0000004', 'Delta', null)],
  archetypes: [
    { id: 1, members: ['tt0000001', 'tt0000002'] },
    { id: 2, members: ['tt0000003'] },
  ],
} as unknown as Story;
const essay = (slug: string, anchor: string): ArchetypeEssay => ({
  slug,
  file: `content/archetypes/${slug}.mdx`,
  title: slug,
  summary: 's',
  anchor,
});

describe('binding essays to clusters', () => {
  it('binds each essay to the cluster of its anchor film', () => {
    const bound = bindArchetypes([essay('b', 'tt0000003'), essay('a', 'tt0000002')], story);
    expect(bound.map((a) => [a.slug, a.cluster.id, a.members.map((m) => m.title)])).toEqual([
      ['a', 1, ['Alpha', 'Beta']],
      ['b', 2, ['Gamma']],
    ]);
  });
  it('names the file and the unknown anchor', () => {
    expect(() => bindArchetypes([essay('a', 'tt9999999'), essay('b', 'tt0000003')], story)).toThrow(
      /content\/archetypes\/a\.mdx: anchor "tt9999999" is not a film/,
    );
  });
  it('names both files and their films when two essays share a cluster, and the cluster left without one', () => {
    try {
      bindArchetypes([essay('a', 'tt0000001'), essay('b', 'tt0000002')], story);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BindingError);
      const message = (error as Error).message;
      expect(message).toContain(
        'content/archetypes/a.mdx and content/archetypes/b.mdx all anchor films of the same cluster (tt0000001 (Alpha); tt0000002 (Beta))',
      );
      expect(message).toContain('the cluster of tt0000003 (Gamma) has no essay');
    }
  });
  it('rejects an anchor film that has no archetype', () => {
    expect(() => bindArchetypes([essay('a', 'tt0000004'), essay('b', 'tt0000003'), essay('c', 'tt0000001')], story)).toThrow(
      'a.mdx: anchor tt0000004 (Delta) has no archetype, because only 2 of its 12 listed songs have mood features, fewer than the 3 an arc needs',
    );
  });
});
