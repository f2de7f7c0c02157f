import { describe, expect, it } from 'vitest';
import { compareSteps, formatSteps, median, referenceFullMs, SHARED_STEPS, type ReferenceStep } from '../../../scripts/bench/steps.ts';

const timing = (stage: string, ms: number) => ({ stage, ms, rss: 0 });
const step = (name: string, ms: number, ran = 1, of = 1): ReferenceStep => ({ step: name, ms, ranMs: (ms * ran) / of, ran, of });

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('referenceFullMs', () => {
  it('adds to the wall time what the units not run would have taken', () => {
    // 16 of 200 worlds took 800 ms: all 200 take 10,000 ms, 9,200 more than were spent.
    expect(referenceFullMs(5_000, [step('read', 100), { step: 'calibration', ms: 10_000, ranMs: 800, ran: 16, of: 200 }])).toBe(14_200);
  });
});

describe('compareSteps', () => {
  const ours = [
    { stages: [timing('films', 10), timing('soundtracks', 20), timing('features', 5), timing('null-model', 300), timing('write', 40)] },
    { stages: [timing('films', 12), timing('soundtracks', 22), timing('features', 5), timing('null-model', 500), timing('write', 60)] },
    { stages: [timing('films', 14), timing('soundtracks', 24), timing('features', 5), timing('null-model', 400), timing('write', 50)] },
  ];
  const theirs = [1000, 3000, 2000].map((ms) => ({ steps: [step('read', ms / 10), step('null-model', ms, 16, 500)] }));

  it('sets the median of each side of a step beside the other, with what was sampled', () => {
    const rows = compareSteps(ours, theirs);
    const read = rows.find((r) => r.step === 'read')!;
    // Ingest is several of our stages, summed per run: 35, 39, 43.
    expect(read).toMatchObject({ stages: ['films', 'soundtracks', 'features'], ours: 39, reference: 200, sampled: null });
    expect(rows.find((r) => r.step === 'null-model')).toMatchObject({ ours: 400, reference: 2000, sampled: '16 of 500' });
  });

  it('lists the stages the reference has no counterpart for, and leaves out steps neither side ran', () => {
    const rows = compareSteps(ours, theirs);
    expect(rows.find((r) => r.step === 'write')).toMatchObject({ ours: 50, reference: null, note: 'the pipeline only' });
    expect(rows.some((r) => r.step === 'power')).toBe(false);
    expect(rows.map((r) => r.step)).toEqual(['read', 'null-model', 'write']);
  });

  it('still tables the pipeline where the reference did not run', () => {
    expect(compareSteps(ours, []).map((r) => [r.step, r.reference])).toEqual([
      ['read', null],
      ['null-model', null],
      ['write', null],
    ]);
  });

  it('refuses a reference step the table does not map, so a change of method cannot go uncompared', () => {
    expect(() => compareSteps(ours, [{ steps: [step('bootstrap', 10)] }])).toThrow(
      /the reference's step\(s\) bootstrap have no pipeline stages in SHARED_STEPS/,
    );
  });

  it('maps each pipeline stage to at most one step', () => {
    const stages = SHARED_STEPS.flatMap((s) => s.stages);
    expect(new Set(stages).size).toBe(stages.length);
  });
});

describe('formatSteps', () => {
  it('writes a Markdown table with the ratio of ours to the reference', () => {
    const table = formatSteps([
      { step: 'null-model', stages: ['null-model'], ours: 400, reference: 2000, sampled: '16 of 500', note: null },
      { step: 'write', stages: ['write'], ours: 50, reference: null, sampled: null, note: 'the pipeline only' },
    ]);
    expect(table.split('\n')).toEqual([
      '| step | pipeline stages | pipeline | scikit-learn | ratio | note |',
      '| --- | --- | --- | --- | --- | --- |',
      '| null-model | null-model | 400 ms | 2000 ms (16 of 500, scaled) | 0.20 |  |',
      '| write | write | 50 ms | – | – | the pipeline only |',
    ]);
  });
});
