/**
 * Binds the archetype essays (content/archetypes/*.mdx) to the computed clusters: an essay
 * belongs to the cluster holding its anchor film. Every problem is collected and reported
 * at once, naming the files and the films, so an editor can fix them in one go.
 */
import type { z } from 'astro/zod';
import type { Story, StoryArchetype, StoryFilm } from '../../scripts/schemas.ts';
import type { archetypeFrontmatter } from '../editorial/content-schemas.ts';
import { noArchetypeReason } from './film-status.ts';
import { archetypeColor, archetypeSymbol } from '../charts/palette.ts';

/** An archetype essay: its frontmatter, and where it is. */
export interface ArchetypeEssay extends z.infer<typeof archetypeFrontmatter> {
  /** File name without .mdx: becomes the page's slug. */
  slug: string;
  file: string;
}

export interface Archetype extends ArchetypeEssay {
  cluster: StoryArchetype;
  anchorFilm: StoryFilm;
  members: StoryFilm[];
  color: string;
  symbol: string;
}

export class BindingError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The archetype essays in content/archetypes/ do not match the computed clusters:\n` +
        problems.map((p) => `  • ${p}`).join('\n') +
        `\nEach essay's "anchor" must name a film (IMDb ID) of a different cluster; every cluster needs exactly one essay.`,
    );
    this.name = 'BindingError';
  }
}

const filmLabel = (f: StoryFilm) => `${f.imdbId} (${f.title})`;

/** One binding problem: the essays it concerns (none for a cluster without an essay) and the message. */
export interface BindingProblem {
  files: string[];
  message: string;
}

/** Throws a BindingError listing every problem; what `npm run build` relies on. */
export function bindArchetypes(essays: ArchetypeEssay[], story: Story): Archetype[] {
  const { archetypes, problems } = bindArchetypesLenient(essays, story);
  if (problems.length) throw new BindingError(problems.map((p) => p.message));
  return archetypes;
}

/**
 * Binds what can be bound and returns the problems beside it: `npm run dev` keeps the
 * other pages working while an editor fixes one essay, and the essay check reports the
 * problems on the essays' own lines. A cluster claimed by two essays goes to the first.
 */
export function bindArchetypesLenient(essays: ArchetypeEssay[], story: Story): { archetypes: Archetype[]; problems: BindingProblem[] } {
  const problems: BindingProblem[] = [];
  const films = new Map(story.films.map((f) => [f.imdbId, f]));
  const byCluster = new Map<number, ArchetypeEssay[]>();
  const sorted = [...essays].sort((a, b) => a.file.localeCompare(b.file));
  for (const essay of sorted) {
    const film = films.get(essay.anchor);
    if (!film) {
      problems.push({ files: [essay.file], message: `${essay.file}: anchor "${essay.anchor}" is not a film in data/films.csv` });
      continue;
    }
    if (film.archetype === null) {
      problems.push({
        files: [essay.file],
        message: `${essay.file}: anchor ${filmLabel(film)} has no archetype, because ${noArchetypeReason(film, story.method.minFeaturedTracks)}`,
      });
      continue;
    }
    byCluster.set(film.archetype, [...(byCluster.get(film.archetype) ?? []), essay]);
  }
  const membersOf = (cluster: StoryArchetype) => cluster.members.map((id) => films.get(id)!).filter(Boolean);
  for (const cluster of story.archetypes) {
    const bound = byCluster.get(cluster.id) ?? [];
    const members = membersOf(cluster).map(filmLabel).join(', ');
    if (bound.length > 1) {
      problems.push({
        files: bound.map((w) => w.file),
        message: `${bound.map((w) => w.file).join(' and ')} all anchor films of the same cluster (${bound.map((w) => filmLabel(films.get(w.anchor)!)).join('; ')}), which holds ${members}`,
      });
    } else if (bound.length === 0) {
      problems.push({
        files: [],
        message: `the cluster of ${members} has no essay: add content/archetypes/<name>.mdx with "anchor:" set to one of these IDs`,
      });
    }
  }

  const archetypes = story.archetypes.flatMap((cluster) => {
    const essay = byCluster.get(cluster.id)?.[0];
    if (!essay) return [];
    return [
      {
        ...essay,
        cluster,
        anchorFilm: films.get(essay.anchor)!,
        members: membersOf(cluster),
        color: archetypeColor(cluster.id),
        symbol: archetypeSymbol(cluster.id),
      },
    ];
  });
  return { archetypes, problems };
}
