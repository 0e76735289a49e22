/**
 * Files that save work done at load (the passage index, the validated dataset) so a later start can
 * skip it. The first line is a JSON header (its format and a fingerprint of what the work was done
 * from), the rest the saved body. A reader that finds the header wrong or stale ignores the file and
 * does the work as usual: a saved file can slow start-up, never change an answer.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { z } from 'zod';

/** Writes `header` and `body` to `path`. */
export function writeSavedFile(path: string, header: object, body: string): void {
  // Written beside the target and renamed over it, so a starting engine never reads half a file.
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, `${JSON.stringify(header)}\n${body}`);
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
  const parsed = headerSchema.safeParse(header);
  if (!parsed.success) return { ok: false, reason: `not ${kind}` };
  return { ok: true, header: parsed.data, body: newline < 0 ? '' : text.slice(newline + 1) };
}
