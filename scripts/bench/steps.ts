/**
 * The benchmark's per-step table: which of the pipeline's stages do the work of each of
 * the reference's steps (method-reference.py), their median times side by side, and the
 * stages the reference has no counterpart for (it writes no story).
 */

export interface Timing {
  stage: string;
  ms: number;
  rss: number;
}

export interface ReferenceStep {
  step: string;
  /** Time for all `of` units of the step, scaled from the `ran` units timed. */
  ms: number;
  /** Time the `ran` units took. */
  ranMs: number;
  ran: number;
  of: number;
}

export interface ReferenceRun {
  wallMs: number;
  steps: ReferenceStep[];
  /** The whole method's time: the process's wall time, each sampled step scaled to its full count. */
  fullMs: number;
}

/** Each reference step, with the pipeline stages doing the same work. */
export const SHARED_STEPS: { step: string; stages: string[]; note?: string }[] = [
  {
    step: 'read',
    stages: ['films', 'soundtracks', 'credits', 'genres', 'features'],
    note: 'ours from the IMDb snapshot to songs with moods; the reference reads those songs from story.json',
  },
  { step: 'arcs', stages: ['arcs'] },
  { step: 'reduce', stages: ['reduce'] },
  { step: 'clusters', stages: ['clusters'] },
  { step: 'null-model', stages: ['null-model'] },
  { step: 'stability', stages: ['stability'] },
  { step: 'order', stages: ['order'] },
  { step: 'trends', stages: ['trends'] },
  { step: 'shapes', stages: ['shapes'] },
  {
    step: 'calibration',
    stages: ['calibration'],
    note: 'ours starts on the second thread after stability, beside the stages up to profiles: the stage is what is left to share',
  },
  { step: 'power', stages: ['power'] },
  { step: 'levels', stages: ['levels'] },
  { step: 'replication', stages: ['replication'] },
  { step: 'sensitivity', stages: ['sensitivity'] },
  { step: 'map', stages: ['map'], note: 'ours runs t-SNE on its own thread from the start: the stage is what is left to wait for' },
];

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The reference's time for the whole method: its wall time, plus what the units it did not run would have taken. */
export function referenceFullMs(wallMs: number, steps: ReferenceStep[]): number {
  return wallMs + steps.reduce((extra, s) => extra + s.ms - s.ranMs, 0);
}

export interface StepRow {
  step: string;
  stages: string[];
  /** Median over runs of the stages' summed time. */
  ours: number;
  /** Median over runs of the reference's time for the step, or null where it has none. */
  reference: number | null;
  /** "16 of 200" where the reference scaled a sample. */
  sampled: string | null;
  note: string | null;
}

/** The table's rows: the shared steps, then the pipeline's stages the reference does not do. */
export function compareSteps(ours: { stages: Timing[] }[], theirs: { steps: ReferenceStep[] }[]): StepRow[] {
  const known = new Set(SHARED_STEPS.map((s) => s.step));
  for (const run of theirs) {
    const unknown = run.steps.filter((s) => !known.has(s.step)).map((s) => s.step);
    if (unknown.length)
      throw new Error(`the reference's step(s) ${unknown.join(', ')} have no pipeline stages in SHARED_STEPS (scripts/bench/steps.ts)`);
  }
  const oursOf = (stages: string[]) =>
    median(ours.map((run) => run.stages.filter((t) => stages.includes(t.stage)).reduce((s, t) => s + t.ms, 0)));
  const ran = new Set(ours.flatMap((run) => run.stages.map((t) => t.stage)));
  const shared = SHARED_STEPS.flatMap(({ step, stages, note }) => {
    const steps = theirs.map((run) => run.steps.find((s) => s.step === step));
    const reference = steps.length && steps.every((s) => s) ? median(steps.map((s) => s!.ms)) : null;
    if (reference === null && !stages.some((s) => ran.has(s))) return [];
    const first = steps[0];
    const sampled = first && first.ran < first.of ? `${first.ran} of ${first.of}` : null;
    return [{ step, stages: stages.filter((s) => ran.has(s)), ours: oursOf(stages), reference, sampled, note: note ?? null }];
  });
  const mapped = new Set(SHARED_STEPS.flatMap((s) => s.stages));
  const own = [...ran]
    .filter((stage) => !mapped.has(stage))
    .map((stage) => ({ step: stage, stages: [stage], ours: oursOf([stage]), reference: null, sampled: null, note: 'the pipeline only' }));
  return [...shared, ...own];
}

export function formatSteps(rows: StepRow[]): string {
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const lines = rows.map((r) => {
    const reference = r.reference === null ? '–' : `${ms(r.reference)}${r.sampled ? ` (${r.sampled}, scaled)` : ''}`;
    const ratio = r.reference ? (r.ours / r.reference).toFixed(2) : '–';
    return `| ${r.step} | ${r.stages.join(', ')} | ${ms(r.ours)} | ${reference} | ${ratio} | ${r.note ?? ''} |`;
  });
  return ['| step | pipeline stages | pipeline | scikit-learn | ratio | note |', '| --- | --- | --- | --- | --- | --- |', ...lines].join(
    '\n',
  );
}
