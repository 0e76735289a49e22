/**
 * The fingerprint a dataset snapshot is tied to: the bytes of every data file the checks read, in a
 * fixed order. Each file is hashed a chunk at a time through one buffer and let go: at 10,000
 * documents, holding the source texts' bytes (10,000 buffers, 25 MB) until the snapshot was read
 * left them in the process's memory long after, as nothing called for the full collection that frees
 * them.
 *
 * Hashing every byte at every start cost 0.25–0.5 s at 10,000 documents (70 MB in 10,000 files), so
 * a snapshot also records the files' status as the file system keeps it (`statData`): size, inode,
 * and the times of the last change to contents (mtime) and to the inode (ctime). Any write to a file,
 * or a file put in its place, changes its ctime, which no program can set back, so files whose status
 * is as recorded hold the bytes that were hashed. The one gap is a write within the same tick of
 * the file system's clock as the recorded one, so a status is recorded only for files that had been
 * left alone for {@link SETTLED_MS} when it was taken (the rule git uses for its index).
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_FILES, INGESTED, SOURCE_TEXTS, UNREADABLE_FILE } from './dataset.ts';

/** Bytes hashed at a time. */
const CHUNK = 1 << 20;

/** Every file the checks may read, relative to the data folder, in a fixed order. */
function dataFiles(dir: string): string[] {
  const names = [...Object.values(DATA_FILES).flatMap((name) => [name, join(INGESTED, name)]), UNREADABLE_FILE];
  let texts: string[];
  try {
    texts = readdirSync(join(dir, SOURCE_TEXTS))
      .filter((name) => name.endsWith('.txt'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    texts = [];
  }
  return [...names, ...texts.map((name) => join(SOURCE_TEXTS, name))];
}

/** Adds the file at `path` to `hash` as its length, a NUL and its bytes, read through `chunk`;
 * false when there is no such file. */
function hashFile(hash: Hash, path: string, chunk: Buffer): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  try {
    const size = fstatSync(fd).size;
    hash.update(`${size}\0`);
    for (let at = 0; at < size; ) {
      const n = readSync(fd, chunk, 0, Math.min(CHUNK, size - at), at);
      if (n === 0) throw new Error(`data file ${path} was cut short while it was read`);
      hash.update(chunk.subarray(0, n));
      at += n;
    }
    return true;
  } finally {
    closeSync(fd);
  }
}

/** Fingerprints every data file in `dir` after `salt` (the snapshot's format and the checking code). */
export function fingerprintData(dir: string, salt: string): string {
  const hash = createHash('sha256').update(salt);
  const chunk = Buffer.allocUnsafe(CHUNK);
  for (const name of dataFiles(dir)) {
    hash.update(`\0${name}\0`);
    if (!hashFile(hash, join(dir, name), chunk)) hash.update('absent');
  }
  return hash.digest('hex');
}

/** How long every data file must have been left alone for its status to stand for its bytes: well
 * over the coarsest clock of a common file system (ext3 and HFS+ keep whole seconds). */
export const SETTLED_MS = 2_000;

/**
 * The status of every data file in `dir` (see the module comment), hashed after `salt`; undefined when a
 * file changed within {@link SETTLED_MS} of now, as its status could then miss a later write.
 */
export function statData(dir: string, salt: string): string | undefined {
  const hash = createHash('sha256').update(salt);
  const settled = Date.now() - SETTLED_MS;
  for (const name of dataFiles(dir)) {
    const stat = statSync(join(dir, name), { throwIfNoEntry: false });
    if (stat === undefined) {
      hash.update(`\0${name}\0absent`);
      continue;
    }
    if (stat.ctimeMs > settled || stat.mtimeMs > settled) return undefined;
    hash.update(`\0${name}\0${stat.size}\0${stat.ino}\0${stat.dev}\0${stat.mtimeMs}\0${stat.ctimeMs}`);
  }
  return hash.digest('hex');
}
