import { loadExcel } from '../excel';

/**
 * One table, as every list exports it: columns with a header in the reader's
 * language, and rows of plain values. The same model is written as CSV and as
 * .xlsx, so both files of a list always say the same thing.
 *
 * A column's type says how a value is written:
 * - `text`: a string; one starting with = + - @ (or a tab or carriage return,
 *   or apostrophes before one of them) is never a formula (see `escapeFormulaText` and the xlsx writer);
 * - `number`: a number cell in .xlsx, the digits in CSV;
 * - `datetime` ('2019-06-06T10:00') and `date` ('2019-06-06'): wall-clock
 *   time in the forum's zone, a real date cell in .xlsx (Excel has no zones:
 *   the header names it), 'YYYY-MM-DD HH:mm' text in CSV.
 */
export type ColumnType = 'text' | 'number' | 'datetime' | 'date';
export type CellValue = string | number | null;

export interface SheetColumn {
  key: string;
  header: string;
  type?: ColumnType;
  /** Width in characters in .xlsx (a guess from the header and values otherwise). */
  width?: number;
}

export interface Sheet {
  /** The worksheet's name (at most 31 characters, no []:*?/\ in .xlsx; cleaned here). */
  name: string;
  columns: SheetColumn[];
  rows: Record<string, CellValue>[];
}

/** The CSV separators offered: a comma (RFC 4180) or a semicolon, which Excel expects where the decimal sign is a comma (Russian, Azerbaijani). */
export const CSV_SEPARATORS = [',', ';'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/**
 * A text a spreadsheet would read as a formula (OWASP's CSV injection list),
 * or one that would read as such a text escaped: apostrophes before a formula
 * sign ("'=1" is a text of its own, not the escape of "=1").
 */
const ESCAPED_OR_FORMULA = /^'*[=+\-@\t\r]/;

/**
 * A text as a CSV cell may carry it: one that would start a formula gets a
 * leading apostrophe, as OWASP advises, and so does one that already starts
 * with apostrophes before a formula sign, so the escape is never ambiguous:
 * '=1' is written '=1 with one apostrophe, "'=1" with two, and the import
 * (services/imports, unescapeFormulaText) takes exactly one off again.
 */
export function escapeFormulaText(text: string): string {
  return ESCAPED_OR_FORMULA.test(text) ? `'${text}` : text;
}

const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/;

/** '2019-06-06T10:00' as CSV shows it: '2019-06-06 10:00'. */
function localText(value: string): string {
  return value.replace('T', ' ');
}

/**
 * A wall-clock time as an Excel serial date: exceljs writes a Date by its UTC
 * reading, so the local time's fields are put in UTC. Null for a value that is
 * not a local date or time (written as text then).
 */
function excelDate(value: string): Date | null {
  const m = LOCAL_DATETIME.exec(value);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0'] = m;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)));
}

function textOf(column: SheetColumn, value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (column.type === 'datetime' || column.type === 'date') return LOCAL_DATETIME.test(value) ? localText(value) : escapeFormulaText(value);
  return escapeFormulaText(value);
}

/** RFC 4180: a field with the separator, a quote or a line break is quoted, its quotes doubled. */
function csvField(text: string, separator: CsvSeparator): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The sheet as CSV: UTF-8 with a byte order mark (Excel then reads Cyrillic and
 * ə as they are), CRLF after every record, the header first.
 */
export function toCsv(sheet: Sheet, separator: CsvSeparator = ','): Buffer {
  const line = (cells: string[]) => `${cells.map((c) => csvField(c, separator)).join(separator)}\r\n`;
  const parts = [line(sheet.columns.map((c) => escapeFormulaText(c.header)))];
  for (const row of sheet.rows) parts.push(line(sheet.columns.map((c) => textOf(c, row[c.key] ?? null))));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(parts.join(''), 'utf8')]);
}

const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = { datetime: 'yyyy-mm-dd hh:mm', date: 'yyyy-mm-dd' };

/** A worksheet's name as Excel allows it: no []:*?/\, at most 31 characters, never empty. */
export function worksheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31);
  return cleaned || 'Sheet1';
}

/**
 * The sheet as .xlsx. Every text is a string cell (exceljs writes a formula
 * only for a `{ formula }` value, which this never builds), numbers are
 * numbers, dates and times are date cells with a date format. The header row
 * is bold and frozen, and the columns have an autofilter.
 */
export async function toXlsx(sheet: Sheet): Promise<Buffer> {
  return toXlsxBook([sheet]);
}

/** Several sheets as one .xlsx workbook, each written as `toXlsx` writes one (a report's tables, one sheet each). */
export async function toXlsxBook(sheets: readonly Sheet[]): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'forum-planner';
  const names = new Set<string>();
  for (const sheet of sheets) {
    // Excel refuses two sheets of one name (compared without case): a repeat gets a number.
    let name = worksheetName(sheet.name);
    for (let n = 2; names.has(name.toLowerCase()); n++) name = `${worksheetName(sheet.name).slice(0, 27)} (${n})`;
    names.add(name.toLowerCase());
    addWorksheet(workbook, name, sheet);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addWorksheet(workbook: import('exceljs').Workbook, name: string, sheet: Sheet): void {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ key: c.key, width: c.width ?? widthOf(sheet, c), style: NUMBER_FORMATS[c.type ?? 'text'] ? { numFmt: NUMBER_FORMATS[c.type ?? 'text'] } : {} }));
  const header = ws.getRow(1);
  sheet.columns.forEach((c, i) => {
    header.getCell(i + 1).value = xmlText(c.header);
  });
  header.font = { bold: true };
  for (const row of sheet.rows) {
    const cells = sheet.columns.map((c) => xlsxValue(c, row[c.key] ?? null));
    ws.addRow(cells);
  }
  if (sheet.columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
}

function xlsxValue(column: SheetColumn, value: CellValue): string | number | Date | null {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (column.type === 'datetime' || column.type === 'date') return excelDate(value) ?? xmlText(value);
  // A plain string: exceljs stores it as a shared string, whatever it starts with.
  return xmlText(value);
}

/** XML 1.0 cannot carry most control characters or a lone surrogate: an .xlsx with one does not open, so they become U+FFFD. */
function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** A column's width: its longest line among the header and the first rows, within 8 and 60 characters. */
function widthOf(sheet: Sheet, column: SheetColumn): number {
  if (column.type === 'datetime') return 17;
  if (column.type === 'date') return 11;
  let longest = column.header.length;
  for (const row of sheet.rows.slice(0, 200)) {
    const v = row[column.key];
    if (typeof v === 'string') for (const part of v.split('\n')) longest = Math.max(longest, part.length);
  }
  return Math.min(60, Math.max(8, longest + 2));
}
