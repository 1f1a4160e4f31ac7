import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './database';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../db/migrations');

/**
 * Applies db/migrations/NNNN_name.sql in order, each in its own transaction
 * together with its row in schema_migration, so a failed migration leaves
 * nothing half-applied. Returns the names applied now.
 */
export function migrate(db: Db, dir = MIGRATIONS_DIR): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    name TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = new Set(
    db.prepare('SELECT name FROM schema_migration').pluck().all() as string[],
  );
  const files = knownMigrations(dir);
  const done: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const sql = fs.readFileSync(path.join(dir, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migration (name, applied_at) VALUES (?, ?)').run(file, new Date().toISOString());
    }).immediate();
    done.push(file);
  }
  return done;
}

/** The migration files this version of the app knows, in the order they apply. */
export function knownMigrations(dir = MIGRATIONS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort();
}
