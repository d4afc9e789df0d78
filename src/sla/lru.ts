interface Entry<K, V> {
  key: K;
  value: V;
  newer: Entry<K, V> | undefined;
  older: Entry<K, V> | undefined;
}

/**
 * A map that holds at most `limit` entries and forgets the least recently used one first: the memo for a conversion
 * whose inputs arrive from every report and config keeps the common ones and cannot grow with either.
 *
 * The order of use is a list through the entries, so a hit moves two links. Moving a hit to the end of a `Map` instead
 * (delete, then set) leaves a hole in its table each time, and the table is rebuilt whenever the holes pile up: most
 * of a memo's cost when nearly every look-up hits.
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, Entry<K, V>>();
  private newest: Entry<K, V> | undefined;
  private oldest: Entry<K, V> | undefined;

  constructor(readonly limit: number) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.markUsed(entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    const existing = this.entries.get(key);
    if (existing !== undefined) {
      existing.value = value;
      this.markUsed(existing);
      return;
    }
    const entry: Entry<K, V> = { key, value, newer: undefined, older: this.newest };
    if (this.newest) this.newest.newer = entry;
    this.newest = entry;
    this.oldest ??= entry;
    this.entries.set(key, entry);
    if (this.entries.size > this.limit) this.forget(this.oldest);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entries, least recently used first. */
  *[Symbol.iterator](): IterableIterator<[K, V]> {
    for (let entry = this.oldest; entry !== undefined; entry = entry.newer) yield [entry.key, entry.value];
  }

  private markUsed(entry: Entry<K, V>): void {
    if (entry === this.newest) return;
    this.unlink(entry);
    entry.older = this.newest;
    entry.newer = undefined;
    this.newest!.newer = entry;
    this.newest = entry;
  }

  private forget(entry: Entry<K, V>): void {
    this.unlink(entry);
    this.entries.delete(entry.key);
  }

  private unlink(entry: Entry<K, V>): void {
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
  }
}
