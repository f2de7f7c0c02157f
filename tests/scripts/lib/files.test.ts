import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFiles, replaceFolderAtomic, writeFileAtomic } from '../../../scripts/lib/files.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arcs-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('makes the missing folders, replaces the old bytes and leaves no temporary file', () => {
    const file = join(dir, 'snapshot', 'soundtracks', 'tt0133189.json');
    writeFileAtomic(file, 'old');
    writeFileAtomic(file, new Uint8Array([110, 101, 119]));
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(join(dir, 'snapshot', 'soundtracks'))).toEqual(['tt0133189.json']);
  });
  it('throws when the file cannot be put in place, and removes its temporary file', () => {
    const target = join(dir, 'taken');
    mkdirSync(join(target, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(target, 'bytes')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(target)).toEqual(['inside']);
  });
});

describe('replaceFolderAtomic', () => {
  it('replaces the whole folder: files not written again are gone, nested names are made', () => {
    const out = join(dir, 'generated');
    replaceFolderAtomic(out, { 'story.json': '{"old":true}\n', 'stale.txt': 'stale' });
    replaceFolderAtomic(out, { 'story.json': '{}\n', 'bin/key.txt': 'k\n' });
    expect(readdirSync(out).sort()).toEqual(['bin', 'story.json']);
    expect(readFileSync(join(out, 'story.json'), 'utf8')).toBe('{}\n');
    expect(readFileSync(join(out, 'bin', 'key.txt'), 'utf8')).toBe('k\n');
    // No staging or previous folder is left beside it.
    expect(readdirSync(dir)).toEqual(['generated']);
  });
  it('leaves the previous folder as it was when writing the new one fails', () => {
    const out = join(dir, 'generated');
    replaceFolderAtomic(out, { 'story.json': 'good\n' });
    // "a" is written as a file, so "a/b" cannot be made under it.
    expect(() => replaceFolderAtomic(out, { a: 'x', 'a/b': 'y', 'story.json': 'bad\n' })).toThrow();
    expect(readdirSync(out)).toEqual(['story.json']);
    expect(readFileSync(join(out, 'story.json'), 'utf8')).toBe('good\n');
    expect(readdirSync(dir)).toEqual(['generated']);
  });
  it('creates a folder that did not exist', () => {
    const out = join(dir, 'new', 'generated');
    mkdirSync(join(dir, 'new'));
    replaceFolderAtomic(out, { 'story.json': '{}\n' });
    expect(existsSync(join(out, 'story.json'))).toBe(true);
  });
});

describe('listFiles', () => {
  it('lists the files with an extension, sorted, and nothing for a missing folder', () => {
    for (const name of ['tt2.json', 'tt10.json', 'notes.md', 'tt1.json.bak']) writeFileSync(join(dir, name), '');
    expect(listFiles(dir, '.json')).toEqual(['tt10.json', 'tt2.json']);
    expect(listFiles(join(dir, 'nowhere'), '.json')).toEqual([]);
  });
});
