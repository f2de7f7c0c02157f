/**
 * What `astro build` would do with a content folder, in a few milliseconds instead of a
 * few seconds, for the mutation test's hundreds of edits. It is built from what the build
 * itself runs, not from the essay check: Astro's own frontmatter parser, the content
 * schemas, Astro's entry names (github-slugger, a frontmatter `slug` overriding them, a
 * later duplicate replacing an earlier one), the archetype binding, the MDX compiler with
 * the remark plugins @astrojs/mdx uses, and stand-ins for the components that call the
 * same lookups the real ones call (facts, archetype facts, archetypes by slug, films by
 * ID or slug). Its HTML is searched for raw markup as a reader would see it. A few real
 * builds in the mutation test hold it to the real thing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createProcessor, evaluateSync } from '@mdx-js/mdx';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { slug as githubSlug } from 'github-slugger';
import remarkGfm from 'remark-gfm';
import remarkSmartypants from 'remark-smartypants';
import { html, parse, parseFragment } from 'parse5';
import type { Story } from '../../scripts/schemas.ts';
import { archetypeFact } from '../../src/story/archetype-facts.ts';
import { bindArchetypes, type Archetype } from '../../src/story/archetypes.ts';
import { COMPONENT_NAMES } from '../../src/editorial/component-registry.ts';
import { COLLECTIONS, ESSAY_PAGES, type CollectionName } from '../../src/editorial/content-schemas.ts';
import { fact } from '../../src/story/facts.ts';

export interface SimulatedBuild {
  /** What would stop the build (the first of each kind is enough to fail it). */
  errors: string[];
  /** Files in content/ that no page would read. */
  ignored: string[];
  /** Raw markup a reader would see, by file. */
  rawMarkup: { file: string; text: string }[];
}

interface Entry {
  collection: CollectionName;
  id: string;
  file: string;
  data: Record<string, unknown>;
  body: string;
}

export function simulateBuild(contentDir: string, story: Story): SimulatedBuild {
  const result: SimulatedBuild = { errors: [], ignored: [], rawMarkup: [] };
  const entries = loadEntries(contentDir, result);
  let archetypes: Archetype[] = [];
  try {
    const essays = entries
      .filter((e) => e.collection === 'archetypes')
      .map((e) => ({ slug: e.id, file: e.file, ...(e.data as { title: string; summary: string; anchor: string }) }));
    archetypes = bindArchetypes(essays, story);
  } catch (error) {
    result.errors.push((error as Error).message);
  }
  for (const page of ESSAY_PAGES)
    if (!entries.some((e) => e.collection === 'essay' && e.id === page)) result.errors.push(`content/essay/${page}.mdx is missing`);
  for (const film of story.films) {
    if (entries.filter((e) => e.collection === 'films' && e.data.film === film.imdbId).length > 1)
      result.errors.push(`two notes for ${film.imdbId}`);
  }
  // Entries no page renders: an essay other than the three pages, a note for no film, an unbound archetype essay.
  for (const e of entries) {
    const shown =
      e.collection === 'essay'
        ? (ESSAY_PAGES as readonly string[]).includes(e.id)
        : e.collection === 'films'
          ? story.films.some((f) => f.imdbId === e.data.film)
          : archetypes.some((a) => a.slug === e.id);
    if (!shown) result.ignored.push(e.file);
    else renderEntry(e, story, archetypes, result);
  }
  return result;
}

function loadEntries(contentDir: string, result: SimulatedBuild): Entry[] {
  const entries: Entry[] = [];
  const loaded = new Set<string>();
  for (const collection of Object.keys(COLLECTIONS) as CollectionName[]) {
    const dir = join(contentDir, collection);
    if (!existsSync(dir)) continue;
    const byId = new Map<string, Entry>();
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (!name.endsWith('.mdx') || name.startsWith('.') || !statSync(path).isFile()) continue;
      loaded.add(path);
      const entry = readEntry(collection, path, name, result);
      if (!entry) continue;
      const earlier = byId.get(entry.id);
      if (earlier) result.ignored.push(earlier.file);
      byId.set(entry.id, entry);
    }
    entries.push(...byId.values());
  }
  for (const path of allFiles(contentDir)) if (!loaded.has(path)) result.ignored.push(path);
  return entries;
}

