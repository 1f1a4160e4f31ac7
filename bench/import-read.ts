/**
 * Reading an upload (issue 16: "10,000 rows of CSV read in well under a
 * second"): readTable over 10,000 people as a Windows-1251 CSV with
 * semicolons and as an .xlsx, each against the library's own reading of the
 * same bytes in the same run (csv-parse's parse of the decoded text,
 * exceljs's load), so the ratio says what our checks and shaping add.
 *
 * Run alone: npx tsx bench/import-read.ts
 */
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readTable } from '../src/services/imports';

const ROWS = 10_000;
const REPETITIONS = 7;
const TARGET = 1.5;

const HEADERS = ['Фамилия', 'Имя', 'Отчество', 'Должность', 'Организация', 'Телефон', 'E-mail'];
const rowOf = (i: number): string[] => [`Мустафаев${i}`, 'Шахин', 'Ашраф оглы', 'Советник; отдел "B2B"', 'Министерство экономики', `+994 50 ${String(1_000_000 + i).slice(1)}`, `person${i}@economy.gov.az`];
const quote = (cell: string): string => (/[";\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

async function median(fn: () => Promise<unknown> | unknown): Promise<number> {
  const samples: number[] = [];
  await fn();
  for (let i = 0; i < REPETITIONS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

export async function benchImportRead(): Promise<{ lines: string[] }> {
  const text = [HEADERS, ...Array.from({ length: ROWS }, (_, i) => rowOf(i))].map((r) => r.map(quote).join(';')).join('\r\n');
  const csv = iconv.encode(text, 'win1251');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('People');
  sheet.addRow(HEADERS);
  for (let i = 0; i < ROWS; i++) sheet.addRow(rowOf(i));
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());

  const check = async (bytes: Buffer, name: string) => {
    const read = await readTable(bytes, name);
    if (!read.ok || read.table.rows.length !== ROWS) throw new Error(`${name}: ${JSON.stringify(read.ok ? read.table.rows.length : read.error)}`);
  };
  const csvOurs = await median(() => check(csv, 'people.csv'));
  const csvLibrary = await median(() => parse(iconv.decode(csv, 'win1251'), { delimiter: ';', relax_column_count: true }));
  const xlsxOurs = await median(() => check(xlsx, 'people.xlsx'));
  const xlsxLibrary = await median(() => new ExcelJS.Workbook().xlsx.load(xlsx as unknown as ExcelJS.Buffer));
  const ms = (t: number): string => `${t.toFixed(0)} ms`;
  const line = (what: string, ours: number, library: number, base: string): string => {
    const ratio = ours / library;
    return `${what}: readTable ${ms(ours)} ÷ ${base} ${ms(library)} = ${ratio.toFixed(2)} (target ≤ ${TARGET}) ${ratio <= TARGET ? 'PASS' : 'MISS'}`;
  };
  return {
    lines: [
      `Reading ${ROWS.toLocaleString('en')} people × ${HEADERS.length} columns (medians of ${REPETITIONS})`,
      line(`CSV, Windows-1251, ${(csv.length / 1024).toFixed(0)} KiB`, csvOurs, csvLibrary, 'decode + csv-parse'),
      line(`.xlsx, ${(xlsx.length / 1024).toFixed(0)} KiB`, xlsxOurs, xlsxLibrary, 'exceljs load'),
    ],
  };
}

if (require.main === module) {
  benchImportRead().then(({ lines }) => console.log(lines.join('\n')));
}
