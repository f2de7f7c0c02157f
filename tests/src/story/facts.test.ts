/**
 * The figures essays render with <Fact name="…" />: every one renders from a story the
 * pipeline made (quick settings, in a folder of the test's own), and the words that turn
 * with the evidence turn with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import type { Story } from '../../../scripts/schemas.ts';
import { FACTS, fact } from '../../../src/story/facts.ts';
import { quickConfig } from '../../support/quick-config.ts';

let dir: string;
let story: Story;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'arcs-facts-'));
  story = runPipeline({ dataDir: 'data', outDir: join(dir, 'generated'), config: quickConfig }).story;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fact', () => {
  it('renders every named figure as text, with no NaN, undefined or [object Object]', () => {
    for (const name of Object.keys(FACTS)) {
      const value = fact(name, story);
      expect(value, name).not.toBe('');
      expect(value, name).not.toMatch(/NaN|undefined|\[object Object\]|Infinity/);
    }
  });

  it('renders counts from the story, not typed figures', () => {
    const shrunk = { ...story, films: story.films.slice(0, 7) };
    expect(fact('films', shrunk)).not.toBe(fact('films', story));
    expect(fact('k', { ...story, analysis: { ...story.analysis, k: 4 } })).not.toBe(fact('k', story));
  });

  it('refuses an unknown name, and a name every object answers to, listing the names it knows', () => {
    expect(() => fact('film', story)).toThrow(/^<Fact name="film" \/> names no figure\. Known names: .*\bfilms\b/);
    expect(() => fact('toString', story)).toThrow(/names no figure/);
  });
});
