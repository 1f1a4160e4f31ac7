import type { Db } from './database';

/**
 * A typed table of versioned records: rows (snake_case) <-> domain objects
 * (camelCase) through an explicit column map. It holds no business rules; the
 * services decide what may be written and when.
 */
export interface RecordShape {
  id: number;
  version: number;
}

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

export class RecordTable<T extends RecordShape> {
  private readonly fields: Column<T>[];
  private readonly select: string;

  constructor(
    protected readonly db: Db,
    readonly spec: TableSpec<T>,
    private readonly clock: () => number = Date.now,
  ) {
    this.fields = Object.keys(spec.columns) as Column<T>[];
    const cols = this.fields.map((f) => `${spec.columns[f]} AS "${f}"`).join(', ');
    this.select = `SELECT id, version, ${cols} FROM ${spec.table}`;
  }

  find(id: number): T | undefined {
    const row = this.db.prepare(`${this.select} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    return row ? this.toRecord(row) : undefined;
  }

  /** All records, optionally filtered by equality on domain fields. */
  list(where: Partial<Record<Column<T>, unknown>> = {}): T[] {
    const keys = Object.keys(where) as Column<T>[];
    const clause = keys.length ? ` WHERE ${keys.map((k) => `${this.spec.columns[k]} = ?`).join(' AND ')}` : '';
    const order = ` ORDER BY ${this.spec.orderBy ?? 'id'}`;
    const rows = this.db.prepare(`${this.select}${clause}${order}`).all(...keys.map((k) => where[k])) as Record<string, unknown>[];
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
    const info = this.db
      .prepare(`INSERT INTO ${this.spec.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...params);
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
    const info = this.db
      .prepare(`UPDATE ${this.spec.table} SET ${sets.join(', ')} WHERE id = ? AND version = ?`)
      .run(...params, id, expectedVersion);
    return info.changes === 1 ? this.find(id) : undefined;
  }

  delete(id: number): boolean {
    return this.db.prepare(`DELETE FROM ${this.spec.table} WHERE id = ?`).run(id).changes === 1;
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
    this.db.prepare(`INSERT INTO ${this.spec.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...params);
    return this.find(id)!;
  }

  count(): number {
    return this.db.prepare(`SELECT count(*) FROM ${this.spec.table}`).pluck().get() as number;
  }

  private toRecord(row: Record<string, unknown>): T {
    for (const b of this.spec.booleans ?? []) row[b] = row[b] === 1;
    return row as T;
  }

  private toColumn(field: Column<T>, value: unknown): unknown {
    if (this.spec.booleans?.includes(field)) return value ? 1 : 0;
    return value === undefined ? null : value;
  }
}
