/**
 * Every HTML page of both test builds (at "/" and under the subpath), through the Nu HTML
 * Checker, the validator behind validator.w3.org/nu: no error and no warning, except the
 * few allowances below, each for something the checker is wrong about.
 */
import { describe, expect, inject, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { checkHtml, type NuMessage } from '../support/nu-checker.ts';

interface Allowance {
  message: string;
  /** The code the message points at, so an allowance cannot hide the same message elsewhere. */
  extract: RegExp;
  why: string;
}

/**
 * The checker's CSS validator predates CSS container queries (Baseline since 2023, in every
 * browser the site supports). The site uses one: a table's caption stays the width of the
 * table's scrolling box (`container-type: inline-size` on .table-wrap, `max-width: 100cqi`
 * on its caption, src/styles/global.css). Both messages are switched off for that code only.
 */
const ALLOWED: Allowance[] = [
  {
    message: "CSS: “container-type”: Property “container-type” doesn't exist.",
    extract: /type:inline-size/,
    why: 'container queries are unknown to the checker',
  },
  {
    message: 'CSS: “max-width”: Unknown dimension.',
    extract: /:100cqi/,
    why: 'the cqi unit (container queries) is unknown to the checker',
  },
];

const allowed = (m: NuMessage) => ALLOWED.find((a) => a.message === m.message && a.extract.test(m.extract ?? ''));

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
}

describe('the built site is valid HTML', () => {
  let messages: NuMessage[];
  let folders: string[];
  it('has no error or warning from the Nu HTML Checker on any page, at "/" or under the subpath', async () => {
    const site = inject('testSite');
    folders = [site.root, site.subpath];
    messages = await checkHtml(folders);
    const counted = new Set(messages.map((m) => m.url));
    // Every page was read: the checker names a file only when it has something to say, so count the files instead.
    expect(htmlFiles(site.root).length).toBeGreaterThanOrEqual(39);
    expect(htmlFiles(site.subpath).length).toBe(htmlFiles(site.root).length);
    const problems = messages
      .filter((m) => m.type !== 'info' || m.subType === 'warning')
      .filter((m) => !allowed(m))
      .map(
        (m) =>
          `${relative(process.cwd(), new URL(m.url).pathname)}:${m.lastLine ?? '?'}  ${m.subType ?? m.type}: ${m.message}  [${(m.extract ?? '').replace(/\s+/g, ' ').trim()}]`,
      );
    expect(problems, `${problems.length} message(s) from the Nu HTML Checker over ${counted.size} file(s)`).toEqual([]);
  });

  it('switches off nothing that no longer happens', () => {
    // An allowance that matches nothing has outlived its reason: remove it.
    for (const a of ALLOWED)
      expect(
        messages.some((m) => allowed(m) === a),
        `${a.message} (${a.why})`,
      ).toBe(true);
  });
});
