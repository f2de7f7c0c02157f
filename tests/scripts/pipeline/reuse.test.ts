import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../scripts/config.ts';
import { analysisKey, codeVersion, KEY_FILE, storyIsCurrent } from '../../../scripts/pipeline/reuse.ts';

const root = mkdtempSync(join(tmpdir(), 'reuse-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const data = join(root, 'data');
cpSync('data', data, { recursive: true, filter: (src) => !src.includes('generated') });
const code = codeVersion(process.cwd());

describe('the analysis key', () => {
  const key = analysisKey(data, defaultConfig, code);

  it('is the same for the same data, settings and code', () => {
    expect(analysisKey(data, defaultConfig, code)).toBe(key);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });
  it('changes with a setting, with the code, and with a byte of any input file', () => {
    expect(analysisKey(data, { ...defaultConfig, nullModelDraws: 499 }, code)).not.toBe(key);
    expect(analysisKey(data, defaultConfig, `${code}x`)).not.toBe(key);
    const snapshot = join(data, 'snapshot', 'soundtracks', 'tt0133189.json');
    appendFileSync(snapshot, ' ');
    expect(analysisKey(data, defaultConfig, code)).not.toBe(key);
  });
  it('changes when an input file is deleted', () => {
    const before = analysisKey(data, defaultConfig, code);
    rmSync(join(data, 'snapshot', 'soundtracks', 'tt0120238.json'));
    expect(analysisKey(data, defaultConfig, code)).not.toBe(before);
  });
  it('code version covers the pipeline’s sources, not the site’s', () => {
    expect(codeVersion(process.cwd())).toBe(code);
    expect(code).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('storyIsCurrent', () => {
  it('holds only when story.json exists beside the same key', () => {
    const out = join(root, 'generated');
    expect(storyIsCurrent(out, 'abc')).toBe(false);
    mkdirSync(out);
    writeFileSync(join(out, 'story.json'), '{}');
    expect(storyIsCurrent(out, 'abc')).toBe(false);
    writeFileSync(join(out, KEY_FILE), 'abc\n');
    expect(storyIsCurrent(out, 'abc')).toBe(true);
    expect(storyIsCurrent(out, 'abd')).toBe(false);
  });
});

describe('storedWarnings', () => {
  it('repeats the warnings of the story already written, and none of an unreadable one', async () => {
    const { storedWarnings } = await import('../../../scripts/pipeline/reuse.ts');
    const out = join(root, 'warned');
    mkdirSync(out);
    writeFileSync(join(out, 'story.json'), JSON.stringify({ warnings: ['data/x.json is missing'] }));
    expect(storedWarnings(out)).toEqual(['data/x.json is missing']);
    writeFileSync(join(out, 'story.json'), '{');
    expect(storedWarnings(out)).toEqual([]);
  });
});
