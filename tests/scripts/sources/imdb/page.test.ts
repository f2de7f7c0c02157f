import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { parseSoundtrackPage } from '../../../../scripts/sources/imdb/page.ts';
import { parseReport } from '../../../../scripts/sources/imdb/soundtrack.ts';
import { seededRandom, randomInt } from '../../../../scripts/lib/random.ts';
import { SoundtrackTrack } from '../../../../scripts/schemas.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/imdb/${name}`, 'utf8');
const report = (name: string) => parseReport(parseSoundtrackPage(fixture(name)), 'tt0000000');
const performers = (r: ReturnType<typeof report>, position: number) => r.tracks[position - 1].performers.map((p) => p.name);

describe('saved IMDb pages (2025)', () => {
  it('Kill Bill: Vol. 1 — all 32 entries in page order', () => {
    const r = report('tt0266697.html');
    expect(r).toMatchObject({ imdbId: 'tt0266697', title: 'Kill Bill: Vol. 1', total: 32, parsed: 32, truncated: false, layout: 'next' });
    expect(r.tracks[0].title).toBe('Bang Bang (My Baby Shot Me Down)');
    expect(performers(r, 1)).toEqual(['Nancy Sinatra']);
    expect(r.tracks[2]).toMatchObject({ title: 'Armundo' });
    expect(performers(r, 3)).toEqual(['David Allen Young']);
    expect(r.tracks[11].performers).toEqual([{ name: 'Salyu', nameId: 'nm3173733', creditedAs: 'Lily Chou-Chou' }]);
    expect(performers(r, 17)).toEqual(["The 5.6.7.8's"]);
    expect(r.tracks[22].performers[0]).toMatchObject({ name: 'Neu!', creditedAs: 'NEU!' });
    expect(performers(r, 25)).toEqual([]); // Champions of Death: written, not performed, credit
    expect(r.tracks[31]).toMatchObject({ title: 'Auld Lang Syne', flags: { uncredited: true, creditOnly: false } });
    expect(r.tracks.every((t) => t.remixers.length === 0)).toBe(true);
    expect(r.reconciliation).toEqual({ onlyInHtml: [], onlyInJson: [], differing: [] });
  });
  it('Die Hard — 11 entries, whistled and sung credits are performers', () => {
    const r = report('tt0095016.html');
    expect(r).toMatchObject({ imdbId: 'tt0095016', total: 11, parsed: 11, truncated: false });
    expect(r.tracks.map((t) => t.title).slice(0, 3)).toEqual(["Singin' in the Rain", 'Winter Wonderland', 'Christmas in Hollis']);
    expect(performers(r, 3)).toEqual(['Run-D.M.C.']);
    expect(performers(r, 4)).toEqual(['Stevie Wonder']);
    expect(performers(r, 7)).toEqual(['Bruce Willis']);
    expect(r.tracks[5].composers.map((p) => p.name)).toEqual(['Ludwig van Beethoven']);
    expect(performers(r, 6)).toEqual([]);
  });
  it('Gandhi — 4 entries', () => {
    const r = report('tt0083987.html');
    expect(r).toMatchObject({ imdbId: 'tt0083987', total: 4, parsed: 4 });
    expect(r.tracks.map((t) => t.title)).toEqual([
      'God Save the King!',
      'Raghupati Raghava Raja Ram',
      'Vaishnava Janato',
      'Marche Militaire',
    ]);
    expect(performers(r, 1)).toEqual(['Ben Kingsley']);
    expect(performers(r, 3)).toEqual(['Lata Mangeshkar']);
    expect(r.tracks[0].flags.uncredited).toBe(true);
  });
  it('The Fugitive — 2 entries; a band is not split into its listed members', () => {
    const r = report('tt0106977.html');
    expect(r).toMatchObject({ imdbId: 'tt0106977', total: 2, parsed: 2 });
    expect(performers(r, 1)).toEqual(['B.B. King', 'Bobby Bland']);
    expect(performers(r, 2)).toEqual(['Voyage']);
    expect(r.tracks[1].flags.uncredited).toBe(false);
  });
});

describe('the older layout (constructed fixture)', () => {
  it('reads div.soundTrack blocks with <br>-separated credits', () => {
    const r = report('legacy-constructed.html');
    expect(r).toMatchObject({ imdbId: 'tt0133189', title: 'SLC Punk!', layout: 'legacy', total: 5, parsed: 5 });
    expect(r.tracks.map((t) => t.title)).toEqual([
      'Sex & Violence',
      'Cretin Hop',
      'Mirror in the Bathroom',
      'Moonlight Sonata',
      'Life Is Sweet (Daft Punk Remix)',
    ]);
    expect(r.tracks[0].performers).toEqual([{ name: 'The Exploited', nameId: 'nm0000012', creditedAs: 'Exploited' }]);
    expect(r.tracks[1].writers.map((p) => p.name)).toEqual(['Joey Ramone', 'Johnny Ramone', 'Dee Dee Ramone']);
    expect(performers(r, 3)).toEqual(['The English Beat']);
    expect(r.tracks[3].flags.uncredited).toBe(true);
    expect(r.tracks[4].remixers.map((p) => p.name)).toEqual(['Daft Punk']);
  });
});

