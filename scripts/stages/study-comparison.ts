/**
 * This run's archetypes beside the study's. The adjusted Rand index over the
 * films both clustered, and per archetype the study archetype with the largest Jaccard
 * overlap and the films they share. A comparison, never a target: nothing in the method
 * is chosen to make the two agree.
 */
import { adjustedRandIndex, jaccard } from '../lib/cluster-metrics.ts';
import type { StudyComparison, StudyResults } from '../schemas.ts';

export interface StudyComparisonInput {
  study: StudyResults;
  /** This run's archetype of each clustered film. */
  assignments: { imdbId: string; cluster: number }[];
  k: number;
}

export function compareWithStudy({ study, assignments, k }: StudyComparisonInput): StudyComparison {
  const studyOf = new Map<string, string>();
  for (const [name, ids] of Object.entries(study.clusters)) for (const id of ids) studyOf.set(id, name);
  const both = assignments.filter((a) => studyOf.has(a.imdbId));
  const ari =
    both.length >= 2
      ? adjustedRandIndex(
          both.map((a) => a.cluster),
          both.map((a) => studyOf.get(a.imdbId)!),
        )
      : 0;
  const names = Object.keys(study.clusters).sort();
  const archetypes = Array.from({ length: k }, (_, i) => {
    const members = assignments.filter((a) => a.cluster === i + 1).map((a) => a.imdbId);
    let best: { name: string | null; jaccard: number; shared: string[]; studySize: number } = {
      name: null,
      jaccard: 0,
      shared: [],
      studySize: 0,
    };
    for (const name of names) {
      const theirs = study.clusters[name];
      const score = jaccard(members, theirs);
      if (score > best.jaccard)
        best = { name, jaccard: score, shared: members.filter((m) => theirs.includes(m)), studySize: theirs.length };
    }
    const keepsStudyName = best.name !== null && 2 * best.shared.length > members.length && 2 * best.shared.length > best.studySize;
    return { cluster: i + 1, ...best, keepsStudyName };
  });
  return { ari, films: both.length, archetypes };
}
