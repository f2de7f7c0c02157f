import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFilms } from '../../../scripts/stages/films.ts';

const header = 'Movie Title,Year,Vibe Keywords,IMDb ID';

describe('films.csv', () => {
  it('reads the committed film list: 20 films, in order, with slugs', () => {
    const films = parseFilms(readFileSync('data/films.csv', 'utf8'));
    expect(films).toHaveLength(20);
    expect(films[0]).toMatchObject({ imdbId: 'tt0133189', title: 'SLC Punk', year: 1998, slug: 'slc-punk', order: 0 });
    expect(films[0].vibeKeywords).toEqual(['rebellious nostalgia', 'punk decay', 'emotional chaos']);
    expect(films.find((f) => f.imdbId === 'tt0091860')?.slug).toBe('rivers-edge');
    expect(new Set(films.map((f) => f.slug)).size).toBe(20);
  });
  it('names the file, the line and the column for a missing column', () => {
    expect(() => parseFilms('Movie Title,Year,IMDb ID\nA,1990,tt0000001\n', 'data/films.csv')).toThrow(
      /data\/films\.csv, record header \(line 1\), field "Vibe Keywords": missing column/,
    );
  });
  it('names the record and field for a malformed year', () => {
    expect(() => parseFilms(`${header}\nGood,1990,x,tt0000001\nBad Film,19x0,x,tt0000002\n`)).toThrow(
      /record line 3 \(Bad Film\), field "Year": "19x0" is not a four-digit year/,
    );
  });
  it('names the record and field for a malformed IMDb ID', () => {
    expect(() => parseFilms(`${header}\nBad Film,1990,x,0000002\n`)).toThrow(
      /record line 2 \(Bad Film\), field "IMDb ID": "0000002" is not an IMDb title ID/,
    );
  });
  it('names both lines of a duplicate ID', () => {
    expect(() => parseFilms(`${header}\nA,1990,x,tt0000001\nB,1991,x,tt0000001\n`)).toThrow(
      /line 3 \(B\), field "IMDb ID": tt0000001 is already used on line 2/,
    );
  });
  it('points at unquoted commas', () => {
    expect(() => parseFilms(`${header}\nA, B,1990,x,y,tt0000001\n`)).toThrow(/has 6 cells, the header has 4/);
  });
  it('keeps quoted commas and gives colliding titles distinct slugs', () => {
    const films = parseFilms(
      `${header}\n"Ladies and Gentlemen, The Fabulous Stains",1982,"a, b",tt0082639\nSuburbia,1983,x,tt0086589\nSuburbia,1996,x,tt0120238\n`,
    );
    expect(films[0].title).toBe('Ladies and Gentlemen, The Fabulous Stains');
    expect(films.map((f) => f.slug)).toEqual(['ladies-and-gentlemen-the-fabulous-stains', 'suburbia', 'suburbia-1996']);
  });
});

describe('placeholders in films.csv', () => {
  it('refuses the "<vibe keywords>" of the suggested row, naming the line, the film, the column and what to write', () => {
    expect(() => parseFilms(`${header}\nBatman,1989,"<vibe keywords>",tt0096895\n`, 'data/films.csv')).toThrow(
      'data/films.csv, record line 2 (Batman), field "Vibe Keywords": "<vibe keywords>" is a placeholder, not vibe keywords: write a few words that describe the film, in double quotes and separated by commas, like "gothic, superhero, noir"',
    );
  });
  it('refuses a placeholder among real keywords, or as the year, and keeps angle brackets inside a real title', () => {
    expect(() => parseFilms(`${header}\nBatman,1989,"gothic, <more>",tt0096895\n`)).toThrow(/"<more>" is a placeholder/);
    expect(() => parseFilms(`${header}\nBatman,<year>,"gothic",tt0096895\n`)).toThrow(
      /field "Year": "<year>" is a placeholder, not the year/,
    );
    expect(parseFilms(`${header}\n"Mid90s </title><b>",2018,"skate",tt5613484\n`)[0].title).toBe('Mid90s </title><b>');
  });
});
