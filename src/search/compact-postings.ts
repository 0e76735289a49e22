/**
 * A finished tier's postings held in typed arrays instead of minisearch's own maps. minisearch keeps,
 * for every term, a `Map` of the passages holding it to the term's frequency there, and for every
 * passage an array of its field lengths: at 10,000 documents that was 1.7 million map entries and
 * 100,000 arrays, 90 of the 92 MB every tier held (about 50 bytes a posting). Here each term's
 * postings are a run of two typed arrays shared by the tier (5–6 bytes a posting), behind the same
 * read-only `Map` interface minisearch reads them through; the order of a term's passages is kept,
 * so scores, ties and results are exactly minisearch's own.
 *
 * This replaces four of minisearch's private fields (`_index`'s postings, `_fieldLength`, and the
 * passage ids both ways, `_documentIds` and `_idToShortId`: another 9 MB as maps) once a
 * tier is finished, which no public API allows: package.json pins the minisearch version it was
 * written against, and test/search/compact-postings.test.ts checks that a compacted tier searches
 * and serialises exactly as the same tier uncompacted. A tier is only searched and saved once
 * finished, never added to: a call that would change one fails loudly (these maps have no `set`).
 * A finished tier's tree of terms also remembers its latest typo expansions (`fuzzyGet`, below).
 */
import type MiniSearch from 'minisearch';
import { memoised } from '../text/memo.ts';
import { FieldLengths, type Frequencies, PassageIds, Postings, ShortIds } from './compact-maps.ts';

/** A term's matches within some edits: each matching term, with its postings and its distance. */
type FuzzyMatches = Map<string, [ReadonlyMap<number, ReadonlyMap<number, number>>, number]>;

/** The private state of minisearch 7 that compaction replaces (see the module comment). */
interface Internals {
  /** Term → field id → passage's short id → frequency of the term there (a radix tree of terms). */
  _index: Iterable<[string, ReadonlyMap<number, ReadonlyMap<number, number>>]> & {
    set(term: string, byField: ReadonlyMap<number, ReadonlyMap<number, number>>): unknown;
    fuzzyGet(term: string, maxDistance: number): FuzzyMatches;
  };
  /** Passage's short id → length of each field, by field id. */
  _fieldLength: ReadonlyMap<number, number[]>;
  /** Passage's short id → its id, and back. */
  _documentIds: ReadonlyMap<number, string>;
  _idToShortId: ReadonlyMap<string, number>;
}

/** A tier's postings as flat arrays: each term's passages' short ids (ascending) and frequencies, one
 * term after another, `counts[i]` of them for `terms[i]`; and each passage's id and length, by short id. */
export interface FlatPostings {
  documentIds: readonly string[];
  field: number;
  terms: readonly string[];
  counts: ArrayLike<number>;
  ids: Int32Array;
  freqs: ArrayLike<number>;
  fieldLength: Uint32Array;
}

/**
 * Puts `flat` in place of `index`'s postings and field lengths, each term in the order of `terms`
 * (minisearch's own order, which decides the order of tied results).
 */
export function installPostings<T>(index: MiniSearch<T>, flat: FlatPostings): void {
  const internals = index as unknown as Internals;
  let widest = 0;
  for (let i = 0; i < flat.freqs.length; i++) widest = Math.max(widest, flat.freqs[i] as number);
  if (widest > 0xffff) throw new RangeError(`passage index: a term's frequency in a passage (${widest}) does not fit 16 bits`);
  const freqs: Frequencies = widest <= 0xff ? Uint8Array.from(flat.freqs) : Uint16Array.from(flat.freqs);
  let start = 0;
  flat.terms.forEach((term, i) => {
    const count = flat.counts[i] as number;
    internals._index.set(term, new Map([[flat.field, new Postings(flat.ids, freqs, start, count)]]));
    start += count;
  });
  internals._fieldLength = new FieldLengths(flat.field, flat.fieldLength);
  internals._documentIds = new PassageIds(flat.documentIds);
  internals._idToShortId = new ShortIds(flat.documentIds);
  rememberTypos(internals._index);
}

/** Typo expansions a finished tier remembers (term and distance), before it starts afresh: enough
 * for the searches of one answer and a few before it (a dozen searches of a dozen words at most). */
const TYPOS_HELD = 256;

/**
 * Remembers the tier's typo expansions of each query term: finding the terms within an edit or two of
 * one walks the tier's whole tree of terms (most of a search's time at 10,000 documents), and the
 * several searches of one answer (a paper's sentences, then its speakers', then the closest passage)
 * ask the same words of every tier. A finished
 * tier's terms never change, so the expansions stay true; minisearch deletes from the map it is
 * given, so each search gets a copy.
 */
function rememberTypos(terms: Internals['_index']): void {
  const search = terms.fuzzyGet.bind(terms);
  const remembered = memoised((key: string) => {
    const space = key.indexOf(' ');
    return search(key.slice(space + 1), Number(key.slice(0, space)));
  }, TYPOS_HELD);
  terms.fuzzyGet = (term, maxDistance) => new Map(remembered(`${maxDistance} ${term}`));
}

/**
 * Moves a tier built here into typed arrays (see the module comment), when, as the passage index
 * configures it, passages are indexed by one field and added in order; otherwise leaves it as it is.
 */
export function compactPostings<T>(index: MiniSearch<T>): void {
  const internals = index as unknown as Internals;
  const fields = new Set<number>();
  const terms: string[] = [];
  const counts: number[] = [];
  const held: Array<ReadonlyMap<number, number>> = [];
  for (const [term, byField] of internals._index)
    for (const [field, postings] of byField) {
      fields.add(field);
      terms.push(term);
      counts.push(postings.size);
      held.push(postings);
    }
  const [field, ...others] = fields;
  if (field === undefined || others.length > 0) return;
  const ids = new Int32Array(counts.reduce((a, b) => a + b, 0));
  const freqs = new Uint16Array(ids.length);
  let at = 0;
  for (const postings of held) {
    let previous = -1;
    for (const [id, freq] of postings) {
      if (!(id > previous && id <= 0x7fffffff && freq <= 0xffff)) return;
      ids[at] = previous = id;
      freqs[at++] = freq;
    }
  }
  const fieldLength = new Uint32Array(internals._fieldLength.size);
  let expected = 0;
  for (const [id, byField] of internals._fieldLength) {
    const length = byField[field];
    if (id !== expected || length === undefined) return;
    fieldLength[expected++] = length;
  }
  const documentIds: string[] = [];
  for (const [shortId, id] of internals._documentIds) {
    if (shortId !== documentIds.length) return;
    documentIds.push(id);
  }
  installPostings(index, { documentIds, field, terms, counts, ids, freqs, fieldLength });
}
