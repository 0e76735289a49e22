/**
 * The fingerprint a dataset snapshot is tied to: the bytes of every data file the checks read, in a
 * fixed order. Each file is hashed a chunk at a time through one buffer and let go: at 10,000
 * documents, holding the source texts' bytes (10,000 buffers, 25 MB) until the snapshot was read
 * left them in the process's memory long after, as nothing called for the full collection that frees
 * them.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
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
 * returns its length, or undefined when there is no such file. */
function hashFile(hash: Hash, path: string, chunk: Buffer): number | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
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
    return size;
  } finally {
    closeSync(fd);
  }
}

/** What {@link fingerprintData} read: the fingerprint, and each source text's length in bytes by file name. */
export interface DataFingerprint {
  fingerprint: string;
  textBytes: Map<string, number>;
}

/** Fingerprints every data file in `dir` after `salt` (the snapshot's format and the checking code). */
export function fingerprintData(dir: string, salt: string): DataFingerprint {
  const hash = createHash('sha256').update(salt);
  const chunk = Buffer.allocUnsafe(CHUNK);
  const textBytes = new Map<string, number>();
  for (const name of dataFiles(dir)) {
    hash.update(`\0${name}\0`);
    const bytes = hashFile(hash, join(dir, name), chunk);
    if (bytes === undefined) hash.update('absent');
    else if (name.startsWith(SOURCE_TEXTS)) textBytes.set(name, bytes);
  }
  return { fingerprint: hash.digest('hex'), textBytes };
}
