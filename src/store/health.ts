import fs from 'node:fs';
import path from 'node:path';
import { StorageUnavailableError } from '../domain/errors';
import { storageErrorOf, type Db } from './database';

export interface DatabaseHealth {
  readable: boolean;
  writable: boolean;
  /** Another connection holds the write lock right now; writes wait for it (not a fault). */
  busy: boolean;
  /** Why writes cannot be taken, when they cannot. */
  problem: StorageUnavailableError | null;
  /** Free space where the database lives, when the platform tells. */
  freeBytes: number | null;
}

/**
 * Below this much free space the next commit may not fit (a WAL frame per
 * page written plus the checkpoint), so writes are refused up front with a
 * message instead of failing half-way with SQLITE_FULL.
 */
export const MIN_FREE_BYTES = 4 * 1024 * 1024;

/**
 * Whether the database can be read and written, without writing anything:
 * the write probe is a header change inside a transaction that is rolled
 * back, so it never reaches the disk, and it never waits for a lock (a busy
 * database is reported as busy, not as broken). Costs a few tens of µs, so
 * the storage gate can ask on every write.
 */
export function probeDatabase(db: Db): DatabaseHealth {
  const freeBytes = freeSpace(db);
  let readable = true;
  try {
    db.prepare('SELECT count(*) FROM schema_migration').get();
  } catch {
    readable = false;
  }
  let busy = false;
  let problem: StorageUnavailableError | null = null;
  if (db.readonly) problem = new StorageUnavailableError('read-only', 60);
  if (!problem) ({ busy, problem } = tryWrite(db));
  if (!problem) {
    const pages = db.pragma('page_count', { simple: true }) as number;
    const maxPages = db.pragma('max_page_count', { simple: true }) as number;
    if (pages >= maxPages || (freeBytes !== null && freeBytes < MIN_FREE_BYTES)) problem = new StorageUnavailableError('full', 60);
  }
  return { readable, writable: readable && problem === null, busy, problem, freeBytes };
}

function tryWrite(db: Db): { busy: boolean; problem: StorageUnavailableError | null } {
  if (db.inTransaction) return { busy: false, problem: null };
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.exec('BEGIN IMMEDIATE');
    const version = db.pragma('user_version', { simple: true }) as number;
    db.pragma(`user_version = ${version}`);
    return { busy: false, problem: null };
  } catch (err) {
    const problem = storageErrorOf(err);
    if (!problem) throw err;
    return problem.reason === 'busy' ? { busy: true, problem: null } : { busy: false, problem };
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

function freeSpace(db: Db): number | null {
  if (db.memory) return null;
  try {
    const stats = fs.statfsSync(path.dirname(path.resolve(db.name)));
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return null;
  }
}
