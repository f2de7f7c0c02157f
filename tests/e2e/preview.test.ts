/** `npm run preview` ends with its npm process: stopping npm by its id stops the listener too. */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { stripVTControlCharacters } from 'node:util';
import { buildEnv } from '../support/site.ts';

/** The status of GET url, or the network error's code when nothing answers. */
function get(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    req.end();
  });
}

describe('npm run preview', () => {
  let group: number | undefined;
  // If the test fails, whatever npm left behind is still in npm's process group: end it.
  afterEach(() => {
    if (group === undefined) return;
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // Nothing left in the group: the usual case.
    }
  });

  it('stops listening when its npm process is sent SIGTERM', async () => {
    const npm = spawn('npm', ['run', 'preview', '--', '--port', '0', '--host', '127.0.0.1', '--outDir', inject('testSite').root], {
      env: buildEnv({}),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    group = npm.pid;
    let output = '';
    // astro inherits npm's pipes, so they close only when both npm and astro have exited.
    const closed = new Promise<void>((resolve) => npm.stdout.on('close', () => resolve()));
    const url = await new Promise<string>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        // Astro colours its output when CI is set, even into a pipe: read it without the colour codes.
        const match = /Local\s+(http:\/\/[^\s/]+\/)/.exec(stripVTControlCharacters(output));
        if (match) resolve(match[1]);
      };
      npm.stdout.on('data', read);
      npm.stderr.on('data', read);
      npm.on('exit', (code) => reject(new Error(`npm run preview exited (${code}) before listening:\n${output}`)));
    });
    expect(await get(url), output).toBe(200);
    npm.kill('SIGTERM');
    await closed;
    expect(await get(url), output).toBe('ECONNREFUSED');
  });
});
