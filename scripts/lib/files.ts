import { mkdirSync, renameSync, writeFileSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes a file so that readers see the old bytes or the new ones, never half of either. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Replaces a whole folder with freshly written files: everything is written into a
 * sibling folder first and swapped in with renames, so a failure leaves the old folder.
 */
export function replaceFolderAtomic(folder: string, files: Record<string, string>): void {
  const staging = `${folder}.${process.pid}.staging`;
  const previous = `${folder}.${process.pid}.previous`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const name of Object.keys(files).sort()) {
      const path = join(staging, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, files[name]);
    }
    if (existsSync(folder)) renameSync(folder, previous);
    renameSync(staging, folder);
    rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(folder) && existsSync(previous)) renameSync(previous, folder);
    throw error;
  }
}

export { stableJson } from '../schemas.ts';

export function listFiles(folder: string, extension: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(extension))
    .sort();
}
