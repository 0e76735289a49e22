/**
 * The validated dataset saved to a file (`npm run index:build`), so start-up can skip reading and
 * checking every data file. The header's fingerprint covers the bytes of every data file the checks
 * read and the code that checks them (src/code-dependencies.json), and a hash of the snapshot's own
 * body catches an edit to it: a snapshot that does not match is not used and the data are validated
 * as usual, so a stale or edited snapshot can slow start-up, never change an answer.
 *
 * The body is the dataset as JSON with each period written once (figures name it by position) and
 * each quote as its place in its document's text, read back as a slice of that text. It is not
 * parsed with the zod schemas again: the fingerprint ties it to data that passed every check.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log.ts';
import type { Figure, Period, SourceDocument } from '../model/data.ts';
import { codeFingerprint } from '../code-fingerprint.ts';
import { DATA_FILES, INGESTED, SOURCE_TEXTS, UNREADABLE_FILE, bytesIfPresent, loadDataset, type Dataset } from './dataset.ts';
import { describeError, readSavedFile, writeSavedFile } from './saved-file.ts';
import { idSharer, shareIds } from './sharing.ts';

export const DATASET_SNAPSHOT_FORMAT = 'forcewatch-dataset-snapshot/3';

const DatasetSnapshotHeader = z.strictObject({
  format: z.literal(DATASET_SNAPSHOT_FORMAT),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  documents: z.number().int().nonnegative(),
  figures: z.number().int().nonnegative(),
});

/** A figure as saved: its period's position in `periods`, its quote's [start, end) in its document. */
type SavedFigure = Omit<Figure, 'period' | 'quote'> & { period: number; quote: [number, number] };

/** A document as saved: without its text when that is its file in `sources/`, which is read for the
 * fingerprint anyway (parsing the text again from the snapshot's JSON cost more than decoding it). */
type SavedDocument = Omit<SourceDocument, 'text'> & { text?: string };

type SnapshotBody = Omit<Dataset, 'figures' | 'documents'> & { documents: SavedDocument[]; periods: Period[]; figures: SavedFigure[] };

/** The file in `sources/` that holds a document's text, as named in {@link dataFiles}. */
function textFile(id: string): string {
  return join(SOURCE_TEXTS, `${id}.txt`);
}

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

/** Reads every data file in `dir`: a fingerprint of their bytes and the checking code, and the
 * source texts' bytes by file name. */
function readData(dir: string): { fingerprint: string; texts: Map<string, Buffer> } {
  const hash = createHash('sha256').update(`${DATASET_SNAPSHOT_FORMAT}\0${codeFingerprint('datasetChecks')}`);
  const texts = new Map<string, Buffer>();
  for (const name of dataFiles(dir)) {
    const bytes = bytesIfPresent(join(dir, name));
    hash.update(`\0${name}\0`);
    if (bytes === undefined) hash.update('absent');
    else hash.update(`${bytes.length}\0`).update(bytes);
    if (bytes !== undefined && name.startsWith(SOURCE_TEXTS)) texts.set(name, bytes);
  }
  return { fingerprint: hash.digest('hex'), texts };
}

/** Identifies the bytes of every data file in `dir` and the checking code. */
export function datasetFingerprint(dir: string): string {
  return readData(dir).fingerprint;
}

function toBody(dataset: Dataset, files: Map<string, Buffer>): SnapshotBody {
  const periods: Period[] = [];
  const periodAt = new Map<Period, number>();
  const texts = new Map(dataset.documents.map((d) => [d.id, d.text]));
  const figures = dataset.figures.map((figure): SavedFigure => {
    let period = periodAt.get(figure.period);
    if (period === undefined) {
      period = periods.push(figure.period) - 1;
      periodAt.set(figure.period, period);
    }
    // A valid dataset's quotes are all verbatim in their documents.
    const start = texts.get(figure.source)?.indexOf(figure.quote) ?? -1;
    if (start < 0) throw new Error(`figure "${figure.id}": quote not found in source "${figure.source}"`);
    return { ...figure, period, quote: [start, start + figure.quote.length] };
  });
  const documents = dataset.documents.map((doc): SavedDocument => {
    if (files.get(textFile(doc.id))?.toString('utf8') !== doc.text) return doc;
    const { text: _text, ...meta } = doc;
    return meta;
  });
  return { ...dataset, documents, periods, figures };
}

