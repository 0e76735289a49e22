/**
 * Source texts left on disk. A news report's text is read only when a search returns one of its
 * passages, so an engine started from the saved files does not hold every text: at 10,000 documents
 * the texts were 40 MB of a 100 MB live heap (a curly quote makes V8 keep a whole text at two bytes
 * a character). A document's `text` is then read from its file in `sources/` each time it is asked
 * for.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceDocument, SourceMeta } from '../model/data.ts';

/** Thrown when a text left on disk is no longer the one the engine was loaded with. */
export class SourceTextChanged extends Error {
  readonly code = 'SOURCE_TEXT_CHANGED';
  constructor(
    readonly path: string,
    options?: ErrorOptions,
  ) {
    super(`engine: the source text ${path} changed or went away after the data was loaded; reload the data`, options);
    this.name = 'SourceTextChanged';
  }
}

/** The folder each document left on disk reads its text from (as `<id>.txt`), and how many bytes it had
 * when loaded. The folder is one string for all: a path of each document's own was 1.2 MB at 10,000. */
const onDisk = new WeakMap<object, { folder: string; bytes: number }>();

/** One getter for every document left on disk, so they all share one shape. */
function readText(this: Omit<SourceMeta, 'text'>): string {
  const where = onDisk.get(this);
  if (where === undefined) throw new Error('engine: a document left on disk lost where its text is');
  const path = join(where.folder, `${this.id}.txt`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new SourceTextChanged(path, { cause: error });
  }
  // The file was found at load to be the one the data were checked with (by its bytes or its
  // status, data-fingerprint.ts): a text of another length is another text.
  if (bytes.length !== where.bytes) throw new SourceTextChanged(path);
  return bytes.toString('utf8');
}

const TEXT_ON_DISK: PropertyDescriptor = { get: readText, enumerable: true, configurable: false };

/**
 * Makes `meta`, which the caller gives up, a document whose `text` is read from `<id>.txt` in `folder`
 * (`bytes` bytes long) each time it is asked for. The text is defined on `meta` itself: on a copy, V8
 * gave each document a hidden class and property table of its own (a copy's class takes no shared
 * transitions), 4.5 MB at 10,000 documents.
 */
export function documentOnDisk(meta: Omit<SourceMeta, 'text'>, folder: string, bytes: number): SourceDocument {
  onDisk.set(meta, { folder, bytes });
  // Defined last, where a document held in memory has its text.
  Object.defineProperty(meta, 'text', TEXT_ON_DISK);
  return meta as SourceDocument;
}

/** A document's metadata, without reading its text. */
export function withoutText(doc: SourceDocument): SourceMeta {
  const meta: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) if (key !== 'text') meta[key] = doc[key as keyof SourceDocument];
  return meta as SourceMeta;
}