describe('reconciling the rendered list with __NEXT_DATA__', () => {
  const html = fixture('tt0095016.html');
  it('keeps an entry missing from the rendered list and reports it', () => {
    const withoutItem = html.replace(/<li role="presentation" class="ipc-metadata-list__item[^"]*" id="sn0528889"[\s\S]*?<\/li>/, '');
    expect(withoutItem).not.toBe(html);
    const listing = parseSoundtrackPage(withoutItem);
    expect(listing.entries).toHaveLength(11);
    expect(listing.entries[2].title).toBe('Christmas in Hollis');
    expect(listing.reconciliation.onlyInJson).toEqual(['sn0528889']);
  });
  it('keeps an entry missing from the JSON and reports it', () => {
    const data = JSON.parse(/<script id="__NEXT_DATA__"[^>]*>([\s\S]*?)<\/script>/.exec(html)![1]);
    data.props.pageProps.contentData.data.title.soundtrack.edges.splice(0, 1);
    const withoutEdge = html.replace(
      /(<script id="__NEXT_DATA__"[^>]*>)[\s\S]*?(<\/script>)/,
      (_, a, b) => `${a}${JSON.stringify(data).replace(/</g, '\\u003c')}${b}`,
    ); // as Next.js escapes it
    const listing = parseSoundtrackPage(withoutEdge);
    expect(listing.entries).toHaveLength(11);
    expect(listing.entries[0].title).toBe("Singin' in the Rain");
    expect(listing.reconciliation.onlyInHtml).toEqual(['sn0528887']);
  });
  it('says when the listing is truncated', () => {
    const truncated = html.replace('"hasNextPage":false', '"hasNextPage":true').replace('"total":11', '"total":60');
    const listing = parseSoundtrackPage(truncated);
    expect(listing.truncated).toBe(true);
    expect(listing.total).toBe(60);
    expect(listing.entries).toHaveLength(11);
  });
});

describe('pages that are not soundtrack pages', () => {
  it('yield an empty listing and a reason', () => {
    for (const html of ['', '<html><body><p>hello</p></body></html>', '<<<>>>', '<script id="__NEXT_DATA__">{not json</script>']) {
      const listing = parseSoundtrackPage(html);
      expect(listing.entries).toEqual([]);
      expect(listing.reason).toMatch(/empty|not an IMDb soundtrack page|no entries/);
    }
  });
});

describe('never throws (property test)', () => {
  const Report = z.object({
    total: z.number().int().nonnegative(),
    parsed: z.number().int().nonnegative(),
    truncated: z.boolean(),
    tracks: z.array(SoundtrackTrack),
  });
  const pieces = [
    '<li data-testid="list-item">',
    '</li>',
    '<span class="ipc-metadata-list-item__label">',
    '</span>',
    '<div class="ipc-html-content-inner-div">',
    '</div>',
    '<a href="/name/nm0000001/">',
    '</a>',
    'Performed by ',
    ' and ',
    ' & ',
    '(as X)',
    '(',
    ')',
    '<br>',
    '<div class="soundTrack">',
    '<script id="__NEXT_DATA__">',
    '</script>',
    '{"props":{"pageProps":{"contentData":{"data":{"title":{"soundtrack":{"edges":[{"node":{"text":',
    '"x"',
    ']}}}}}}',
    '&amp;',
    '<',
    '>',
    '"',
    '\u202e',
    '😀',
    'by',
    'Remix)',
    'Written, Performed & Produced by ',
  ];

  it('on random HTML', () => {
    const random = seededRandom(2025);
    for (let i = 0; i < 400; i++) {
      let html = '';
      const n = randomInt(random, 60);
      for (let j = 0; j < n; j++) html += pieces[randomInt(random, pieces.length)];
      const out = parseReport(parseSoundtrackPage(html), 'tt0000000');
      expect(Report.safeParse(out).success).toBe(true);
    }
  });
  it('on mutated real pages', () => {
    const random = seededRandom(7);
    const source = fixture('tt0106977.html');
    for (let i = 0; i < 40; i++) {
      let html = source;
      for (let m = 0; m < 5; m++) {
        const at = randomInt(random, html.length);
        const len = randomInt(random, 2000);
        const kind = randomInt(random, 3);
        if (kind === 0) html = html.slice(0, at) + html.slice(at + len);
        else if (kind === 1) html = html.slice(0, at) + pieces[randomInt(random, pieces.length)] + html.slice(at);
        else html = html.slice(0, at) + html.slice(at, at + len) + html.slice(at);
      }
      const out = parseReport(parseSoundtrackPage(html), 'tt0106977');
      expect(Report.safeParse(out).success).toBe(true);
    }
  });
});
