/**
 * Reading an uploaded spreadsheet (issue 16): the smallest files of each
 * format, read to rows of text. The corpus of real-world files is in
 * import-read-corpus.test.ts.
 */
import ExcelJS from 'exceljs';
import { guessColumns, readTable, type ReadResult } from '../../src/services/imports';

const okTable = (result: ReadResult) => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.table;
};

describe('readTable, the two formats', () => {
  it('reads a UTF-8 CSV with a semicolon, a quoted new line and an empty trailing row', async () => {
    const table = okTable(await readTable(Buffer.from('ФИО;Должность\n"Мустафаев Шахин";"Министр\nэкономики"\n;\n', 'utf8'), 'people.csv'));
    expect(table).toMatchObject({ format: 'csv', headers: ['ФИО', 'Должность'], rows: [{ line: 2, cells: ['Мустафаев Шахин', 'Министр\nэкономики'] }] });
  });

  it('reads an .xlsx sheet, a phone number typed as a number kept as its digits', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('People');
    sheet.addRow(['Soyadı', 'Adı', 'Telefon']);
    sheet.addRow(['Mustafayev', 'Şahin', 994501234567]);
    const table = okTable(await readTable(Buffer.from(await workbook.xlsx.writeBuffer()), 'people.xlsx'));
    expect(table).toMatchObject({ format: 'xlsx', sheet: 'People', headers: ['Soyadı', 'Adı', 'Telefon'], rows: [{ line: 2, cells: ['Mustafayev', 'Şahin', '994501234567'] }] });
    expect(guessColumns('people', table.headers).map((g) => g.field)).toEqual(['surname', 'givenName', 'phone']);
  });
});
