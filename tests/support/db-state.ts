import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * What a refused request must leave untouched: every table's rows. Sessions
 * are left out (reading a page rolls the session's expiry), and so are the
 * columns that only record that a token was used.
 */
const IGNORED_TABLES = new Set(['web_session']);
const IGNORED_COLUMNS: Record<string, string[]> = { api_token: ['last_used_at'], feed_token: ['last_fetched_at', 'fetch_count'] };

export interface DatabaseState {
  counts: Record<string, number>;
  digest: string;
}

export function databaseState(db: Database.Database): DatabaseState {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
    .map((t) => t.name)
    .filter((t) => !IGNORED_TABLES.has(t));
  const counts: Record<string, number> = {};
  const hash = crypto.createHash('sha256');
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
    counts[table] = rows.length;
    const ignored = IGNORED_COLUMNS[table] ?? [];
    // Sorted as text, not by rowid: a WITHOUT ROWID table (the feed state) has none.
    const lines = rows.map((row) => {
      for (const c of ignored) delete row[c];
      return `${table}:${JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))}\n`;
    });
    for (const line of lines.sort()) hash.update(line);
  }
  return { counts, digest: hash.digest('hex') };
}
