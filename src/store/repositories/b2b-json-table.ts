import type { Db } from '../database';
import { RecordTable, type RecordValues, type TableSpec } from '../record-table';
import type { RecordShape } from '../../domain/types';

/** The row as stored: the JSON fields as text. */
type Stored<T, J extends keyof T> = Omit<T, J> & { [K in J]: string };

/**
 * A versioned table whose `json` fields hold value arrays of their record
 * (a session's breaks, a company's unavailable times): parsed on read,
 * written as JSON. Everything else is the RecordTable's.
 */
export class JsonRecordTable<T extends RecordShape, J extends Exclude<keyof T & string, 'id' | 'version'>> {
  private readonly table: RecordTable<Stored<T, J> & RecordShape>;

  constructor(
    db: Db,
    spec: TableSpec<Stored<T, J> & RecordShape>,
    private readonly json: readonly J[],
  ) {
    this.table = new RecordTable(db, spec);
  }

  find(id: number): T | undefined {
    const row = this.table.find(id);
    return row && this.parse(row);
  }

  list(where: Partial<Record<Exclude<keyof T & string, 'id' | 'version' | J>, unknown>> = {}): T[] {
    return this.table.list(where as never).map((row) => this.parse(row));
  }

  insert(values: RecordValues<T>): T {
    return this.parse(this.table.insert(this.encode(values)));
  }

  /** Undefined when the stored version moved on. */
  update(id: number, expectedVersion: number, values: RecordValues<T>): T | undefined {
    const row = this.table.update(id, expectedVersion, this.encode(values));
    return row && this.parse(row);
  }

  private parse(row: Stored<T, J> & RecordShape): T {
    const record: Record<string, unknown> = { ...row };
    for (const field of this.json) record[field] = JSON.parse(row[field] as string);
    return record as T;
  }

  private encode(values: RecordValues<T>): RecordValues<Stored<T, J> & RecordShape> {
    const row: Record<string, unknown> = { ...values };
    for (const field of this.json) row[field] = JSON.stringify(values[field as unknown as keyof RecordValues<T>]);
    return row as RecordValues<Stored<T, J> & RecordShape>;
  }
}
