/**
 * Files as LibreOffice writes them are read like ours (issue 16, "Real-world
 * files"): the corpus' CSV files opened by `soffice --headless` and saved as
 * .xlsx, its workbooks saved again as .xlsx and as CSV, and each read by
 * readTable to the same header and rows as the original (a date LibreOffice
 * recognised in a CSV reads as the same date, through readLocalDateTime).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLocalDateTime, readLocalTime, readTable, type ReadTable } from '../../src/services/imports';

jest.setTimeout(180_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'import');
let dir: string;

/** soffice --headless --convert-to, with a profile of its own (two conversions at once must not share one). */
function convert(files: string[], to: string, outDir: string, infilter?: string): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', to, '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 150_000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function read(file: string): Promise<ReadTable> {
  const result = await readTable(fs.readFileSync(file), path.basename(file));
  if (!result.ok) throw new Error(`${file} refused: ${JSON.stringify(result.error)}`);
  return result.table;
}

/** A cell as what it means: a date or a time the way readLocalDateTime and readLocalTime read it, else its text. */
const meaning = (cell: string): string => {
  const at = readLocalDateTime(cell);
  if (at) return at.time ? `${at.date}T${at.time}` : at.date;
  return readLocalTime(cell) ?? cell;
};
const rowsOf = (table: ReadTable) => table.rows.map((r) => ({ line: r.line, cells: r.cells.map(meaning) }));

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-import-office-'));
  const copy = (name: string, as = name) => {
    fs.copyFileSync(path.join(FIXTURES, name), path.join(dir, as));
    return path.join(dir, as);
  };
  fs.mkdirSync(path.join(dir, 'from-csv'));
  fs.mkdirSync(path.join(dir, 'from-xlsx-csv'));
  fs.mkdirSync(path.join(dir, 'from-xlsx-xlsx'));
  // CSV import options: separator, quote, character set, first line; then each column as "standard".
  convert([copy('people-utf8-bom.csv')], 'xlsx', path.join(dir, 'from-csv'), 'CSV:44,34,76,1');
  // 34 is LibreOffice's number for Windows-1251 (RTL_TEXTENCODING_MS_1251).
  convert([copy('people-windows-1251.csv')], 'xlsx', path.join(dir, 'from-csv'), 'CSV:59,34,34,1');
  // The date column as LibreOffice guesses it (it recognises 07.06.2019), the times as text: "9.30" typed in a
  // spreadsheet is the number 9.3, which no reader can tell from a time.
  convert([copy('meetings-local-dates.csv')], 'xlsx', path.join(dir, 'from-csv'), 'CSV:59,34,76,1,1/1/2/1/3/2/4/2/5/1');
  const workbooks = ['people-azerbaijani.xlsx', 'people-merged-header.xlsx', 'meetings-date-cells.xlsx'].map((name) => copy(name, `lo-${name}`));
  convert(workbooks, 'csv:Text - txt - csv (StarCalc):59,34,76,1', path.join(dir, 'from-xlsx-csv'));
  convert(workbooks, 'xlsx:Calc MS Excel 2007 XML', path.join(dir, 'from-xlsx-xlsx'));
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('files LibreOffice wrote', () => {
  it.each([
    { name: 'UTF-8 CSV with commas, saved as .xlsx (a phone that became a number keeps its digits)', original: 'people-utf8-bom.csv', converted: 'from-csv/people-utf8-bom.xlsx' },
    { name: 'Windows-1251 CSV with semicolons, saved as .xlsx', original: 'people-windows-1251.csv', converted: 'from-csv/people-windows-1251.xlsx' },
    { name: 'CSV with local dates, saved as .xlsx (dates LibreOffice recognised mean the same days)', original: 'meetings-local-dates.csv', converted: 'from-csv/meetings-local-dates.xlsx' },
    { name: 'an .xlsx with Azerbaijani headers, saved again by LibreOffice', original: 'people-azerbaijani.xlsx', converted: 'from-xlsx-xlsx/lo-people-azerbaijani.xlsx' },
    { name: 'two header rows under merged titles, saved again by LibreOffice (the merges kept)', original: 'people-merged-header.xlsx', converted: 'from-xlsx-xlsx/lo-people-merged-header.xlsx' },
    { name: 'date cells, saved again by LibreOffice', original: 'meetings-date-cells.xlsx', converted: 'from-xlsx-xlsx/lo-meetings-date-cells.xlsx' },
    { name: 'an .xlsx with Azerbaijani headers, exported as CSV', original: 'people-azerbaijani.xlsx', converted: 'from-xlsx-csv/lo-people-azerbaijani.csv' },
    // LibreOffice's CSV gives a merged cell's value to its first cell only: A3, under the date merged over A2:A3, is empty.
    { name: 'date cells exported as CSV in their display formats', original: 'meetings-date-cells.xlsx', converted: 'from-xlsx-csv/lo-meetings-date-cells.csv', emptyInTheirs: [[3, 0]] },
  ] as Array<{ name: string; original: string; converted: string; emptyInTheirs?: Array<[line: number, column: number]> }>)('$name', async ({ original, converted, emptyInTheirs = [] }) => {
    const ours = await read(path.join(FIXTURES, original));
    const theirs = await read(path.join(dir, converted));
    expect(theirs.headers).toEqual(ours.headers);
    const expected = rowsOf(ours).map((row) => ({ ...row, cells: row.cells.map((cell, column) => (emptyInTheirs.some(([l, c]) => l === row.line && c === column) ? '' : cell)) }));
    expect(rowsOf(theirs)).toEqual(expected);
  });
});
