/**
 * Read-only `Map`s over typed arrays and plain arrays, standing in for the maps minisearch keeps a
 * finished tier's postings, field lengths and passage ids in (see compact-postings.ts, which puts
 * them in place). Each answers `get`, `has`, `size` and iteration exactly as the map it replaces,
 * in the same order; none can be changed.
 */

/** A frequency array as narrow as a tier's largest frequency allows. */
export type Frequencies = Uint8Array | Uint16Array;

/** One term's postings in one field: entries `start` to `start + size` of the tier's arrays. */
export class Postings implements ReadonlyMap<number, number> {
  /** The entry `get` found last: minisearch asks for each key in the order `keys()` gave it. */
  private last: number;

  constructor(
    private readonly ids: Int32Array,
    private readonly freqs: Frequencies,
    private readonly start: number,
    readonly size: number,
  ) {
    this.last = start - 1;
  }

  get [Symbol.toStringTag](): string {
    return 'Postings';
  }

  /** The position of `id`, or -1: the entry after the last one found, else a binary search (a
   * term's ids ascend). */
  private find(id: number): number {
    const end = this.start + this.size;
    let found = -1;
    if (this.last + 1 < end && this.ids[this.last + 1] === id) found = this.last + 1;
    for (let lo = this.start, hi = end - 1; found < 0 && lo <= hi; ) {
      const mid = (lo + hi) >>> 1;
      const at = this.ids[mid] as number;
      if (at === id) found = mid;
      else if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    if (found >= 0) this.last = found;
    return found;
  }

  get(id: number): number | undefined {
    const i = this.find(id);
    return i < 0 ? undefined : this.freqs[i];
  }

  has(id: number): boolean {
    return this.find(id) >= 0;
  }

  keys(): MapIterator<number> {
    return this.ids.subarray(this.start, this.start + this.size).values();
  }

  values(): MapIterator<number> {
    return this.freqs.subarray(this.start, this.start + this.size).values();
  }

  *entries(): MapIterator<[number, number]> {
    for (let i = this.start; i < this.start + this.size; i++) yield [this.ids[i] as number, this.freqs[i] as number];
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  forEach(callback: (value: number, key: number, map: ReadonlyMap<number, number>) => void): void {
    for (const [id, freq] of this.entries()) callback(freq, id, this);
  }
}

/** Every passage's length in the one field passages are indexed by, by short id (0, 1, 2…). */
export class FieldLengths implements ReadonlyMap<number, number[]> {
  constructor(
    private readonly field: number,
    private readonly lengths: Uint32Array,
  ) {}

  get [Symbol.toStringTag](): string {
    return 'FieldLengths';
  }

  get size(): number {
    return this.lengths.length;
  }

  /** The lengths by field id, as minisearch keeps them: a new array each time, which minisearch
   * reads at once and never keeps or changes. */
  private byField(length: number): number[] {
    const byField: number[] = [];
    byField[this.field] = length;
    return byField;
  }

  get(id: number): number[] | undefined {
    const length = this.lengths[id];
    return length === undefined ? undefined : this.byField(length);
  }

  has(id: number): boolean {
    return this.lengths[id] !== undefined;
  }

  *entries(): MapIterator<[number, number[]]> {
    for (let id = 0; id < this.lengths.length; id++) yield [id, this.byField(this.lengths[id] as number)];
  }

  *keys(): MapIterator<number> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<number[]> {
    for (const [, byField] of this.entries()) yield byField;
  }

  [Symbol.iterator](): MapIterator<[number, number[]]> {
    return this.entries();
  }

  forEach(callback: (value: number[], key: number, map: ReadonlyMap<number, number[]>) => void): void {
    for (const [id, byField] of this.entries()) callback(byField, id, this);
  }
}

/** Passage ids by short id (0, 1, 2…), as a dense array: minisearch asks `has` of every passage it scores. */
export class PassageIds implements ReadonlyMap<number, string> {
  constructor(private readonly ids: readonly string[]) {}

  get [Symbol.toStringTag](): string {
    return 'PassageIds';
  }

  get size(): number {
    return this.ids.length;
  }

  get(shortId: number): string | undefined {
    return this.ids[shortId];
  }

  has(shortId: number): boolean {
    return this.ids[shortId] !== undefined;
  }

  entries(): MapIterator<[number, string]> {
    return this.ids.entries();
  }

  keys(): MapIterator<number> {
    return this.ids.keys();
  }

  values(): MapIterator<string> {
    return this.ids.values();
  }

  [Symbol.iterator](): MapIterator<[number, string]> {
    return this.entries();
  }

  forEach(callback: (value: string, key: number, map: ReadonlyMap<number, string>) => void): void {
    for (const [shortId, id] of this.ids.entries()) callback(id, shortId, this);
  }
}

/**
 * Short ids by passage id, found by a walk of the ids: minisearch reads this map only to add, remove
 * or look up a passage by its id, which a finished tier is never asked to do, so it is not worth the
 * 40 bytes a passage a map of them held.
 */
export class ShortIds implements ReadonlyMap<string, number> {
  constructor(private readonly ids: readonly string[]) {}

  get [Symbol.toStringTag](): string {
    return 'ShortIds';
  }

  get size(): number {
    return this.ids.length;
  }

  get(id: string): number | undefined {
    const shortId = this.ids.indexOf(id);
    return shortId < 0 ? undefined : shortId;
  }

  has(id: string): boolean {
    return this.ids.includes(id);
  }

  *entries(): MapIterator<[string, number]> {
    for (const [shortId, id] of this.ids.entries()) yield [id, shortId];
  }

  *keys(): MapIterator<string> {
    yield* this.ids;
  }

  values(): MapIterator<number> {
    return this.ids.keys();
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (const [shortId, id] of this.ids.entries()) callback(shortId, id, this);
  }
}
