import Database from 'better-sqlite3';
import type { Db } from './database';

/**
 * What the CLI's backup, restore and seed do to a database file, in SQLite's
 * terms. The store owns PRAGMAs and SQLite's result codes; the commands only
 * say what they need done.
 */

/** Folds the -wal into the main file and empties it, so the file alone is complete. */
export function foldWal(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** One self-contained file: a WAL-mode copy would grow -wal/-shm companions wherever it is opened. */
export function makeSelfContained(db: Db): void {
  db.pragma('journal_mode = DELETE');
}

/**
 * Whether another connection has the file open. A running app keeps its
 * connection open, and an open WAL connection holds a shared lock that an
 * exclusive lock cannot pass: so if the exclusive lock is refused, something
 * still has the file open. A damaged or unreadable file counts as not in use
 * (a restore is what it needs). Closing the probe checkpoints a stale -wal
 * into the file, which keeps a file and its companions whole.
 */
export function isOpenElsewhere(file: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
    return false;
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
  } finally {
    db?.close();
  }
}
