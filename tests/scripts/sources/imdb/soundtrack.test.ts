import { describe, expect, it } from 'vitest';
import type { PageListing } from '../../../../scripts/sources/imdb/page.ts';
import { listingToSoundtrack, parseReport } from '../../../../scripts/sources/imdb/soundtrack.ts';

const listing = (over: Partial<PageListing> = {}): PageListing => ({
  imdbId: 'tt0133189',
  title: 'SLC Punk!',
  layout: 'next',
  total: 2,
  truncated: false,
  entries: [
    {
      entryId: 'sn0000001',
      title: 'Sex & Violence',
      credits: [{ text: 'Performed by The Exploited', links: [{ text: 'The Exploited', nameId: 'nm1234567' }] }],
    },
    {
      entryId: 'sn0000002',
      title: 'Cretin Hop (uncredited)',
      credits: [
        { text: 'Written by Joey Ramone', links: [] },
        { text: 'Performed by Ramones', links: [] },
        { text: 'Courtesy of Sire Records', links: [] },
      ],
    },
  ],
  reason: null,
  reconciliation: { onlyInHtml: [], onlyInJson: [], differing: [] },
  ...over,
});

describe('listingToSoundtrack', () => {
  it('numbers the entries from 1 in page order and keeps IMDb’s entry ids and credit lines', () => {
    const soundtrack = listingToSoundtrack(listing(), 'tt0000000');
    expect(soundtrack.tracks.map((t) => [t.position, t.entryId])).toEqual([
      [1, 'sn0000001'],
      [2, 'sn0000002'],
    ]);
    expect(soundtrack.tracks[1].credits).toEqual(listing().entries[1].credits);
  });
  it('parses each entry’s credits: linked performers, writers, licences, and flags from the title', () => {
    const [first, second] = listingToSoundtrack(listing(), 'tt0000000').tracks;
    expect(first.performers).toEqual([{ name: 'The Exploited', nameId: 'nm1234567', creditedAs: null }]);
    expect(second).toMatchObject({
      title: 'Cretin Hop',
      performers: [{ name: 'Ramones', nameId: null, creditedAs: null }],
      writers: [{ name: 'Joey Ramone', nameId: null, creditedAs: null }],
      licensing: ['Courtesy of Sire Records'],
      flags: { uncredited: true, creditOnly: false },
    });
  });
  it('takes the id the page names, falling back to the one asked for', () => {
    expect(listingToSoundtrack(listing(), 'tt0000000').imdbId).toBe('tt0133189');
    expect(listingToSoundtrack(listing({ imdbId: null }), 'tt0000000').imdbId).toBe('tt0000000');
  });
  it('keeps the page’s total when it lists more than it shows, never fewer than it parsed', () => {
    expect(listingToSoundtrack(listing({ total: 40, truncated: true }), 'tt0133189')).toMatchObject({ total: 40, truncated: true });
    expect(listingToSoundtrack(listing({ total: 0 }), 'tt0133189').total).toBe(2);
  });
  it('marks where the snapshot came from: IMDb unless told', () => {
    expect(listingToSoundtrack(listing(), 'tt0133189').source).toBe('imdb');
    expect(listingToSoundtrack(listing(), 'tt0133189', {}, 'imdb-saved-page').source).toBe('imdb-saved-page');
  });
  it('keeps an unlinked act the caller knows as one name whole', () => {
    const entries = [{ entryId: null, title: 'The Boxer', credits: [{ text: 'Performed by Simon and Garfunkel', links: [] }] }];
    const performers = (options = {}) =>
      listingToSoundtrack(listing({ entries }), 'tt0133189', options).tracks[0].performers.map((p) => p.name);
    expect(performers()).toEqual(['Simon', 'Garfunkel']);
    expect(performers({ knownArtists: new Set(['Simon and Garfunkel']) })).toEqual(['Simon and Garfunkel']);
  });
  it('refuses a listing that would publish a track with no title', () => {
    const entries = [{ entryId: null, title: '  (uncredited)', credits: [] }];
    expect(() => listingToSoundtrack(listing({ entries }), 'tt0133189')).toThrow(/must have visible text/);
  });
});

describe('parseReport', () => {
  it('reports the layout, the counts and what the parser noticed, with each track’s fields in reading order', () => {
    const report = parseReport(listing({ imdbId: null, total: 3, truncated: true, reason: null, layout: 'legacy' }), 'tt0133189');
    expect(report).toMatchObject({
      imdbId: null,
      title: 'SLC Punk!',
      layout: 'legacy',
      total: 3,
      parsed: 2,
      truncated: true,
      reason: null,
    });
    expect(Object.keys(report.tracks[0])).toEqual([
      'position',
      'title',
      'credits',
      'performers',
      'remixers',
      'writers',
      'composers',
      'licensing',
      'flags',
      'entryId',
    ]);
  });
});
