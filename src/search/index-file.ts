/**
 * The passage index saved to a file (`npm run index:build`), so start-up can skip tokenising and
 * stemming every passage. A saved file's first line is a header naming the format, a fingerprint of
 * the data the documents were read from and of the term processing, and the length in bytes of each
 * tier's JSON; the rest is the tiers' JSON (saved-tier.ts), one after another. The file is held open
 * and each tier read from it when a search or the background work first needs it: holding the whole
 * body as one string until then was a fifth of the live heap at start-up at 10,000 documents. A file
 * that does not match is not used and the index is built as usual: a stale file can slow start-up,
 * never change an answer.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { describeError, openSavedFile, writeSavedFile } from '../data/saved-file.ts';
import type { Logger } from '../log.ts';
import type { SourceDocument } from '../model/data.ts';
import { PASSAGE_SCOPES, PassageIndex, passageIndexSignature, type SavedTierReaders } from './passages.ts';
import { SavedTier } from './saved-tier.ts';

export const PASSAGE_INDEX_FILE_FORMAT = 'forcewatch-passage-index/8';

const TierLengths = z.array(z.number().int().positive());

const PassageIndexFileHeader = z.strictObject({
  format: z.literal(PASSAGE_INDEX_FILE_FORMAT),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  documents: z.number().int().nonnegative(),
  /** Bytes of each tier's JSON (UTF-8), in the order the body holds them. */
  tiers: z.strictObject({ recommendations: TierLengths, reporting: TierLengths }),
});

/**
 * Identifies the documents an index was built from, by the fingerprint of the data files they were
 * read from (src/data/snapshot.ts's, which covers every source text and the code that reads them),
 * and the term processing. Hashing the documents' texts themselves read every text left on disk
 * again at start-up: a sixth of the start from saved files at 10,000 documents.
 */
export function passageIndexFingerprint(dataFingerprint: string): string {
  return createHash('sha256').update(passageIndexSignature()).update('\0').update(dataFingerprint).digest('hex');
}

function bytesOf(json: string): number {
  return Buffer.byteLength(json);
}

/** Saves `index`, built from `documents`, read from the data whose fingerprint is `dataFingerprint`, to `path`. */
export function writePassageIndexFile(path: string, index: PassageIndex, documents: SourceDocument[], dataFingerprint: string): void {
  const saved = index.toJSON();
  const json = { recommendations: saved.recommendations.map((t) => JSON.stringify(t)), reporting: saved.reporting.map((t) => JSON.stringify(t)) };
  const header = {
    format: PASSAGE_INDEX_FILE_FORMAT,
    fingerprint: passageIndexFingerprint(dataFingerprint),
    documents: documents.length,
    tiers: { recommendations: json.recommendations.map(bytesOf), reporting: json.reporting.map(bytesOf) },
  };
  writeSavedFile(path, header, PASSAGE_SCOPES.flatMap((scope) => json[scope]).join(''));
}

/** The index from the file, or why the file cannot serve these documents. */
export type PassageIndexFileRead = { ok: true; index: PassageIndex } | { ok: false; reason: string };

/** Reads an index saved by {@link writePassageIndexFile}, if it was built from the data whose
 * fingerprint is `dataFingerprint`, which `documents` were read from, with today's term processing. */
export function readPassageIndexFile(path: string, documents: SourceDocument[], dataFingerprint: string): PassageIndexFileRead {
  const opened = openSavedFile(path, PassageIndexFileHeader, `a passage index file of format ${PASSAGE_INDEX_FILE_FORMAT}`);
  if (!opened.ok) return opened;
  const { file } = opened;
  const refuse = (reason: string): PassageIndexFileRead => {
    file.close();
    return { ok: false, reason };
  };
  const { header } = file;
  if (header.fingerprint !== passageIndexFingerprint(dataFingerprint) || header.documents !== documents.length)
    return refuse('stale: built from other documents or with other term processing');
  const lengths = PASSAGE_SCOPES.flatMap((scope) => header.tiers[scope]);
  if (lengths.reduce((a, b) => a + b, 0) !== file.bodyBytes) return refuse('unreadable index (truncated or altered)');
  let at = 0;
  let unread = lengths.length;
  const readers: SavedTierReaders = { recommendations: [], reporting: [] };
  for (const scope of PASSAGE_SCOPES)
    for (const length of header.tiers[scope]) {
      const start = at;
      at += length;
      readers[scope].push(() => {
        const tier = SavedTier.parse(JSON.parse(file.read(start, length)));
        // Each tier is read once; the file is let go with the last.
        unread--;
        if (unread === 0) file.close();
        return tier;
      });
    }
  try {
    return { ok: true, index: PassageIndex.fromSaved(readers, documents) };
  } catch (error) {
    return refuse(`unreadable index (${describeError(error)})`);
  }
}

/** The index from `indexFile` when it matches `documents` and the data they were read from (whose
 * fingerprint is `dataFingerprint`, undefined when not known); otherwise (or with no file named) built. */
export function loadOrBuildPassageIndex(
  documents: SourceDocument[],
  indexFile: string | undefined,
  dataFingerprint: string | undefined,
  log?: Logger,
): PassageIndex {
  if (indexFile === undefined) return new PassageIndex(documents);
  const read: PassageIndexFileRead =
    dataFingerprint === undefined
      ? { ok: false, reason: 'the data changed while they were read' }
      : readPassageIndexFile(indexFile, documents, dataFingerprint);
  if (read.ok) {
    log?.info({ indexFile }, 'passage index loaded from file');
    return read.index;
  }
  log?.warn({ indexFile, reason: read.reason }, 'passage index file not used; building the index (run npm run index:build)');
  return new PassageIndex(documents);
}
