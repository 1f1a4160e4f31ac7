/**
 * readTable: an uploaded file's bytes to a ReadTable, or one message saying
 * why not. What the bytes are decides how they are read (a zip is a
 * workbook, an OLE2 file an old .xls, anything else text), the name only
 * which kinds of file are offered at all. It never throws: whatever the
 * bytes, the answer is a table or a message.
 */
import path from 'node:path';
import { message } from '../../messages';
import { readCsv } from './csv';
import { TABLE_LIMITS, type ReadResult, type TableLimits } from './table';
import { readXlsx } from './xlsx';

const TEXT_NAMES = new Set(['.csv', '.tsv', '.txt']);
const WORKBOOK_NAMES = new Set(['.xlsx']);
/** Offered so that the answer can say what the file really is. */
const OLD_NAMES = new Set(['.xls']);

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const startsWith = (bytes: Buffer, magic: Buffer): boolean => bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);

export async function readTable(bytes: Buffer, fileName: string, limits?: Partial<TableLimits>): Promise<ReadResult> {
  const bounds: TableLimits = { ...TABLE_LIMITS, ...limits };
  const extension = path.extname(fileName).toLowerCase();
  if (!TEXT_NAMES.has(extension) && !WORKBOOK_NAMES.has(extension) && !OLD_NAMES.has(extension)) return { ok: false, error: message('import.unsupported-type', { fileName: path.basename(fileName).slice(0, 200) }) };
  if (bytes.length > bounds.maxBytes) return { ok: false, error: message('import.too-large', { megabytes: Math.round((bounds.maxBytes / (1024 * 1024)) * 10) / 10 }) };
  if (bytes.length === 0) return { ok: false, error: message('import.empty', {}) };
  try {
    if (startsWith(bytes, OLE2)) return { ok: false, error: message('import.old-xls', {}) };
    if (startsWith(bytes, ZIP)) return await readXlsx(bytes, bounds);
    // An .xls that is not OLE2 is still no workbook we read (often an HTML table Excel was told to open).
    if (OLD_NAMES.has(extension)) return { ok: false, error: message('import.old-xls', {}) };
    if (WORKBOOK_NAMES.has(extension)) return { ok: false, error: message('import.broken-xlsx', {}) };
    return readCsv(bytes, bounds);
  } catch {
    // The readers answer every file they understand; anything else a library throws on is a file we cannot read.
    return { ok: false, error: message(startsWith(bytes, ZIP) ? 'import.broken-xlsx' : 'import.binary', {}) };
  }
}
