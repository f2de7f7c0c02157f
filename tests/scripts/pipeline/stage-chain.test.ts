import { describe, expect, it } from 'vitest';
import { StageChain, stageLabel, type StageTiming } from '../../../scripts/pipeline/stage-chain.ts';

function chain() {
  const timings: StageTiming[] = [];
  const lines: string[] = [];
  return { timings, lines, start: new StageChain({ n: 3 }, timings, (line) => lines.push(line)) };
}

describe('StageChain', () => {
  it('keeps each stage’s result under its name for the stages after it, in order', () => {
    const { timings, lines, start } = chain();
    const { results } = start
      .stage(
        'doubled',
        (r) => r.n * 2,
        (v) => `${v} doubled`,
      )
      .derive('offset', (r) => r.doubled + 1)
      .stage(
        'nullModel',
        (r) => [r.doubled, r.offset],
        (v, r) => `${v.length} values from ${r.n}`,
      );
    expect(results).toEqual({ n: 3, doubled: 6, offset: 7, nullModel: [6, 7] });
    expect(timings.map((t) => [t.stage, t.summary])).toEqual([
      ['doubled', '6 doubled'],
      ['null-model', '2 values from 3'],
    ]);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^ {2}null-model +2 values from 3 +\d+ ms$/);
  });

  it('skips a stage that does not apply: null, no timing, no line', () => {
    const { timings, lines, start } = chain();
    const { results } = start.stageIf(
      (r) => r.n > 10,
      'power',
      () => 'ran',
      (v) => v,
    );
    expect(results.power).toBeNull();
    expect(timings).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('runs a stage that applies', () => {
    const { timings, start } = chain();
    expect(
      start.stageIf(
        (r) => r.n > 1,
        'power',
        () => 'ran',
        (v) => v,
      ).results.power,
    ).toBe('ran');
    expect(timings.map((t) => t.stage)).toEqual(['power']);
  });
});

describe('stageLabel', () => {
  it('logs a result name in kebab case', () => {
    expect(stageLabel('storyFilms')).toBe('story-films');
    expect(stageLabel('arcs')).toBe('arcs');
  });
});
