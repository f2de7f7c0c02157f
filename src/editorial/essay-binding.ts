/** The essay check's binding of group essays to the story's groups: each essay's anchor film, and every archetype an essay names. */
import { join } from 'node:path';
import type { Story, StoryFilm } from '../../scripts/schemas.ts';
import { bindArchetypesLenient, type ArchetypeEssay } from '../story/archetypes.ts';
import { displayPath, type ContentProblem, type Position } from './content-problem.ts';
import { ARCHETYPE_COLLECTION } from './content-schemas.ts';
import { snapshotFile } from '../story/film-status.ts';
import { filmFix } from './essay-props.ts';

export function bindingProblems(essays: (ArchetypeEssay & { anchorAt: Position })[], story: Story, contentDir: string): ContentProblem[] {
  const byFile = new Map(essays.map((w) => [w.file, w]));
  const films = new Map(story.films.map((f) => [f.imdbId, f]));
  // An anchor whose snapshot is gone lost its songs in the data, not in the essay; the
  // clusters were computed without it, so every other binding problem follows from it.
  const lost = essays.filter((e) => films.get(e.anchor)?.flags.includes('no-soundtrack'));
  if (lost.length) return lost.map((essay) => missingSnapshotProblem(essay, films.get(essay.anchor)!));
  const { problems } = bindArchetypesLenient(essays, story);
  return problems.flatMap((problem): ContentProblem[] => {
    if (!problem.files.length) {
      return [
        {
          file: `${displayPath(join(contentDir, ARCHETYPE_COLLECTION))}/`,
          line: 0,
          column: 0,
          message: problem.message.replace(/: add .*$/, ''),
          fix: `add content/${ARCHETYPE_COLLECTION}/<name>.mdx with "anchor:" set to one of these films' IDs, or move an anchor there`,
        },
      ];
    }
    return problem.files.map((file) => {
      const essay = byFile.get(file)!;
      const message = problem.message.startsWith(`${file}: `) ? problem.message.slice(file.length + 2) : problem.message;
      const anchored = films.get(essay.anchor);
      const fix = !anchored
        ? filmFix(essay.anchor, { story, films: new Map(story.films.map((f) => [f.imdbId, f])), archetypeSlugs: [] })
        : anchored.archetype === null
          ? `anchor the essay on a film that has an archetype (its page names it), or, if ${anchored.title} should have one, give more of its songs a mood in the data: their performers need genres in data/snapshot/artist-genres.json`
          : 'each archetype needs exactly one essay: anchor this essay on a film of another archetype';
      return { file, line: essay.anchorAt.line, column: essay.anchorAt.column, message, fix };
    });
  });
}

/**
 * A tag naming an archetype whose essay is bound to no cluster shows nothing the build
 * could make, and in `npm run dev` it would stop the page halfway: it is reported where
 * it is first written in each file, pointing at the essay to fix.
 */
export function unboundReferences(
  refs: { file: string; slug: string; at: Position }[],
  essays: ArchetypeEssay[],
  story: Story,
): ContentProblem[] {
  const bound = new Set(bindArchetypesLenient(essays, story).archetypes.map((a) => a.file));
  const unbound = new Map(essays.filter((e) => !bound.has(e.file)).map((e) => [e.slug, e.file]));
  const first = new Map<string, { file: string; slug: string; at: Position; times: number }>();
  for (const ref of refs) {
    const essay = unbound.get(ref.slug);
    if (!essay || essay === ref.file) continue;
    const key = `${ref.file}\0${ref.slug}`;
    const seen = first.get(key);
    if (seen) seen.times++;
    else first.set(key, { ...ref, times: 1 });
  }
  return [...first.values()].map(({ file, slug, at, times }) => ({
    file,
    line: at.line,
    column: at.column,
    message: `archetype="${slug}"${times > 1 ? ` (here and ${times - 1} more time${times > 2 ? 's' : ''} in this file)` : ''} names the essay ${unbound.get(slug)}, which is bound to no archetype at the moment`,
    fix: `fix the problem listed for ${unbound.get(slug)} first; these tags then work as they are`,
  }));
}

/** Reported at the data file that is missing: that is where the mistake is. */
function missingSnapshotProblem(essay: ArchetypeEssay, film: StoryFilm): ContentProblem {
  const file = snapshotFile(film.imdbId);
  return {
    file,
    line: 0,
    column: 0,
    message: `is missing, so ${film.title} (${film.imdbId}), the anchor of ${essay.file}, has no songs in the data, no arc and no archetype: the mistake is in the data, not in the essay`,
    fix: `restore it with "git checkout -- ${file}" (or fetch it again with "npm run imdb -- fetch ${film.imdbId}"), then run "npm run check" again (restart "npm run dev": it computes the data when it starts)`,
  };
}

// ─── Output ────────────────────────────────────────────────────────────────
