/**
 * A cache with a size limit, for the search worker: what was fetched or
 * computed for one query (positions, directory files, report texts) is kept
 * for the next, but never more than `limit` units in all, the least recently
 * used going first. A value's size is whatever `sizeOf` says (entries,
 * positions…); a value larger than the whole limit is handed out, not kept. Every
 * value costs at least one unit.
 *
 * Values are promises, so two lookups of the same key share one fetch; a
 * rejected promise is dropped, so a failed fetch is tried again next time.
 */
export class BoundedCache<K, V> {
  /** `size` is undefined while the value is still loading. */
  readonly #entries = new Map<K, { value: Promise<V>; size?: number }>();
  #size = 0;
  readonly limit: number;
  readonly #sizeOf: (value: V) => number;

  constructor(limit: number, sizeOf: (value: V) => number = () => 1) {
    this.limit = limit;
    this.#sizeOf = sizeOf;
  }

  /** The cached value for `key`, or `load()`'s, which is then kept if it fits. */
  get(key: K, load: () => Promise<V>): Promise<V> {
    const cached = this.#entries.get(key);
    if (cached) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached.value;
    }
    const value = load();
    const entry: { value: Promise<V>; size?: number } = { value };
    this.#entries.set(key, entry);
    value.then(
      (resolved) => {
        if (this.#entries.get(key) !== entry) return;
        // Every entry costs at least one unit, so empty ones cannot pile up.
        const size = Math.max(1, this.#sizeOf(resolved));
        if (size > this.limit) {
          // Too big to keep: dropping everything else for it would help no one.
          this.#entries.delete(key);
          return;
        }
        entry.size = size;
        this.#size += size;
        this.#evict();
      },
      () => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    );
    return value;
  }

  /** Units held now. */
  get size(): number {
    return this.#size;
  }

  /** Keys held now, least recently used first. */
  keys(): K[] {
    return [...this.#entries.keys()];
  }

  #evict() {
    for (const [key, entry] of this.#entries) {
      if (this.#size <= this.limit) break;
      // Pending loads have no size yet; they are sized when they arrive.
      if (entry.size === undefined) continue;
      this.#entries.delete(key);
      this.#size -= entry.size;
    }
  }
}
