/**
 * The Nu HTML Checker (vnu.jar, from the npm package vnu-jar) on built sites, run with the
 * machine's Java (Debian's default-jre-headless; .ci/run installs it). The jar is started
 * directly: the package's own launcher would download a Java of its own when none is found,
 * which no machine of this project can do.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

export const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));

export interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: 'warning' | 'fatal' | 'io' | 'schema' | 'internal';
  url: string;
  message: string;
  extract?: string;
  lastLine?: number;
}

/** Every message the checker gives on the HTML files under each folder. */
export function checkHtml(folders: string[]): Promise<NuMessage[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.JAVA ?? 'java', ['-jar', VNU_JAR, '--format', 'json', '--stdout', '--skip-non-html', ...folders], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) =>
      reject(
        new Error(`could not start Java for the Nu HTML Checker (${e.message}): install Debian's default-jre-headless, as .ci/run does`),
      ),
    );
    // The checker exits 1 when it finds errors: the JSON says which, so only its absence fails.
    child.on('close', (code) => {
      const text = Buffer.concat(out).toString('utf8');
      try {
        resolve((JSON.parse(text) as { messages: NuMessage[] }).messages);
      } catch {
        reject(new Error(`the Nu HTML Checker exited ${code} without a report:\n${text}\n${Buffer.concat(err).toString('utf8')}`));
      }
    });
  });
}
