/** Links that work at "/" and under a subpath (BASE_PATH): every internal href goes through here. */
const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

export function href(path: string): string {
  const clean = path.replace(/^\/+/, '');
  return `${base}${clean}`;
}

export const filmHref = (slug: string) => href(`films/${slug}/`);
/** Site-relative: an archetype page lives at archetypes/<file name of its essay>/ (its former address redirects here, see former-addresses.ts). */
export const ARCHETYPES_PATH = 'archetypes/';
export const archetypePath = (slug: string) => `${ARCHETYPES_PATH}${slug}/`;
export const archetypeHref = (slug: string) => href(archetypePath(slug));

/** Absolute URL for canonical links and Open Graph, from the configured site. */
export function absolute(path: string, site: URL | undefined): string {
  const url = new URL(href(path), site ?? 'https://example.org');
  return url.href;
}
