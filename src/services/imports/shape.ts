/**
 * From a grid of cells (as CSV or a sheet gives them) to a ReadTable: the
 * first row with anything in it is the header, empty rows and trailing empty
 * columns go, and the limits are checked. Shared by both readers.
 */
import { message } from '../../messages';
import { normaliseText } from '../../domain/text';
import { cellRef, type ReadResult, type ReadTable, type TableLimits, type TableRow } from './table';

/** One row of the file: its 1-based number and its cells, '' where empty. */
export interface GridRow {
  line: number;
  cells: string[];
}

const isEmpty = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');
const filledCount = (cells: readonly string[]): number => cells.filter((c) => c.trim() !== '').length;

/** A header's text on one line, without the spaces around it. */
export function cleanHeader(text: string): string {
  return normaliseText(text).replace(/\s+/g, ' ').trim();
}

export function shapeTable(grid: GridRow[], format: ReadTable['format'], limits: TableLimits, extra: Pick<ReadTable, 'sheet' | 'notes'>, headerRows = 1): ReadResult {
  // Control characters go first, so that a row of nothing but them is an empty row.
  const filled = grid.map((row) => ({ line: row.line, cells: row.cells.map(normaliseText) })).filter((row) => !isEmpty(row.cells));
  if (filled.length === 0) return { ok: false, error: message('import.empty', {}) };
  // A list's title above its header ("Список делегации", alone in the first cell): left out, and said so.
  const notes = [...extra.notes];
  let titles = 0;
  while (titles < 3 && filled.length > titles + 1 && filledCount(filled[titles]!.cells) === 1 && filledCount(filled[titles + 1]!.cells) >= 2) titles++;
  if (titles > 0) {
    filled.splice(0, titles);
    notes.push(message('import.note.title-rows', { count: titles }));
  }
  const headerGrid = filled.slice(0, headerRows);
  const body = filled.slice(headerRows);
  if (body.length === 0) return { ok: false, error: message('import.header-only', {}) };
  if (body.length > limits.maxRows) return { ok: false, error: message('import.too-many-rows', { rows: body.length, max: limits.maxRows }) };
  let width = 0;
  for (const row of filled) {
    for (let i = row.cells.length - 1; i >= width; i--) {
      if (row.cells[i]!.trim() !== '') {
        width = i + 1;
        break;
      }
    }
  }
  if (width > limits.maxColumns) return { ok: false, error: message('import.too-many-columns', { columns: width, max: limits.maxColumns }) };
  for (const row of filled) {
    for (let i = 0; i < width; i++) {
      const cell = row.cells[i];
      if (cell !== undefined && cell.length > limits.maxCellChars) return { ok: false, error: message('import.cell-too-long', { ref: cellRef(i, row.line), line: row.line, max: limits.maxCellChars }) };
    }
  }
  const headers: string[] = [];
  for (let i = 0; i < width; i++) {
    const parts = headerGrid.map((r) => cleanHeader(r.cells[i] ?? ''));
    // Under a merged title the second row names the column; a column with nothing under its title keeps the title.
    headers.push(parts.at(-1) || parts.find((p) => p !== '') || '');
  }
  const rows: TableRow[] = body.map((row) => {
    const cells = new Array<string>(width);
    for (let i = 0; i < width; i++) cells[i] = row.cells[i] ?? '';
    return { line: row.line, cells };
  });
  return { ok: true, table: { format, ...(extra.sheet === undefined ? {} : { sheet: extra.sheet }), headers, rows, notes } };
}
