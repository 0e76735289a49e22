/**
 * One tier of the passage index as saved to a file: minisearch's own serialised form but for its
 * postings, which are saved as flat lists (each term's passages, as gaps from the one before, and
 * their frequencies, as varints.ts writes them) and loaded straight into compact-postings.ts's typed
 * arrays. minisearch's form
 * (an object of passages per term) parsed into millions of short-lived objects, and then maps, for
 * each tier read: at 10,000 documents, reading the later tiers grew the heap by 250 MB of garbage
 * that the process kept long after (no full collection was due). Each term's count of passages,
 * which a search plans by (term-counts.ts), is saved beside it.
 */
import MiniSearch, { type Options } from 'minisearch';
import { z } from 'zod';
import { installPostings } from './compact-postings.ts';
import { decodeVarints, encodeVarints } from './varints.ts';
import type { TermCounts } from './term-counts.ts';

/** An array of non-negative integers, checked without copying it (a tier's arrays run to 600,000 items). */
const Counts = z.custom<number[]>((v) => Array.isArray(v) && v.every((n) => Number.isInteger(n) && n >= 0), 'not an array of counts');

/** A tier as saved (see the module comment). */
export const SavedTier = z.strictObject({
  documentCount: z.number().int().nonnegative(),
  nextId: z.number().int().nonnegative(),
  /** Each passage's id, by short id (0, 1, 2…). */
  documentIds: z.array(z.string()),
  fieldIds: z.record(z.string(), z.number().int().nonnegative()),
  averageFieldLength: z.array(z.number()),
  dirtCount: z.number().int().nonnegative(),
  /** The one field passages are indexed by, whose postings these are. */
  field: z.number().int().nonnegative(),
  /** Each passage's length in that field, by short id. */
  fieldLength: Counts,
  /** The terms, in minisearch's order (a search's ties are broken by it). */
  terms: z.array(z.string()),
  /** Passages holding each term. */
  counts: Counts,
  /** Each term's passages' short ids, one term after another: the first as it is, then the gap to
   * each next (varints.ts). */
  gaps: z.base64(),
  /** The frequency of the term in each of those passages (varints.ts). */
  freqs: z.base64(),
});
export type SavedTier = z.infer<typeof SavedTier>;

/** A tier's index and the count of passages holding each term. */
export interface LoadedTier<T> {
  index: MiniSearch<T>;
  counts: TermCounts;
}

/** Thrown when a tier cannot be saved in this form: a bug in how the passage index is configured. */
export class UnsavableTier extends Error {
  readonly code = 'UNSAVABLE_TIER';
  constructor(reason: string) {
    super(`passage index: cannot save a tier (${reason})`);
    this.name = 'UnsavableTier';
  }
}

/** `index`, finished, in the saved form. Passages must be indexed by one field and store nothing. */
export function saveTier<T>(index: MiniSearch<T>): SavedTier {
  const { documentCount, nextId, documentIds, fieldIds, averageFieldLength, dirtCount, fieldLength, storedFields, index: postings } = index.toJSON();
  const [field, ...others] = Object.values(fieldIds);
  if (field === undefined || others.length > 0) throw new UnsavableTier(`${Object.keys(fieldIds).length} fields, not one`);
  if (Object.keys(storedFields).length > 0) throw new UnsavableTier('it stores fields');
  const saved: SavedTier = {
    documentCount,
    nextId,
    documentIds: [],
    fieldIds,
    averageFieldLength,
    dirtCount: dirtCount ?? 0,
    field,
    fieldLength: [],
    terms: [],
    counts: [],
    gaps: '',
    freqs: '',
  };
  const gaps: number[] = [];
  const freqs: number[] = [];
  for (const [id, passage] of Object.entries(documentIds)) {
    if (Number(id) !== saved.documentIds.length) throw new UnsavableTier(`short id ${id} out of order`);
    saved.documentIds.push(passage);
    const length: number | undefined = fieldLength[Number(id)]?.[field];
    if (length === undefined) throw new UnsavableTier(`no field length for short id ${id}`);
    saved.fieldLength.push(length);
  }
  for (const [term, byField] of postings) {
    const held = Object.entries(byField);
    const [only] = held;
    if (only === undefined || held.length > 1 || Number(only[0]) !== field) throw new UnsavableTier(`term "${term}" is not in the one field alone`);
    saved.terms.push(term);
    // Integer keys enumerate in ascending order, as minisearch's own loader reads them.
    const passages = Object.entries(only[1]);
    saved.counts.push(passages.length);
    let previous = 0;
    for (const [id, freq] of passages) {
      gaps.push(Number(id) - previous);
      freqs.push(freq);
      previous = Number(id);
    }
  }
  saved.gaps = encodeVarints(gaps);
  saved.freqs = encodeVarints(freqs);
  return saved;
}

/** The index and term counts of a tier saved by {@link saveTier}, built with the same `options`. */
export function loadTier<T>(saved: SavedTier, options: Options<T>): LoadedTier<T> {
  const { documentCount, nextId, fieldIds, averageFieldLength, dirtCount, field, terms, counts } = saved;
  if (counts.length !== terms.length || saved.fieldLength.length !== saved.documentIds.length)
    throw new Error('passage index: a saved tier’s arrays do not match in length');
  const postings = counts.reduce((a, b) => a + b, 0);
  const gaps = decodeVarints(saved.gaps, postings);
  const freqs = decodeVarints(saved.freqs, postings);
  const index = MiniSearch.loadJS<T>(
    {
      documentCount,
      nextId,
      documentIds: {},
      fieldIds,
      fieldLength: {},
      averageFieldLength,
      storedFields: {},
      dirtCount,
      index: [],
      serializationVersion: 2,
    },
    options,
  );
  const ids = new Int32Array(gaps.length);
  let at = 0;
  for (const count of counts) {
    let id = 0;
    for (const end = at + count; at < end; at++) {
      id += gaps[at] as number;
      ids[at] = id;
    }
  }
  installPostings(index, { documentIds: saved.documentIds, field, terms, counts, ids, freqs, fieldLength: Uint32Array.from(saved.fieldLength) });
  return { index, counts: new Map(terms.map((term, i) => [term, counts[i] as number])) };
}
