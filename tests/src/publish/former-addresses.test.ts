import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARCHETYPE_COLLECTION } from '../../../src/editorial/content-schemas.ts';
import { FORMER_ADDRESSES, FORMER_ARCHETYPE_SLUGS, RENAMED_GROUPS } from '../../../src/publish/former-addresses.ts';
import { ARCHETYPES_PATH } from '../../../src/publish/urls.ts';

/** The group pages the site builds now: one per essay in content/archetypes/. */
const essays = readdirSync(join(import.meta.dirname, '../../../content', ARCHETYPE_COLLECTION))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => name.slice(0, -'.mdx'.length));

describe('former addresses', () => {
  it('keep the /clusters/ index and every group published there and under its former name', () => {
    expect(FORMER_ADDRESSES['clusters/']).toBe(ARCHETYPES_PATH);
    for (const slug of FORMER_ARCHETYPE_SLUGS) {
      expect(FORMER_ADDRESSES[`clusters/${slug}/`]).toBe(`archetypes/${RENAMED_GROUPS[slug]}/`);
      expect(FORMER_ADDRESSES[`archetypes/${slug}/`]).toBe(`archetypes/${RENAMED_GROUPS[slug]}/`);
    }
    expect(Object.keys(FORMER_ADDRESSES)).toHaveLength(1 + 2 * FORMER_ARCHETYPE_SLUGS.length);
  });

  it('lead each to a page the site builds now', () => {
    for (const [from, to] of Object.entries(FORMER_ADDRESSES)) {
      if (to === ARCHETYPES_PATH) continue;
      const slug = to.match(/^archetypes\/([^/]+)\/$/)?.[1];
      expect(essays, `${from} → ${to}`).toContain(slug);
    }
  });

  it('send every former group to a different page', () => {
    expect(new Set(Object.values(RENAMED_GROUPS)).size).toBe(FORMER_ARCHETYPE_SLUGS.length);
  });

  it('never take an address a page has now, nor lead to another former address', () => {
    for (const slug of FORMER_ARCHETYPE_SLUGS) expect(essays).not.toContain(slug);
    for (const to of Object.values(FORMER_ADDRESSES)) expect(FORMER_ADDRESSES).not.toHaveProperty([to]);
  });

  it('are site-relative folders, as the redirect pages and href() take them', () => {
    for (const [from, to] of Object.entries(FORMER_ADDRESSES)) {
      for (const path of [from, to]) expect(path).toMatch(/^[a-z0-9-]+\/([a-z0-9-]+\/)?$/);
    }
  });
});
