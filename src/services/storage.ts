/**
 * What the web asks of the database file itself, in its own terms and never
 * SQLite's: whether it can be read and written right now (/healthz and the
 * storage gate), which typed error a storage failure stands for, and whether a
 * request committed a write (the busy retry replays only a request that
 * committed nothing). The store answers; the web imports no store module.
 */
import type { Store } from '../store';
import { probeDatabase, type DatabaseHealth } from '../store/health';

export { storageErrorOf, trackingCommits } from '../store/database';

export class StorageService {
  constructor(private readonly store: Store) {}

  /** Readable, writable, busy, and why writes cannot be taken; asks without writing anything. */
  health(): DatabaseHealth {
    return probeDatabase(this.store.db);
  }
}
