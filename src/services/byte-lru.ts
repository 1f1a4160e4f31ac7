/**
 * A cache bounded by the bytes it holds, forgetting the least recently used
 * entry first. Every in-memory cache of responses goes through one of these,
 * so that no sequence of requests, however many distinct keys it names, can
 * grow the process beyond the bound. A value bigger than the whole bound is
 * not kept (it is rebuilt each time instead of flushing everything else).
 */
export class ByteLru<K, V> {
  /** In use order, least recent first (a Map keeps insertion order). */
  private readonly entries = new Map<K, { value: V; bytes: number }>();
  private used = 0;

  constructor(
    readonly maxBytes: number,
    /** What an entry costs: its bytes, key included, as near as can be said. */
    private readonly sizeOf: (key: K, value: V) => number,
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Looks without counting as a use. */
  peek(key: K): V | undefined {
    return this.entries.get(key)?.value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const bytes = this.sizeOf(key, value);
    if (bytes > this.maxBytes) return;
    while (this.used + bytes > this.maxBytes) this.delete(this.entries.keys().next().value as K);
    this.entries.set(key, { value, bytes });
    this.used += bytes;
  }

  delete(key: K): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.used -= entry.bytes;
  }

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Keys, least recently used first. */
  keys(): K[] {
    return [...this.entries.keys()];
  }
}
