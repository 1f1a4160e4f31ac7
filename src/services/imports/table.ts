/**
 * What reading an uploaded spreadsheet gives every import: its rows as text,
 * numbered as the spreadsheet numbers them, or one message saying why the
 * file is refused. Nothing here knows people or meetings; fields.ts maps
 * columns to fields.
 */
import type { Message } from '../../messages';

/** One row under the header: its cells as text, `line` its 1-based row in the file (the header row is a row of its own). */
export interface TableRow {
  line: number;
  cells: string[];
}

export interface ReadTable {
  format: 'csv' | 'xlsx';
  /** The sheet read, for a workbook. */
  sheet?: string;
  headers: string[];
  /** Every row has exactly headers.length cells (missing ones are ''); rows with every cell empty are left out. */
  rows: TableRow[];
  /** What was noticed while reading (the encoding, the separator, the sheet), to show above the preview. */
  notes: Message[];
}

export type ReadResult = { ok: true; table: ReadTable } | { ok: false; error: Message };

export interface TableLimits {
  maxBytes: number;
  /** Rows under the header. */
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
}

export const TABLE_LIMITS: TableLimits = Object.freeze({ maxBytes: 5 * 1024 * 1024, maxRows: 20_000, maxColumns: 60, maxCellChars: 2000 });

/** 'A', 'B', … 'Z', 'AA' for a 0-based column index, as a spreadsheet names it. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A cell as a spreadsheet names it: 'B7' for column index 1, row 7. */
export function cellRef(columnIndex: number, line: number): string {
  return `${columnName(columnIndex)}${line}`;
}
