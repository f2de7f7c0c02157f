/** A film's track sequence: each listed entry in order, its three 0–1 features and tempo; entries without features marked. */
import type { StoryTrack } from '../story/schemas.ts';
import { panelChart, type PanelFrame } from './frame.ts';
import { Plot } from './plot.ts';
import { bpm } from '../story/format.ts';

const TEMPO_MIN = 60;
const TEMPO_MAX = 200;
const ROWS = ['Valence', 'Energy', 'Danceability', `Tempo (${TEMPO_MIN}–${TEMPO_MAX} BPM)`];

/** A song in words, for its dots' tooltips: position, title, performers, genres and its four moods. */
export function songTitle(t: StoryTrack): string {
  const who = t.performers.length ? t.performers.join(', ') : 'performer unknown';
  const remix = t.remixers.length ? ` (remix: ${t.remixers.join(', ')})` : '';
  const genres = t.genres.length ? t.genres.join(', ') : 'none known';
  const f = t.features;
  const mood = f
    ? `valence ${f.valence.toFixed(2)}, energy ${f.energy.toFixed(2)}, danceability ${f.danceability.toFixed(2)}, tempo ${bpm(f.tempo)}`
    : 'no mood features';
  return `#${t.position} “${t.title}” by ${who}${remix}\ngenres: ${genres}\n${mood}`;
}

export function trackSequenceChart(title: string, tracks: StoryTrack[], color: string): string {
  const featured = tracks.filter((t) => t.features);
  const data = featured.flatMap((t) => {
    const f = t.features!;
    const tempo = Math.min(1, Math.max(0, (f.tempo - TEMPO_MIN) / (TEMPO_MAX - TEMPO_MIN)));
    const tip = songTitle(t);
    return [f.valence, f.energy, f.danceability, tempo].map((value, i) => ({ position: t.position, row: ROWS[i], value, title: tip }));
  });
  const missing = tracks.filter((t) => !t.features).flatMap((t) => ROWS.map((row) => ({ position: t.position, row, title: songTitle(t) })));
  const n = Math.max(1, tracks.length);
  const frame: PanelFrame = {
    panels: ROWS,
    x: {
      domain: [0.5, n + 0.5],
      label: 'entry, in page order',
      ticks: n <= 8 ? n : 5,
      tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : ''),
    },
    yTicks: ['low', 'high'],
    marginRight: 12,
  };
  return panelChart(
    `${title}: mood features of each of its ${tracks.length} soundtrack entries in order; ${tracks.length - featured.length} entries have no features`,
    frame,
    [
      Plot.tickX(missing, { x: 'position', fy: 'row', stroke: 'currentColor', strokeOpacity: 0.3, strokeDasharray: '2 3', title: 'title' }),
      Plot.lineY(data, { x: 'position', y: 'value', fy: 'row', stroke: color, strokeOpacity: 0.5, strokeWidth: 1.5 }),
      Plot.dot(data, { x: 'position', y: 'value', fy: 'row', fill: color, r: 4, title: 'title' }),
    ],
  );
}
