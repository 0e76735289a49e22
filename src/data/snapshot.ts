/**
 * The validated dataset saved to a file (`npm run index:build`), so start-up can skip reading and
 * checking every data file. The header's fingerprint covers the bytes of every data file the checks
 * read and the code that checks them (src/code-dependencies.json), and a hash of the snapshot's own
 * body catches an edit to it: a snapshot that does not match is not used and the data are validated
 * as usual, so a stale or edited snapshot can slow start-up, never change an answer.
 *
 * The body is the dataset as JSON with each period written once (figures name it by position) and
 * each quote as its place in its document's text, read back from that text. It is written
 * in sections (the catalogue, the periods, then documents and figures a few thousand at a time) whose
 * lengths the header gives, and read one section at a time from the open file: reading and parsing
 * the whole body at once (the string, the bytes hashed, the objects parsed) grew V8's heap by three
 * times the body's size at 10,000 documents. It is not parsed with the zod schemas again: the
 * fingerprint ties it to data that passed every check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log.ts';
import type { Figure, Period, SourceDocument } from '../model/data.ts';
import { codeFingerprint } from '../code-fingerprint.ts';
import { fingerprintData, type DataFingerprint } from './data-fingerprint.ts';
import { SOURCE_TEXTS, loadDataset, type Dataset } from './dataset.ts';
import { describeError, openSavedFile, writeSavedFile, type OpenSavedFile } from './saved-file.ts';
import { idSharer, shareDocumentStrings, shareIds } from './sharing.ts';
import { documentOnDisk, ownCopy } from './source-texts.ts';

export const DATASET_SNAPSHOT_FORMAT = 'forcewatch-dataset-snapshot/4';

const Bytes = z.number().int().nonnegative();

const DatasetSnapshotHeader = z.strictObject({
  format: z.literal(DATASET_SNAPSHOT_FORMAT),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  documents: z.number().int().nonnegative(),
  figures: z.number().int().nonnegative(),
  /** Bytes of each section's JSON, in the order the body holds them. */
  sections: z.strictObject({ catalogue: Bytes, periods: Bytes, documents: z.array(Bytes), figures: z.array(Bytes) }),
});
type DatasetSnapshotHeader = z.infer<typeof DatasetSnapshotHeader>;

/** Documents or figures in one section: a few hundred kilobytes of JSON. */
const SECTION_ITEMS = 2_000;

/** A figure as saved: its period's position in `periods`, its quote's [start, end) in its document. */
type SavedFigure = Omit<Figure, 'period' | 'quote'> & { period: number; quote: [number, number] };

/** A document as saved: without its text when that is its file in `sources/`, which is read for the
 * fingerprint anyway (parsing the text again from the snapshot's JSON cost more than decoding it). */
type SavedDocument = Omit<SourceDocument, 'text'> & { text?: string };

/** The dataset but its documents and figures. */
type Catalogue = Omit<Dataset, 'figures' | 'documents'>;

type SnapshotBody = Catalogue & { documents: SavedDocument[]; periods: Period[]; figures: SavedFigure[] };

/** The file in `sources/` that holds a document's text, as named in {@link dataFiles}. */
function textFile(id: string): string {
  return join(SOURCE_TEXTS, `${id}.txt`);
}

/** Reads every data file in `dir` for its fingerprint (with the checking code's) and its source texts' lengths. */
function readData(dir: string): DataFingerprint {
  return fingerprintData(dir, `${DATASET_SNAPSHOT_FORMAT}\0${codeFingerprint('datasetChecks')}`);
}

/** Identifies the bytes of every data file in `dir` and the checking code. */
export function datasetFingerprint(dir: string): string {
  return readData(dir).fingerprint;
}

