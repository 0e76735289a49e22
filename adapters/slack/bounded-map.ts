/**
 * A Map that forgets its oldest entries past a fixed size. Holds the event IDs already answered and
 * each thread's previous answer: both grow with traffic, so both need a bound on memory.
 */

/** Least-recently-set eviction: setting a key again makes it the newest. */
export class BoundedMap<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly maxSize: number) {
    if (!Number.isInteger(maxSize) || maxSize < 1) {
      throw new RangeError(`BoundedMap: maxSize must be a positive integer, got ${maxSize}`);
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    return this.#entries.get(key);
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  set(key: K, value: V): this {
    // Delete first so re-setting moves the key to the end of the insertion order.
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.maxSize) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
    return this;
  }

  /** Records `key` and reports whether it was new: the check-and-set de-duplication needs, in one
   * step so two deliveries of one event cannot both see "new". */
  addIfNew(key: K, value: V): boolean {
    if (this.#entries.has(key)) return false;
    this.set(key, value);
    return true;
  }
}
