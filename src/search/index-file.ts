/**
 * The passage index saved to a file (`npm run index:build`), so start-up can skip tokenising and
 * stemming every passage. The first line is a header naming the format and a fingerprint of the
 * documents and of the term processing; the rest is minisearch's own JSON. A file that does not
 * match is not used and the index is built as usual: a stale file can slow start-up, never change
 * an answer.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AsPlainObject } from 'minisearch';
import { z } from 'zod';
import type { Logger } from '../log.ts';
import type { SourceDocument } from '../model/data.ts';
import { PassageIndex, passageIndexSignature } from './passages.ts';

export const PASSAGE_INDEX_FILE_FORMAT = 'forcewatch-passage-index/2';

/** The body: each scope's tiers, as minisearch serialised them (minisearch checks its own format). */
const SavedTiers = z.array(z.custom<AsPlainObject>((v) => typeof v === 'object' && v !== null && !Array.isArray(v)));
const SavedPassageIndexSchema = z.strictObject({ recommendations: SavedTiers, reporting: SavedTiers });

const PassageIndexFileHeader = z.strictObject({
  format: z.literal(PASSAGE_INDEX_FILE_FORMAT),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  documents: z.number().int().nonnegative(),
});

/** Identifies the documents (ids and texts, in order) and the term processing an index was built with. */
export function passageIndexFingerprint(documents: SourceDocument[]): string {
  const hash = createHash('sha256').update(passageIndexSignature());
  for (const doc of documents) hash.update(`\0${doc.id}\0${doc.text}`);
  return hash.digest('hex');
}

/** Saves `index`, built from `documents`, to `path`. */
export function writePassageIndexFile(path: string, index: PassageIndex, documents: SourceDocument[]): void {
  const header = { format: PASSAGE_INDEX_FILE_FORMAT, fingerprint: passageIndexFingerprint(documents), documents: documents.length };
  // Written beside the target and renamed over it, so a starting engine never reads half a file.
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, `${JSON.stringify(header)}\n${JSON.stringify(index)}`);
  renameSync(partial, path);
}

/** The index from the file, or why the file cannot serve these documents. */
export type PassageIndexFileRead = { ok: true; index: PassageIndex } | { ok: false; reason: string };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads an index saved by {@link writePassageIndexFile}, if it was built from exactly `documents`
 * with today's term processing. */
export function readPassageIndexFile(path: string, documents: SourceDocument[]): PassageIndexFileRead {
  if (!existsSync(path)) return { ok: false, reason: 'no such file' };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, reason: `unreadable (${describe(error)})` };
  }
  const newline = text.indexOf('\n');
  let header: unknown;
  try {
    header = JSON.parse(newline < 0 ? text : text.slice(0, newline));
  } catch {
    header = undefined;
  }
  const parsed = PassageIndexFileHeader.safeParse(header);
  if (!parsed.success) return { ok: false, reason: `not a passage index file of format ${PASSAGE_INDEX_FILE_FORMAT}` };
  if (parsed.data.fingerprint !== passageIndexFingerprint(documents))
    return { ok: false, reason: 'stale: built from other documents or with other term processing' };
  try {
    const saved = SavedPassageIndexSchema.safeParse(JSON.parse(text.slice(newline + 1)));
    if (!saved.success) return { ok: false, reason: 'unreadable index (not a tiered passage index)' };
    return { ok: true, index: PassageIndex.fromJSON(saved.data, documents) };
  } catch (error) {
    return { ok: false, reason: `unreadable index (${describe(error)})` };
  }
}

/** The index from `indexFile` when it matches `documents`; otherwise (or with no file named) built. */
export function loadOrBuildPassageIndex(documents: SourceDocument[], indexFile: string | undefined, log?: Logger): PassageIndex {
  if (indexFile === undefined) return new PassageIndex(documents);
  const read = readPassageIndexFile(indexFile, documents);
  if (read.ok) {
    log?.info({ indexFile }, 'passage index loaded from file');
    return read.index;
  }
  log?.warn({ indexFile, reason: read.reason }, 'passage index file not used; building the index (run npm run index:build)');
  return new PassageIndex(documents);
}
