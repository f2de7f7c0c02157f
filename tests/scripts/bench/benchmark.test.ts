import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referencePython, runReference } from '../../../scripts/bench/benchmark.ts';
import { compareSteps, SHARED_STEPS } from '../../../scripts/bench/steps.ts';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { Story } from '../../../scripts/schemas.ts';
import { quickConfig } from '../../support/quick-config.ts';

// The reference (method-reference.py) on a story the pipeline just wrote: CI installs
// Debian's python3-sklearn (.ci/run), so this runs everywhere the tests do.
let dir: string;
let story: Story;
let pipelineStages: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'arcs-bench-'));
  for (const name of ['films.csv', 'genre-mood-map.json', 'snapshot']) cpSync(join('data', name), join(dir, name), { recursive: true });
  const run = runPipeline({ dataDir: dir, config: quickConfig });
  story = Story.parse(JSON.parse(readFileSync(join(dir, 'generated', 'story.json'), 'utf8')));
  pipelineStages = run.timings.map((t) => t.stage);
  writeFileSync(join(dir, 'config.json'), JSON.stringify(quickConfig));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the scikit-learn reference', () => {
  it('is available here (Debian python3-sklearn)', () => {
    expect(referencePython()).toEqual({ python: expect.any(String) });
  });

  it('does every step of the method, with as many draws, resamples and worlds as the story records', () => {
    const found = referencePython();
    if (!('python' in found)) throw new Error(found.missing);
    const run = runReference(found.python, join(dir, 'generated', 'story.json'), join(dir, 'config.json'), 1);
    const of = Object.fromEntries(run.steps.map((s) => [s.step, s.of]));
    expect(run.steps.map((s) => s.step)).toEqual(SHARED_STEPS.map((s) => s.step));
    expect(of['null-model']).toBe(story.analysis.nullModel.draws);
    expect(of.stability).toBe(story.analysis.stability.resamples);
    expect(of.calibration).toBe(story.analysis.calibration.worlds);
    expect(of.power).toBe(quickConfig.powerStrengths.length * quickConfig.powerWorldsPerStrength);
    // One unit of each repeated step ran, and stood for all of them.
    for (const s of run.steps) expect(s.ran).toBe(Math.min(1, s.of));
    expect(run.fullMs).toBeGreaterThanOrEqual(run.wallMs);
  });

  it('has a counterpart in the pipeline for each step: every stage it maps is one the pipeline ran', () => {
    for (const { stages } of SHARED_STEPS) for (const stage of stages) expect(pipelineStages).toContain(stage);
    expect(() => compareSteps([{ stages: pipelineStages.map((stage) => ({ stage, ms: 1, rss: 0 })) }], [])).not.toThrow();
  });
});
