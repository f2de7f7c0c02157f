import { describe, expect, it } from 'vitest';
import { DataError } from '../../../scripts/lib/errors.ts';

describe('DataError', () => {
  it('names the file, the record and the field before the problem', () => {
    const error = new DataError('data/films.csv', 'line 3 (Kids)', 'Year', '"19x5" is not a four-digit year');
    expect(error.message).toBe('data/films.csv, record line 3 (Kids), field "Year": "19x5" is not a four-digit year');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DataError');
    expect(error).toMatchObject({
      file: 'data/films.csv',
      record: 'line 3 (Kids)',
      field: 'Year',
      problem: '"19x5" is not a four-digit year',
    });
  });
  it('leaves out a record or a field it does not know, with no empty parts', () => {
    expect(new DataError('data/genre-mood-map.json', null, null, 'is missing').message).toBe('data/genre-mood-map.json: is missing');
    expect(new DataError('f.json', null, 'artists.X.genres', 'must be an array').message).toBe(
      'f.json, field "artists.X.genres": must be an array',
    );
    expect(new DataError('f.json', 'entry 2', null, 'is wrong').message).toBe('f.json, record entry 2: is wrong');
  });
  it('treats an empty record or field as unknown rather than printing an empty name', () => {
    expect(new DataError('f.json', '', '', 'is wrong').message).toBe('f.json: is wrong');
  });
});
