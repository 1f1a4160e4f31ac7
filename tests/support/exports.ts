/** Downloads of a list's export as a spreadsheet reads them: the .xlsx through exceljs, the CSV through csv-parse. */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

/** A table read back: the header row, then each row's cells as the reader sees them (a date cell as a Date). */
export interface ReadTable {
  header: string[];
  rows: unknown[][];
  /** The cells of one column, by its header. */
  column: (header: string) => unknown[];
}

function tableOf(all: unknown[][]): ReadTable {
  const [header = [], ...rows] = all;
  const names = header.map(String);
  return {
    header: names,
    rows,
    column: (name) => {
      const i = names.indexOf(name);
      if (i < 0) throw new Error(`no column "${name}" among ${JSON.stringify(names)}`);
      return rows.map((r) => r[i]);
    },
  };
}

/** GET as raw bytes, whatever the content type: the one download helper (tests/support/docx.ts). */
export { download } from './docx';

export async function readXlsx(body: Buffer): Promise<ReadTable & { cell: (row: number, col: number) => ExcelJS.Cell }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  const ws = workbook.worksheets[0]!;
  const all: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(row.getCell(c).value ?? '');
    all.push(cells);
  });
  return { ...tableOf(all), cell: (row, col) => ws.getRow(row + 1).getCell(col + 1) };
}

export function readCsv(body: Buffer, delimiter: ',' | ';' = ','): ReadTable {
  return tableOf(parse(body, { bom: true, delimiter }) as string[][]);
}
