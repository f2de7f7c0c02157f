/** The soundtrack stage: a snapshot refused with its file, record and field; a missing one named in a warning. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadSoundtracks, parseSnapshot } from '../../../scripts/stages/soundtracks.ts';
import { parseFilms } from '../../../scripts/stages/films.ts';

const file = 'data/snapshot/soundtracks/tt0133189.json';
const snapshot = () => JSON.parse(readFileSync(file, 'utf8'));

describe('a track title', () => {
  for (const [what, title] of [
    ['empty', ''],
    ['blank', '   '],
    ['invisible', '\u200b'],
  ] as const) {
    it(`is refused when ${what}, naming the file, the track and the field`, () => {
      const json = snapshot();
      json.tracks[2].title = title;
      expect(() => parseSnapshot(file, JSON.stringify(json))).toThrow(
        `${file}, record track 3, field "title": must have visible text: a track needs its title (an empty one, or one of spaces or invisible characters, would publish a row with no name)`,
      );
    });
  }
});

describe('a film of films.csv without a snapshot', () => {
  it('gets a warning naming the missing file and the film, and how to get it back', () => {
    const films = parseFilms(readFileSync('data/films.csv', 'utf8'));
    const files = [{ file, text: readFileSync(file, 'utf8') }];
    const { warnings, soundtracks } = loadSoundtracks(films, files);
    const ghostWorld = 'data/snapshot/soundtracks/tt0162346.json';
    expect(warnings).toContain(
      `${ghostWorld} is missing: Ghost World (tt0162346) in data/films.csv has no soundtrack snapshot, so it is kept with no songs, no arc and no archetype; ` +
        `fetch it with "npm run imdb -- fetch tt0162346", import a page saved from a browser with "npm run imdb -- import page.html", or restore a file deleted by mistake with "git checkout -- ${ghostWorld}"`,
    );
    expect(soundtracks.find((s) => s.film.imdbId === 'tt0162346')).toMatchObject({ missing: true, file: ghostWorld });
  });
});
