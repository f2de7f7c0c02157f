/**
 * The pipeline's warnings in words a data keeper can act on: each names the film, the file
 * its songs come from and what to do. They go into the story and are printed at the end
 * of every run, so a problem in the data is seen in the terminal, not discovered later as
 * a puzzling message about an essay.
 */
import { dirname, join } from 'node:path';
import type { MethodConfig } from '../config.ts';
import type { ArtistGenresSnapshot, FeaturedTrack, FilmArc, FilmSoundtrack } from '../schemas.ts';

export interface WarningSources {
  soundtracks: { soundtracks: FilmSoundtrack[]; warnings: string[] };
  credits: { warnings: string[] };
  features: { films: { imdbId: string; tracks: FeaturedTrack[] }[]; unmappedTags: Record<string, number> };
  arcs: { arcs: FilmArc[] };
  artistGenres: ArtistGenresSnapshot;
}

/** Every warning of a run, in the order its stages found them: snapshots, credits, unmapped genre tags, films too thin for an arc. */
export function collectWarnings(from: WarningSources, config: MethodConfig): string[] {
  const unmapped = Object.entries(from.features.unmappedTags);
  return [
    ...from.soundtracks.warnings,
    ...from.credits.warnings,
    ...(unmapped.length
      ? [`genre tags not in the genre→mood map (they add no features): ${unmapped.map(([t, n]) => `${t} (${n})`).join(', ')}`]
      : []),
    ...thinFilmWarnings({
      arcs: from.arcs.arcs,
      soundtracks: from.soundtracks.soundtracks,
      tracks: from.features.films,
      artistGenres: from.artistGenres,
      minFeaturedTracks: config.minFeaturedTracks,
    }),
  ];
}

export interface ThinFilmInput {
  arcs: FilmArc[];
  soundtracks: FilmSoundtrack[];
  /** Each film's tracks after the features stage: who performs them and what genres they got. */
  tracks: { imdbId: string; tracks: FeaturedTrack[] }[];
  artistGenres: ArtistGenresSnapshot;
  minFeaturedTracks: number;
}

/** One warning per film that gets no arc for want of songs with moods, naming its snapshot and the artists with no genres; a missing snapshot has its own warning already. */
export function thinFilmWarnings({ arcs, soundtracks, tracks, artistGenres, minFeaturedTracks }: ThinFilmInput): string[] {
  const byId = new Map(soundtracks.map((s) => [s.film.imdbId, s]));
  return arcs.flatMap((arc) => {
    const loaded = byId.get(arc.imdbId);
    if (!loaded || loaded.missing || !arc.flags.length) return [];
    const { film, file } = loaded;
    if (loaded.soundtrack.tracks.length === 0)
      return [`${arc.imdbId} (${film.title}): ${file} lists no songs, so the film has no arc and no archetype`];
    const genres = join(dirname(dirname(file)), 'artist-genres.json');
    const without = artistsWithoutGenres(tracks.find((t) => t.imdbId === arc.imdbId)?.tracks ?? [], artistGenres);
    const who = without.length
      ? `; these of its artists have no genres there: ${without.slice(0, 8).join(', ')}${without.length > 8 ? ` and ${without.length - 8} more` : ''}`
      : '';
    const fix = `songs in ${file}; a song gets a mood from its performers' genres: credit its performers there, and give them genres with "npm run pipeline -- --live --genres" or by hand in ${genres}${who}`;
    if (arc.flags.includes('no-featured-tracks'))
      return [`${arc.imdbId} (${film.title}): no track has mood features, so the film has no arc and no archetype (${fix})`];
    return [
      `${arc.imdbId} (${film.title}): only ${arc.featuredTracks} track(s) with mood features, fewer than ${minFeaturedTracks}: the film gets no arc and no archetype (${fix})`,
    ];
  });
}

/** Credited artists the genre snapshot does not know, or knows with no genres, sorted. */
function artistsWithoutGenres(tracks: FeaturedTrack[], artistGenres: ArtistGenresSnapshot): string[] {
  const names = tracks.flatMap((t) => [
    ...t.unknownArtists,
    ...[...t.performers, ...t.remixers].filter((a) => artistGenres.artists[a]?.genres.length === 0),
  ]);
  return [...new Set(names)].sort();
}

/** ", 1 missing" for the soundtracks stage's line, so a deleted snapshot is seen where the count is. */
export function missingCount(soundtracks: FilmSoundtrack[]): string {
  const missing = soundtracks.filter((s) => s.missing).length;
  return missing ? ` (${missing} missing, see the warnings below)` : '';
}

/** The warnings as the terminal shows them after a run. */
export function formatWarnings(warnings: string[]): string[] {
  if (!warnings.length) return [];
  return [
    `  ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (the run went on; each says what to do):`,
    ...warnings.map((w) => `  - ${w}`),
  ];
}
