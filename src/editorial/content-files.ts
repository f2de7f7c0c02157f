/**
 * Which files in content/ the site reads, and the address each gets. Astro's loaders read
 * `*.mdx` directly inside content/archetypes/, content/essay/ and content/films/ and
 * ignore everything else without a word; they make each entry's name from its file name
 * with github-slugger ("The Sweetening.mdx" becomes "the-sweetening"). So the check
 * refuses what the site would silently ignore (an essay saved as .md, a file in another
 * folder) and a file name that is not already its own address, saying the address the
 * site would make; the slugs it hands on are the site's, so fix hints list real ones.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { slug as githubSlug } from 'github-slugger';
import { closest, displayPath, type ContentProblem } from './content-problem.ts';
import { ARCHETYPE_COLLECTION, COLLECTIONS, ESSAY_PAGES, FORMER_ARCHETYPE_FOLDER, type CollectionName } from './content-schemas.ts';

export interface ContentFile {
  path: string;
  collection: CollectionName;
  /** The entry's name as the site makes it from the file name (an archetype page's address). */
  slug: string;
  /** In the folder archetype essays lived in before: still checked as an archetype essay, so that moving it is the only fix asked for. */
  misplaced: boolean;
}

const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
const FOLDERS = COLLECTION_NAMES.map((c) => `content/${c}/`).join(', ');
const WHERE = `content/${ARCHETYPE_COLLECTION}/ for an archetype essay, content/films/ for notes on a film (named <imdbId>.mdx), content/essay/ for the home, method and data pages`;

/** The name the site gives a file (without .mdx): what Astro's glob loader computes. */
export function siteSlug(name: string): string {
  return githubSlug(name);
}

/** Hidden files and editors' backups are nobody's essay: the site ignores them, and so does the check. */
function ignorable(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /^#.*#$/.test(name) || /\.(swp|swo|tmp|bak)$/i.test(name);
}

/** Every file the site reads, and a problem for every file it would ignore or misname. */
export function contentFiles(contentDir: string): { files: ContentFile[]; problems: ContentProblem[] } {
  const files: ContentFile[] = [];
  const problems: ContentProblem[] = [];
  if (!existsSync(contentDir)) return { files, problems: missingEssays(contentDir, files) };
  for (const name of readdirSync(contentDir).sort()) {
    if (ignorable(name)) continue;
    const path = join(contentDir, name);
    if (!statSync(path).isDirectory()) {
      problems.push(
        fileProblem(
          path,
          `the site reads only the files inside ${FOLDERS}: this one would be ignored`,
          `move it into the folder for what it is: ${WHERE}`,
        ),
      );
    } else if ((COLLECTION_NAMES as string[]).includes(name) || name === FORMER_ARCHETYPE_FOLDER) {
      const collection = name === FORMER_ARCHETYPE_FOLDER ? ARCHETYPE_COLLECTION : (name as CollectionName);
      readFolder(path, { collection, misplaced: name !== collection }, { files, problems });
    } else {
      const near = closest(name, COLLECTION_NAMES);
      for (const inner of filesUnder(path)) {
        problems.push(
          fileProblem(
            inner,
            `content/${name}/ is not a folder the site reads, so this file would be ignored`,
            near ? `did you mean content/${near}/? move the file there` : `move it into the folder for what it is: ${WHERE}`,
          ),
        );
      }
    }
  }
  problems.push(...missingEssays(contentDir, files));
  return { files, problems };
}

function readFolder(
  dir: string,
  { collection, misplaced }: { collection: CollectionName; misplaced: boolean },
  { files, problems }: { files: ContentFile[]; problems: ContentProblem[] },
): void {
  const names = readdirSync(dir)
    .filter((n) => !ignorable(n))
    .sort();
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      for (const inner of filesUnder(path))
        problems.push(
          fileProblem(
            inner,
            `the site reads only the files directly in content/${collection}/, not in folders inside it, so this one would be ignored`,
            `move it to content/${collection}/ itself`,
          ),
        );
      continue;
    }
    const base = name.replace(/\.[^.]*$/, '');
    if (!name.endsWith('.mdx')) {
      const target = `${base}.mdx`;
      const fix = names.includes(target)
        ? `${target} exists already beside it: keep the text you want in ${target} and delete this file`
        : `rename it to ${target} (if it is not an essay, move it out of content/)`;
      problems.push(fileProblem(path, `the site reads only files whose names end in .mdx, so "${name}" would be ignored`, fix));
      continue;
    }
    const slug = siteSlug(base);
    if (slug !== base) problems.push(nameProblem({ path, name, slug }, collection, names));
    files.push({ path, collection, slug, misplaced });
  }
}

function nameProblem(
  { path, name, slug }: { path: string; name: string; slug: string },
  collection: CollectionName,
  names: string[],
): ContentProblem {
  if (!slug)
    return fileProblem(
      path,
      `"${name}" gives no address: a file name needs letters or digits`,
      'rename it with lower-case letters, digits and hyphens, like my-essay.mdx',
    );
  const what =
    collection === ARCHETYPE_COLLECTION
      ? `the file name becomes the page's address, and "${name}" is not one: the site would publish it at /${ARCHETYPE_COLLECTION}/${slug}/`
      : `file names in content/ are lower case, without spaces: the site would read "${name}" as "${slug}"`;
  const target = `${slug}.mdx`;
  const fix = names.includes(target)
    ? `${target} exists already beside it, and both would get the same address: keep the text you want in ${target} and delete this file`
    : `rename the file to ${target}${collection === ARCHETYPE_COLLECTION ? `, and write archetype="${slug}" where other essays name it` : ''}`;
  return fileProblem(path, what, fix);
}

/** Each page of content/essay/ needs its file; a file there that no page shows would be ignored. */
function missingEssays(contentDir: string, files: ContentFile[]): ContentProblem[] {
  const essays = files.filter((f) => f.collection === 'essay');
  const problems: ContentProblem[] = [];
  for (const file of essays) {
    if ((ESSAY_PAGES as readonly string[]).includes(file.slug)) continue;
    const near = closest(file.slug, ESSAY_PAGES);
    problems.push(
      fileProblem(
        file.path,
        `no page shows this file: the pages made from content/essay/ are ${ESSAY_PAGES.map((p) => `${p}.mdx`).join(', ')}`,
        near ? `did you mean ${near}.mdx? rename it` : `put its text in one of them; notes on a film go in content/films/<imdbId>.mdx`,
      ),
    );
  }
  for (const page of ESSAY_PAGES) {
    if (essays.some((f) => f.slug === page)) continue;
    const path = join(contentDir, 'essay', `${page}.mdx`);
    problems.push({
      file: displayPath(path),
      line: 0,
      column: 0,
      message: `is missing: the ${page} page is made from it`,
      fix: `restore it (git checkout -- ${displayPath(path)}), or rename the file that holds its text to ${page}.mdx`,
    });
  }
  return problems;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => !ignorable(n))
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

function fileProblem(path: string, message: string, fix: string): ContentProblem {
  return { file: displayPath(path), line: 1, column: 1, message, fix };
}
