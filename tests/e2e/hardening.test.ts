/**
 * Whole-site builds on purpose-made inputs: hostile text is shown as text everywhere and
 * never run; a broken essay stops the build with a message naming the file and the field,
 * and the previous site survives; two builds of the same inputs are byte-identical.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { quickConfig } from '../support/quick-config.ts';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { runPipeline } from '../../scripts/pipeline/run.ts';
import { stableJson } from '../../scripts/lib/files.ts';
import { launchBrowser } from '../support/browser.ts';
import { anchoredContent, buildSiteWith } from '../support/site.ts';
import { copyContent, withBody, withFrontmatter } from '../support/mistakes.ts';
import { COMPONENT_NAMES } from '../../src/editorial/component-registry.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';

let root: string;
/** The story of this run's shared build (the global setup's story of data/, checked current by its key): nothing here reads data/generated/, which may be missing or stale. */
let realStory: string;
beforeAll(() => {
  // Inside the project, where .cache/ is not committed, beside the run's shared sites.
  mkdirSync(join('.cache', 'test-sites'), { recursive: true });
  root = mkdtempSync(join('.cache', 'test-sites', 'run-'));
  realStory = inject('testSite').story;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every HTML page under dir, as paths relative to it. */
function htmlFiles(dir: string): string[] {
  return Object.keys(tree(dir))
    .filter((f) => f.endsWith('.html'))
    .sort();
}

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const HOSTILE_TITLE = 'Mid90s </title><script>window.__pwned=1</script> & "Q" 🎸 שלום';
const HOSTILE_TRACK = '<img src=x onerror="window.__pwned=2"> & "Sex" 🎸 مرحبا';
const HOSTILE_ARTIST = '=HYPERLINK("http://evil.example")';

describe('hostile text from scraped pages', () => {
  let outDir: string;
  beforeAll(() => {
    const data = join(root, 'hostile-data');
    for (const name of ['films.csv', 'genre-mood-map.json', 'snapshot']) cpSync(join('data', name), join(data, name), { recursive: true });
    const csv = readFileSync(join(data, 'films.csv'), 'utf8').replace('Mid90s,2018,', `"${HOSTILE_TITLE.replace(/"/g, '""')}",2018,`);
    writeFileSync(join(data, 'films.csv'), csv);
    const file = join(data, 'snapshot', 'soundtracks', 'tt0133189.json');
    const snapshot = JSON.parse(readFileSync(file, 'utf8'));
    snapshot.tracks[1].title = HOSTILE_TRACK;
    snapshot.tracks[1].credits = [{ text: `Performed by ${HOSTILE_ARTIST}`, links: [{ text: HOSTILE_ARTIST, nameId: null }] }];
    snapshot.tracks[1].performers = [{ name: HOSTILE_ARTIST, nameId: null, creditedAs: null }];
    writeFileSync(file, stableJson(snapshot, 2));
    const genres = JSON.parse(readFileSync(join(data, 'snapshot', 'artist-genres.json'), 'utf8'));
    genres.artists[HOSTILE_ARTIST] = { genres: ['punk', '<b>bold</b> genre'], source: 'curated', providerId: null };
    writeFileSync(join(data, 'snapshot', 'artist-genres.json'), JSON.stringify(genres));
    const { story } = runPipeline({ dataDir: data, config: quickConfig });
    const content = join(root, 'hostile-content');
    anchoredContent(content, story);
    outDir = join(root, 'hostile-dist');
    const build = buildSiteWith({ story: join(data, 'generated', 'story.json'), content, outDir, cache: join(root, 'cache-hostile') });
    expect(build.status, build.output.slice(-3000)).toBe(0);
  }, 240_000);

  it('shows it as text in HTML, SVG, <title> and meta, and never runs it', async () => {
    const site = await serveStatic(outDir);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const slug = readdirSync(join(outDir, 'films')).find((s) => s.startsWith('mid90s'))!;
      await page.goto(`${site.url}films/${slug}/`);
      expect(await page.locator('h1').textContent()).toBe(HOSTILE_TITLE);
      expect(await page.title()).toContain(HOSTILE_TITLE);
      expect(await page.getAttribute('meta[property="og:title"]', 'content')).toContain(HOSTILE_TITLE);
      expect(await page.getAttribute('svg.chart', 'aria-label')).toContain(HOSTILE_TITLE);
      await page.goto(`${site.url}films/slc-punk/`);
      const row = page.locator('table:has(caption:text("soundtrack entries")) tbody tr').nth(1);
      expect(await row.locator('th').textContent()).toBe(HOSTILE_TRACK);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await row.textContent()).toContain(HOSTILE_ARTIST);
      expect(await row.textContent()).toContain('<b>bold</b> genre');
      // In SVG: the song's dots carry it in their <title>, as text.
      const svgText = await page.locator('svg.chart[aria-label*="mood features of each"]').textContent();
      expect(svgText).toContain(`“${HOSTILE_TRACK}” by ${HOSTILE_ARTIST}`);
      // In the look-up links: encoded, so it reaches the search as the words it is.
      const search = await row.locator('td.lookup a').first().getAttribute('href');
      expect(search).toBe(
        `https://musicbrainz.org/search?query=${encodeURIComponent(`${HOSTILE_TRACK} ${HOSTILE_ARTIST}`)}&type=recording`,
      );
      expect(new URL(search!).searchParams.get('query')).toBe(`${HOSTILE_TRACK} ${HOSTILE_ARTIST}`);
      await page.goto(`${site.url}films/`);
      // The film index lists the hostile title as text.
      expect(await page.locator('table.film-table tbody th', { hasText: 'Mid90s </title>' }).textContent()).toBe(HOSTILE_TITLE);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await page.goto(site.url);
      const mapText = await page.locator('figure.wide svg.chart').first().textContent();
      expect(mapText).toContain('Mid90s </title>');
      // Every page that carries either payload, opened in turn: none may run it or grow an <img src="x">.
      const carriers: string[] = [];
      for (const file of htmlFiles(outDir)) {
        const html = readFileSync(join(outDir, file), 'utf8');
        if (!html.includes('__pwned')) continue;
        carriers.push(file);
        await page.goto(`${site.url}${file.replace(/index\.html$/, '')}`);
        const state = await page.evaluate(() => ({
          pwned: (window as unknown as { __pwned?: number }).__pwned,
          images: document.querySelectorAll('img[src="x"]').length,
        }));
        expect({ file, ...state }).toEqual({ file, pwned: undefined, images: 0 });
      }
      expect(carriers).toEqual(
        expect.arrayContaining(['index.html', `films/${slug}/index.html`, 'films/slc-punk/index.html', 'films/index.html']),
      );
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
      await site.close();
    }
  });

  it('defuses spreadsheet formulas in the CSV downloads', () => {
    const csv = readFileSync(join(outDir, 'data', 'tracks.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

function siteWithPreviousBuild(name: string): { outDir: string; sentinel: string } {
  const outDir = join(root, name);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'index.html'), '<p>the previous good site</p>');
  return { outDir, sentinel: join(outDir, 'index.html') };
}

describe('an essay with a mistake', () => {
  let story: string;
  beforeAll(() => {
    story = realStory;
  });

  /** Builds the real story with one essay broken by `edit`, over a previous good site. */
  function buildWithBrokenEssay(name: string, file: string, edit: (frontmatter: string) => string) {
    const content = copyContent(join(root, `content-${name}`));
    const page = withFrontmatter(content, file, edit);
    const { outDir, sentinel } = siteWithPreviousBuild(`dist-${name}`);
    const build = buildSiteWith({ story, content, outDir, cache: join(root, `cache-${name}`) });
    return { page, build, outDir, sentinel };
  }

  it('stops the build on bad frontmatter, naming the file, the line and the field, and keeps the previous site', () => {
    const { page, build, sentinel } = buildWithBrokenEssay('frontmatter', 'archetypes/suburbia-and-idaho.mdx', (fm) =>
      fm.replace(/^title: .*$/m, 'titel: Hard and Steady'),
    );
    expect(build.status).not.toBe(0);
    expect(build.output).toContain(
      `${page.file}:1:1  the frontmatter has no "title:" field: it needs a name for the archetype\n    fix: add a line "title: …" between the two --- lines`,
    );
    expect(build.output).toContain(
      `${page.at('titel:')}  "titel" is not a field of this frontmatter\n    fix: did you mean "title"? the fields are: title, summary, anchor`,
    );
    expect(build.output).toMatch(/dist-frontmatter\/ is unchanged/);
    expect(readFileSync(sentinel, 'utf8')).toBe('<p>the previous good site</p>');
  }, 120_000);

  it('stops the build on an anchor that is not a film, naming the file and the anchor, and keeps the previous site', () => {
    const { page, build, outDir, sentinel } = buildWithBrokenEssay('anchor', 'archetypes/out-of-the-blue.mdx', (fm) =>
      fm.replace(/^anchor: .*$/m, 'anchor: tt9999999'),
    );
    expect(build.status).not.toBe(0);
    expect(build.output).toContain(
      `${page.at('tt9999999')}  anchor "tt9999999" is not a film in data/films.csv\n    fix: use an IMDb ID or slug of a film in data/films.csv`,
    );
    expect(build.output).toMatch(/has no essay/);
    expect(readFileSync(sentinel, 'utf8')).toBe('<p>the previous good site</p>');
    expect(existsSync(`${outDir}.next`)).toBe(false);
  }, 120_000);
});

describe('the mistakes editors make, all in one build', () => {
  it('lists each with its file:line:col and fix, refuses to publish and keeps the previous site', () => {
    const story = join(root, 'real-story-table.json');
    cpSync(realStory, story);
    const content = copyContent(join(root, 'content-table'));
    const films = (JSON.parse(readFileSync(story, 'utf8')) as { films: { imdbId: string }[] }).films;
    const home = withBody(content, 'essay/home.mdx', 'Editors use {curly} braces.\n\nIt gets a score of <3 out of 10.\n');
    const method = withBody(
      content,
      'essay/method.mdx',
      `<FlimArc film="${films[0].imdbId}" />\n\n<FilmArc film="tt0000001" />\n\nWe have <Fact name="nope" /> films.\n`,
    );
    const summary = withFrontmatter(content, 'archetypes/suburbia-and-idaho.mdx', (fm) =>
      fm.replace(/^summary: .*$/m, 'summary: Punk: the sequel'),
    );
    const title = withFrontmatter(content, 'archetypes/out-of-the-blue.mdx', (fm) => fm.replace(/^title: .*\n/m, ''));
    const { outDir, sentinel } = siteWithPreviousBuild('dist-table');
    const build = buildSiteWith({ story, content, outDir, cache: join(root, 'cache-table') });
    expect(build.status).not.toBe(0);
    const braces = 'MDX runs whatever is between { and } as code: to show a brace write \\{ and \\}, or reword without braces';
    for (const expected of [
      `${home.at('{curly}')}  curly braces "{curly}" are read as code in MDX, not as text\n    fix: ${braces}`,
      `${home.at('<3')}  "<" followed by "3" is read as the start of a component or tag\n    fix: to show the sign, write &lt; instead (for example "&lt;3"), or put it in words ("less than")`,
      `${summary.at('Punk: the sequel')}  the summary contains a colon followed by a space, which YAML reads as the start of another field\n    fix: put the summary in quotes: summary: "Punk: the sequel"`,
      `${method.at('<FlimArc')}  there is no component <FlimArc>\n    fix: did you mean <FilmArc>? the components are: ${COMPONENT_NAMES.join(', ')}`,
      `${method.at('film="tt0000001"')}  film="tt0000001" is not a film in the data\n    fix: use an IMDb ID or slug of a film in data/films.csv`,
      `${method.at('name="nope"')}  <Fact name="nope" /> names no figure\n    fix: the names are: `,
      `${title.file}:1:1  the frontmatter has no "title:" field: it needs a name for the archetype\n    fix: add a line "title: …" between the two --- lines`,
    ]) {
      expect(build.output).toContain(expected);
    }
    expect(build.output).toMatch(/The essay check found 7 problems in 4 files/);
    // Astro never ran: nothing of its programmer's messages, and no half-built folder.
    expect(build.output).not.toMatch(/is not defined|U\+0033|UnhandledRejection|YAMLException|\*\*|you likely forgot to import/);
    expect(build.output).toMatch(/dist-table\/ is unchanged/);
    expect(readFileSync(sentinel, 'utf8')).toBe('<p>the previous good site</p>');
    expect(existsSync(`${outDir}.next`)).toBe(false);
  }, 120_000);
});

describe('what published garbage or crashed the build before (issue 21), all in one build', () => {
  it('is refused by the check with file:line:col and a fix, before Astro runs, and the previous site is kept', () => {
    const content = copyContent(join(root, 'content-issue-21'));
    const data = withBody(
      content,
      'essay/data.mdx',
      'A table:\n\n| Film | Songs |\n| --- | --- |\n| Suburbia | 12 | extra |\n\nA caf\u00e9 style.\n\nSee <FilmArc film=”tt0133189” />.\n',
    );
    const path = join(content, 'essay', 'data.mdx');
    writeFileSync(
      path,
      Buffer.from(readFileSync(path, 'utf8').replace('caf\u00e9', 'caf\u0000'), 'utf8').map((b) => (b === 0 ? 0xe9 : b)),
    );
    renameSync(join(content, 'archetypes', 'quiet-and-calm.mdx'), join(content, 'archetypes', 'The Quiet And Calm.mdx'));
    const home = withBody(content, 'essay/home.mdx', 'See <ArchetypeArc archetype="The Quiet And Calm" />.\n');
    const anchor = withFrontmatter(content, 'archetypes/smithereens-and-rivers-edge.mdx', (fm) =>
      fm.replace(/^(anchor: \S+)$/m, '$1\u200b'),
    );
    renameSync(join(content, 'films', 'tt0133189.mdx'), join(content, 'films', 'tt0133189.md'));
    const { outDir, sentinel } = siteWithPreviousBuild('dist-issue-21');
    const build = buildSiteWith({ story: realStory, content, outDir, cache: join(root, 'cache-issue-21') });
    expect(build.status).not.toBe(0);
    for (const expected of [
      `${data.at('| Suburbia')}  this table row has 3 cells, but the table's first row has 2: the site would drop the last 1 without a word\n    fix: give every row 2 cells`,
      `${data.at('\u00e9 style')}  this line holds characters that are not saved as UTF-8 (probably "é" saved as Latin-1), which the site would show as "�"\n    fix: save the file as UTF-8`,
      `${data.at('film=')}  the value of film is in curly quotes (”…), which MDX does not read as quotes\n    fix: write film="tt0133189" with straight quotes (")`,
      `${join(content, 'archetypes', 'The Quiet And Calm.mdx')}:1:1  the file name becomes the page's address, and "The Quiet And Calm.mdx" is not one: the site would publish it at /archetypes/the-quiet-and-calm/\n    fix: rename the file to the-quiet-and-calm.mdx`,
      `${home.at('archetype=')}  archetype="The Quiet And Calm" is not an archetype\n    fix: did you mean "the-quiet-and-calm"?`,
      `${anchor.at('\u200b')}  a zero-width space is hidden here, in the frontmatter, where it becomes part of the value`,
      `${join(content, 'films', 'tt0133189.md')}:1:1  the site reads only files whose names end in .mdx, so "tt0133189.md" would be ignored\n    fix: rename it to tt0133189.mdx`,
    ]) {
      expect(build.output).toContain(expected);
    }
    expect(build.output).not.toMatch(/must be an IMDb title ID|Hint:|\n\s+at |archetypeBySlug|"”tt0133189”"/);
    expect(build.output).toMatch(/dist-issue-21\/ is unchanged/);
    expect(readFileSync(sentinel, 'utf8')).toBe('<p>the previous good site</p>');
    expect(existsSync(`${outDir}.next`)).toBe(false);
  }, 120_000);
});

describe('determinism', () => {
  it('builds byte-identical sites from the same inputs', () => {
    // The run's shared build (its own Astro cache) against one made here from the same story.
    const a = inject('testSite').root;
    const b = join(root, 'det-b');
    const build = buildSiteWith({ story: realStory, content: 'content', outDir: b, cache: join(root, 'cache-b') });
    expect(build.status, build.output.slice(-3000)).toBe(0);
    const ta = tree(a);
    const tb = tree(b);
    expect(Object.keys(ta).length).toBeGreaterThan(40);
    const onlyA = Object.keys(ta).filter((k) => !(k in tb));
    const onlyB = Object.keys(tb).filter((k) => !(k in ta));
    expect({ onlyA: onlyA.slice(0, 12), onlyB: onlyB.slice(0, 12) }).toEqual({ onlyA: [], onlyB: [] });
    expect(tb).toEqual(ta);
  }, 240_000);
});
