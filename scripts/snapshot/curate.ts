/**
 * What `npm run curate` does: data/sources/<imdbId>.json (the research: credit lines with their
 * evidence) → the curated snapshot the default build runs on, in the scraper's format:
 * data/snapshot/soundtracks/<imdbId>.json and data/snapshot/artist-genres.json.
 * The credit parser derives performers and remixers from the credit lines; the script
 * stops if that disagrees with what the research recorded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../lib/errors.ts';
import { listFiles, stableJson, writeFileAtomic } from '../lib/files.ts';
import { artistKey } from '../lib/text.ts';
import { validate } from '../pipeline/inputs.ts';
import { ArtistGenresSnapshot, CurationRecord, Soundtrack, type CreditLine, type CurationEntry, type SoundtrackTrack } from '../schemas.ts';
import { cleanTitle, parseCredits } from '../lib/credit-parser.ts';

/** The research's clean title, keeping a mix or version note the reference title carries ("(Danny Saber Remix)"). */
export function curatedTitle(entry: Pick<CurationEntry, 'title' | 'referenceTitle'>): string {
  const reference = cleanTitle(entry.referenceTitle.replace(/^["“](?![^"”]*["”])/, '')).title;
  const rest = reference.startsWith(entry.title) ? reference.slice(entry.title.length).trim() : '';
  return /^\([^()]*\)$/.test(rest) ? `${entry.title} ${rest}` : entry.title;
}

/** Marks every researched name that a line mentions as one linked act, so "Echo & the Bunnymen" stays whole. */
export function curatedCredit(text: string, names: string[]): CreditLine {
  const links = names
    .filter((name) => text.includes(name))
    .sort((a, b) => text.indexOf(a) - text.indexOf(b) || b.length - a.length)
    .filter((name, i, all) => !all.slice(0, i).some((other) => other.includes(name)))
    .map((name) => ({ text: name, nameId: null }));
  return { text, links };
}

export function curateSoundtrack(record: CurationRecord, file: string): Soundtrack {
  const tracks = record.entries.map((entry, index): SoundtrackTrack => {
    const names = [...entry.performers, ...entry.remixers];
    const credits = entry.credits.map((line) => curatedCredit(line, names));
    const title = curatedTitle(entry);
    const parsed = parseCredits(title, credits);
    const derived = parsed.performers.map((p) => p.name);
    const derivedRemixers = parsed.remixers.map((p) => p.name);
    const record_ = `entry ${entry.position} ("${entry.referenceTitle}")`;
    if (entry.position !== index + 1) throw new DataError(file, record_, 'position', `is ${entry.position}, expected ${index + 1}`);
    if (derived.join('|') !== entry.performers.join('|')) {
      throw new DataError(
        file,
        record_,
        'credits',
        `the credit lines give performers [${derived.join(', ')}] but the research records [${entry.performers.join(', ')}]`,
      );
    }
    if (derivedRemixers.join('|') !== entry.remixers.join('|') && entry.remixers.length) {
      throw new DataError(
        file,
        record_,
        'credits',
        `the credit lines and title give remixers [${derivedRemixers.join(', ')}] but the research records [${entry.remixers.join(', ')}]; add a "Remixed by" line`,
      );
    }
    return { position: index + 1, entryId: null, credits, ...parsed };
  });
  return Soundtrack.parse({ imdbId: record.imdbId, title: record.film, source: 'curated', total: tracks.length, truncated: false, tracks });
}

/** One record per artist across all films; one spelling per artist (by artistKey). */
export function curateArtistGenres(records: CurationRecord[], parsedRemixers: string[]): ArtistGenresSnapshot {
  const artists: ArtistGenresSnapshot['artists'] = {};
  const spelling = new Map<string, string>();
  for (const record of records) {
    for (const [name, { genres }] of Object.entries(record.artists)) {
      const key = artistKey(name);
      const seen = spelling.get(key);
      if (seen && seen !== name)
        throw new DataError(
          `data/sources/${record.imdbId}.json`,
          `artist "${name}"`,
          'artists',
          `is spelled "${seen}" in another film's record; use one spelling`,
        );
      spelling.set(key, name);
      const merged = artists[name]?.genres ?? [];
      for (const genre of genres) if (!merged.includes(genre)) merged.push(genre);
      artists[name] = { genres: merged, source: 'curated', providerId: null };
    }
  }
  // A remixer named only by a title ("(The Critter Mix)") is recorded as known, with no genres.
  for (const name of parsedRemixers) {
    if (!spelling.has(artistKey(name))) {
      spelling.set(artistKey(name), name);
      artists[name] = { genres: [], source: 'curated', providerId: null };
    }
  }
  return {
    artists: Object.fromEntries(
      Object.keys(artists)
        .sort()
        .map((k) => [k, artists[k]]),
    ),
  };
}

export function runCurate(dataDir: string, log: (line: string) => void = console.log): void {
  const sourcesDir = join(dataDir, 'sources');
  const records = listFiles(sourcesDir, '.json').map((name) => {
    const file = join(sourcesDir, name);
    return {
      file,
      record: validate(CurationRecord, JSON.parse(readFileSync(file, 'utf8')), file, (p) =>
        p[0] === 'entries' && typeof p[1] === 'number' ? `entry ${p[1] + 1}` : null,
      ),
    };
  });
  const soundtracks = records.map(({ file, record }) => curateSoundtrack(record, file));
  const remixers = soundtracks.flatMap((s) => s.tracks.flatMap((t) => t.remixers.map((r) => r.name)));
  const genres = curateArtistGenres(
    records.map((r) => r.record),
    remixers,
  );
  for (const soundtrack of soundtracks) {
    writeFileAtomic(join(dataDir, 'snapshot', 'soundtracks', `${soundtrack.imdbId}.json`), stableJson(soundtrack, 2));
    const withPerformer = soundtrack.tracks.filter((t) => t.performers.length).length;
    log(`  ${soundtrack.imdbId} ${soundtrack.title}: ${soundtrack.tracks.length} entries, ${withPerformer} with a performer`);
  }
  writeFileAtomic(join(dataDir, 'snapshot', 'artist-genres.json'), stableJson(validate(ArtistGenresSnapshot, genres, 'artist-genres'), 2));
  log(`  artist-genres.json: ${Object.keys(genres.artists).length} artists`);
}
