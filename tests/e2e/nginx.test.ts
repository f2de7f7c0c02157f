/**
 * The README's nginx recipe, run: its server block, read from README.md, in Debian's nginx
 * on 127.0.0.1, serving the subpath build. Only `listen` and `root` are changed, to a free
 * port and a folder that holds the build under the subpath's name.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { SUBPATH } from '../support/site.ts';

const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';

/** The README's only nginx block. */
function readmeNginxBlock(readme: string): string {
  const blocks = [...readme.matchAll(/^```nginx\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  if (blocks.length !== 1) throw new Error(`README.md should hold one nginx block, not ${blocks.length}`);
  return blocks[0];
}

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

const accepts = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });

let dir: string;
let nginx: ChildProcess;
let url: string;
let exited: string | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(resolve('.cache'), 'nginx-'));
  // Run as root, nginx serves files as an unprivileged user, who must be able to enter the folder (mkdtemp makes it 0700).
  chmodSync(dir, 0o755);
  const www = join(dir, 'www');
  mkdirSync(www);
  symlinkSync(resolve(inject('testSite').subpath), join(www, SUBPATH.replace(/\//g, '')));
  const block = readmeNginxBlock(readFileSync('README.md', 'utf8'));
  const port = await freePort();
  const server = block.replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`).replace(/^(\s*)root \/var\/www;$/m, `$1root ${www};`);
  expect(server).toContain(`listen 127.0.0.1:${port};`);
  expect(server).toContain(`root ${www};`);
  // What a whole nginx.conf around the block needs to run as a child of this test: its
  // own pid, logs and temporary folders, in the foreground.
  const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
  writeFileSync(
    join(dir, 'nginx.conf'),
    `pid ${join(dir, 'nginx.pid')};\nerror_log ${join(dir, 'error.log')};\ndaemon off;\nevents {}\nhttp {\n  access_log off;\n  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}\n${server}}\n`,
  );
  nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  nginx.on('error', (e) => (exited = `could not start ${NGINX} (${e.message}): install Debian's nginx, as .ci/run does`));
  nginx.on(
    'exit',
    (code) =>
      (exited ??= `nginx exited with ${code}: ${stderr}${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`),
  );
  // Ready when the port accepts a connection: polled, at most 200 times 25 ms apart.
  for (let attempt = 0; attempt < 200 && !exited; attempt++) {
    if (await accepts(port)) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  if (exited) throw new Error(exited);
  if (!(await accepts(port))) throw new Error(`nginx did not accept connections on port ${port} within 5 s`);
  url = `http://127.0.0.1:${port}${SUBPATH}`;
});

afterAll(async () => {
  if (nginx && nginx.exitCode === null && !nginx.killed) {
    const gone = new Promise((r) => nginx.once('exit', r));
    nginx.kill('SIGTERM');
    await gone;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${url}${path}`, { redirect: 'manual' });

describe("the README's nginx recipe", () => {
  it('sends every kind of file the site has with its type, text in UTF-8', async () => {
    const expected: [string, string][] = [
      ['', 'text/html; charset=utf-8'],
      ['films/slc-punk/', 'text/html; charset=utf-8'],
      ['data/tracks.csv', 'text/csv; charset=utf-8'],
      ['data/README.md', 'text/markdown; charset=utf-8'],
      ['data/story.json', 'application/json; charset=utf-8'],
      ['og.png', 'image/png'],
      ['films/slc-punk/card.png', 'image/png'],
      ['favicon.svg', 'image/svg+xml; charset=utf-8'],
      ['sitemap.xml', 'text/xml; charset=utf-8'],
      ['robots.txt', 'text/plain; charset=utf-8'],
    ];
    const got: [string, string][] = [];
    for (const [path] of expected) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      got.push([path, response.headers.get('content-type') ?? '']);
    }
    expect(got).toEqual(expected);
    expect(await (await get('data/tracks.csv')).text()).toMatch(/^imdb_id,/);
  });

  it('serves pages, adds the slash to a folder’s address, and keeps former addresses working', async () => {
    expect(await (await get('method/')).text()).toContain('<h1');
    const folder = await get('method');
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe(`${SUBPATH}method/`);
    const former = await (await get('clusters/sweetening/')).text();
    expect(former).toContain(`content="0; url=${SUBPATH}archetypes/quiet-and-calm/"`);
  });

  it('answers an unknown path with the 404 page and status 404', async () => {
    for (const path of ['no-such-page/', 'data/no-such.csv']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toMatch(/Dead air/);
    }
  });
});
