import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseBusyError, StorageUnavailableError } from '../domain/errors';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * How long one statement waits for another connection's write lock. The
   * wait spins on the calling thread, so the app keeps it short and retries
   * on a timer instead (web/middleware/busy-retry.ts); the CLI, which has
   * nothing else to serve, can afford SQLite's patient 5 s.
   */
  busyTimeoutMs?: number;
  readonly?: boolean;
}

/**
 * Opens (creating if needed) the SQLite file with the pragmas the app relies on.
 *
 * synchronous=FULL rather than NORMAL: in WAL mode NORMAL can lose the last
 * committed transactions on power loss. A planner who saw "saved" must never
 * find the meeting gone the next morning, and our write rate (a few per
 * second at most) makes the extra fsync per commit invisible.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const readonly = options.readonly ?? false;
  if (file !== ':memory:' && !readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { readonly, fileMustExist: readonly });
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
  return db;
}

/** Set per web request by the busy retry: whether a user write of this request already committed. */
const commits = new AsyncLocalStorage<{ committed: boolean }>();

/**
 * Runs fn while noting whether any write transaction inside it commits. A
 * request whose first write committed must not be replayed when a later
 * write finds the database busy: it would save twice.
 */
export function trackingCommits(tracker: { committed: boolean }, fn: () => void): void {
  commits.run(tracker, fn);
}

/** Runs fn in one read transaction (BEGIN DEFERRED): every read inside sees the same committed state. */
export function inReadTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).deferred();
}

/** Runs fn in a BEGIN IMMEDIATE transaction: the write lock is taken up front, so a
 * check-then-write (conflicts, versions) cannot interleave with another writer. */
export function inWriteTransaction<T>(db: Db, fn: () => T): T {
  let result: T;
  try {
    result = db.transaction(fn).immediate();
  } catch (err) {
    throw storageErrorOf(err) ?? err;
  }
  const tracker = commits.getStore();
  if (tracker) tracker.committed = true;
  return result;
}

/**
 * The typed error for a SQLite failure that says the storage cannot take a
 * write (locked, full, read-only, failing disk), or null for anything else.
 * The one place outside the driver that knows SQLite's result codes.
 */
export function storageErrorOf(err: unknown): StorageUnavailableError | null {
  if (err instanceof StorageUnavailableError) return err;
  // By its code, not instanceof: the native addon keeps the SqliteError class of the first better-sqlite3
  // module that loaded it, so a second copy (jest's per-file contexts) throws a class of another realm.
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_LOCKED_')) return new DatabaseBusyError();
  if (code === 'SQLITE_FULL') return new StorageUnavailableError('full', 60);
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) return new StorageUnavailableError('read-only', 60);
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_') || code === 'SQLITE_CANTOPEN') return new StorageUnavailableError('io', 60);
  return null;
}

/** Whether SQLite refused a write because of a foreign key: a row points at one that is gone, or at this one. */
export function isReferenceRefusal(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * Runs a bookkeeping write (a token's last use, a feed's fetch count) that a
 * read must never fail for: when the storage cannot take it, it is skipped and
 * false returned. Other errors are bugs and still throw.
 */
export function bestEffortWrite(db: Db, fn: () => void): boolean {
  // A bookkeeping write never waits for a lock: the read it rides on answers now.
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  if (timeout !== 0) db.pragma('busy_timeout = 0');
  try {
    fn();
    return true;
  } catch (err) {
    if (storageErrorOf(err)) return false;
    throw err;
  } finally {
    if (timeout !== 0) db.pragma(`busy_timeout = ${timeout}`);
  }
}
