/**
 * Credit lines → performers and remixers. The credit parser runs again on
 * every snapshot, so a better parser improves old snapshots too; artist names are
 * brought to the one spelling the genre snapshot uses.
 */
import { artistKey } from '../lib/text.ts';
import { parseCredits } from '../lib/credit-parser.ts';
import type { CreditedTrack, FilmSoundtrack } from '../schemas.ts';

export interface FilmCredits {
  imdbId: string;
  tracks: CreditedTrack[];
}

export interface CreditsResult {
  films: FilmCredits[];
  warnings: string[];
}

/** @param knownArtists the genre snapshot's artist names: their spelling wins, and they are never split. */
export function creditTracks(soundtracks: FilmSoundtrack[], knownArtists: string[]): CreditsResult {
  const canonical = new Map(knownArtists.map((name) => [artistKey(name), name]));
  const known = new Set(knownArtists);
  const spell = (name: string) => canonical.get(artistKey(name)) ?? name;
  const warnings: string[] = [];
  const films = soundtracks.map(({ film, soundtrack, file }) => ({
    imdbId: film.imdbId,
    tracks: soundtrack.tracks.map((track): CreditedTrack => {
      const parsed = parseCredits(track.title, track.credits, { knownArtists: known });
      const stored = track.performers.map((p) => p.name).join('; ');
      const reparsed = parsed.performers.map((p) => p.name).join('; ');
      if (stored !== reparsed) {
        warnings.push(
          `${file}: track ${track.position} ("${track.title}"): snapshot says performers "${stored}", its credit lines say "${reparsed}"; using the credit lines`,
        );
      }
      return {
        imdbId: film.imdbId,
        position: track.position,
        title: parsed.title || track.title,
        performers: unique(parsed.performers.map((p) => spell(p.name))),
        remixers: unique(parsed.remixers.map((p) => spell(p.name))),
        uncredited: parsed.flags.uncredited || track.flags.uncredited,
      };
    }),
  }));
  return { films, warnings };
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
