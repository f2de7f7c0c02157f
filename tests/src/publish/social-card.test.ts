/**
 * The social cards as pictures: their size, that they are the same bytes every time, and
 * that ink lands where the layout puts words and lines (read from the decoded pixels).
 */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { ArcPoint, Story, StoryFilm } from '../../../scripts/schemas.ts';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  filmCardPng,
  filmCardText,
  fitText,
  socialCardPng,
  textWidth,
  wrapText,
} from '../../../src/publish/social-card.ts';

const arc: ArcPoint[] = Array.from({ length: 10 }, (_, step) => ({
  step,
  t: step / 9,
  valence: step / 9,
  energy: 1 - step / 9,
  danceability: 0.5,
  tempo: step % 2,
}));

function film(overrides: Partial<StoryFilm> = {}): StoryFilm {
  return {
    title: 'Kids',
    year: 1995,
    coverage: { entries: 22, withPerformer: 16, withGenres: 13, withFeatures: 13 },
    tracks: [],
    arc,
    orderSignal: { orderP: 0.003, smootherThan: 0.997, songs: 13, change: 1, shuffledChange: 1.2 },
    ...overrides,
  } as StoryFilm;
}

async function pixels(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  /** Share of the box's pixels darker than mid-grey: ink. */
  const inked = (x0: number, y0: number, x1: number, y1: number) => {
    let dark = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (data[(y * info.width + x) * 3] < 128) dark++;
    return dark / ((x1 - x0) * (y1 - y0));
  };
  return { info, inked };
}

describe('text on a card', () => {
  it('measures, wraps and fits lines to a width', () => {
    expect(textWidth('KIDS', 100)).toBeGreaterThan(textWidth('KID', 100));
    expect(textWidth('kids', 100)).toBe(textWidth('KIDS', 100));
    expect(textWidth('KIDS', 200)).toBeCloseTo(2 * textWidth('KIDS', 100), 6);
    const lines = wrapText('one two three four five six', 40, textWidth('one two three', 40));
    expect(lines).toEqual(['one two three', 'four five six']);
    const fitted = fitText('Ladies and Gentlemen, The Fabulous Stains', 1080, [120, 96, 72, 56], 2);
    expect(fitted.lines.length).toBeLessThanOrEqual(2);
    for (const line of fitted.lines) expect(textWidth(line, fitted.size)).toBeLessThanOrEqual(1080);
  });

  it('keeps any title to two lines within the card, ending in an ellipsis when words are left out', () => {
    const long = filmCardText(
      film({
        title:
          'The Extraordinarily Long and Winding Title of a Film That Nobody Could Ever Fit on One Card, Part Two: The Sequel Returns Again',
      }),
      0.05,
    ).title;
    expect(long.lines).toHaveLength(2);
    expect(long.lines[1].endsWith('…')).toBe(true);
    const short = filmCardText(film(), 0.05).title;
    expect(short).toEqual({ size: 120, lines: ['Kids'] });
  });

  it('draws a character the face lacks as nothing, never as a box', () => {
    expect(textWidth('KIDS 🎸 中', 100)).toBeCloseTo(textWidth('KIDS  ', 100), 6);
    expect(textWidth('Amélie', 100)).toBeGreaterThan(0);
  });
});

describe('a film’s card', () => {
  it('is a 1200 × 630 PNG, the same bytes every time, and another film’s differs', async () => {
    const a = await filmCardPng(film(), 0.05);
    expect(await filmCardPng(film(), 0.05)).toEqual(a);
    expect(await filmCardPng(film({ title: 'Gummo' }), 0.05)).not.toEqual(a);
    const { info } = await pixels(a);
    expect([info.width, info.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
  });

  it('sets the title in ink and draws the arc’s lines in the panels', async () => {
    const { inked } = await pixels(await filmCardPng(film(), 0.05));
    // The title "KIDS" at 120 px: its box is dense with ink, the space to its right is paper.
    expect(inked(60, 170, 250, 262)).toBeGreaterThan(0.4);
    expect(inked(400, 170, 1140, 262)).toBe(0);
    // Valence rises across the first panel: ink at its bottom left and top right, none at its top left.
    expect(inked(62, 420, 90, 440)).toBeGreaterThan(0.05);
    expect(inked(270, 344, 298, 364)).toBeGreaterThan(0.05);
    expect(inked(70, 350, 100, 380)).toBe(0);
  });

  it('has no panels for a film with no arc', async () => {
    const { inked } = await pixels(await filmCardPng(film({ arc: null, orderSignal: null }), 0.05));
    expect(inked(40, 330, 1160, 450)).toBe(0);
  });
});

describe('the site’s card', () => {
  it('is a 1200 × 630 PNG', async () => {
    const story = {
      films: [],
      analysis: { clusteredFilms: 17, nullModel: { verdict: { beyondChance: false } } },
      method: { significance: 0.05 },
    } as unknown as Story;
    const { info } = await pixels(await socialCardPng(story));
    expect([info.width, info.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
  });
});
