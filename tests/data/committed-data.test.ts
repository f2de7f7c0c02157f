/**
 * Guards on the committed data: the curated snapshot matches the study's reference
 * listing entry for entry, titles are clean, every artist has one spelling, every tag
 * maps or is reported, and the snapshot is exactly what `npm run curate` makes.
 */
import { describe, expect, it } from 'vitest';
import { quickConfig } from '../support/quick-config.ts';
import { readFileSync } from 'node:fs';
import { artistKey } from '../../scripts/lib/text.ts';
import { analyse } from '../../scripts/pipeline/analyse.ts';
import { readInputs } from '../../scripts/pipeline/inputs.ts';
import { curateArtistGenres, curateSoundtrack } from '../../scripts/snapshot/curate.ts';
import { moodLookup } from '../../scripts/stages/features.ts';
import { stableJson } from '../../scripts/lib/files.ts';
import { CurationRecord, Soundtrack } from '../../scripts/schemas.ts';

const reference = JSON.parse(readFileSync('data/reference/imdb-soundtrack-titles.json', 'utf8')) as {
  totalTracks: number;
  films: { imdbId: string; trackCount: number; titlesInOrder: string[] }[];
};
const inputs = readInputs('data');
const snapshot = (id: string) => Soundtrack.parse(JSON.parse(readFileSync(`data/snapshot/soundtracks/${id}.json`, 'utf8')));
const record = (id: string) => CurationRecord.parse(JSON.parse(readFileSync(`data/sources/${id}.json`, 'utf8')));

/** Text the study's regex glued onto titles: it is credit residue, and the clean title drops it. */
const RESIDUE = /^(\(uncredited\)|\(credit only\)|Music by|Music Composed by|Composed by|Words by|by|from|Traditional|Public Domain)/;
/** Deliberate differences from the reference titles, each with its reason. */
const DELIBERATE: Record<string, string> = {
  'tt0119809#11': 'the reference keeps a stray opening quote mark from the study\'s regex ("Killing Time…)',
};

describe('the soundtrack snapshot against the study’s reference listing', () => {
  it('covers all 20 films of films.csv and the 414 entries', () => {
    expect(inputs.films.map((f) => f.imdbId).sort()).toEqual(reference.films.map((f) => f.imdbId).sort());
    expect(reference.films.reduce((s, f) => s + snapshot(f.imdbId).tracks.length, 0)).toBe(414);
  });
  for (const film of reference.films) {
    it(`${film.imdbId}: same count, same order, clean titles`, () => {
      const s = snapshot(film.imdbId);
      expect(s.source).toBe('curated');
      expect(s.tracks).toHaveLength(film.trackCount);
      s.tracks.forEach((track, i) => {
        const ref = film.titlesInOrder[i];
        const key = `${film.imdbId}#${i + 1}`;
        if (track.title === ref || DELIBERATE[key]) return;
        expect(ref.startsWith(track.title), `${key}: "${track.title}" is not the start of "${ref}"`).toBe(true);
        expect(ref.slice(track.title.length), `${key}: what was cut from "${ref}" is not credit residue`).toMatch(RESIDUE);
      });
    });
  }
  it('has no title that still carries credit text', () => {
    const creditText = /\b(Music|Composed|Written|Performed|Lyrics|Words) by\b|\((uncredited|credit only)\)|[a-z]by[A-Z]|[a-z]from[A-Z]|Public Domain$/;
    const dirty = reference.films.flatMap((f) => snapshot(f.imdbId).tracks.filter((t) => creditText.test(t.title)).map((t) => `${f.imdbId}#${t.position} ${t.title}`));
    expect(dirty).toEqual([]);
  });
  it('is exactly what npm run curate makes from data/sources', () => {
    for (const film of reference.films) {
      const made = curateSoundtrack(record(film.imdbId), `data/sources/${film.imdbId}.json`);
      expect(stableJson(made, 2), film.imdbId).toBe(readFileSync(`data/snapshot/soundtracks/${film.imdbId}.json`, 'utf8'));
    }
    const remixers = reference.films.flatMap((f) => snapshot(f.imdbId).tracks.flatMap((t) => t.remixers.map((r) => r.name)));
    const genres = curateArtistGenres(reference.films.map((f) => record(f.imdbId)), remixers);
    expect(stableJson(genres, 2)).toBe(readFileSync('data/snapshot/artist-genres.json', 'utf8'));
  });
  it('records the sources used for every film, and evidence for every credited entry', () => {
    for (const film of reference.films) {
      const r = record(film.imdbId);
      expect(r.sources.length, film.imdbId).toBeGreaterThan(0);
      for (const e of r.entries) if (e.performers.length) expect(e.evidence.length, `${film.imdbId}#${e.position}`).toBeGreaterThan(10);
      for (const e of r.entries) expect(e.performers.length > 0, `${film.imdbId}#${e.position}: confidence ${e.confidence}`).toBe(e.confidence !== 'unknown');
    }
  });
});

describe('artists and genres', () => {
  const artists = Object.keys(inputs.artistGenres.artists);
  it('has no artist under two spellings', () => {
    const byKey = new Map<string, string[]>();
    for (const name of artists) byKey.set(artistKey(name), [...(byKey.get(artistKey(name)) ?? []), name]);
    expect([...byKey.values()].filter((names) => names.length > 1)).toEqual([]);
  });
  it('spells every credited performer and remixer exactly as the genre snapshot does', () => {
    const known = new Set(artists);
    const credited = reference.films.flatMap((f) => snapshot(f.imdbId).tracks.flatMap((t) => [...t.performers, ...t.remixers].map((p) => p.name)));
    expect(credited.filter((name) => !known.has(name))).toEqual([]);
  });
  it('reports every tag that is not in the mood map as unmapped', () => {
    const lookup = moodLookup(inputs.moodMap);
    const { story } = analyse(inputs, quickConfig);
    const used = new Set(story.films.flatMap((f) => f.tracks.flatMap((t) => t.genres)));
    const unmapped = [...used].filter((tag) => !lookup(tag)).sort();
    expect(Object.keys(story.genres.unmappedTags).sort()).toEqual(unmapped);
  });
  it('takes tags from the study’s Spotify vocabulary, except a few named ones', () => {
    const vocabulary = new Set(JSON.parse(readFileSync('data/reference/spotify-genre-vocabulary.json', 'utf8')) as string[]);
    const outside = [...new Set(Object.values(inputs.artistGenres.artists).flatMap((a) => a.genres))].filter((g) => !vocabulary.has(g)).sort();
    // Spotify tags these artists carry that the study's vocabulary lacks (each noted in data/sources).
    expect(outside).toEqual(['classic bollywood', 'dance pop', 'filmi', 'horror punk', 'hungarian rock', 'italian soundtrack', 'neofolk', 'pop', 'shibuya-kei']);
  });
});
