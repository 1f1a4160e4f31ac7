import Database from 'better-sqlite3';
import type { Db } from './database';
import { damageOf } from './integrity';

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
function makeSelfContained(db: Db): void {
  db.pragma('journal_mode = DELETE');
}

/**
 * Copies the live database to a new file with SQLite's online backup (a
 * consistent copy even while the server keeps writing), makes the copy one
 * self-contained file and runs the quick check on it. Returns how many pages
 * were copied and what the check found wrong with the copy (null: sound).
 */
export async function backUpTo(db: Db, target: string): Promise<{ totalPages: number; damage: string | null }> {
  const { totalPages } = await db.backup(target);
  const copy = new Database(target, { fileMustExist: true });
  try {
    makeSelfContained(copy);
    return { totalPages, damage: damageOf(copy, 'quick_check') };
  } finally {
    copy.close();
  }
}

/** What a file offered as a backup holds, read without changing it. */
export type BackupContents =
  /** SQLite cannot open it; `error` is its reason. */
  | { state: 'unopenable'; error: string }
  /** SQLite's integrity check finds it damaged. */
  | { state: 'damaged'; damage: string }
  /** It opened, but reading it failed. */
  | { state: 'unreadable'; error: string }
  /** Sound; `migrations` are the names in its schema_migration, in order (none when it has no such table). */
  | { state: 'sound'; migrations: string[] };

/** Opens a backup read-only, runs the full integrity check, and reads which migrations it holds. */
export function readBackup(file: string): BackupContents {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    return { state: 'unopenable', error: (err as Error).message };
  }
  try {
    const damage = damageOf(db, 'integrity_check');
    if (damage) return { state: 'damaged', damage };
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'").get();
    const migrations = hasTable ? (db.prepare('SELECT name FROM schema_migration ORDER BY name').pluck().all() as string[]) : [];
    return { state: 'sound', migrations };
  } catch (err) {
    return { state: 'unreadable', error: (err as Error).message };
  } finally {
    db.close();
  }
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
