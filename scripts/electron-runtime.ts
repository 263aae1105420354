/**
 * Finds the Electron runtime binary, if it was ever downloaded. Shared by
 * `npm start` and the Electron end-to-end suite, which skips without it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the Electron runtime is, without requiring the package: requiring it
 * starts a download when the runtime is missing, and that cannot work offline.
 */
export function electronBinary(): { path: string } | { missing: string } {
  let dir: string;
  try {
    dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return { missing: 'its runtime was never downloaded' };
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `${binary} is missing` };
}
