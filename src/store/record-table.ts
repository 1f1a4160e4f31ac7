import type { Db } from './database';
import { inList, prepared } from './statements';
import type { RecordShape } from '../domain/types';

type Column<T> = Exclude<keyof T & string, 'id' | 'version'>;

export interface TableSpec<T extends RecordShape> {
  table: string;
  /** Domain field -> SQL column, for every field but id and version. */
  columns: Record<Column<T>, string>;
  /** Fields stored as INTEGER 0/1. */
  booleans?: readonly Column<T>[];
  orderBy?: string;
  /** The table has created_at / updated_at columns that the store keeps itself. */
  timestamps?: boolean;
}

export type RecordValues<T extends RecordShape> = Omit<T, 'id' | 'version'>;

/**
 * A typed table of versioned records: rows (snake_case) <-> domain objects
 * (camelCase) through an explicit column map. It holds no business rules; the
 * services decide what may be written and when.
 */
export class RecordTable<T extends RecordShape> {
  private readonly fields: Column<T>[];
  /** `SELECT <id, version and every field> FROM <table>`, for the subclasses' own WHERE clauses. */
  protected readonly select: string;
  private readonly selectById: string;

  constructor(
    protected readonly db: Db,
    readonly spec: TableSpec<T>,
    private readonly clock: () => number = Date.now,
  ) {
    this.fields = Object.keys(spec.columns) as Column<T>[];
    const cols = this.fields.map((f) => `${spec.columns[f]} AS "${f}"`).join(', ');
    this.select = `SELECT id, version, ${cols} FROM ${spec.table}`;
    this.selectById = `${this.select} WHERE id = ?`;
  }

  find(id: number): T | undefined {
    const row = prepared(this.db, this.selectById).get(id) as Record<string, unknown> | undefined;
    return row ? this.toRecord(row) : undefined;
  }

  /** All records, optionally filtered by equality on domain fields. */
  list(where: Partial<Record<Column<T>, unknown>> = {}): T[] {
    const keys = Object.keys(where) as Column<T>[];
    const clause = keys.length ? ` WHERE ${keys.map((k) => `${this.spec.columns[k]} = ?`).join(' AND ')}` : '';
    const order = ` ORDER BY ${this.spec.orderBy ?? 'id'}`;
    const rows = prepared(this.db, `${this.select}${clause}${order}`).all(...keys.map((k) => where[k])) as Record<string, unknown>[];
    return rows.map((r) => this.toRecord(r));
  }

  insert(values: RecordValues<T>): T {
    const cols = this.fields.map((f) => this.spec.columns[f]);
    const params = this.fields.map((f) => this.toColumn(f, values[f as keyof RecordValues<T>]));
    if (this.spec.timestamps) {
      cols.push('created_at', 'updated_at');
      const now = this.clock();
      params.push(now, now);
    }
    const info = prepared(this.db, `INSERT INTO ${this.spec.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...params);
    return this.find(Number(info.lastInsertRowid))!;
  }

  /**
   * Writes the values only if the stored version is still `expectedVersion`,
   * and bumps it. Returns undefined when the version moved on (or the record is gone).
   */
  update(id: number, expectedVersion: number, values: Partial<RecordValues<T>>): T | undefined {
    const keys = (Object.keys(values) as Column<T>[]).filter((k) => k in this.spec.columns);
    const sets = keys.map((k) => `${this.spec.columns[k]} = ?`);
    sets.push('version = version + 1');
    const params = keys.map((k) => this.toColumn(k, values[k as keyof RecordValues<T>]));
    if (this.spec.timestamps) {
      sets.push('updated_at = ?');
      params.push(this.clock());
    }
    const info = prepared(this.db, `UPDATE ${this.spec.table} SET ${sets.join(', ')} WHERE id = ? AND version = ?`).run(...params, id, expectedVersion);
    return info.changes === 1 ? this.find(id) : undefined;
  }

  delete(id: number): boolean {
    return prepared(this.db, `DELETE FROM ${this.spec.table} WHERE id = ?`).run(id).changes === 1;
  }

  /** Inserts a record with a given id (used to restore a deleted record from its history). */
  insertWithId(id: number, version: number, values: RecordValues<T>): T {
    const cols = ['id', 'version', ...this.fields.map((f) => this.spec.columns[f])];
    const params: unknown[] = [id, version, ...this.fields.map((f) => this.toColumn(f, values[f as keyof RecordValues<T>]))];
    if (this.spec.timestamps) {
      cols.push('created_at', 'updated_at');
      const now = this.clock();
      params.push(now, now);
    }
    prepared(this.db, `INSERT INTO ${this.spec.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...params);
    return this.find(id)!;
  }

  /**
   * The records with these ids that exist, in no particular order: one query
   * where a find per id would make a round through SQLite each.
   */
  findMany(ids: readonly number[]): T[] {
    if (!ids.length) return [];
    const list = inList(ids);
    const rows = prepared(this.db, `${this.select} WHERE id IN ${list.sql}`).all(...list.params) as Record<string, unknown>[];
    return rows.map((row) => this.toRecord(row));
  }

  count(): number {
    return prepared(this.db, `SELECT count(*) FROM ${this.spec.table}`, 'pluck').get() as number;
  }

  /** `SELECT <id, version and every field> FROM <table> <alias>`, for a query that joins other tables. */
  protected selectFrom(alias: string): string {
    const cols = this.fields.map((f) => `${alias}.${this.spec.columns[f]} AS "${f}"`).join(', ');
    return `SELECT ${alias}.id AS id, ${alias}.version AS version, ${cols} FROM ${this.spec.table} ${alias}`;
  }

  protected toRecord(row: Record<string, unknown>): T {
    for (const b of this.spec.booleans ?? []) row[b] = row[b] === 1;
    return row as T;
  }

  private toColumn(field: Column<T>, value: unknown): unknown {
    if (this.spec.booleans?.includes(field)) return value ? 1 : 0;
    return value === undefined ? null : value;
  }
}
