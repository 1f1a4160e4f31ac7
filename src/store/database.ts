import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the SQLite file with the pragmas the app relies on.
 *
 * synchronous=FULL rather than NORMAL: in WAL mode NORMAL can lose the last
 * committed transactions on power loss. A planner who saw "saved" must never
 * find the meeting gone the next morning, and our write rate (a few per
 * second at most) makes the extra fsync per commit invisible.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Runs fn in a BEGIN IMMEDIATE transaction: the write lock is taken up front, so a
 * check-then-write (conflicts, versions) cannot interleave with another writer. */
export function inWriteTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/** Throws unless the database answers: the operators' health check. */
export function ping(db: Db): void {
  db.prepare('SELECT 1').get();
}
