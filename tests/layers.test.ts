/**
 * The layers do not cross. From the bottom: shared code in scripts/lib; the stages and
 * the data sources, which never import each other (the caller passes what a source
 * needs), with the refit every resampling stage draws with (scripts/resampling, built from
 * the arcs' and runs' building blocks); the threads that run stages beside the main one
 * (scripts/threads); the pipeline (scripts/pipeline: read data/, run the stages, write
 * data/generated/); what builds on it (scripts/snapshot rewrites data/snapshot/,
 * scripts/bench, scripts/site); and on top the commands (scripts/commands), which may
 * import anything and which nothing imports but tests. The site reads the pipeline only
 * through the story's schemas, and nothing that ships imports test support.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.(ts|mjs|astro)$/.test(entry.name) ? [path] : [];
  });
}

/** Every relative import of a file, as a path from the project root. */
function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specifiers.map((s) =>
    relative(root, resolve(root, dirname(file), s))
      .split('\\')
      .join('/'),
  );
}

// What any layer may read from the top of scripts/: the story's contract and the method's settings.
const CONTRACT = new Set(['scripts/schemas.ts', 'scripts/config.ts']);
// The rest of the top of scripts/ (the runner, type declarations) is imported by no layer.
const topOfScripts = (path: string) => /^scripts\/[^/]+$/.test(path) && !CONTRACT.has(path);
const under =
  (...folders: string[]) =>
  (path: string) =>
    folders.some((folder) => path.startsWith(`scripts/${folder}/`));
// The pipeline and everything that builds on it.
const pipelineAndAbove = under('pipeline', 'snapshot', 'bench', 'site', 'commands');

const inLayer = (folder: string) => (file: string) => file.startsWith(folder);

const RULES: { layer: string; files: (file: string) => boolean; forbidden: (path: string) => boolean; what: string }[] = [
  {
    layer: 'scripts/schemas/',
    files: inLayer('scripts/schemas/'),
    what: 'module outside the schemas (the contract is read by every layer, so it reads none)',
    forbidden: (p) => !p.startsWith('scripts/schemas/'),
  },
  {
    layer: 'scripts/stages/',
    files: inLayer('scripts/stages/'),
    what: 'sources, threads, the pipeline or what builds on it',
    forbidden: (p) => under('sources', 'threads')(p) || pipelineAndAbove(p) || topOfScripts(p),
  },
  {
    layer: 'scripts/resampling/',
    files: inLayer('scripts/resampling/'),
    what: 'sources, threads, stages other than the arcs and runs, the pipeline or what builds on it',
    forbidden: (p) =>
      under('sources', 'threads')(p) ||
      (under('stages')(p) && !['scripts/stages/arcs.ts', 'scripts/stages/blocks.ts'].includes(p)) ||
      pipelineAndAbove(p) ||
      topOfScripts(p),
  },
  {
    layer: 'scripts/threads/',
    files: inLayer('scripts/threads/'),
    what: 'sources, the pipeline or what builds on it',
    forbidden: (p) => under('sources')(p) || pipelineAndAbove(p) || topOfScripts(p),
  },
  {
    layer: 'scripts/sources/',
    files: inLayer('scripts/sources/'),
    what: 'stages, resampling, threads, the pipeline or what builds on it',
    forbidden: (p) => under('stages', 'resampling', 'threads')(p) || pipelineAndAbove(p) || topOfScripts(p),
  },
  {
    layer: 'scripts/lib/',
    files: inLayer('scripts/lib/'),
    what: 'stages, sources, resampling, threads, the pipeline or what builds on it',
    forbidden: (p) => under('stages', 'sources', 'resampling', 'threads')(p) || pipelineAndAbove(p) || topOfScripts(p),
  },
  {
    layer: 'scripts/pipeline/',
    files: inLayer('scripts/pipeline/'),
    what: 'snapshot refreshes, bench, site or commands',
    forbidden: (p) => under('snapshot', 'bench', 'site', 'commands')(p) || topOfScripts(p),
  },
  {
    layer: 'everything but scripts/commands/',
    files: (f) => !under('commands')(f),
    what: 'commands (only tests may)',
    forbidden: under('commands'),
  },
  {
    layer: 'src/',
    files: inLayer('src/'),
    what: 'pipeline module but the story schemas',
    forbidden: (p) => p.startsWith('scripts/') && p !== 'scripts/schemas.ts',
  },
  {
    layer: 'src/ outside story/ and editorial/',
    files: (f) => f.startsWith('src/') && !f.startsWith('src/story/') && !f.startsWith('src/editorial/'),
    what: 'pipeline module (the story reaches them through src/story/schemas.ts)',
    forbidden: (p) => p.startsWith('scripts/'),
  },
  {
    layer: 'src/components/, src/charts/ and src/layouts/',
    files: (f) => ['src/components/', 'src/charts/', 'src/layouts/'].some((folder) => f.startsWith(folder)),
    what: 'story loader or essay tag (they are given what they show)',
    forbidden: (p) => STORY_LOADERS.has(p) || p.startsWith('src/essay/'),
  },
  {
    layer: 'src/essay/',
    files: inLayer('src/essay/'),
    what: "editors' toolchain, layouts or pages (an essay tag binds the story to one component)",
    forbidden: (p) => ['src/editorial/', 'src/layouts/', 'src/pages/'].some((folder) => p.startsWith(folder)),
  },
  {
    layer: 'src/story/, src/publish/, src/charts/ and src/components/',
    files: (f) => ['src/story/', 'src/publish/', 'src/charts/', 'src/components/'].some((folder) => f.startsWith(folder)),
    what: "editors' toolchain but the collections' definitions",
    forbidden: (p) => p.startsWith('src/editorial/') && !COLLECTIONS.has(p),
  },
  {
    layer: 'src/story/, src/publish/ and src/charts/',
    files: (f) => ['src/story/', 'src/publish/', 'src/charts/'].some((folder) => f.startsWith(folder)),
    what: 'components, layouts or pages',
    forbidden: (p) => ['src/components/', 'src/layouts/', 'src/pages/'].some((folder) => p.startsWith(folder)),
  },
];

