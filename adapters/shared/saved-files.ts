/**
 * Where `npm run index:build` saves the passage index and the validated-dataset snapshot (beside the
 * data they were made from), and which of them an engine starting on that data should use.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineOptions } from '../../src/index.ts';

/** The saved files' default paths for the data in `dataDir`. */
export function savedFilePaths(dataDir: string): { indexFile: string; snapshotFile: string } {
  return { indexFile: join(dataDir, 'passage-index.json'), snapshotFile: join(dataDir, 'dataset-snapshot.json') };
}

/** Engine options naming the saved files that exist for `dataDir`. With none (a fresh clone, before
 * `npm run index:build`) the engine validates and builds as usual, without a warning; a file that
 * exists but does not match the data is ignored with one. */
export function savedFileOptions(dataDir: string): Pick<EngineOptions, 'indexFile' | 'snapshotFile'> {
  const { indexFile, snapshotFile } = savedFilePaths(dataDir);
  return { ...(existsSync(indexFile) ? { indexFile } : {}), ...(existsSync(snapshotFile) ? { snapshotFile } : {}) };
}
