/**
 * Addresses the site published before archetype pages moved from /clusters/ to
 * /archetypes/. Links and bookmarks to them keep working: src/pages/clusters/[...former].astro
 * writes each as a page that refreshes to the new address (no server rules needed,
 * JavaScript or not). The list is what was published, not what content/ holds now: an
 * essay added later never had a /clusters/ address.
 */
export const FORMER_ARCHETYPE_SLUGS = ['cooling-off', 'danceable-fade', 'hard-and-steady', 'louder-and-bleaker', 'sweetening', 'the-long-decline'] as const;

/** Former site-relative path → the path it moved to. */
export const FORMER_ADDRESSES: Record<string, string> = Object.fromEntries([
  ['clusters/', 'archetypes/'],
  ...FORMER_ARCHETYPE_SLUGS.map((slug) => [`clusters/${slug}/`, `archetypes/${slug}/`]),
]);
