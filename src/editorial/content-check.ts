/**
 * The essay check: reads every file in content/ the way Astro will (frontmatter with
 * js-yaml, the body with the MDX parser @astrojs/mdx uses) and reports every problem at
 * once, each with the file, the line and column in the editor's own file, what is wrong
 * and how to fix it, in words for someone who is not a programmer.
 *
 * It runs before `astro build`, at the start of and on every save in `astro dev`, and
 * alone as `npm run check`. What is valid comes from the component registry, FACTS, the
 * content schemas, the pipeline's story and the essays on disk, never from lists here.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IMDB_ID_PATTERN, Story, type StoryFilm } from '../../scripts/schemas.ts';
import { type ArchetypeEssay } from '../story/archetypes.ts';
import { contentFiles, type ContentFile } from './content-files.ts';
import { displayPath, type ContentProblem, type Position } from './content-problem.ts';
import { ARCHETYPE_COLLECTION, FORMER_ARCHETYPE_FOLDER, type CollectionName } from './content-schemas.ts';
import { decodeEssay, removeInvisible, replacementCharacters } from './content-text.ts';
import { FRONTMATTER, readFrontmatter } from './essay-frontmatter.ts';
import { checkBody } from './essay-body.ts';
import { bindingProblems, unboundReferences } from './essay-binding.ts';

export { displayPath, type ContentProblem } from './content-problem.ts';

export interface CheckOptions {
  contentDir: string;
  storyPath: string;
}

export interface Context {
  story: Story | null;
  films: Map<string, Pick<StoryFilm, 'imdbId' | 'slug' | 'title'>>;
  archetypeSlugs: string[];
  /** Where the file being checked names an archetype: judged again once the essays are bound. */
  archetypeRefs?: { slug: string; at: Position }[];
}

/** Every problem in every collection, sorted by file, then line. */
export function checkContent(options: CheckOptions): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const story = loadStory(options.storyPath, problems);
  const listed = contentFiles(options.contentDir);
  problems.push(...listed.problems);
  const { files } = listed;
  const context: Context = {
    story,
    films: new Map((story?.films ?? []).flatMap((f) => [[f.imdbId, f] as const, [f.slug, f] as const])),
    archetypeSlugs: [...new Set(files.filter((f) => f.collection === ARCHETYPE_COLLECTION).map((f) => f.slug))].sort(),
  };
  const essays: (ArchetypeEssay & { anchorAt: Position })[] = [];
  const refs: { file: string; slug: string; at: Position }[] = [];
  let unreadable = false;
  for (const entry of files) {
    const file = displayPath(entry.path);
    if (entry.misplaced) problems.push(misplacedProblem(file, entry.slug, options.contentDir));
    const result = checkBytes(file, readFileSync(entry.path), entry.collection, context);
    problems.push(...result.problems);
    refs.push(...result.archetypeRefs.map((r) => ({ file, ...r })));
    if (entry.collection === 'films') problems.push(...filmNoteName(file, entry, result));
    if (entry.collection === ARCHETYPE_COLLECTION) {
      const data = (result.data ?? {}) as { title?: unknown; summary?: unknown; anchor?: unknown };
      // An essay with another mistake still claims its cluster, so the binding is judged on what the editor meant.
      if (typeof data.anchor === 'string' && IMDB_ID_PATTERN.test(data.anchor)) {
        essays.push({
          slug: entry.slug,
          file,
          title: String(data.title ?? ''),
          summary: String(data.summary ?? ''),
          anchor: data.anchor,
          anchorAt: result.keyAt('anchor'),
        });
      } else unreadable = true;
    }
  }
  // A cluster left without an essay because an essay's anchor cannot be read is that essay's problem, reported already.
  if (story) {
    const binding = bindingProblems(essays, story, options.contentDir).filter((p) => !unreadable || !p.file.endsWith('/'));
    problems.push(...binding);
    if (binding.length) problems.push(...unboundReferences(refs, essays, story));
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** The story as the check last read it: parsing it takes longer than checking an essay, and `npm run dev` checks on every save. */
let storyCache: { key: string; story: Story | null; problem: [string, string] | null } | null = null;

function loadStory(path: string, problems: ContentProblem[]): Story | null {
  const file = displayPath(path);
  if (!existsSync(path)) {
    problems.push({
      file,
      line: 1,
      column: 1,
      message: 'the data the essays refer to has not been computed yet',
      fix: 'run "npm run pipeline" (npm run build and npm run dev run it first)',
    });
    return null;
  }
  const key = storyKey(path);
  if (storyCache?.key !== key) storyCache = { key, ...readStory(path) };
  if (storyCache.problem) problems.push({ file, line: 1, column: 1, message: storyCache.problem[0], fix: storyCache.problem[1] });
  return storyCache.story;
}

/** Which story file, as it is now: a changed file has another key. */
function storyKey(path: string): string {
  const stat = statSync(path);
  return `${resolve(path)}:${stat.mtimeMs}:${stat.size}`;
}

/** The story the last check read from `path`, validated, if the file is unchanged since: for the site build, so it reads the story once. */
export function checkedStory(path: string): Story | null {
  return existsSync(path) && storyCache?.key === storyKey(path) ? storyCache.story : null;
}

function readStory(path: string): { story: Story | null; problem: [string, string] | null } {
  try {
    const parsed = Story.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) return { story: parsed.data, problem: null };
    return {
      story: null,
      problem: [`does not match the story schema at ${parsed.error.issues[0].path.join('.')}`, 'run "npm run pipeline" again'],
    };
  } catch (error) {
    return { story: null, problem: [`cannot be read: ${(error as Error).message}`, 'run "npm run pipeline" again'] };
  }
}

