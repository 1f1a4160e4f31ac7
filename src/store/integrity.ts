import type { Db } from './database';

/**
 * What SQLite's own check finds wrong with the file, or null when it is sound.
 * quick_check (O(pages), no index cross-checks) is what the app runs at every
 * start; integrity_check, which also compares every index with its table, is
 * for a backup about to be installed.
 */
export function damageOf(db: Db, check: 'quick_check' | 'integrity_check'): string | null {
  let rows: string[];
  try {
    rows = (db.pragma(`${check}(20)`) as Record<string, unknown>[]).map((row) => String(Object.values(row)[0]));
  } catch (err) {
    return (err as Error).message;
  }
  return rows.length === 1 && rows[0] === 'ok' ? null : rows.join('; ');
}
