/**
 * What an imported soundtrack will give the story, said right after the import: how many
 * of the film's songs will get a mood, and which artists have no genres yet (their songs
 * get none), with how to add them. Without it a data keeper learns only after a build
 * that the new film has no arc. The same stages as the pipeline decide it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { defaultConfig } from '../config.ts';
import { parseJson } from '../lib/json.ts';
import { validate } from '../pipeline/inputs.ts';
import { ArtistGenresSnapshot, GenreMoodMap, type Film, type Soundtrack } from '../schemas.ts';
import { creditTracks } from '../stages/credits.ts';
import { inferFeatures } from '../stages/features.ts';
import { tagGenres } from '../stages/genres.ts';

export interface GenreData {
  artistGenres: ArtistGenresSnapshot;
  moodMap: GenreMoodMap;
  /** Where the artists' genres are kept, for the message. */
  artistGenresFile: string;
}

/** The genre snapshot and the mood map under a data folder's paths (an empty snapshot if there is none yet). */
export function readGenreData(artistGenresFile: string, moodMapFile: string): GenreData {
  const artistGenres = existsSync(artistGenresFile)
    ? validate(ArtistGenresSnapshot, parseJson(readFileSync(artistGenresFile, 'utf8'), artistGenresFile), artistGenresFile)
    : { artists: {} };
  const moodMap = validate(GenreMoodMap, parseJson(readFileSync(moodMapFile, 'utf8'), moodMapFile), moodMapFile);
  return { artistGenres, moodMap, artistGenresFile };
}

/** Lines for the terminal, indented under the import's own line. */
export function importOutlook(
  { film, soundtrack, file }: { film: Film; soundtrack: Soundtrack; file: string },
  data: GenreData,
  minFeaturedTracks = defaultConfig.minFeaturedTracks,
): string[] {
  const credited = creditTracks([{ film, soundtrack, file, missing: false }], Object.keys(data.artistGenres.artists));
  const tracks = inferFeatures(tagGenres(credited.films, data.artistGenres).films, data.moodMap).films[0].tracks;
  const featured = tracks.filter((t) => t.features).length;
  const withoutGenres = [
    ...new Set(
      tracks.flatMap((t) =>
        t.unknownArtists.concat([...t.performers, ...t.remixers].filter((a) => data.artistGenres.artists[a]?.genres.length === 0)),
      ),
    ),
  ].sort();
  const noPerformer = tracks.filter((t) => t.performers.length === 0).length;
  const arc =
    featured >= minFeaturedTracks
      ? 'enough for an arc'
      : `fewer than the ${minFeaturedTracks} a film needs for an arc, so as it stands ${film.title} will get no arc and no archetype`;
  const lines = [`    ${featured} of its ${tracks.length} songs will get a mood: ${arc}.`];
  if (noPerformer)
    lines.push(
      `    ${noPerformer} song${noPerformer === 1 ? ' names' : 's name'} no performer in the page's credits, so ${noPerformer === 1 ? 'it gets' : 'they get'} no mood.`,
    );
  if (withoutGenres.length) {
    lines.push(
      `    ${withoutGenres.length} artist${withoutGenres.length === 1 ? ' has' : 's have'} no genres in ${data.artistGenresFile}, so their songs get no mood: ${withoutGenres.join(', ')}.`,
      `    To add them: "npm run pipeline -- --live --genres" looks them up on MusicBrainz; or add each by hand to ${data.artistGenresFile}, as "${withoutGenres[0]}": { "genres": ["punk"], "providerId": null, "source": "curated" }, with genres named in data/genre-mood-map.json.`,
    );
  }
  return lines;
}
