/** A film's track sequence: each listed entry in order, its three 0–1 features and tempo; entries without features marked. */
import type { StoryTrack } from '../../scripts/schemas.ts';
import { Plot, renderPlot } from './plot.ts';

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
    ? `valence ${f.valence.toFixed(2)}, energy ${f.energy.toFixed(2)}, danceability ${f.danceability.toFixed(2)}, tempo ${Math.round(f.tempo)} BPM`
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
  return renderPlot(`${title}: mood features of each of its ${tracks.length} soundtrack entries in order; ${tracks.length - featured.length} entries have no features`, {
    width: 400,
    height: 4 * 84 + 3 * 30 + 30 + 44,
    marginLeft: 44,
    marginRight: 12,
    marginTop: 30,
    marginBottom: 44,
    x: { domain: [0.5, n + 0.5], label: 'entry, in page order', labelAnchor: 'center', labelArrow: 'none', ticks: n <= 8 ? n : 5, tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : '') },
    y: { domain: [0, 1], ticks: [0, 1], label: null, tickFormat: (v: number) => (v === 0 ? 'low' : 'high') },
    fy: { domain: ROWS, label: null, axis: null, padding: 0.3 },
    facet: { label: null },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.2 }),
      Plot.text(ROWS, { fy: (d: string) => d, frameAnchor: 'top-left', text: (d: string) => d, dy: -20, dx: -40, fontWeight: 700, textAnchor: 'start' }),
      Plot.tickX(missing, { x: 'position', fy: 'row', stroke: 'currentColor', strokeOpacity: 0.3, strokeDasharray: '2 3', title: 'title' }),
      Plot.lineY(data, { x: 'position', y: 'value', fy: 'row', stroke: color, strokeOpacity: 0.5, strokeWidth: 1.5 }),
      Plot.dot(data, { x: 'position', y: 'value', fy: 'row', fill: color, r: 4, title: 'title' }),
    ],
  });
}
