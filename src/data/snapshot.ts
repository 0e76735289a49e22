/**
 * The validated dataset saved to a file (`npm run index:build`), so start-up can skip reading and
 * checking every data file. The header's fingerprint covers the bytes of every data file the checks
 * read and the code that checks them (src/code-dependencies.json), and a hash of the snapshot's own
 * body catches an edit to it: a snapshot that does not match is not used and the data are validated
 * as usual, so a stale or edited snapshot can slow start-up, never change an answer. At start the
 * data files are compared by their status on the file system where the snapshot recorded one, and
 * hashed only where it differs (data-fingerprint.ts): hashing 70 MB in 10,000 files was a third of
 * the start from saved files at 10,000 documents.
 *
 * The body is the dataset as JSON with each period and each distinct quote written once (figures
 * name them by position: 100,000 figures quote 7,400 sentences at 10,000 documents), and a news
 * report's text left out where it is its file in `sources/`, which is then read only when a search
 * needs it (source-texts.ts): start-up reads no source text. It is written in sections (the
 * catalogue, the periods, the quotes, the texts' lengths, then documents and figures a few thousand
 * at a time) whose
 * lengths the header gives, and read one section at a time from the open file: reading and parsing
 * the whole body at once (the string, the bytes hashed, the objects parsed) grew V8's heap by three
 * times the body's size at 10,000 documents. It is not parsed with the zod schemas again: we wrote
 * it from data that passed every check, and its hash and fingerprint say it is that file and that
 * data still.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log.ts';
import type { Figure, Period, SourceDocument } from '../model/data.ts';
import { codeFingerprint } from '../code-fingerprint.ts';
import { fingerprintData, statData } from './data-fingerprint.ts';
import { SOURCE_TEXTS, loadDataset, type Dataset } from './dataset.ts';
import { describeError, openSavedFile, writeSavedFile, type OpenSavedFile } from './saved-file.ts';
import { idSharer, shareDocumentStrings, shareIds } from './sharing.ts';
import { documentOnDisk } from './source-texts.ts';

export const DATASET_SNAPSHOT_FORMAT = 'forcewatch-dataset-snapshot/5';

const Bytes = z.number().int().nonnegative();
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const DatasetSnapshotHeader = z.strictObject({
  format: z.literal(DATASET_SNAPSHOT_FORMAT),
  fingerprint: Sha256,
  /** The data files' status when they were fingerprinted (data-fingerprint.ts's `statData`), or null
   * where a file had changed too recently for its status to stand for its bytes. */
  status: Sha256.nullable(),
  documents: z.number().int().nonnegative(),
  figures: z.number().int().nonnegative(),
  /** Bytes of each section's JSON, in the order the body holds them. */
  sections: z.strictObject({ catalogue: Bytes, periods: Bytes, quotes: Bytes, textBytes: Bytes, documents: z.array(Bytes), figures: z.array(Bytes) }),
});
type DatasetSnapshotHeader = z.infer<typeof DatasetSnapshotHeader>;

/** Documents or figures in one section: a few hundred kilobytes of JSON. */
const SECTION_ITEMS = 2_000;

/** A figure as saved: its period's position in `periods`, its quote's in `quotes`. */
type SavedFigure = Omit<Figure, 'period' | 'quote'> & { period: number; quote: number };

/** A document as saved: with its text, or without it when that is its file in `sources/`. */
type SavedDocument = SourceDocument | Omit<SourceDocument, 'text'>;

/** The dataset but its documents and figures. */
type Catalogue = Omit<Dataset, 'figures' | 'documents'>;

/** `textBytes` gives, for each document by position, its file's length in bytes where its text is
 * left there (which source-texts.ts checks each time it reads it), or 0: kept apart from the
 * documents so a document is rebuilt from its saved object without a field taken out of it (see
 * source-texts.ts's documentOnDisk). */
type SnapshotBody = Catalogue & { documents: SavedDocument[]; textBytes: number[]; periods: Period[]; quotes: string[]; figures: SavedFigure[] };

/** The file in `sources/` that holds a document's text, as named in data-fingerprint.ts. */
function textFile(id: string): string {
  return join(SOURCE_TEXTS, `${id}.txt`);
}

/** What the fingerprint is taken after: the snapshot's format and the checking code. */
function salt(): string {
  return `${DATASET_SNAPSHOT_FORMAT}\0${codeFingerprint('datasetChecks')}`;
}

/** Identifies the bytes of every data file in `dir` and the checking code. */
export function datasetFingerprint(dir: string): string {
  return fingerprintData(dir, salt());
}

