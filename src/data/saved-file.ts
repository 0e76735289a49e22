/**
 * Files that save work done at load (the passage index, the validated dataset) so a later start can
 * skip it. The first line is a JSON header (its format, a fingerprint of what the work was done
 * from, and a hash of the body), the rest the saved body. A reader that finds the header wrong or
 * stale, or the body edited since it was saved, ignores the file and does the work as usual: a
 * saved file can slow start-up, never change an answer.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
  let header: unknown;
  try {
    header = JSON.parse(newline < 0 ? text : text.slice(0, newline));
  } catch {
    header = undefined;
  }
  const hashed = HashedHeader.safeParse(header);
  if (!hashed.success) return { ok: false, reason: `not ${kind}` };
  const { contentHash: recorded, ...own } = hashed.data;
  const parsed = headerSchema.safeParse(own);
  if (!parsed.success) return { ok: false, reason: `not ${kind}` };
  const body = newline < 0 ? '' : text.slice(newline + 1);
  if (contentHash(body) !== recorded) return { ok: false, reason: 'altered since it was saved (edited or cut short): its content does not match its hash' };
  return { ok: true, header: parsed.data, body };
}
