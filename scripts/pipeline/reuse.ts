/**
 * Reusing the analysis. The simulations behind the evidence take seconds, and an editor
 * who only rewrote an essay should not wait for them: a run whose inputs, settings and
 * code are those of the story already written reuses it, as Observable Framework's data
 * loaders reuse their cached output. The key is a hash of everything the story depends
 * on: every input file under the data folder, the method's settings, and the pipeline's
 * code (every file under scripts/, and the locked library versions).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { MethodConfig } from '../config.ts';
import { stableJson } from '../schemas.ts';
import { dataPaths } from './inputs.ts';

/** The file beside story.json that holds the key it was written with. */
export const KEY_FILE = 'analysis-key.txt';

function filesUnder(path: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      return statSync(child).isDirectory() ? filesUnder(child, keep) : keep(name) ? [child] : [];
    });
}

function hashFiles(hash: ReturnType<typeof createHash>, root: string, files: string[]): void {
  for (const file of files) {
    hash.update(`\0${relative(root, file).split('\\').join('/')}\0`);
    hash.update(readFileSync(file));
  }
}

/** The pipeline's code as the project root holds it: scripts/ and the locked dependencies. */
export function codeVersion(projectRoot: string): string {
  const hash = createHash('sha256');
  hashFiles(hash, projectRoot, [
    ...filesUnder(join(projectRoot, 'scripts'), (name) => /\.(ts|mjs|json|py)$/.test(name)),
    ...filesUnder(join(projectRoot, 'package-lock.json'), () => true),
  ]);
  return hash.digest('hex');
}

/** Everything a story depends on, hashed: the input files, the settings, the code. */
export function analysisKey(dataDir: string, config: MethodConfig, code: string): string {
  const paths = dataPaths(dataDir);
  const hash = createHash('sha256');
  hash.update(`settings\0${stableJson(config)}\0code\0${code}`);
  const inputs = [
    paths.films,
    paths.moodMap,
    paths.artistGenres,
    paths.studyResults,
    ...filesUnder(paths.soundtracks, (name) => name.endsWith('.json')),
  ];
  hashFiles(
    hash,
    dataDir,
    inputs.filter((file) => existsSync(file)),
  );
  // A missing file is part of the state too: its absence is hashed by name.
  for (const file of inputs.filter((f) => !existsSync(f))) hash.update(`\0missing\0${relative(dataDir, file)}`);
  return hash.digest('hex');
}

/** Whether the story in outDir was written with this key. */
export function storyIsCurrent(outDir: string, key: string): boolean {
  const keyFile = join(outDir, KEY_FILE);
  return existsSync(join(outDir, 'story.json')) && existsSync(keyFile) && readFileSync(keyFile, 'utf8').trim() === key;
}

/** The warnings of the story already written (an unreadable story has none to repeat). */
export function storedWarnings(outDir: string): string[] {
  try {
    const story = JSON.parse(readFileSync(join(outDir, 'story.json'), 'utf8')) as { warnings?: unknown };
    return Array.isArray(story.warnings) ? story.warnings.filter((w): w is string => typeof w === 'string') : [];
  } catch {
    return [];
  }
}
