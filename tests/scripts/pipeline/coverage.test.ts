import { describe, expect, it } from 'vitest';
import { quickConfig } from '../../support/quick-config.ts';
import { coverageTable } from '../../../scripts/pipeline/coverage.ts';
import { analyse } from '../../../scripts/pipeline/analyse.ts';
import { readInputs } from '../../../scripts/pipeline/inputs.ts';

describe('npm run coverage', () => {
  const inputs = readInputs('data');
  const { story } = analyse(inputs, quickConfig);
  const lines = coverageTable(story).split('\n');

  it('names every film in full, with its IMDb ID, one line each, then the total', () => {
    expect(lines).toHaveLength(story.films.length + 2);
    story.films.forEach((film, i) => expect(lines[i + 1].startsWith(`${film.title} (${film.imdbId}) `)).toBe(true));
    expect(lines.at(-1)!.startsWith('all films ')).toBe(true);
    expect(lines.find((l) => l.includes('Fabulous Stains'))).toMatch(/\(tt\d{7,9}\)/);
  });

  it('keeps the columns aligned under the header', () => {
    const entriesEnd = lines[0].indexOf('entries') + 'entries'.length;
    for (const line of lines.slice(1)) expect(line.slice(0, entriesEnd)).toMatch(/ \d+$/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});
