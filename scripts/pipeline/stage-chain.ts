/**
 * How the pipeline declares its stages: a chain in which each stage names its result, reads
 * the results before it, and is timed and logged with a one-line summary. The chain's type
 * grows with every stage, so a stage can read only what earlier stages made.
 */
export interface StageTiming {
  stage: string;
  ms: number;
  summary: string;
  /** Peak resident memory seen at the end of the stage, in bytes. */
  rss: number;
}

export type Log = (line: string) => void;

/** The name a stage is logged and timed under: its result's name in kebab case (nullModel → null-model). */
export const stageLabel = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export class StageChain<S extends object> {
  constructor(
    readonly results: S,
    private readonly timings: StageTiming[],
    private readonly log: Log,
  ) {}

  /** A timed stage: its value is kept under `key`; `summary` is its line in the log. */
  stage<K extends string, V>(key: K, run: (results: S) => V, summary: (value: V, results: S) => string): StageChain<S & Record<K, V>> {
    const start = performance.now();
    const value = run(this.results);
    const ms = performance.now() - start;
    const line = summary(value, this.results);
    this.timings.push({ stage: stageLabel(key), ms, summary: line, rss: process.memoryUsage().rss });
    this.log(`  ${stageLabel(key).padEnd(12)} ${line.padEnd(58)} ${ms.toFixed(0).padStart(6)} ms`);
    return this.with(key, value);
  }

  /** A stage run only when `applies` holds, else null and not logged (the power simulation at large sizes). */
  stageIf<K extends string, V>(
    applies: (results: S) => boolean,
    key: K,
    run: (results: S) => V,
    summary: (value: V, results: S) => string,
  ): StageChain<S & Record<K, V | null>> {
    return applies(this.results)
      ? this.stage<K, V | null>(key, run, (value, results) => summary(value as V, results))
      : this.with(key, null);
  }

  /** A value later stages share, made from earlier results and not timed: settings, lookups, a started job. */
  derive<K extends string, V>(key: K, make: (results: S) => V): StageChain<S & Record<K, V>> {
    return this.with(key, make(this.results));
  }

  private with<K extends string, V>(key: K, value: V): StageChain<S & Record<K, V>> {
    return new StageChain({ ...this.results, [key]: value } as S & Record<K, V>, this.timings, this.log);
  }
}
