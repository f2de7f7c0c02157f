/**
 * A seeded synthetic catalogue for the benchmark: the 20 real films first, then
 * synthetic films that draw their track counts from the real films and each track from
 * a real track (its genre tags, so its mood features follow the real distribution,
 * missing features included), under synthetic artist names.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { stableJson } from '../lib/files.ts';
import { randomInt, seededRandom } from '../lib/random.ts';
import { readInputs } from '../pipeline/inputs.ts';
import type { ArtistGenresSnapshot, Soundtrack, SoundtrackTrack } from '../schemas.ts';
import { creditTracks } from '../stages/credits.ts';
import { tagGenres } from '../stages/genres.ts';
import { loadSoundtracks } from '../stages/soundtracks.ts';

/** Writes a data folder with `films` films: the 20 real ones first, then synthetic ones. */
export function syntheticCatalogue(films: number, dir: string, seed = 2000): void {
  const real = readInputs('data');
  mkdirSync(join(dir, 'snapshot', 'soundtracks'), { recursive: true });
  cpSync('data/genre-mood-map.json', join(dir, 'genre-mood-map.json'));
  const random = seededRandom(seed);
  const rows: string[][] = [];
  const artists: ArtistGenresSnapshot['artists'] = { ...real.artistGenres.artists };
  // Every real entry as a template: its genre tags (empty when it has none).
  const { soundtracks } = loadSoundtracks(real.films, real.snapshots);
  const tagged = tagGenres(creditTracks(soundtracks, Object.keys(real.artistGenres.artists)).films, real.artistGenres).films.flatMap(
    (f) => f.tracks,
  );
  const counts = soundtracks.map((s) => s.soundtrack.tracks.length);
  const genreSets = new Map<string, string>();
  for (let i = 0; i < films; i++) {
    if (i < real.films.length) {
      const film = real.films[i];
      rows.push([film.title, String(film.year), film.vibeKeywords.join(', '), film.imdbId]);
      const snapshot = real.snapshots.find((s) => s.file.endsWith(`${film.imdbId}.json`))!;
      writeFileSync(join(dir, 'snapshot', 'soundtracks', `${film.imdbId}.json`), snapshot.text);
      continue;
    }
    const imdbId = `tt${String(9000000 + i).padStart(7, '0')}`;
    rows.push([`Synthetic Film ${i}`, String(1970 + randomInt(random, 50)), 'synthetic', imdbId]);
    const n = counts[randomInt(random, counts.length)];
    const tracks: SoundtrackTrack[] = Array.from({ length: n }, (_, t) => {
      const template = tagged[randomInt(random, tagged.length)];
      const performers = [];
      if (template.genres.length || template.performers.length) {
        const key = template.genres.join('|');
        let name = genreSets.get(key);
        if (!name) {
          name = `Synthetic Artist ${genreSets.size + 1}`;
          genreSets.set(key, name);
          artists[name] = { genres: template.genres, source: 'curated', providerId: null };
        }
        performers.push({ name, nameId: null, creditedAs: null });
      }
      return {
        position: t + 1,
        title: `Track ${t + 1}`,
        credits: performers.map((p) => ({ text: `Performed by ${p.name}`, links: [{ text: p.name, nameId: null }] })),
        performers,
        remixers: [],
        writers: [],
        composers: [],
        licensing: [],
        flags: { uncredited: false, creditOnly: false },
        entryId: null,
      };
    });
    const soundtrack: Soundtrack = { imdbId, title: `Synthetic Film ${i}`, source: 'curated', total: n, truncated: false, tracks };
    writeFileSync(join(dir, 'snapshot', 'soundtracks', `${imdbId}.json`), stableJson(soundtrack));
  }
  writeFileSync(
    join(dir, 'films.csv'),
    stringify([['Movie Title', 'Year', 'Vibe Keywords', 'IMDb ID'], ...rows], { record_delimiter: '\n' }),
  );
  writeFileSync(join(dir, 'snapshot', 'artist-genres.json'), stableJson({ artists }));
}