/** `fileText` gives a document's text as its file in `sources/` holds it, where it has one. */
function toBody(dataset: Dataset, fileText: (id: string) => string | undefined): SnapshotBody {
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
    if (fileText(doc.id) !== doc.text) return doc;
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

/** `items` in runs of {@link SECTION_ITEMS}, each as JSON. */
function sectionsOf(items: readonly unknown[]): string[] {
  const sections: string[] = [];
  for (let at = 0; at < items.length; at += SECTION_ITEMS) sections.push(asciiJson(items.slice(at, at + SECTION_ITEMS)));
  return sections;
}

/**
 * Validates the data in `dir` and saves the result to `path`; returns the dataset. Throws a
 * `DataError` when the data is invalid, and refuses to save when the files change meanwhile.
 */
export function writeDatasetSnapshot(dir: string, path: string): Dataset {
  const { fingerprint, textBytes } = readData(dir);
  const dataset = loadDataset(dir);
  if (datasetFingerprint(dir) !== fingerprint) throw new Error(`the data in ${dir} changed while it was being checked; run the command again`);
  const fileText = (id: string) => (textBytes.has(textFile(id)) ? readFileSync(join(dir, textFile(id)), 'utf8') : undefined);
  const { documents, figures, periods, ...catalogue } = toBody(dataset, fileText);
  const json = { catalogue: asciiJson(catalogue), periods: asciiJson(periods), documents: sectionsOf(documents), figures: sectionsOf(figures) };
  // ASCII throughout, so each section's length in characters is its length in bytes.
  const sections = {
    catalogue: json.catalogue.length,
    periods: json.periods.length,
    documents: json.documents.map((d) => d.length),
    figures: json.figures.map((f) => f.length),
  };
  const header = { format: DATASET_SNAPSHOT_FORMAT, fingerprint, documents: dataset.documents.length, figures: dataset.figures.length, sections };
  writeSavedFile(path, header, [json.catalogue, json.periods, ...json.documents, ...json.figures].join(''));
  return dataset;
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
 * text is its file in `dir`'s `sources/` leaves it there (source-texts.ts), its figures' quotes
 * copied; other texts are held, quotes as slices of them. Recommendations are held: a recommendation
 * question reads the text of every one.
 */
function fromSections(file: OpenSavedFile<DatasetSnapshotHeader>, dir: string, textBytes: ReadonlyMap<string, number>): Dataset {
  const { sections } = file.header;
  const next = sectionReader(file);
  const catalogue = next<Catalogue>(sections.catalogue);
  const periods = next<Period[]>(sections.periods);
  const documents: SourceDocument[] = [];
  /** The texts held, and the documents whose texts are left on disk (read again for their figures). */
  const held = new Map<string, string>();
  const onDisk = new Map<string, SourceDocument>();
  const shareId = idSharer();
  for (const bytes of sections.documents)
    for (const saved of next<SavedDocument[]>(bytes)) {
      shareDocumentStrings(saved, shareId);
      const name = textFile(saved.id);
      const length = textBytes.get(name);
      if (saved.text === undefined && length !== undefined && saved.kind !== 'recommendation') {
        const doc = documentOnDisk(saved, join(dir, name), length);
        documents.push(doc);
        onDisk.set(saved.id, doc);
        continue;
      }
      const text = saved.text ?? (length === undefined ? undefined : readFileSync(join(dir, name), 'utf8'));
      if (text === undefined) throw new Error(`document "${saved.id}" has no text`);
      documents.push({ ...saved, text });
      held.set(saved.id, text);
    }
  // A document's figures come one after another: a text on disk is read once for them (checked
  // against the length it was fingerprinted with, source-texts.ts).
  let decoded: { id: string; text: string | undefined } | undefined;
  const textOf = (id: string): string | undefined => {
    if (decoded?.id !== id) decoded = { id, text: held.get(id) ?? onDisk.get(id)?.text };
    return decoded.text;
  };
  // Many figures quote the same sentence (the England and Wales total in every report).
  const shareQuote = idSharer();
  const figures: Figure[] = [];
  for (const bytes of sections.figures)
    for (const saved of next<SavedFigure[]>(bytes)) {
      const text = textOf(saved.source);
      const period = periods[saved.period];
      const [start, end] = saved.quote;
      if (text === undefined || period === undefined || !(start >= 0 && start < end && end <= text.length))
        throw new Error(`figure "${saved.id}" does not fit the snapshot`);
      const quote = held.has(saved.source) ? text.slice(start, end) : shareQuote(ownCopy(text.slice(start, end)));
      const figure = Object.assign(saved, { period, quote }) as unknown as Figure;
      shareIds(figure, shareId);
      figures.push(figure);
    }
  return { ...catalogue, documents, figures };
}

/** The dataset from the snapshot, or why the snapshot cannot serve the data in `dir`. */
export type DatasetSnapshotRead = { ok: true; dataset: Dataset } | { ok: false; reason: string };

/** Reads a snapshot saved by {@link writeDatasetSnapshot}, if it was made from exactly the files now
 * in `dir` by today's checking code. */
export function readDatasetSnapshot(path: string, dir: string): DatasetSnapshotRead {
  const opened = openSavedFile(path, DatasetSnapshotHeader, `a dataset snapshot of format ${DATASET_SNAPSHOT_FORMAT}`);
  if (!opened.ok) return opened;
  const { file } = opened;
  try {
    let data: ReturnType<typeof readData>;
    try {
      data = readData(dir);
    } catch (error) {
      return { ok: false, reason: `cannot fingerprint the data (${describeError(error)})` };
    }
    const { header } = file;
    if (header.fingerprint !== data.fingerprint) return { ok: false, reason: 'stale: made from other data files or by other checking code' };
    const { catalogue, periods, documents, figures } = header.sections;
    if ([catalogue, periods, ...documents, ...figures].reduce((a, b) => a + b, 0) !== file.bodyBytes)
      return { ok: false, reason: 'unreadable snapshot (its sections do not fill its body)' };
    const dataset = fromSections(file, dir, data.textBytes);
    if (dataset.documents.length !== header.documents || dataset.figures.length !== header.figures)
      return { ok: false, reason: 'incomplete: it holds fewer documents or figures than its header says' };
    return { ok: true, dataset };
  } catch (error) {
    return { ok: false, reason: `unreadable snapshot (${describeError(error)})` };
  } finally {
    file.close();
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
