import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../scripts/lib/random.ts';
import { Refitter, type RefitInput } from '../../../scripts/resampling/refit.ts';
import type { ArcSample } from '../../../scripts/stages/arcs.ts';
import { filmSamples, mood, refitInput } from '../../support/tracks.ts';

/** Six songs; films 0–3 play them low → high, films 4–7 high → low, each with a little noise of its own. */
function film(f: number, artists?: string[]): ArcSample[] {
  const random = seededRandom(500 + f);
  const songs = Array.from({ length: 6 }, (_, i) =>
    mood(0.1 + 0.15 * i + 0.02 * random(), 0.2 + 0.12 * i + 0.02 * random(), 0.4 + 0.1 * random(), 100 + 10 * i + 3 * random()),
  );
  return filmSamples(f < 4 ? songs : songs.reverse(), artists);
}

const input = (samples: ArcSample[][]): RefitInput => refitInput(samples);

const films = () => Array.from({ length: 8 }, (_, f) => film(f));
/** Every film's songs by one artist: one run, which no reordering of runs can move. */
const oneRunFilms = () => Array.from({ length: 8 }, (_, f) => film(f, Array(6).fill(`Band ${f}`)));
const values = (scores: { data: Float64Array }) => Array.from(scores.data);
const groups = (labels: Int32Array) => Array.from(labels, (l) => (l === labels[0] ? 'A' : 'B')).join('');

describe('Refitter', () => {
  it('refits the arcs as they are into the groups their order makes', () => {
    const refitter = new Refitter(input(films()));
    expect(refitter.n).toBe(8);
    expect(groups(refitter.cluster(refitter.unchanged(), 2))).toBe('AAAABBBB');
  });
  it('gives the same scores and labels on every refit of the same arcs', () => {
    const refitter = new Refitter(input(films()));
    const first = values(refitter.unchanged());
    const again = refitter.unchanged();
    expect(values(again)).toEqual(first);
    expect(values(new Refitter(input(films())).unchanged())).toEqual(first);
  });
  it('moves whole artist runs: a film of one run keeps its order, while a song shuffle breaks it', () => {
    const refitter = new Refitter(input(oneRunFilms()));
    const real = values(refitter.unchanged());
    expect(values(refitter.shuffled(seededRandom(1)))).toEqual(real);
    expect(values(refitter.shuffled(seededRandom(1), 'songs'))).not.toEqual(real);
  });
  it('reorders runs of single songs, the same way for the same seed', () => {
    const refitter = new Refitter(input(films()));
    const real = values(refitter.unchanged());
    const shuffled = values(refitter.shuffled(seededRandom(7)));
    expect(shuffled).not.toEqual(real);
    expect(values(new Refitter(input(films())).shuffled(seededRandom(7)))).toEqual(shuffled);
    expect(values(refitter.shuffled(seededRandom(8)))).not.toEqual(shuffled);
  });
  it('draws each film’s songs again with replacement, the same way for the same seed', () => {
    const refitter = new Refitter(input(films()));
    const real = values(refitter.unchanged());
    const resampled = values(refitter.resampled(seededRandom(3)));
    expect(resampled).not.toEqual(real);
    expect(values(new Refitter(input(films())).resampled(seededRandom(3)))).toEqual(resampled);
  });
  it('labels 0…k−1, and a fit at one k or on other scores never changes the fit at another', () => {
    const fresh = new Refitter(input(films()));
    const alone = Array.from(fresh.cluster(fresh.unchanged(), 3));
    expect(new Set(alone)).toEqual(new Set([0, 1, 2]));

    const busy = new Refitter(input(films()));
    busy.cluster(busy.unchanged(), 2);
    busy.cluster(busy.shuffled(seededRandom(4)), 3);
    busy.cluster(busy.unchanged(), 7);
    expect(Array.from(busy.cluster(busy.unchanged(), 3))).toEqual(alone);
  });
});
