/**
 * CSV as offices send it: UTF-8 with or without a byte-order mark,
 * Windows-1251 from Russian Excel, UTF-16 from Excel's "Unicode text";
 * separated by semicolons, commas or tabs (sniffed); quoted cells may hold
 * new lines. Cells stay text exactly as written: '=1+2' and '+994 50 123 45 67'
 * are kept, never calculated or turned into numbers (the apostrophe an export
 * puts before '=1+2' is taken off again).
 */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { message, type Message } from '../../messages';
import type { CsvSeparator } from '../../messages/imports';
import { shapeTable, type GridRow } from './shape';
import type { ReadResult, TableLimits } from './table';

const SEPARATORS: ReadonlyArray<{ char: string; name: CsvSeparator }> = [
  { char: ';', name: 'semicolon' },
  { char: ',', name: 'comma' },
  { char: '\t', name: 'tab' },
];

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The text of the file, and how it was read; null when the bytes are not text. */
export function decodeText(bytes: Buffer): { text: string; notes: Message[] } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf16le'), notes: [message('import.note.utf-16', {})] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf16be'), notes: [message('import.note.utf-16', {})] };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  let text: string;
  const notes: Message[] = [];
  try {
    text = UTF8.decode(body);
  } catch {
    // Not UTF-8 from end to end: the other encoding an office's CSV comes in.
    text = iconv.decode(body, 'win1251');
    notes.push(message('import.note.windows-1251', {}));
  }
  return looksLikeText(text) ? { text, notes } : null;
}

/** Text has no NUL and hardly any other control character (tab, CR and LF are text). */
function looksLikeText(text: string): boolean {
  if (text.includes('\u0000')) return false;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || c === 0xfffd) controls++;
  }
  return controls <= Math.max(2, text.length / 1000);
}

/** Separators outside quotes on each line of the sample that has anything but spaces and separators on it. */
function countsPerLine(sample: string, char: string): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let count = 0;
  let filled = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c === '"') {
      inQuotes = !inQuotes;
      filled = true;
    } else if (inQuotes) continue;
    else if (c === char) count++;
    else if (c === '\n') {
      if (filled) counts.push(count);
      count = 0;
      filled = false;
    } else if (c !== ' ' && c !== ';' && c !== ',' && c !== '\t') filled = true;
  }
  if (filled) counts.push(count);
  return counts;
}

/**
 * The separator that splits the first lines into the same number of cells
 * most often, the header's number counting most; a comma when none splits anything.
 */
export function sniffSeparator(text: string): { char: string; name: CsvSeparator } {
  const sample = text.slice(0, 64 * 1024).replace(/\r\n?/g, '\n');
  let best = SEPARATORS[1]!;
  let bestScore = 0;
  for (const candidate of SEPARATORS) {
    const counts = countsPerLine(sample, candidate.char).slice(0, 50);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const same = counts.filter((n) => n === header).length;
    const score = same * 1000 + header;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The text without the empty rows after the last one with anything in it
 * (';;;' lines and blank lines Excel leaves): the line they follow is kept whole.
 */
export function withoutTrailingEmptyRows(text: string): string {
  let end = text.length;
  while (end > 0 && ' \t;,\r\n'.includes(text[end - 1]!)) end--;
  const lineEnd = text.indexOf('\n', end);
  return lineEnd < 0 ? text : text.slice(0, lineEnd + 1);
}

/**
 * Rows csv-parse may read past the row limit, for empty ones among them. It
 * builds an error object for every row whose number of cells differs from
 * the first row's, which costs tens of microseconds a row: this bound keeps a
 * file of millions of blank lines from holding the server for minutes.
 */
const EMPTY_ROWS_ALLOWED = 1000;

export function readCsv(bytes: Buffer, limits: TableLimits): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded) return { ok: false, error: message('import.binary', {}) };
  const { notes } = decoded;
  const text = withoutTrailingEmptyRows(decoded.text);
  // Only spaces, line ends and separators (the rows Excel leaves when a sheet is cleared): nothing to read.
  if (!/[^\s;,"]/.test(text)) return { ok: false, error: message('import.empty', {}) };
  const separator = sniffSeparator(text);
  const most = limits.maxRows + 1 + EMPTY_ROWS_ALLOWED;
  let records: string[][];
  // csv-parse's per-row error (see EMPTY_ROWS_ALLOWED) captures a stack no one reads; parse is synchronous, so nothing else runs meanwhile.
  const stackLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    records = parse(text, { delimiter: separator.char, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, to: most, max_record_size: limits.maxCellChars * limits.maxColumns + 1024 });
  } catch (err) {
    // An unclosed quote swallows the rest of the file: csv-parse stops at its end or at the record size bound.
    // The row it opened in is the one after the rows read whole, as a spreadsheet counts rows.
    const whole = (err as { records?: unknown }).records;
    return { ok: false, error: message('import.broken-csv', { line: typeof whole === 'number' ? whole + 1 : 1 }) };
  } finally {
    Error.stackTraceLimit = stackLimit;
  }
  if (records.length >= most) return { ok: false, error: message('import.too-many-rows', { rows: Math.max(limits.maxRows + 1, filledLines(text) - 1), max: limits.maxRows }) };
  const grid: GridRow[] = records.map((cells, i) => ({ line: i + 1, cells: cells.map(unescapeFormulaText) }));
  return shapeTable(grid, 'csv', limits, { notes: [...notes, message('import.note.separator', { separator: separator.name })] });
}

/**
 * A cell as it was before a CSV writer kept a spreadsheet from running it:
 * OWASP's escape, which our exports use too (services/exports,
 * escapeFormulaText), puts an apostrophe before a text starting with = + - @,
 * a tab or CR, and before one starting with apostrophes and then one of
 * those. One apostrophe comes off: "'=1" reads "=1", "''=1" reads "'=1", so
 * an exported list comes back unchanged.
 */
export function unescapeFormulaText(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Lines with something on them: the rows of a file too long to read to its end. */
function filledLines(text: string): number {
  let count = 0;
  let filled = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (filled) count++;
      filled = false;
    } else if (c > 32 && c !== 59 && c !== 44) filled = true;
  }
  return filled ? count + 1 : count;
}
