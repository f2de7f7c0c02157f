/**
 * Checks run on every pipeline result before anything is written: counts per film,
 * features in range, no NaN or Infinity anywhere, every film with an arc in exactly
 * one archetype, no film below the featured-song minimum in any, confidences in [0, 1]. Each violation is a sentence naming the film.
 */
import { FEATURES, type Story } from '../schemas.ts';

/** What the inputs promise: how many films, and how many entries each film's snapshot lists. */
export interface Expected {
  films: number;
  listedTracks: Map<string, number>;
}

export function checkInvariants(story: Story, expected?: Expected): string[] {
  const problems: string[] = [];
  findNonFinite(story, 'story', problems);

  if (expected && story.films.length !== expected.films) {
    problems.push(`the story has ${story.films.length} films, data/films.csv has ${expected.films}`);
  }
  const memberships = new Map<string, number>();
  for (const cluster of story.archetypes) for (const id of cluster.members) memberships.set(id, (memberships.get(id) ?? 0) + 1);

  for (const film of story.films) {
    const name = `${film.imdbId} (${film.title})`;
    const listed = expected?.listedTracks.get(film.imdbId);
    if (listed !== undefined && listed !== film.tracks.length)
      problems.push(`${name}: ${film.tracks.length} tracks in the story, ${listed} in its snapshot`);
    const c = film.coverage;
    if (!(
      c.entries === film.tracks.length &&
      c.withFeatures <= c.withGenres &&
      c.withGenres <= c.entries &&
      c.withPerformer <= c.entries
    )) {
      problems.push(`${name}: coverage counts are inconsistent (${JSON.stringify(c)})`);
    }
    for (const track of film.tracks) {
      const f = track.features;
      if (!f) continue;
      for (const key of ['valence', 'energy', 'danceability'] as const) {
        if (f[key] < 0 || f[key] > 1) problems.push(`${name}: track ${track.position} ${key} ${f[key]} is outside [0, 1]`);
      }
      if (f.tempo <= 0 || f.tempo > 400) problems.push(`${name}: track ${track.position} tempo ${f.tempo} is outside (0, 400]`);
    }
    for (const point of film.arc ?? []) {
      for (const key of FEATURES) {
        if (story.method.arcScaling === 'per-film' && (point[key] < -1e-9 || point[key] > 1 + 1e-9))
          problems.push(`${name}: arc step ${point.step} ${key} ${point[key]} is outside [0, 1]`);
      }
    }
    const times = memberships.get(film.imdbId) ?? 0;
    if (film.arc && times !== 1) problems.push(`${name}: has an arc but is in ${times} archetypes (must be exactly 1)`);
    if (!film.arc && times !== 0) problems.push(`${name}: has no arc but is in ${times} archetypes`);
    if (film.arc && film.archetype === null) problems.push(`${name}: has an arc but no archetype`);
    if (film.confidence !== null && (film.confidence < 0 || film.confidence > 1))
      problems.push(`${name}: confidence ${film.confidence} is outside [0, 1]`);
    if (
      film.coverage.withFeatures < story.method.minFeaturedTracks &&
      (film.archetype !== null || film.arc !== null || film.map !== null)
    ) {
      problems.push(
        `${name}: has ${film.coverage.withFeatures} song(s) with mood features, fewer than ${story.method.minFeaturedTracks}, yet an arc, an archetype or a place on the map`,
      );
    }
  }
  return problems;
}

function findNonFinite(value: unknown, path: string, problems: string[]): void {
  if (problems.length > 20) return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) problems.push(`${path} is ${value}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => findNonFinite(v, `${path}[${i}]`, problems));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) findNonFinite(v, `${path}.${k}`, problems);
}