/** The site reads archetype essays from content/archetypes/ only: one left in the former folder would silently lose its page. */
function misplacedProblem(file: string, slug: string, contentDir: string): ContentProblem {
  const target = displayPath(join(contentDir, ARCHETYPE_COLLECTION, `${slug}.mdx`));
  return {
    file,
    line: 1,
    column: 1,
    message: `archetype essays now live in content/${ARCHETYPE_COLLECTION}/: the site no longer reads content/${FORMER_ARCHETYPE_FOLDER}/, so this essay has no page`,
    fix: existsSync(target)
      ? `${target} exists already: keep the text you want in that file and delete this one`
      : `move this file to ${target}`,
  };
}

/** A film's notes are named for the film, so that two files never hold notes for one film (its page would refuse to build). */
function filmNoteName(file: string, entry: ContentFile, result: FileResult): ContentProblem[] {
  const film = (result.data as { film?: unknown } | null)?.film;
  if (!result.valid || typeof film !== 'string' || entry.slug === film) return [];
  const at = result.keyAt('film');
  return [
    {
      file,
      line: at.line,
      column: at.column,
      message: `notes on a film are named for the film, and this file holds the notes for ${film}`,
      fix: `rename the file to ${film}.mdx (if that file exists already, keep one of the two)`,
    },
  ];
}

// ─── One file ──────────────────────────────────────────────────────────────

interface FileResult {
  problems: ContentProblem[];
  data: unknown;
  valid: boolean;
  keyAt: (key: string) => Position;
  archetypeRefs: { slug: string; at: Position }[];
}

/**
 * Files already checked, by what the check depends on: `npm run dev` checks every file on
 * every save, and the mutation test checks hundreds of edits of one file among ten.
 */
const checked = new Map<string, FileResult>();
let storyVersion = 0;
let lastStory: Story | null = null;

/** Checks one file's bytes: their encoding, invisible characters, then the text as checkFile does. */
export function checkBytes(file: string, bytes: Uint8Array, collection: CollectionName, context: Context): FileResult {
  if (context.story !== lastStory) {
    lastStory = context.story;
    storyVersion++;
    checked.clear();
  }
  const key = [file, collection, storyVersion, context.archetypeSlugs.join(','), Buffer.from(bytes).toString('latin1')].join('\0');
  const known = checked.get(key);
  if (known) return known;
  const decoded = decodeEssay(bytes);
  const front = FRONTMATTER.exec(decoded.text);
  const visible = removeInvisible(decoded.text, front ? front.index + front[0].length : 0);
  const result = checkFile(file, visible.text, collection, context);
  const located = [...decoded.problems, ...replacementCharacters(decoded.text), ...visible.problems].map((p) => ({ file, ...p }));
  const whole = { ...result, problems: [...located, ...result.problems] };
  if (checked.size > 500) checked.clear();
  checked.set(key, whole);
  return whole;
}

/** Checks one file's text; `file` is only used in the messages. */
export function checkFile(file: string, text: string, collection: CollectionName, context: Context): FileResult {
  const problems: ContentProblem[] = [];
  const report = (at: Position, message: string, fix: string) => problems.push({ file, line: at.line, column: at.column, message, fix });
  const local: Context = { ...context, archetypeRefs: [] };
  const front = readFrontmatter(text, collection, report, local);
  checkBody(front.body, report, local);
  return {
    problems: collapseRepeats(problems),
    data: front.data,
    valid: front.valid,
    keyAt: front.keyAt,
    archetypeRefs: local.archetypeRefs!,
  };
}

/** The same mistake made several times in one file is reported once, where it is first made, with the other lines. */
function collapseRepeats(problems: ContentProblem[]): ContentProblem[] {
  const groups = new Map<string, ContentProblem[]>();
  for (const p of problems) groups.set(`${p.message}\0${p.fix}`, [...(groups.get(`${p.message}\0${p.fix}`) ?? []), p]);
  return [...groups.values()].map(([first, ...more]) => {
    if (!more.length) return first;
    const lines = [...new Set(more.map((p) => p.line))].join(', ');
    return {
      ...first,
      message: `${first.message} (and ${more.length} more time${more.length === 1 ? '' : 's'} in this file, on line${lines.includes(',') ? 's' : ''} ${lines})`,
    };
  });
}

/** Two lines per problem: where and what, then how to fix it. */
export function formatProblems(problems: ContentProblem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const head = `The essay check found ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}:`;
  const body = problems.map((p) => `${p.line ? `${p.file}:${p.line}:${p.column}` : p.file}  ${p.message}\n    fix: ${p.fix}`);
  return [head, '', ...body.flatMap((b) => [b, ''])].join('\n');
}

export function defaultCheckOptions(env: NodeJS.ProcessEnv = process.env): CheckOptions {
  return {
    contentDir: resolve(env.CONTENT_DIR ?? 'content'),
    storyPath: resolve(env.STORY_PATH ?? join('data', 'generated', 'story.json')),
  };
}
