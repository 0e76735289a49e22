/**
 * Files that save work done at load (the passage index, the validated dataset) so a later start can
 * skip it. The first line is a JSON header (its format, a fingerprint of what the work was done
 * from, and a hash of the body), the rest the saved body. A reader that finds the header wrong or
 * stale, or the body edited since it was saved, ignores the file and does the work as usual: a
 * saved file can slow start-up, never change an answer.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/** The hash of a saved body, kept in its header. */
function contentHash(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** The header's own field, beside the fields each kind of file adds. */
const HashedHeader = z.object({ contentHash: z.string().regex(/^[0-9a-f]{64}$/) }).loose();

/** Writes `header` (with the body's hash added) and `body` to `path`. */
export function writeSavedFile(path: string, header: object, body: string): void {
  // Written beside the target and renamed over it, so a starting engine never reads half a file.
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, `${JSON.stringify({ ...header, contentHash: contentHash(body) })}\n${body}`);
  renameSync(partial, path);
}

/** The header and the (unparsed) body of a saved file, or why it cannot be used. */
export type SavedFileRead<H> = { ok: true; header: H; body: string } | { ok: false; reason: string };

/** A thrown value in words, for a log line. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The header line's own fields and the ones `headerSchema` adds, or why they are not a header. */
function parseHeader<H>(line: string, headerSchema: z.ZodType<H>, kind: string): { ok: true; header: H; recorded: string } | { ok: false; reason: string } {
  let header: unknown;
  try {
    header = JSON.parse(line);
  } catch {
    header = undefined;
  }
  const hashed = HashedHeader.safeParse(header);
  if (!hashed.success) return { ok: false, reason: `not ${kind}` };
  const { contentHash: recorded, ...own } = hashed.data;
  const parsed = headerSchema.safeParse(own);
  if (!parsed.success) return { ok: false, reason: `not ${kind}` };
  return { ok: true, header: parsed.data, recorded };
}

/** Reads a file written by {@link writeSavedFile} whose header `headerSchema` accepts; `kind` names
 * the kind of file in the reason when it does not ("a passage index file of format …"). */
export function readSavedFile<H>(path: string, headerSchema: z.ZodType<H>, kind: string): SavedFileRead<H> {
  if (!existsSync(path)) return { ok: false, reason: 'no such file' };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, reason: `unreadable (${describeError(error)})` };
  }
  const newline = text.indexOf('\n');
  const parsed = parseHeader(newline < 0 ? text : text.slice(0, newline), headerSchema, kind);
  if (!parsed.ok) return parsed;
  const body = newline < 0 ? '' : text.slice(newline + 1);
  if (contentHash(body) !== parsed.recorded) return { ok: false, reason: ALTERED };
  return { ok: true, header: parsed.header, body };
}

const ALTERED = 'altered since it was saved (edited or cut short): its content does not match its hash';

/** Bytes read at a time while a saved file's body is hashed. */
const CHUNK = 1 << 20;

/**
 * A saved file held open, its body read a part at a time. Held open because a file written over it
 * (writeSavedFile renames a new file into its place) leaves the one opened, whose body was checked
 * against its hash, to be read.
 */
export interface OpenSavedFile<H> {
  header: H;
  /** Bytes in the body. */
  bodyBytes: number;
  /** `length` bytes of the body from byte `offset`, decoded as UTF-8. */
  read(offset: number, length: number): string;
  /** Lets the file go; reading after that throws. */
  close(): void;
}

/** A saved file opened, or why it cannot be used. */
export type SavedFileOpen<H> = { ok: true; file: OpenSavedFile<H> } | { ok: false; reason: string };

/**
 * {@link readSavedFile} without reading the body into memory: the body's hash is checked a chunk at a
 * time, and the body is then read in parts as they are needed (a saved passage index's tiers).
 */
export function openSavedFile<H>(path: string, headerSchema: z.ZodType<H>, kind: string): SavedFileOpen<H> {
  if (!existsSync(path)) return { ok: false, reason: 'no such file' };
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return { ok: false, reason: `unreadable (${describeError(error)})` };
  }
  try {
    const opened = checkOpened(fd, headerSchema, kind);
    if (!opened.ok) closeSync(fd);
    return opened;
  } catch (error) {
    closeSync(fd);
    return { ok: false, reason: `unreadable (${describeError(error)})` };
  }
}

/** The header of the file open as `fd`, once its body matches its hash. */
function checkOpened<H>(fd: number, headerSchema: z.ZodType<H>, kind: string): SavedFileOpen<H> {
  const size = fstatSync(fd).size;
  const chunk = Buffer.allocUnsafe(CHUNK);
  // The header line: read until its newline (a header is a few hundred bytes).
  const head: Buffer[] = [];
  let at = 0;
  let newline = -1;
  while (newline < 0 && at < size) {
    const n = readSync(fd, chunk, 0, CHUNK, at);
    if (n === 0) break;
    const found = chunk.subarray(0, n).indexOf(0x0a);
    head.push(Buffer.from(chunk.subarray(0, found < 0 ? n : found)));
    if (found >= 0) newline = at + found;
    at += n;
  }
  const parsed = parseHeader(Buffer.concat(head).toString('utf8'), headerSchema, kind);
  if (!parsed.ok) return parsed;
  const bodyStart = newline < 0 ? size : newline + 1;
  const hash = createHash('sha256');
  for (let offset = bodyStart; offset < size; ) {
    const n = readSync(fd, chunk, 0, Math.min(CHUNK, size - offset), offset);
    if (n === 0) break;
    hash.update(chunk.subarray(0, n));
    offset += n;
  }
  if (hash.digest('hex') !== parsed.recorded) return { ok: false, reason: ALTERED };
  let open = true;
  // Every part is read through one buffer, grown to the largest part: a buffer a part (55 of up to
  // 1 MB for a dataset snapshot at 10,000 documents) left their memory with malloc after they were freed.
  let scratch = chunk;
  const file: OpenSavedFile<H> = {
    header: parsed.header,
    bodyBytes: size - bodyStart,
    read(offset, length) {
      if (!open) throw new Error('saved file: read after it was closed');
      if (offset < 0 || length < 0 || offset + length > size - bodyStart)
        throw new RangeError(`saved file: bytes ${offset}–${offset + length} are outside its body`);
      if (scratch.length < length) scratch = Buffer.allocUnsafe(length);
      for (let done = 0; done < length; ) {
        const n = readSync(fd, scratch, done, length - done, bodyStart + offset + done);
        if (n === 0) throw new Error('saved file: cut short while open');
        done += n;
      }
      return scratch.toString('utf8', 0, length);
    },
    close() {
      if (open) closeSync(fd);
      open = false;
      scratch = Buffer.alloc(0);
    },
  };
  return { ok: true, file };
}
