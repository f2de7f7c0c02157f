import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * True when the module whose import.meta.url is given is the file Node was asked to
 * run. Compares against process.argv[1], which scripts/run.mjs sets to the bundle.
 */
export function isMain(importMetaUrl: string): boolean {
  return Boolean(process.argv[1]) && importMetaUrl === pathToFileURL(resolve(process.argv[1])).href;
}

/**
 * Runs an entry file's main when that file is run directly. A number returned (or
 * resolved) is the exit code; nothing returned leaves the process to end by itself.
 * Without onError, a thrown error (or rejection) is left to Node, which prints it and
 * exits 1; with onError, the error is handed to it and its result is the exit code.
 */
export function runIfMain(
  importMetaUrl: string,
  main: () => number | void | Promise<number | void>,
  onError?: (error: unknown) => number,
): void {
  if (!isMain(importMetaUrl)) return;
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        if (typeof code === 'number') process.exit(code);
      },
      onError && ((error: unknown) => process.exit(onError(error))),
    );
}
