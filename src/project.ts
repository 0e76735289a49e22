/**
 * Where the project's files are. Found by walking up from this module to the folder holding
 * package.json, so the code finds the same files whether it runs from src/ through tsx or from the
 * bundle `npm start` builds in dist/ (see scripts/build.mjs).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function projectDir(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`engine: no package.json above ${from}`);
  }
}

/** The project folder: the one holding package.json. */
export const PROJECT_DIR = projectDir(dirname(fileURLToPath(import.meta.url)));

/**
 * A fingerprint of some of the project's source files (paths from {@link PROJECT_DIR}): saved files
 * record the code that made them this way. scripts/build.mjs takes the same fingerprint at build
 * time (and must hash alike: test/build/built-only.test.ts checks), so the bundle never reads src/.
 */
export function sourceFingerprint(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(PROJECT_DIR, file)))
      .update('\0');
  return hash.digest('hex');
}
