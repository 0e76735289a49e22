/**
 * A Map that forgets its oldest entries past a fixed size. Everything an adapter remembers per
 * event, thread, message, user or channel grows with traffic, so all of it lives in one of these:
 * Slack's answered event IDs and thread memory, Discord's conversation memory, and the rate
 * limiters' windows on both platforms.
 */

/** Least-recently-set eviction: setting a key again makes it the newest. */
export class BoundedMap<K, V> {
  readonly #entries = new Map<K, V>();

  /** @throws RangeError when `maxSize` is not a positive integer. */
  constructor(readonly maxSize: number) {
    if (!Number.isInteger(maxSize) || maxSize < 1) {
      throw new RangeError(`BoundedMap: maxSize must be a positive integer, got ${maxSize}`);
    }
  }

  /** How many entries are held (never more than `maxSize`). */
  get size(): number {
    return this.#entries.size;
  }

  /** The value for `key`; reading does not refresh it (only setting does). */
  get(key: K): V | undefined {
    return this.#entries.get(key);
  }

  /** Whether `key` is held. */
  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** Forgets `key`; true if it was held. */
  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  /** Sets `key` as the newest entry, evicting the oldest ones past `maxSize`. */
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
