/**
 * Fetches IMDb soundtrack pages politely and keeps the raw HTML in a git-ignored cache,
 * so a rerun after a failure resumes from what was already fetched.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HttpError, PoliteClient, type HttpPolicy, defaultPolicy } from '../../lib/http.ts';
import { writeFileAtomic } from '../../lib/files.ts';
import { IMDB_ID_PATTERN } from '../../schemas.ts';
import { parseSoundtrackPage, type PageListing } from './page.ts';

export const IMDB_BASE = 'https://www.imdb.com';

/** A browser's headers: IMDb serves its full page (with __NEXT_DATA__) to browsers. */
export const BROWSER_HEADERS = {
  'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  'Accept-Language': 'en',
  Accept: 'text/html,application/xhtml+xml',
};

export interface ImdbFetchOptions {
  baseUrl?: string;
  cacheDir: string;
  /** Cached pages younger than this are used instead of a request. */
  cacheMaxAgeMs?: number;
  policy?: HttpPolicy;
  log?: (line: string) => void;
}

export class ImdbError extends Error {
  constructor(
    readonly imdbId: string,
    message: string,
  ) {
    super(`${imdbId}: ${message}`);
    this.name = 'ImdbError';
  }
}

export function soundtrackUrl(imdbId: string, baseUrl = IMDB_BASE): string {
  return `${baseUrl.replace(/\/$/, '')}/title/${imdbId}/soundtrack/`;
}

export class ImdbFetcher {
  private readonly client: PoliteClient;
  constructor(private readonly options: ImdbFetchOptions) {
    this.client = new PoliteClient(options.policy ?? defaultPolicy, options.log);
  }

  cachePath(imdbId: string): string {
    return join(this.options.cacheDir, `${imdbId}.html`);
  }

  /** The page's HTML and parsed listing; throws ImdbError with a reason a person can act on. */
  async fetchSoundtrack(imdbId: string): Promise<{ html: string; listing: PageListing; fromCache: boolean }> {
    if (!IMDB_ID_PATTERN.test(imdbId)) throw new ImdbError(imdbId, 'not an IMDb title ID (expected tt followed by 7–9 digits)');
    const cached = this.readCache(imdbId);
    if (cached !== null) return { html: cached, listing: parseSoundtrackPage(cached), fromCache: true };
    const url = soundtrackUrl(imdbId, this.options.baseUrl);
    let html: string;
    try {
      const response = await this.client.request(url, { headers: BROWSER_HEADERS, acceptStatuses: [404] });
      if (response.status === 404) throw new ImdbError(imdbId, `IMDb has no title with this ID (404 at ${url})`);
      html = response.text;
    } catch (error) {
      if (error instanceof ImdbError) throw error;
      if (error instanceof HttpError) throw new ImdbError(imdbId, error.message);
      throw error;
    }
    const listing = parseSoundtrackPage(html);
    if (listing.layout === 'none' && /not an IMDb soundtrack page/.test(listing.reason ?? '')) {
      throw new ImdbError(imdbId, `${url} is not a soundtrack page: ${listing.reason}`);
    }
    if (listing.imdbId && listing.imdbId !== imdbId) {
      throw new ImdbError(imdbId, `${url} answered with the page of ${listing.imdbId}`);
    }
    // Only a page that parsed as a soundtrack page is cached.
    writeFileAtomic(this.cachePath(imdbId), html);
    return { html, listing, fromCache: false };
  }

  private readCache(imdbId: string): string | null {
    const path = this.cachePath(imdbId);
    if (!existsSync(path)) return null;
    const maxAge = this.options.cacheMaxAgeMs ?? 24 * 3600 * 1000;
    if (Date.now() - statSync(path).mtimeMs > maxAge) return null;
    return readFileSync(path, 'utf8');
  }
}
