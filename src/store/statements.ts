import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

/** How a statement hands back its rows: objects keyed by column, the first column alone, or arrays. */
export type RowShape = 'objects' | 'pluck' | 'raw';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * The statement for `sql` on this database, compiled on first use and reused
 * after. better-sqlite3 compiles the SQL on every prepare(), which costs more
 * (20–90 µs) than running the small keyed queries a save makes a dozen of;
 * a statement is reusable as long as no iterate() is open on it, and the
 * repositories only use run/get/all.
 *
 * The row shape is part of the key because pluck() and raw() switch a
 * statement's mode for good: one caller's pluck() must not leak into another's
 * objects for the same SQL. Callers set the shape here, never on the result.
 *
 * One cache per handle (a WeakMap, so a closed database takes its statements
 * with it). The texts are fixed or built from a bounded set of filter
 * combinations, so the cache stays small.
 */
export function prepared(db: Db, sql: string, shape: RowShape = 'objects'): Statement {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = shape === 'objects' ? sql : `${shape}:${sql}`;
  let statement = cache.get(key);
  if (statement === undefined) {
    statement = db.prepare(sql);
    if (shape === 'pluck') statement.pluck();
    else if (shape === 'raw') statement.raw();
    cache.set(key, statement);
  }
  return statement;
}

/** Lists up to this long get one placeholder per id; longer ones go as one JSON array. */
const LONGEST_PLACEHOLDER_LIST = 16;

/**
 * The right-hand side of `IN` for a list of ids, and its parameters. A short
 * list (what a save looks up: its people, the rooms and venues around it)
 * gets one placeholder per id, which SQLite runs as that many key lookups;
 * json_each would cost a table-valued function set up and a JSON parse per
 * use, about 20 µs each, several times per save. A long list goes as one
 * JSON array, so that the statement cache holds one text per length only up
 * to LONGEST_PLACEHOLDER_LIST.
 */
export function inList(ids: readonly number[]): { sql: string; params: readonly unknown[] } {
  if (ids.length > LONGEST_PLACEHOLDER_LIST) return { sql: '(SELECT value FROM json_each(?))', params: [JSON.stringify(ids)] };
  return { sql: `(${ids.map(() => '?').join(', ')})`, params: ids };
}
