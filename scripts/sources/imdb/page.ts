/**
 * An IMDb soundtrack page (HTML) → its entries, in page order.
 *
 * Current pages carry the list twice: rendered `li[data-testid="list-item"]` items and
 * the `__NEXT_DATA__` JSON. Both are read and reconciled by entry id; an entry found in
 * only one is kept and reported. Older pages used `div.soundTrack` blocks with
 * `<br>`-separated credit lines. Arbitrary HTML never throws: it yields no entries and a reason.
 */
import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { IMDB_ID_PATTERN, IMDB_ID_SOURCE, type CreditLine, type CreditLink } from '../../schemas.ts';

const TITLE_PATH = new RegExp(`/title/(${IMDB_ID_SOURCE})`);

export interface PageEntry {
  entryId: string | null;
  title: string;
  credits: CreditLine[];
}

export type PageLayout = 'next' | 'legacy' | 'none';

export interface PageListing {
  imdbId: string | null;
  title: string;
  layout: PageLayout;
  /** Entries the page says exist; equals entries.length unless the listing is truncated. */
  total: number;
  truncated: boolean;
  entries: PageEntry[];
  /** Why nothing was found, when entries is empty. */
  reason: string | null;
  reconciliation: {
    onlyInHtml: string[];
    onlyInJson: string[];
    differing: string[];
  };
}

const NAME_HREF = /\/name\/(nm\d{7,9})/;

export function parseSoundtrackPage(html: string): PageListing {
  const empty = (reason: string, base: Partial<PageListing> = {}): PageListing => ({
    imdbId: null,
    title: '',
    layout: 'none',
    total: 0,
    truncated: false,
    entries: [],
    reason,
    reconciliation: { onlyInHtml: [], onlyInJson: [], differing: [] },
    ...base,
  });
  if (typeof html !== 'string' || html.trim() === '') return empty('the page is empty');
  let $: CheerioAPI;
  try {
    $ = cheerio.load(html);
  } catch {
    return empty('the page could not be read as HTML');
  }
  const identity = pageIdentity($);
  const json = readNextData($);
  const rendered = readRenderedItems($);
  const legacy = rendered.length === 0 && !json ? readLegacyBlocks($) : [];

  if (json || rendered.length) {
    const { entries, reconciliation } = reconcile(rendered, json?.entries ?? null);
    const total = json?.total ?? entries.length;
    const truncated = json ? json.hasNextPage || total > entries.length : false;
    return {
      imdbId: json?.imdbId ?? identity.imdbId,
      title: json?.title || identity.title,
      layout: 'next',
      total: Math.max(total, entries.length),
      truncated,
      entries,
      reason: entries.length ? null : 'the page lists no soundtrack entries',
      reconciliation,
    };
  }
  if (legacy.length) {
    return {
      imdbId: identity.imdbId,
      title: identity.title,
      layout: 'legacy',
      total: legacy.length,
      truncated: false,
      entries: legacy,
      reason: null,
      reconciliation: { onlyInHtml: [], onlyInJson: [], differing: [] },
    };
  }
  const isSoundtrackPage = identity.isSoundtrackPage;
  return empty(
    isSoundtrackPage
      ? 'the soundtrack page lists no entries'
      : 'not an IMDb soundtrack page (no soundtrack list, no __NEXT_DATA__ soundtrack)',
    { imdbId: identity.imdbId, title: identity.title },
  );
}

function pageIdentity($: CheerioAPI): { imdbId: string | null; title: string; isSoundtrackPage: boolean } {
  const canonical = $('link[rel="canonical"]').attr('href') ?? $('meta[property="og:url"]').attr('content') ?? '';
  const idMatch = TITLE_PATH.exec(canonical);
  const docTitle = $('title').first().text().trim();
  // "Kill Bill: Vol. 1 (2003) - Soundtracks - IMDb" → "Kill Bill: Vol. 1"
  const title = docTitle
    .replace(/\s*-\s*Soundtracks?\s*-\s*IMDb\s*$/i, '')
    .replace(/\s*\(\d{4}\)\s*$/, '')
    .trim();
  const isSoundtrackPage = /\/soundtrack\/?/.test(canonical) || /soundtracks?\s*-\s*imdb/i.test(docTitle);
  return { imdbId: idMatch ? idMatch[1] : null, title, isSoundtrackPage };
}

interface NextData {
  imdbId: string | null;
  title: string;
  total: number;
  hasNextPage: boolean;
  entries: PageEntry[];
}

