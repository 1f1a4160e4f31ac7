import type { Db } from './database';

/**
 * Records that point at one record, by kind, with their names: what a refused
 * delete shows so the planner knows exactly what to change first.
 */
export interface References {
  /** What one of them is called, e.g. 'person'. */
  one: string;
  /** And many, e.g. 'people'. */
  many: string;
  names: string[];
}

/** Runs `sql` (one `?` for the id, selecting one text column) and labels the rows. */
export function referencesBy(db: Db, sql: string, id: number, one: string, many = `${one}s`): References {
  return { one, many, names: db.prepare(sql).pluck().all(id) as string[] };
}

/** A meeting's name in a reference list: its title and local date. */
export const MEETING_LABEL = "title || ' (' || substr(start_local, 1, 10) || ')'";

/** An availability block's name: its reason and local date. */
export const AVAILABILITY_LABEL = "CASE reason WHEN '' THEN 'unavailable' ELSE reason END || ' (' || substr(start_local, 1, 10) || ')'";
