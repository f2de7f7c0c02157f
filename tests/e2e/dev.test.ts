/**
 * `npm run dev` with broken essays: the terminal lists every problem with its file and
 * line, each broken essay's page shows its own mistakes, and every other page renders.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Story } from '../../scripts/schemas.ts';
import { buildEnv } from '../support/site.ts';
import { copyContent, withBody, withFrontmatter } from '../support/mistakes.ts';

let root: string;
let server: ChildProcess;
let url: string;
let output = '';
let anchor: ReturnType<typeof withFrontmatter>;
let method: ReturnType<typeof withBody>;
let misplaced: string;
let renamed: string;
/** Films whose archetype is left without an essay: by an anchor moved to another archetype's film, and by an essay gone from content/archetypes/. */
let orphans: { slug: string; mates: string[] }[];

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  mkdirSync(join('.cache', 'test-sites'), { recursive: true });
  root = mkdtempSync(join('.cache', 'test-sites', 'dev-'));
  const story = join(root, 'story.json');
  cpSync(inject('testSite').story, story);
  const content = copyContent(join(root, 'content'));
  anchor = withFrontmatter(content, 'archetypes/out-of-the-blue.mdx', (fm) => fm.replace(/^anchor: .*$/m, 'anchor: tt9999999'));
  method = withBody(
    content,
    'essay/method.mdx',
    'A score of <3 and <FlimArc film="x" />.\n\n<ArchetypeArc archetype="Suburbia And Idaho" />\n',
  );
  // A file name that is not an address, named as written by another essay (it stopped the build halfway, and dev served half a page).
  renamed = join(content, 'archetypes', 'Suburbia And Idaho.mdx');
  renameSync(join(content, 'archetypes', 'suburbia-and-idaho.mdx'), renamed);
  // smithereens-and-rivers-edge's anchor moved to a film of kids-and-mid90s's archetype: its own archetype is left without an essay.
  const data = JSON.parse(readFileSync(story, 'utf8')) as Story;
  const anchorOf = (file: string) => /^anchor: (\S+)$/m.exec(readFileSync(join(content, 'archetypes', file), 'utf8'))![1];
  const clusterOf = (imdbId: string) => data.archetypes.find((c) => c.members.includes(imdbId))!;
  const smithereensRiversEdge = anchorOf('smithereens-and-rivers-edge.mdx');
  const other = clusterOf(anchorOf('kids-and-mid90s.mdx')).members.find((id) => id !== anchorOf('kids-and-mid90s.mdx'))!;
  withFrontmatter(content, 'archetypes/smithereens-and-rivers-edge.mdx', (fm) => fm.replace(/^anchor: .*$/m, `anchor: ${other}`));
  const film = (id: string) => data.films.find((f) => f.imdbId === id)!;
  const orphan = (anchor: string) => {
    const members = clusterOf(anchor).members;
    const id = members.find((m) => m !== anchor) ?? anchor;
    return { slug: film(id).slug, mates: members.filter((m) => m !== id).map((m) => film(m).title) };
  };
  orphans = [orphan(smithereensRiversEdge), orphan(anchorOf('quiet-and-calm.mdx'))];
  // An essay put where archetype essays lived before.
  mkdirSync(join(content, 'clusters'));
  misplaced = join(content, 'clusters', 'quiet-and-calm.mdx');
  renameSync(join(content, 'archetypes', 'quiet-and-calm.mdx'), misplaced);
  const port = await freePort();
  server = spawn(process.execPath, ['node_modules/.bin/astro', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    env: buildEnv({ STORY_PATH: story, CONTENT_DIR: content, ASTRO_CACHE_DIR: join(root, 'cache') }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /Local\s+(http:\/\/[^\s/]+\/)/.exec(stripVTControlCharacters(output));
      if (ready) {
        url = ready[1];
        resolve();
      }
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
    server.on('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${output}`)));
  });
}, 120_000);

afterAll(() => {
  if (server?.pid) server.kill();
  rmSync(root, { recursive: true, force: true });
});

const get = async (path: string) => {
  const response = await fetch(new URL(path, url));
  return { status: response.status, html: await response.text() };
};

