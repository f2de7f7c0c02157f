/**
 * Addresses the site published before: group pages under /clusters/, and under
 * /archetypes/ with their former names. Links and bookmarks to them keep working: src/pages/[...former].astro
 * writes each as a page that refreshes to the new address (no server rules needed,
 * JavaScript or not). The list is what was published, not what content/ holds now: an
 * essay added later never had a /clusters/ address.
 */
export const FORMER_ARCHETYPE_SLUGS = [
  'cooling-off',
  'danceable-fade',
  'hard-and-steady',
  'louder-and-bleaker',
  'sweetening',
  'the-long-decline',
] as const;

/**
 * The group essays renamed when every song began to count in the arcs and the groups
 * changed: each former name (which claimed what the new groups do not hold) leads to the
 * page of the group its anchor film is in now.
 */
export const RENAMED_GROUPS: Record<(typeof FORMER_ARCHETYPE_SLUGS)[number], string> = {
  'cooling-off': 'smithereens-and-rivers-edge',
  'danceable-fade': 'kids-and-mid90s',
  'hard-and-steady': 'suburbia-and-idaho',
  'louder-and-bleaker': 'bleak-and-restless',
  sweetening: 'quiet-and-calm',
  'the-long-decline': 'out-of-the-blue',
};

/** Former site-relative path → the path it moved to. */
export const FORMER_ADDRESSES: Record<string, string> = Object.fromEntries([
  ['clusters/', 'archetypes/'],
  ...FORMER_ARCHETYPE_SLUGS.flatMap((slug) => [
    [`clusters/${slug}/`, `archetypes/${RENAMED_GROUPS[slug]}/`],
    [`archetypes/${slug}/`, `archetypes/${RENAMED_GROUPS[slug]}/`],
  ]),
]);
