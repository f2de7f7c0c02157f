/**
 * dist/ served as a static host would serve it, by sirv on node:http: directory URLs get
 * index.html (without their trailing slash, a redirect to it), unknown paths get 404.html
 * with status 404, and the site can be mounted under a base path. Listens on 127.0.0.1
 * on a free port.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

// sirv names text types without a charset; the site's text files are UTF-8 (titles hold
// curly quotes and accents), and a host serving them says so.
const UTF8_TEXT: Record<string, string> = { csv: 'text/csv', md: 'text/markdown', txt: 'text/plain' };

const isDirectory = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/**
 * `precompressed`: serve a file's `.gz` beside it to a browser that accepts gzip, as hosts
 * compress text (the audit writes them, so Lighthouse measures what a reader downloads).
 */
export async function serveStatic(root: string, basePath = '/', port = 0, precompressed = false): Promise<StaticServer> {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const notFoundPage = join(root, '404.html');
  // Only index.html stands in for a directory: `/method` must not be served as `/method.html`.
  const files = sirv(root, {
    extensions: ['html'],
    gzip: precompressed,
    setHeaders: (res, pathname) => {
      const type = UTF8_TEXT[pathname.slice(pathname.lastIndexOf('.') + 1)];
      if (type) res.setHeader('Content-Type', `${type}; charset=utf-8`);
    },
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const notFound = () => {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(statSync(notFoundPage, { throwIfNoEntry: false }) ? readFileSync(notFoundPage) : 'not found');
    };
    if (!url.pathname.startsWith(base)) return notFound();
    const path = url.pathname.slice(base.length - 1);
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return notFound();
    }
    if (decoded.includes('..')) return notFound();
    // A host redirects a directory without its slash, so the page's relative links resolve.
    if (!path.endsWith('/') && isDirectory(join(root, decoded))) {
      res.writeHead(301, { Location: `${url.pathname}/` });
      return res.end();
    }
    req.url = path + url.search;
    files(req, res, notFound);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}${base}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
