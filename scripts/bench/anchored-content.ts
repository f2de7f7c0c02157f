/**
 * Essays for another catalogue (the benchmark's synthetic films, the tests' edited data):
 * the real content folder, with its archetype essays replaced by one per computed cluster,
 * each anchored to that cluster's first film, so the site binds and builds.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function anchoredContent(dir: string, story: { archetypes: { members: string[] }[] }): void {
  cpSync('content', dir, { recursive: true });
  rmSync(join(dir, 'archetypes'), { recursive: true, force: true });
  mkdirSync(join(dir, 'archetypes'));
  story.archetypes.forEach((archetype, i) => {
    writeFileSync(
      join(dir, 'archetypes', `archetype-${i + 1}.mdx`),
      `---\ntitle: Archetype ${i + 1}\nsummary: Archetype ${i + 1} of another catalogue.\nanchor: ${archetype.members[0]}\n---\n\nAn essay.\n`,
    );
  });
}
