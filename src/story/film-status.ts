/**
 * Why a film has no arc, or no archetype page, in words: one answer for the film's page,
 * the archetype binding and the essay check, so that none of them guesses. A film can
 * lack an archetype because of its data (no snapshot, no songs, too few songs with moods)
 * or, in `npm run dev`, because the archetype it belongs to has no essay for the moment.
 */
import type { StoryFilm } from '../../scripts/schemas.ts';

/** Where a film's songs come from, as the pipeline names it. */
export const snapshotFile = (imdbId: string) => `data/snapshot/soundtracks/${imdbId}.json`;

/** Why the film has no arc, or null if it has one. */
export function noArcReason(film: Pick<StoryFilm, 'imdbId' | 'flags' | 'coverage' | 'arc'>, minFeaturedTracks: number): string | null {
  if (film.arc) return null;
  const { entries, withFeatures } = film.coverage;
  // Readers see these on the film's page: the file a data keeper restores is named by the pipeline and the essay check.
  if (film.flags.includes('no-soundtrack')) return 'there is no soundtrack listing for it in the data, so it has no songs';
  if (entries === 0) return 'its soundtrack listing is empty';
  if (withFeatures === 0) return `none of its ${entries} listed songs has mood features`;
  return `only ${withFeatures} of its ${entries} listed songs ${withFeatures === 1 ? 'has' : 'have'} mood features, fewer than the ${minFeaturedTracks} an arc needs`;
}

/**
 * Why the film has no archetype page. `hasEssay` says whether its cluster has an essay;
 * a film with a cluster but no essay is only seen in `npm run dev` (a build refuses it).
 */
export function noArchetypeReason(
  film: Pick<StoryFilm, 'imdbId' | 'flags' | 'coverage' | 'arc' | 'archetype'>,
  minFeaturedTracks: number,
  clusterMates: string[] = [],
): string {
  const noArc = noArcReason(film, minFeaturedTracks);
  if (noArc) return noArc;
  if (film.archetype === null) return 'the analysis placed it in no group';
  const mates = clusterMates.length ? ` (with ${clusterMates.join(', ')})` : '';
  return `its group${mates} has no essay in content/archetypes/ at the moment, so it has no page`;
}