/** JSON with every character beyond ASCII escaped: the file then reads as a one-byte string, half
 * the memory of the two-byte string one curly quote would make of it. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Validates the data in `dir` and saves the result to `path`; returns the dataset. Throws a
 * `DataError` when the data is invalid, and refuses to save when the files change meanwhile.
 */
export function writeDatasetSnapshot(dir: string, path: string): Dataset {
  const { fingerprint, texts } = readData(dir);
  const dataset = loadDataset(dir);
  if (datasetFingerprint(dir) !== fingerprint) throw new Error(`the data in ${dir} changed while it was being checked; run the command again`);
  const header = { format: DATASET_SNAPSHOT_FORMAT, fingerprint, documents: dataset.documents.length, figures: dataset.figures.length };
  writeSavedFile(path, header, asciiJson(toBody(dataset, texts)));
  return dataset;
}

/** Rebuilds documents (their texts from `files` where left out) and figures in place (keeping their
 * keys' order), holding each quote as a slice of its text. */
function fromBody(body: SnapshotBody, files: Map<string, Buffer>): Dataset {
  const documents = body.documents.map((saved): SourceDocument => {
    const text = saved.text ?? files.get(textFile(saved.id))?.toString('utf8');
    if (text === undefined) throw new Error(`document "${saved.id}" has no text`);
    return { ...saved, text };
  });
  const texts = new Map(documents.map((d) => [d.id, d.text]));
  const shareId = idSharer();
  const figures = body.figures.map((saved): Figure => {
    const text = texts.get(saved.source);
    const period = body.periods[saved.period];
    const [start, end] = saved.quote;
    if (text === undefined || period === undefined || !(start >= 0 && start < end && end <= text.length))
      throw new Error(`figure "${saved.id}" does not fit the snapshot`);
    const figure = Object.assign(saved, { period, quote: text.slice(start, end) }) as unknown as Figure;
    shareIds(figure, shareId);
    return figure;
  });
  const { periods: _periods, ...rest } = body;
  return { ...rest, documents, figures };
}

/** The dataset from the snapshot, or why the snapshot cannot serve the data in `dir`. */
export type DatasetSnapshotRead = { ok: true; dataset: Dataset } | { ok: false; reason: string };

/** Reads a snapshot saved by {@link writeDatasetSnapshot}, if it was made from exactly the files now
 * in `dir` by today's checking code. */
export function readDatasetSnapshot(path: string, dir: string): DatasetSnapshotRead {
  const read = readSavedFile(path, DatasetSnapshotHeader, `a dataset snapshot of format ${DATASET_SNAPSHOT_FORMAT}`);
  if (!read.ok) return read;
  let data: ReturnType<typeof readData>;
  try {
    data = readData(dir);
  } catch (error) {
    return { ok: false, reason: `cannot fingerprint the data (${describeError(error)})` };
  }
  if (read.header.fingerprint !== data.fingerprint) return { ok: false, reason: 'stale: made from other data files or by other checking code' };
  try {
    const dataset = fromBody(JSON.parse(read.body) as SnapshotBody, data.texts);
    if (dataset.documents.length !== read.header.documents || dataset.figures.length !== read.header.figures)
      return { ok: false, reason: 'incomplete: it holds fewer documents or figures than its header says' };
    return { ok: true, dataset };
  } catch (error) {
    return { ok: false, reason: `unreadable snapshot (${describeError(error)})` };
  }
}

/** The dataset from `snapshotFile` when it matches the data in `dir`; otherwise (or with no file
 * named) read and validated from `dir`, throwing a `DataError` when invalid. */
export function loadDatasetOrSnapshot(dir: string, snapshotFile: string | undefined, log?: Logger): Dataset {
  if (snapshotFile === undefined) return loadDataset(dir);
  const read = readDatasetSnapshot(snapshotFile, dir);
  if (read.ok) {
    log?.info({ snapshotFile }, 'dataset loaded from snapshot');
    return read.dataset;
  }
  log?.warn({ snapshotFile, reason: read.reason }, 'dataset snapshot not used; validating the data (run npm run index:build)');
  return loadDataset(dir);
}
