import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { songTitle, trackSequenceChart } from '../../../src/charts/tracks.ts';
import { storyTrack } from '../../support/tracks.ts';

function parse(svg: string): Element {
  const root = parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document.querySelector('svg');
  if (!root) throw new Error('no <svg> in the chart');
  return root;
}
const all = (root: Element, selector: string) => Array.from(root.querySelectorAll(selector));

const COLOR = '#0072B2';
const track = storyTrack;

describe('songTitle', () => {
  it('gives a song’s place, title, performers, genres and four moods, one line each after the first', () => {
    expect(
      songTitle(track(3, { title: 'Rise Above', performers: ['Black Flag', 'Henry Rollins'], genres: ['hardcore punk', 'punk'] })),
    ).toBe(
      '#3 “Rise Above” by Black Flag, Henry Rollins\ngenres: hardcore punk, punk\nvalence 0.46, energy 0.90, danceability 0.30, tempo 172 BPM',
    );
  });

  it('names the remixers, and says so when the performer, the genres or the moods are unknown', () => {
    expect(songTitle(track(1, { remixers: ['Moby'] }))).toContain('by Black Flag (remix: Moby)\n');
    expect(songTitle(track(2, { performers: [], genres: [], features: null }))).toBe(
      '#2 “Song 2” by performer unknown\ngenres: none known\nno mood features',
    );
  });
});

describe('trackSequenceChart', () => {
  const tracks = [track(1), track(2, { features: null, title: 'Lost & <Found>' }), track(3)];
  const root = parse(trackSequenceChart('Repo Man', tracks, COLOR));

  it('gives every dot its song’s words as a tooltip, and every mark of a song without moods its own', () => {
    const dotTitles = all(root, `g[fill="${COLOR}"] circle title`).map((t) => t.textContent);
    expect(dotTitles).toHaveLength(2 * 4);
    expect(dotTitles.filter((t) => t === songTitle(tracks[0]))).toHaveLength(4);
    expect(dotTitles.filter((t) => t === songTitle(tracks[2]))).toHaveLength(4);
    const missing = all(root, 'g[stroke-dasharray="2 3"] line title').map((t) => t.textContent);
    expect(missing).toEqual(Array(4).fill(songTitle(tracks[1])));
    expect(missing[0]).toContain('no mood features');
  });

  it('labels every entry when there are at most eight, and only a few when there are more', () => {
    const ticks = (n: number) =>
      all(
        parse(
          trackSequenceChart(
            'Many',
            Array.from({ length: n }, (_, i) => track(i + 1)),
            COLOR,
          ),
        ),
        'text',
      )
        .map((t) => t.textContent ?? '')
        .filter((t) => /^[\d.]+$/.test(t));
    expect(ticks(8)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const many = ticks(30);
    expect(many.length).toBeGreaterThan(1);
    expect(many.length).toBeLessThanOrEqual(8);
    // Each label is an entry: a whole number from 1 to 30.
    for (const t of many) expect(t).toMatch(/^([1-9]|[12]\d|30)$/);
  });

  it('counts a film with no songs as no entries, and still draws its four rows', () => {
    const empty = parse(trackSequenceChart('Nothing Listed', [], COLOR));
    expect(empty.getAttribute('aria-label')).toBe(
      'Nothing Listed: mood features of each of its 0 soundtrack entries in order; 0 entries have no features',
    );
    expect(all(empty, 'circle')).toHaveLength(0);
    expect(all(empty, 'rect[stroke="currentColor"]')).toHaveLength(4);
  });
});