function readNextData($: CheerioAPI): NextData | null {
  const raw = $('script#__NEXT_DATA__').first().text();
  if (!raw) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  const titleNode = dig(data, ['props', 'pageProps', 'contentData', 'data', 'title']);
  const soundtrack = dig(titleNode, ['soundtrack']);
  if (!soundtrack || typeof soundtrack !== 'object') return null;
  const edges = dig(soundtrack, ['edges']);
  const entries: PageEntry[] = [];
  if (Array.isArray(edges)) {
    for (const edge of edges) {
      const node = dig(edge, ['node']);
      const text = dig(node, ['text']);
      if (typeof text !== 'string') continue;
      const id = dig(node, ['id']);
      const comments = dig(node, ['comments']);
      const credits: CreditLine[] = [];
      if (Array.isArray(comments)) {
        for (const comment of comments) {
          const plaid = dig(comment, ['plaidHtml']);
          if (typeof plaid === 'string') credits.push(creditFromHtml(plaid));
        }
      }
      entries.push({ entryId: typeof id === 'string' ? id : null, title: normalise(text), credits: credits.filter((c) => c.text) });
    }
  }
  const total = dig(soundtrack, ['total']);
  const hasNextPage = dig(soundtrack, ['pageInfo', 'hasNextPage']);
  const id = dig(titleNode, ['id']);
  const titleText = dig(titleNode, ['titleText', 'text']);
  return {
    imdbId: typeof id === 'string' && IMDB_ID_PATTERN.test(id) ? id : null,
    title: typeof titleText === 'string' ? titleText : '',
    total: typeof total === 'number' && Number.isInteger(total) && total >= 0 ? total : entries.length,
    hasNextPage: hasNextPage === true,
    entries,
  };
}

function readRenderedItems($: CheerioAPI): PageEntry[] {
  const entries: PageEntry[] = [];
  $('li[data-testid="list-item"]').each((_, li) => {
    const item = $(li);
    const label = item.find('.ipc-metadata-list-item__label').first();
    const title = label.length ? label.text() : '';
    if (!title.trim()) return;
    const credits: CreditLine[] = [];
    item.find('.ipc-html-content-inner-div').each((__, block) => {
      const line = creditFromNodes($, $(block).contents().toArray());
      if (line.text) credits.push(line);
    });
    entries.push({ entryId: item.attr('id') ?? null, title: normalise(title), credits });
  });
  return entries;
}

function readLegacyBlocks($: CheerioAPI): PageEntry[] {
  const entries: PageEntry[] = [];
  $('div.soundTrack').each((_, div) => {
    // Split the block's child nodes at every <br>: the first run is the title.
    const runs: AnyNode[][] = [[]];
    for (const node of $(div).contents().toArray()) {
      if (node.type === 'tag' && (node as Element).name === 'br') runs.push([]);
      else runs[runs.length - 1].push(node);
    }
    const lines = runs.map((nodes) => creditFromNodes($, nodes)).filter((line) => line.text);
    const [titleLine, ...credits] = lines;
    if (!titleLine) return;
    entries.push({ entryId: $(div).attr('id') ?? null, title: titleLine.text, credits });
  });
  return entries;
}

function creditFromHtml(html: string): CreditLine {
  const $ = cheerio.load(`<div id="credit">${html}</div>`, null, false);
  return creditFromNodes($, $('#credit').contents().toArray());
}

function creditFromNodes($: CheerioAPI, nodes: AnyNode[]): CreditLine {
  const links: CreditLink[] = [];
  let text = '';
  for (const node of nodes) {
    const wrapped = $(node);
    text += wrapped.text();
    const anchors = node.type === 'tag' && (node as Element).name === 'a' ? wrapped : wrapped.find('a');
    anchors.each((_, a) => {
      const match = NAME_HREF.exec($(a).attr('href') ?? '');
      const linkText = normalise($(a).text());
      if (match && linkText) links.push({ text: linkText, nameId: match[1] });
    });
  }
  return { text: normalise(text), links };
}

function reconcile(
  rendered: PageEntry[],
  json: PageEntry[] | null,
): { entries: PageEntry[]; reconciliation: PageListing['reconciliation'] } {
  const reconciliation = { onlyInHtml: [] as string[], onlyInJson: [] as string[], differing: [] as string[] };
  if (!json) return { entries: rendered, reconciliation };
  if (rendered.length === 0) return { entries: json, reconciliation };
  const key = (entry: PageEntry, index: number) => entry.entryId ?? `#${index}:${entry.title}`;
  const jsonByKey = new Map(json.map((entry, i) => [key(entry, i), entry]));
  const htmlKeys = new Set(rendered.map(key));
  const merged: PageEntry[] = [];
  rendered.forEach((entry, i) => {
    const k = key(entry, i);
    const twin = jsonByKey.get(k);
    if (!twin) reconciliation.onlyInHtml.push(k);
    else if (twin.title !== entry.title || twin.credits.map((c) => c.text).join('|') !== entry.credits.map((c) => c.text).join('|')) {
      reconciliation.differing.push(k);
    }
    // The rendered item is what readers saw; it wins where the two differ.
    merged.push(entry);
  });
  // JSON-only entries go right after their predecessor in the JSON order.
  json.forEach((entry, i) => {
    const k = key(entry, i);
    if (htmlKeys.has(k)) return;
    reconciliation.onlyInJson.push(k);
    let insertAt = 0;
    for (let j = i - 1; j >= 0; j--) {
      const prevKey = key(json[j], j);
      const at = merged.findIndex((m, mi) => key(m, mi) === prevKey || m.entryId === json[j].entryId);
      if (at >= 0) {
        insertAt = at + 1;
        break;
      }
    }
    merged.splice(insertAt, 0, entry);
  });
  return { entries: merged, reconciliation };
}

function dig(value: unknown, path: string[]): unknown {
  let current = value;
  for (const step of path) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
