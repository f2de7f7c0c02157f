/**
 * The coverage table `npm run coverage` prints: per film and in total, entries listed /
 * with a performer / with genres / with mood features.
 */
import type { Coverage, Story } from '../schemas.ts';

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');

export function coverageTable(story: Story): string {
  const rows: [string, Coverage][] = [
    ...story.films.map((film): [string, Coverage] => [`${film.title} (${film.imdbId})`, film.coverage]),
    ['all films', story.coverage],
  ];
  // As wide as the longest name: a cut name could lose the IMDb ID that identifies the film.
  const width = Math.max('film'.length, ...rows.map(([name]) => name.length));
  const row = (name: string, c: Coverage) =>
    [
      name.padEnd(width),
      String(c.entries).padStart(7),
      `${c.withPerformer} (${pct(c.withPerformer, c.entries)})`.padStart(15),
      `${c.withGenres} (${pct(c.withGenres, c.entries)})`.padStart(15),
      `${c.withFeatures} (${pct(c.withFeatures, c.entries)})`.padStart(15),
    ].join('  ');
  const header = ['film'.padEnd(width), 'entries', 'performer'.padStart(15), 'genres'.padStart(15), 'mood features'.padStart(15)].join(
    '  ',
  );
  return [header, ...rows.map(([name, c]) => row(name, c))].join('\n');
}