function readEntry(collection: CollectionName, path: string, name: string, result: SimulatedBuild): Entry | null {
  // Astro reads content as UTF-8: a byte that is not becomes "�".
  const text = readFileSync(path, 'utf8');
  let parsed;
  try {
    parsed = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
  } catch (error) {
    result.errors.push(`${path}: ${(error as Error).message}`);
    return null;
  }
  const raw = parsed.frontmatter as Record<string, unknown>;
  const schema = COLLECTIONS[collection].safeParse(raw);
  if (!schema.success) {
    result.errors.push(`${path}: ${schema.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return null;
  }
  const id = typeof raw.slug === 'string' && raw.slug ? raw.slug : githubSlug(name.replace(/\.mdx$/, ''));
  return { collection, id, file: path, data: schema.data as Record<string, unknown>, body: parsed.content };
}

function allFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name.startsWith('.') || name.endsWith('~')) return [];
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

// ─── Rendering ─────────────────────────────────────────────────────────────

/** A piece of rendered HTML; strings are text and are escaped. */
class Html {
  constructor(readonly html: string) {}
}
type Child = Html | string | number | boolean | null | undefined | Child[];

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const serialise = (child: Child): string =>
  child instanceof Html
    ? child.html
    : Array.isArray(child)
      ? child.map(serialise).join('')
      : child === null || child === undefined || typeof child === 'boolean'
        ? ''
        : escape(String(child));

const Fragment = Symbol('Fragment');
function jsx(type: unknown, props: Record<string, unknown>): Html {
  const { children, ...attributes } = props;
  if (type === Fragment) return new Html(serialise(children as Child));
  if (typeof type === 'function') return (type as (p: Record<string, unknown>) => Html)(props);
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escape(String(v)).replace(/"/g, '&quot;')}"`)
    .join('');
  return new Html(`<${String(type)}${attrs}>${serialise(children as Child)}</${String(type)}>`);
}

function stubs(story: Story, archetypes: Archetype[]): Record<string, (props: Record<string, unknown>) => Html> {
  const archetypeBySlug = (slug: unknown) => {
    const found = archetypes.find((a) => a.slug === slug);
    if (!found) throw new Error(`No archetype essay is called "${String(slug)}"`);
    return found;
  };
  const filmByKey = (key: unknown) => {
    const film = story.films.find((f) => f.imdbId === key || f.slug === key);
    if (!film) throw new Error(`No film "${String(key)}" in the data`);
    return film;
  };
  const rendered = (name: string, value = '') => new Html(`<x-component data-name="${name}">${escape(value)}</x-component>`);
  const uses: Record<string, (p: Record<string, unknown>) => string> = {
    Fact: (p) => fact(String(p.name), story),
    ArchetypeFact: (p) => archetypeFact(String(p.name), archetypeBySlug(p.archetype).cluster, story),
    ArchetypeArc: (p) => archetypeBySlug(p.archetype).title,
    FilmArc: (p) => filmByKey(p.film).title,
    TrackSequence: (p) => filmByKey(p.film).title,
  };
  return Object.fromEntries(COMPONENT_NAMES.map((name) => [name, (props: Record<string, unknown>) => rendered(name, uses[name]?.(props))]));
}

/** Rendered bodies: an edit changes one file, and compiling MDX is the slow part. */
const renderedCache = new Map<string, { marks: string[] } | { error: string }>();

function renderEntry(entry: Entry, story: Story, archetypes: Archetype[], result: SimulatedBuild): void {
  const key = [entry.file, entry.body, archetypes.map((a) => `${a.slug}=${a.cluster.id}`).join(','), story.films.length].join('\0');
  if (renderedCache.size > 500) renderedCache.clear();
  const cached = renderedCache.get(key) ?? renderedCache.set(key, renderBody(entry, story, archetypes)).get(key)!;
  if ('error' in cached) result.errors.push(cached.error);
  else result.rawMarkup.push(...cached.marks.map((text) => ({ file: entry.file, text })));
}

/** The body rendered, as the raw markup a reader would see in it (and the table cells it would lose). */
function renderBody(entry: Entry, story: Story, archetypes: Archetype[]): { marks: string[] } | { error: string } {
  try {
    const { default: Content } = evaluateSync(entry.body, {
      Fragment,
      jsx,
      jsxs: jsx,
      remarkPlugins: [remarkGfm, remarkSmartypants],
      development: false,
    } as never) as unknown as {
      default: (props: { components: Record<string, unknown> }) => Html;
    };
    const out = Content({ components: stubs(story, archetypes) }).html;
    const lost = lostCells(entry.body);
    return { marks: [...rawMarkup(out), ...(lost ? [`${lost} table row(s) with cells dropped or padded`] : [])] };
  } catch (error) {
    return { error: `${entry.file}: ${(error as Error).message.split('\n')[0]}` };
  }
}

/**
 * GFM renders every table row with as many cells as its first row: it drops the cells a
 * row has beyond them and pads one that has fewer, without a word. Rows it would change.
 */
function lostCells(body: string): number {
  type Node = { type: string; children?: Node[] };
  let lost = 0;
  const visit = (node: Node) => {
    if (node.type === 'table') {
      const [header, ...rows] = node.children ?? [];
      lost += rows.filter((row) => (row.children?.length ?? 0) !== (header.children?.length ?? 0)).length;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tables.parse(body) as unknown as Node);
  return lost;
}

const tables = createProcessor({ format: 'mdx', remarkPlugins: [remarkGfm] });

// ─── Raw markup ────────────────────────────────────────────────────────────

// HTML's elements and the SVG ones the charts draw with: only an element no browser knows is raw markup.
const SVG_ELEMENTS = [
  'svg',
  'g',
  'path',
  'line',
  'rect',
  'circle',
  'text',
  'tspan',
  'title',
  'defs',
  'clipPath',
  'clippath',
  'pattern',
  'marker',
  'polyline',
  'polygon',
  'ellipse',
  'use',
  'symbol',
  'image',
  'desc',
];
const KNOWN_ELEMENTS = new Set<string>([...Object.values(html.TAG_NAMES), ...SVG_ELEMENTS, 'x-component']);

/** Markdown or MDX a reader would see as it was typed: in the text of an HTML fragment or page (not in code), or as an element no browser knows. */
export function rawMarkup(fragment: string): string[] {
  const found: string[] = [];
  const visit = (node: { nodeName: string; value?: string; childNodes?: unknown[]; tagName?: string }, inCode: boolean) => {
    if (node.nodeName === '#text') {
      if (!inCode) found.push(...markupIn(node.value ?? ''));
      return;
    }
    if (node.tagName && !KNOWN_ELEMENTS.has(node.tagName)) found.push(`<${node.tagName}>`);
    const code = inCode || ['code', 'pre', 'script', 'style', 'x-component'].includes(node.nodeName);
    for (const child of (node.childNodes ?? []) as (typeof node)[]) visit(child, code);
  };
  visit((/^\s*<!doctype/i.test(fragment) ? parse(fragment) : parseFragment(fragment)) as never, false);
  return found;
}

/** What the reader sees that was meant as markup: table pipes, tags, braces, stars, backticks, link brackets, heading marks, lost letters. */
export function markupIn(text: string): string[] {
  const marks: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*\|/.test(line) || (line.match(/\|/g) ?? []).length >= 2) marks.push(line.trim());
    if (/^\s*#{1,6}\S/.test(line)) marks.push(line.trim());
  }
  for (const match of text.matchAll(/<\/?[A-Za-z]|\/>|=["“”]|[{}*`[\]\\\ufffd]/g))
    marks.push(text.slice(Math.max(0, match.index! - 10), match.index! + 10));
  return marks;
}
