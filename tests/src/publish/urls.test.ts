import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => vi.unstubAllEnvs());

/** The module as a build with this base path loads it (the base is read once, at load). */
async function at(base: string) {
  vi.stubEnv('BASE_URL', base);
  vi.resetModules();
  return import('../../../src/publish/urls.ts');
}

describe('links at the site’s root', () => {
  it('start every internal link with a single slash', async () => {
    const { href, filmHref, archetypeHref } = await at('/');
    expect(href('/')).toBe('/');
    expect(href('data/')).toBe('/data/');
    expect(href('///method/')).toBe('/method/');
    expect(filmHref('slc-punk')).toBe('/films/slc-punk/');
    expect(archetypeHref('kids-and-mid90s')).toBe('/archetypes/kids-and-mid90s/');
  });
});

describe('links under a subpath', () => {
  it('put the base path in front, with or without its trailing slash, never doubling a slash', async () => {
    for (const base of ['/soundtrack-arcs/', '/soundtrack-arcs']) {
      const { href, filmHref } = await at(base);
      expect(href('/'), base).toBe('/soundtrack-arcs/');
      expect(href('/films/kids/'), base).toBe('/soundtrack-arcs/films/kids/');
      expect(filmHref('kids'), base).toBe('/soundtrack-arcs/films/kids/');
    }
  });

  it('keep an archetype’s path site-relative, for the former addresses to point at', async () => {
    const { archetypePath, archetypeHref, ARCHETYPES_PATH } = await at('/soundtrack-arcs/');
    expect(ARCHETYPES_PATH).toBe('archetypes/');
    expect(archetypePath('out-of-the-blue')).toBe('archetypes/out-of-the-blue/');
    expect(archetypeHref('out-of-the-blue')).toBe('/soundtrack-arcs/archetypes/out-of-the-blue/');
  });

  it('make absolute addresses on the configured site, under the base path', async () => {
    const { absolute } = await at('/soundtrack-arcs/');
    expect(absolute('films/kids/', new URL('https://someone.github.io'))).toBe('https://someone.github.io/soundtrack-arcs/films/kids/');
    // A site configured with a path of its own does not add it twice: the base path is already absolute.
    expect(absolute('/', new URL('https://someone.github.io/soundtrack-arcs/'))).toBe('https://someone.github.io/soundtrack-arcs/');
  });
});

describe('absolute addresses without a configured site', () => {
  it('fall back to example.org rather than failing', async () => {
    const { absolute } = await at('/');
    expect(absolute('og.png', undefined)).toBe('https://example.org/og.png');
  });
});
