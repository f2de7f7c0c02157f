import { describe, expect, it } from 'vitest';
import { artistKey, genreKey, slugify } from '../../../scripts/lib/text.ts';

describe('slugify', () => {
  it('makes addresses from titles: apostrophes dropped, accents stripped, & spelled out', () => {
    expect(slugify('River’s Edge')).toBe('rivers-edge');
    expect(slugify('We Are the Best!')).toBe('we-are-the-best');
    expect(slugify('Amélie & Nino')).toBe('amelie-and-nino');
    expect(slugify('  --SLC Punk!--  ')).toBe('slc-punk');
  });
});

describe('artistKey', () => {
  it('gives two spellings of one artist one key', () => {
    expect(artistKey('The Ramones')).toBe(artistKey('Ramones'));
    expect(artistKey('Simon & Garfunkel')).toBe(artistKey('simon and garfunkel'));
    expect(artistKey('Motörhead')).toBe(artistKey('Motorhead'));
  });

  it('keeps different artists apart', () => {
    expect(artistKey('X')).not.toBe(artistKey('XTC'));
    expect(artistKey('The Clash')).not.toBe(artistKey('Clash of the Titans'));
  });
});

describe('genreKey', () => {
  it('ignores case, hyphens against spaces, and & against and', () => {
    expect(genreKey('Hip-Hop')).toBe('hip hop');
    expect(genreKey('R&B')).toBe(genreKey('r and b'));
    expect(genreKey(' post_punk ')).toBe('post punk');
  });
});
