/**
 * Views derived from the programme (the whole-forum conflict report, day
 * grids), kept while the programme they were made from is unchanged, so a
 * second planner opening the same page pays nothing.
 *
 * The version is the one feeds use (FeedService.cached): the audit log's
 * head. Every write that changes the programme (meetings, people, rooms,
 * venues, travel times, availability, B2B scheduling) appends its audit row
 * in the same transaction, so a view made before a commit can never be served
 * after it, and a write by another process over the same file counts too.
 *
 * Bounded in entries and in (estimated) bytes, least recently used out
 * first; an entry made for an older version is dropped as soon as a newer one
 * is seen, since it can never be served again.
 */
import type { Store } from '../store';

export interface DerivedCacheLimits {
  entries: number;
  bytes: number;
}

export const DEFAULT_DERIVED_LIMITS: DerivedCacheLimits = { entries: 256, bytes: 64 * 1024 * 1024 };

interface Entry {
  version: number;
  value: unknown;
  bytes: number;
}

export class DerivedCache {
  /** In use order, least recent first. */
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private newestVersion = -1;

  constructor(
    private readonly versionOf: () => number,
    private readonly limits: DerivedCacheLimits = DEFAULT_DERIVED_LIMITS,
  ) {}

  /** The programme's version now: one read of the audit log's key, cheaper than any view it guards. */
  version(): number {
    const version = this.versionOf();
    if (version !== this.newestVersion) {
      this.newestVersion = version;
      for (const [key, entry] of this.entries) if (entry.version !== version) this.drop(key, entry);
    }
    return version;
  }

  /** The value kept under `key` for the programme as it is now, or undefined. */
  peek<T>(key: string): T | undefined {
    const version = this.version();
    const entry = this.entries.get(key);
    return entry?.version === version ? (entry.value as T) : undefined;
  }

  /** The value for the programme as it is now: kept, or made and kept. `sizeOf` estimates its bytes. */
  get<T>(key: string, make: () => T, sizeOf: (value: T) => number): T {
    const version = this.version();
    const entry = this.entries.get(key);
    if (entry?.version === version) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value as T;
    }
    const value = make();
    this.put(key, { version, value, bytes: sizeOf(value) });
    return value;
  }

  /**
   * Keeps a value made elsewhere (another thread) at `version`, when that is still the programme's version;
   * a value made before a later write is never kept, since it could never be served.
   */
  keep<T>(key: string, version: number, value: T, bytes: number): void {
    if (version === this.version()) this.put(key, { version, value, bytes });
  }

  /** How much is kept, for tests and the health of the process. */
  stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private put(key: string, entry: Entry): void {
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    // One value larger than the whole budget is served once and not kept.
    if (entry.bytes > this.limits.bytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldest, e] of this.entries) {
      if (this.entries.size <= this.limits.entries && this.bytes <= this.limits.bytes) break;
      this.drop(oldest, e);
    }
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/** The cache over a store's programme version (the audit log's head, as feeds read it). */
export function programmeCache(store: Store, limits?: DerivedCacheLimits): DerivedCache {
  return new DerivedCache(() => store.feedTokens.auditHeadId(), limits);
}
