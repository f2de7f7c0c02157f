import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic, type StaticServer } from '../../../scripts/lib/static-server.ts';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'arcs-static-'));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('index.html', '<p>home</p>');
  write('404.html', '<p>lost</p>');
  write('method/index.html', '<p>method</p>');
  write('data/films.csv', 'title\nAmélie\n');
  write('essay.md', '# “Quotes”\n');
  write('app.js', 'console.log(1)');
  writeFileSync(join(root, 'app.js.gz'), gzipSync('console.log("from gz")'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function withServer(basePath: string, test: (server: StaticServer) => Promise<void>, precompressed = false) {
  const server = await serveStatic(root, basePath, 0, precompressed);
  try {
    await test(server);
  } finally {
    // Responses whose bodies a test did not read keep their connections open.
    server.server.closeAllConnections();
    await server.close();
  }
}
const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { redirect: 'manual', headers });

describe('serveStatic', () => {
  it('listens on 127.0.0.1 and serves index.html for a directory', async () => {
    await withServer('/', async ({ url }) => {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const home = await get(url);
      expect(home.status).toBe(200);
      expect(await home.text()).toBe('<p>home</p>');
      expect(await (await get(`${url}method/`)).text()).toBe('<p>method</p>');
    });
  });
  it('redirects a directory without its slash to the address with it, so relative links resolve', async () => {
    await withServer('/', async ({ url }) => {
      const response = await get(`${url}method`);
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe('/method/');
    });
  });
  it('answers an unknown path with 404.html and status 404', async () => {
    await withServer('/', async ({ url }) => {
      const response = await get(`${url}no/such/page`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toBe('<p>lost</p>');
    });
  });
  it('refuses paths that climb out of the root or cannot be decoded', async () => {
    await withServer('/', async ({ url }) => {
      expect((await get(`${url}..%2f..%2fetc%2fpasswd`)).status).toBe(404);
      // Not even a redirect that would tell a folder outside the root exists.
      expect((await get(`${url}..%2f..`)).status).toBe(404);
      expect((await get(`${url}%E0%A4%A`)).status).toBe(404);
    });
  });
  it('says its text files are UTF-8', async () => {
    await withServer('/', async ({ url }) => {
      const csv = await get(`${url}data/films.csv`);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(await csv.text()).toBe('title\nAmélie\n');
      expect((await get(`${url}essay.md`)).headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    });
  });
  it('mounts the site under a base path, with or without its slash, and nothing outside it', async () => {
    await withServer('/soundtrack-arcs', async ({ url }) => {
      expect(url).toMatch(/\/soundtrack-arcs\/$/);
      expect(await (await get(url)).text()).toBe('<p>home</p>');
      const method = await get(`${url}method`);
      expect(method.status).toBe(301);
      expect(method.headers.get('location')).toBe('/soundtrack-arcs/method/');
      const outside = await get(url.replace('/soundtrack-arcs/', '/index.html'));
      expect(outside.status).toBe(404);
    });
  });
  it('serves a file’s .gz beside it to a browser that accepts gzip, only when asked to', async () => {
    await withServer(
      '/',
      async ({ url }) => {
        const response = await fetch(`${url}app.js`, { headers: { 'Accept-Encoding': 'gzip' } });
        expect(response.headers.get('content-encoding')).toBe('gzip');
        expect(await response.text()).toBe('console.log("from gz")');
      },
      true,
    );
    await withServer('/', async ({ url }) => {
      const response = await get(`${url}app.js`, { 'Accept-Encoding': 'gzip' });
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(await response.text()).toBe('console.log(1)');
    });
  });
});