// The modules that open the story; the essays' collections, which binding an essay to its group reads.
const STORY_LOADERS = new Set(['src/story/story.ts', 'src/story/site.ts']);
const COLLECTIONS = new Set(['src/editorial/content-schemas.ts', 'src/editorial/content-loader.ts']);

describe('layers', () => {
  const shipped = [...files('scripts'), ...files('src')];

  it('finds the imports it checks', () => {
    expect(imports('scripts/stages/credits.ts')).toContain('scripts/lib/credit-parser.ts');
    // Static and dynamic imports alike (live mode is loaded only for --live).
    expect(imports('scripts/commands/pipeline.ts')).toEqual(
      expect.arrayContaining(['scripts/pipeline/run.ts', 'scripts/snapshot/live.ts']),
    );
    expect(shipped.length).toBeGreaterThan(80);
  });

  it('keeps nothing at the top of scripts/ but the contract, the runner and type declarations', () => {
    expect(shipped.filter((f) => /^scripts\/[^/]+$/.test(f)).sort()).toEqual([
      'scripts/config.ts',
      'scripts/run.mjs',
      'scripts/schemas.ts',
      'scripts/types.d.ts',
    ]);
  });

  for (const rule of RULES) {
    it(`${rule.layer} imports no ${rule.what}`, () => {
      const crossings = shipped.filter(rule.files).flatMap((f) =>
        imports(f)
          .filter(rule.forbidden)
          .map((target) => `${f} -> ${target}`),
      );
      expect(crossings).toEqual([]);
    });
  }

  it('ships nothing that imports test support', () => {
    expect(
      shipped.flatMap((f) =>
        imports(f)
          .filter((p) => p.startsWith('tests/'))
          .map((p) => `${f} -> ${p}`),
      ),
    ).toEqual([]);
  });
});