describe('npm run dev with broken essays', () => {
  it('lists every problem in the terminal with the file and line', () => {
    expect(output).toContain(`${anchor.at('tt9999999')}  anchor "tt9999999" is not a film in data/films.csv`);
    expect(output).toContain(`${method.at('<3')}  "<" followed by "3" is read as the start of a component or tag`);
    expect(output).toContain(`${method.at('<FlimArc')}  there is no component <FlimArc>`);
    expect(output).toContain(
      `${misplaced}:1:1  archetype essays now live in content/archetypes/: the site no longer reads content/clusters/, so this essay has no page`,
    );
    expect(output).toContain(`${method.at('archetype=')}  archetype="Suburbia And Idaho" is not an archetype`);
    expect(output).toContain(
      `${renamed}:1:1  the file name becomes the page's address, and "Suburbia And Idaho.mdx" is not one: the site would publish it at /archetypes/suburbia-and-idaho/`,
    );
    expect(output).not.toMatch(/upgrade|new version|update available/i);
  });

  it("shows a broken essay's mistakes on its own page", async () => {
    const page = await get('method/');
    expect(page.status).toBe(200);
    expect(page.html.replace(/<!--.*?-->/g, '')).toContain('This essay has 3 mistakes');
    expect(page.html).toContain('there is no component &lt;FlimArc&gt;');
    // The whole page, not the half Astro streams before a component throws.
    expect(page.html).toContain('archetype=&quot;Suburbia And Idaho&quot; is not an archetype');
    expect(page.html.trimEnd()).toMatch(/<\/html>$/);
    const renamedPage = await get('archetypes/suburbia-and-idaho/');
    expect(renamedPage.status).toBe(200);
    expect(renamedPage.html).toContain('rename the file to suburbia-and-idaho.mdx');
    expect(renamedPage.html.trimEnd()).toMatch(/<\/html>$/);
    const essay = await get('archetypes/out-of-the-blue/');
    expect(essay.status).toBe(200);
    expect(essay.html).toContain('anchor &quot;tt9999999&quot; is not a film in data/films.csv');
    // Its former address leads there too.
    for (const path of ['archetypes/quiet-and-calm/', 'archetypes/sweetening/', 'clusters/sweetening/']) {
      const moved = await get(path);
      expect(moved.status, path).toBe(200);
      expect(moved.html, path).toContain('the site no longer reads content/clusters/, so this essay has no page');
    }
  });

  it('keeps rendering every other page', async () => {
    for (const path of ['', 'films/', 'films/slc-punk/', 'archetypes/', 'archetypes/bleak-and-restless/', 'data/']) {
      const page = await get(path);
      expect(page.status, path).toBe(200);
      expect(page.html, path).not.toMatch(/BindingError|This essay has/);
    }
  });

  it('gives a film whose archetype has no essay the true reason it has no archetype page, never a false one about its songs', async () => {
    for (const { slug, mates } of orphans) {
      const page = await get(`films/${slug}/`);
      expect(page.status, slug).toBe(200);
      expect(page.html, slug).toContain('has no essay in content/archetypes/ at the moment, so it has no page');
      for (const title of mates) expect(page.html, slug).toContain(title.replace(/&/g, '&amp;'));
      expect(page.html, slug).not.toMatch(/fewer than the \d+ an arc needs|has no song with mood features/);
    }
  });

  it('serves the editors’ guide, drawn from the component registry', async () => {
    const guide = await get('guide/');
    expect(guide.status).toBe(200);
    expect(guide.html).toContain('Guide for editors');
    expect(guide.html).toContain('&lt;FilmArc film=&quot;');
    expect(guide.html).toContain('&lt;ArchetypeArc archetype=&quot;');
    expect(guide.html).toMatch(/Called <code[^>]*>&lt;ClusterArc&gt;<\/code> before/);
    expect(guide.html).toMatch(/<code[^>]*>archetype<\/code> \(before: <code[^>]*>cluster<\/code>\)/);
    expect(guide.html).toMatch(/featureShare<\/code><\/th><td[^>]*>share of entries with mood features<\/td><td[^>]*>[\d.]+%/);
  });
});
