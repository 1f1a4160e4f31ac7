/**
 * An .xlsx workbook through exceljs. Every cell becomes text: a date cell an
 * ISO date ('2019-06-07', '2019-06-07T10:00', a time alone '10:00'), a number
 * its digits (a phone typed as a number stays 994501234567, never 9.94E+11),
 * text exactly as typed (a number stored as text keeps its leading zeros, a
 * text starting with '=' stays text). A cell that holds a formula refuses the
 * file, naming the cell: formulas are never evaluated, and the value Excel
 * cached beside one may be stale. A merged cell's value fills its whole span.
 */
import { loadExcel } from '../excel';
import type { Buffer as ExcelBuffer, CellValue, Worksheet } from 'exceljs';
import { message, type Message } from '../../messages';
import { shapeTable, type GridRow } from './shape';
import { cellRef, type ReadResult, type TableLimits } from './table';
import { unzippedSize } from './zip-size';

/** How much larger than the upload limit a workbook may be once unpacked (text compresses about ten times). */
export const UNZIPPED_FACTOR = 20;

type Sheet = Worksheet;


const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * exceljs gives a date cell as the Date whose UTC fields are the wall clock
 * Excel shows. A day alone reads as its date, a time on Excel's day zero
 * (1899-12-30, or 1904-01-01) as the time alone.
 */
export function dateCellText(d: Date, timeOnly = false): string {
  if (Number.isNaN(d.getTime())) return '';
  // Excel keeps times as fractions of a day: round to the minute (10:00 may arrive as 09:59:59.999).
  const at = new Date(Math.round(d.getTime() / 60_000) * 60_000);
  const date = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
  const time = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
  const dayZero = date === '1899-12-30' || date === '1899-12-31' || date === '1904-01-01';
  if (dayZero || timeOnly) return time;
  return time === '00:00' ? date : `${date}T${time}`;
}

/** Whether a number format shows a time of day and no date ('hh:mm', '[h]:mm:ss', 'h:mm AM/PM'). */
export function isTimeOnlyFormat(format: string | undefined): boolean {
  if (!format) return false;
  const plain = format.replace(/"[^"]*"|\[(?![hms]+\])[^\]]*\]|\\./gi, '').replace(/AM\/PM|A\/P/gi, '');
  return /[hs]/i.test(plain) && !/[dy]/i.test(plain);
}

/** A number as its digits: no exponent, no binary noise (0.1 + 0.2 reads 0.3). */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  const rounded = Number(n.toPrecision(15));
  const plain = String(rounded);
  if (!/e/i.test(plain)) return plain;
  // Below 1e-6 String() writes an exponent; past 20 decimals it is nothing a list of people holds.
  const fixed = rounded.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  return fixed === '-0' ? '0' : fixed;
}

function richText(value: { richText: Array<{ text: string }> }): string {
  return value.richText.map((r) => r.text ?? '').join('');
}

/** A cell's value as text; 'formula' when it holds one. A date shown as a time alone reads as that time. */
function cellText(value: CellValue, format?: string): string | 'formula' {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateCellText(value, isTimeOnlyFormat(format));
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return 'formula';
    if ('richText' in value && Array.isArray(value.richText)) return richText(value);
    if ('hyperlink' in value) {
      const text = (value as { text?: unknown }).text;
      if (typeof text === 'string') return text;
      if (text && typeof text === 'object' && 'richText' in text) return richText(text as { richText: Array<{ text: string }> });
      return String((value as { hyperlink: unknown }).hyperlink ?? '');
    }
    if ('error' in value) return String(value.error);
  }
  return '';
}

function hasContent(sheet: Sheet): boolean {
  let found = false;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (!found) row.eachCell({ includeEmpty: false }, (cell) => {
      if (cellText(cell.value) !== '') found = true;
    });
  });
  return found;
}

/** Whether the first filled row holds a title merged across columns that ends in that row: then the row under it names the columns. */
function titlesOverColumns(sheet: Sheet, firstLine: number): boolean {
  const merges = (sheet.model as { merges?: string[] }).merges ?? [];
  return merges.some((range) => {
    const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(range);
    if (!m) return false;
    return Number(m[2]) === firstLine && Number(m[4]) === firstLine && m[1] !== m[3];
  });
}

type Grid = { ok: true; rows: GridRow[] } | { ok: false; error: Message };

function gridOf(sheet: Sheet, limits: TableLimits): Grid {
  const rows: GridRow[] = [];
  let refusal: Message | undefined;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (refusal) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (refusal) return;
      // A merged cell's own value is its master's; a formula in the master is refused there.
      const text = cellText(cell.value, cell.numFmt);
      if (text === 'formula') {
        refusal = message('import.formula', { sheet: sheet.name, ref: cellRef(column - 1, line), line });
        return;
      }
      if (text === '') return;
      // A filled cell past the last column allowed: refused here, before a stray cell in column XFD pads every row to 16,384 cells.
      if (column > limits.maxColumns) {
        refusal = message('import.too-many-columns', { columns: column, max: limits.maxColumns });
        return;
      }
      while (cells.length < column - 1) cells.push('');
      cells[column - 1] = text;
    });
    rows.push({ line, cells });
  });
  return refusal ? { ok: false, error: refusal } : { ok: true, rows };
}

export async function readXlsx(bytes: Buffer, limits: TableLimits): Promise<ReadResult> {
  const unpacked = unzippedSize(bytes);
  if (unpacked === null) return { ok: false, error: message('import.broken-xlsx', {}) };
  if (unpacked > limits.maxBytes * UNZIPPED_FACTOR) return { ok: false, error: message('import.too-large-unzipped', { megabytes: Math.round((limits.maxBytes * UNZIPPED_FACTOR) / (1024 * 1024)) }) };
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelBuffer, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'drawing', 'picture', 'legacyDrawing'] });
  } catch {
    return { ok: false, error: message('import.broken-xlsx', {}) };
  }
  const sheets = workbook.worksheets.filter((s) => s.state !== 'hidden' && s.state !== 'veryHidden' && hasContent(s));
  const sheet = sheets[0];
  if (!sheet) return { ok: false, error: message('import.no-sheet', {}) };
  const notes: Message[] = sheets.length > 1 ? [message('import.note.sheet', { sheet: sheet.name, sheets: sheets.length })] : [];
  const grid = gridOf(sheet, limits);
  if (!grid.ok) return grid;
  const firstFilled = grid.rows.find((r) => r.cells.some((c) => c.trim() !== ''));
  const twoHeaderRows = firstFilled !== undefined && titlesOverColumns(sheet, firstFilled.line);
  if (twoHeaderRows) notes.push(message('import.note.two-header-rows', {}));
  return shapeTable(grid.rows, 'xlsx', limits, { sheet: sheet.name, notes }, twoHeaderRows ? 2 : 1);
}
