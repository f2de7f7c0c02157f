/**
 * The pipeline's outputs: story.json, written only when the story keeps every
 * invariant, and swapped into the output folder whole, so a failed run leaves the
 * previous good output as it was.
 */
import { replaceFolderAtomic, stableJson } from '../lib/files.ts';
import { checkInvariants, type Expected } from '../lib/invariants.ts';
import { Story } from '../schemas.ts';
import { KEY_FILE } from './reuse.ts';

/** `key`: the analysis key the story was made with (reuse.ts), written beside it. */
export function writeOutputs(story: Story, outDir: string, expected: Expected, key: string | null = null): void {
  const violations = checkInvariants(story, expected);
  if (violations.length) {
    throw new Error(
      `the pipeline's output breaks ${violations.length} invariant(s); nothing was written:\n  - ${violations.join('\n  - ')}`,
    );
  }
  const files: Record<string, string> = { 'story.json': stableJson(Story.parse(story)) };
  if (key) files[KEY_FILE] = `${key}\n`;
  replaceFolderAtomic(outDir, files);
}