/** Position of each distinct value in `list`, added as first met. */
function positions<T>(list: T[]): (value: T) => number {
  const at = new Map<T, number>();
  return (value) => {
    let found = at.get(value);
    if (found === undefined) {
      found = list.push(value) - 1;
      at.set(value, found);
    }
    return found;
  };
}

/** `fileText` gives a document's text as its file in `sources/` holds it, where it has one. */
function toBody(dataset: Dataset, fileText: (id: string) => string | undefined): SnapshotBody {
  const periods: Period[] = [];
  const quotes: string[] = [];
  const periodAt = positions(periods);
  const quoteAt = positions(quotes);
  const figures = dataset.figures.map((figure): SavedFigure => ({ ...figure, period: periodAt(figure.period), quote: quoteAt(figure.quote) }));
  const textBytes: number[] = [];
  // Recommendations are held: a recommendation question reads the text of every one.
  const documents = dataset.documents.map((doc): SavedDocument => {
    const onDisk = doc.kind !== 'recommendation' && fileText(doc.id) === doc.text;
    textBytes.push(onDisk ? Buffer.byteLength(doc.text) : 0);
    if (!onDisk) return doc;
    const { text: _text, ...meta } = doc;
    return meta;
  });
  return { ...dataset, documents, textBytes, periods, quotes, figures };
}

/** JSON with every character beyond ASCII escaped: the file then reads as a one-byte string, half
 * the memory of the two-byte string one curly quote would make of it. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `items` in runs of {@link SECTION_ITEMS}, each as JSON. */
function sectionsOf(items: readonly unknown[]): string[] {
  const sections: string[] = [];
  for (let at = 0; at < items.length; at += SECTION_ITEMS) sections.push(asciiJson(items.slice(at, at + SECTION_ITEMS)));
  return sections;
}

/** The dataset and the fingerprint of the data files it was read from (a saved passage index is
 * tied to it), when that is known. */
export interface LoadedDataset {
  dataset: Dataset;
  fingerprint?: string;
}

/** The data in `dir` validated, with their fingerprint when no file changed while they were read. */
function validated(dir: string): LoadedDataset {
  const before = datasetFingerprint(dir);
  const dataset = loadDataset(dir);
  return datasetFingerprint(dir) === before ? { dataset, fingerprint: before } : { dataset };
}

/**
 * Validates the data in `dir` and saves the result to `path`; returns the dataset and its
 * fingerprint. Throws a `DataError` when the data is invalid, and refuses to save when the files
 * change meanwhile.
 */
