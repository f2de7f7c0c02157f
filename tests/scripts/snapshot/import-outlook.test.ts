/** What an import says about the film's moods: counted by the pipeline's own stages. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importOutlook, readGenreData } from '../../../scripts/snapshot/import-outlook.ts';
import { parseSnapshot } from '../../../scripts/stages/soundtracks.ts';
import { parseFilms } from '../../../scripts/stages/films.ts';

const genres = readGenreData('data/snapshot/artist-genres.json', 'data/genre-mood-map.json');
const films = parseFilms(readFileSync('data/films.csv', 'utf8'));
const load = (id: string) => {
  const file = `data/snapshot/soundtracks/${id}.json`;
  return { film: films.find((f) => f.imdbId === id)!, soundtrack: parseSnapshot(file, readFileSync(file, 'utf8')), file };
};

describe('importOutlook', () => {
  it('counts the songs that will get a mood as the pipeline does, and says when that is enough for an arc', () => {
    const { film, soundtrack, file } = load('tt0133189');
    // The story's coverage of SLC Punk on the committed data: 23 of its 42 entries have mood features.
    expect(importOutlook({ film, soundtrack, file }, genres)[0]).toBe('    23 of its 42 songs will get a mood: enough for an arc.');
    const slacker = load('tt0102943');
    expect(importOutlook(slacker, genres)[0]).toBe(
      '    1 of its 24 songs will get a mood: fewer than the 3 a film needs for an arc, so as it stands Slacker will get no arc and no archetype.',
    );
  });

  it('names the artists with no genres and how to add them, for a film that will get no arc', () => {
    const { film, soundtrack, file } = load('tt0102943');
    const without = { ...genres, artistGenres: { artists: {} } };
    const lines = importOutlook({ film, soundtrack, file }, without);
    expect(lines[0]).toBe(
      `    0 of its ${soundtrack.tracks.length} songs will get a mood: fewer than the 3 a film needs for an arc, so as it stands Slacker will get no arc and no archetype.`,
    );
    const named = lines.find((l) => l.includes('have no genres in'))!;
    expect(named).toMatch(/^ {4}\d+ artists have no genres in data\/snapshot\/artist-genres\.json, so their songs get no mood: .+\.$/);
    expect(lines.at(-1)).toMatch(
      /^ {4}To add them: "npm run pipeline -- --live --genres" looks them up on MusicBrainz; or add each by hand to data\/snapshot\/artist-genres\.json, as ".+": \{ "genres": \["punk"\], "providerId": null, "source": "curated" \}, with genres named in data\/genre-mood-map\.json\.$/,
    );
  });
});