export function writeDatasetSnapshot(dir: string, path: string): Required<LoadedDataset> {
  const changed = () => new Error(`the data in ${dir} changed while it was being checked; run the command again`);
  const { dataset, fingerprint } = validated(dir);
  // Taken after the checks, which leave the files seconds older, so a just-written file is settled.
  const status = statData(dir, salt());
  if (fingerprint === undefined || datasetFingerprint(dir) !== fingerprint || statData(dir, salt()) !== status) throw changed();
  const fileText = (id: string) => {
    try {
      return readFileSync(join(dir, textFile(id)), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
  const { documents, textBytes, figures, periods, quotes, ...catalogue } = toBody(dataset, fileText);
  const json = {
    catalogue: asciiJson(catalogue),
    periods: asciiJson(periods),
    quotes: asciiJson(quotes),
    textBytes: asciiJson(textBytes),
    documents: sectionsOf(documents),
    figures: sectionsOf(figures),
  };
  // ASCII throughout, so each section's length in characters is its length in bytes.
  const sections = {
    catalogue: json.catalogue.length,
    periods: json.periods.length,
    quotes: json.quotes.length,
    textBytes: json.textBytes.length,
    documents: json.documents.map((d) => d.length),
    figures: json.figures.map((f) => f.length),
  };
  const header = {
    format: DATASET_SNAPSHOT_FORMAT,
    fingerprint,
    status: status ?? null,
    documents: dataset.documents.length,
    figures: dataset.figures.length,
    sections,
  };
  writeSavedFile(path, header, [json.catalogue, json.periods, json.quotes, json.textBytes, ...json.documents, ...json.figures].join(''));
  return { dataset, fingerprint };
}

/** Reads the snapshot's sections in order, each parsed as it is reached. */
function sectionReader(file: OpenSavedFile<DatasetSnapshotHeader>): <T>(bytes: number) => T {
  let at = 0;
  return <T>(bytes: number): T => {
    const start = at;
    at += bytes;
    return JSON.parse(file.read(start, bytes)) as T;
  };
}

/**
 * Rebuilds documents and figures (these in place, keeping their keys' order). A news report whose
 * text is its file in `dir`'s `sources/` leaves it there (source-texts.ts).
 */
function fromSections(file: OpenSavedFile<DatasetSnapshotHeader>, dir: string): Dataset {
  const { sections } = file.header;
  const next = sectionReader(file);
  const catalogue = next<Catalogue>(sections.catalogue);
  const periods = next<Period[]>(sections.periods);
  const quotes = next<string[]>(sections.quotes);
  const textBytes = next<number[]>(sections.textBytes);
  const folder = join(dir, SOURCE_TEXTS);
  const documents: SourceDocument[] = [];
  const shareId = idSharer();
  for (const bytes of sections.documents)
    for (const saved of next<SavedDocument[]>(bytes)) {
      shareDocumentStrings(saved, shareId);
      const onDisk = textBytes[documents.length] ?? 0;
      documents.push('text' in saved ? saved : documentOnDisk(saved, folder, onDisk));
    }
  const figures: Figure[] = [];
  for (const bytes of sections.figures)
    for (const saved of next<SavedFigure[]>(bytes)) {
      const period = periods[saved.period];
      const quote = quotes[saved.quote];
      if (period === undefined || quote === undefined) throw new Error(`figure "${saved.id}" does not fit the snapshot`);
      const figure = Object.assign(saved, { period, quote }) as unknown as Figure;
      shareIds(figure, shareId);
      figures.push(figure);
    }
  return { ...catalogue, documents, figures };
}

/** How the data files were found to be those the snapshot was made from: by their status on the
 * file system, or (no status recorded, or another one now) by hashing their bytes. */
export type DataCheck = 'status' | 'bytes';

/** The dataset from the snapshot, or why the snapshot cannot serve the data in `dir`. */
export type DatasetSnapshotRead = { ok: true; dataset: Dataset; fingerprint: string; checkedBy: DataCheck } | { ok: false; reason: string };

/** How the files in `dir` match the snapshot's `header`, or undefined when they do not. */
function checkData(header: DatasetSnapshotHeader, dir: string): DataCheck | undefined {
  if (header.status !== null && statData(dir, salt()) === header.status) return 'status';
  return datasetFingerprint(dir) === header.fingerprint ? 'bytes' : undefined;
}

/** Reads a snapshot saved by {@link writeDatasetSnapshot}, if it was made from exactly the files now
 * in `dir` by today's checking code. */
export function readDatasetSnapshot(path: string, dir: string): DatasetSnapshotRead {
  const opened = openSavedFile(path, DatasetSnapshotHeader, `a dataset snapshot of format ${DATASET_SNAPSHOT_FORMAT}`);
  if (!opened.ok) return opened;
  const { file } = opened;
  try {
    const { header } = file;
    let checkedBy: DataCheck | undefined;
    try {
      checkedBy = checkData(header, dir);
    } catch (error) {
      return { ok: false, reason: `cannot fingerprint the data (${describeError(error)})` };
    }
    if (checkedBy === undefined) return { ok: false, reason: 'stale: made from other data files or by other checking code' };
    const { catalogue, periods, quotes, textBytes, documents, figures } = header.sections;
    if ([catalogue, periods, quotes, textBytes, ...documents, ...figures].reduce((a, b) => a + b, 0) !== file.bodyBytes)
      return { ok: false, reason: 'unreadable snapshot (its sections do not fill its body)' };
    const dataset = fromSections(file, dir);
    if (dataset.documents.length !== header.documents || dataset.figures.length !== header.figures)
      return { ok: false, reason: 'incomplete: it holds fewer documents or figures than its header says' };
    return { ok: true, dataset, fingerprint: header.fingerprint, checkedBy };
  } catch (error) {
    return { ok: false, reason: `unreadable snapshot (${describeError(error)})` };
  } finally {
    file.close();
  }
}

/**
 * The dataset from `snapshotFile` when it matches the data in `dir`; otherwise (or with no file
 * named) read and validated from `dir`, throwing a `DataError` when invalid. The fingerprint comes
 * with it from a snapshot, and from the data files, hashed before and after they are validated, when
 * `fingerprint` asks for it.
 */
export function loadDatasetOrSnapshot(dir: string, snapshotFile: string | undefined, log?: Logger, options: { fingerprint?: boolean } = {}): LoadedDataset {
  if (snapshotFile !== undefined) {
    const read = readDatasetSnapshot(snapshotFile, dir);
    if (read.ok) {
      log?.info({ snapshotFile, checkedBy: read.checkedBy }, 'dataset loaded from snapshot');
      return { dataset: read.dataset, fingerprint: read.fingerprint };
    }
    log?.warn({ snapshotFile, reason: read.reason }, 'dataset snapshot not used; validating the data (run npm run index:build)');
  }
  return options.fingerprint === true ? validated(dir) : { dataset: loadDataset(dir) };
}
