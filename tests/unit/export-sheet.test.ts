/**
 * The one table model every list exports (src/services/exports/sheet.ts):
 * CSV as RFC 4180 with a BOM and CRLF, formula cells escaped with an
 * apostrophe (OWASP), and .xlsx with string cells that are never formulas,
 * numbers as numbers and times as real dates. Read back with csv-parse and
 * exceljs, as a spreadsheet would read them.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { CSV_SEPARATORS, escapeFormulaText, toCsv, toXlsx, worksheetName, type CsvSeparator, type Sheet } from '../../src/services/exports';
import { readTable } from '../../src/services/imports';

const sheetOf = (rows: Sheet['rows'], columns: Sheet['columns'] = [{ key: 'a', header: 'A' }]): Sheet => ({ name: 'Test', columns, rows });

function readCsv(buffer: Buffer, delimiter: CsvSeparator = ','): string[][] {
  return parse(buffer, { bom: true, delimiter, relax_column_count: false }) as string[][];
}

async function readXlsx(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0]!;
}

describe('formula injection', () => {
  it.each([
    { name: 'an equals sign', text: '=HYPERLINK("http://evil.example","x")', csv: `'=HYPERLINK("http://evil.example","x")` },
    { name: 'a plus sign (a phone number)', text: '+7 812 000-00-00', csv: "'+7 812 000-00-00" },
    { name: 'a minus sign', text: '-2+3', csv: "'-2+3" },
    { name: 'an at sign', text: '@SUM(A1:A2)', csv: "'@SUM(A1:A2)" },
    { name: 'a tab', text: '\t=1', csv: "'\t=1" },
    { name: 'a carriage return', text: '\r=1', csv: "'\r=1" },
    { name: 'an equals sign inside', text: 'a=b', csv: 'a=b' },
    // A text that itself looks escaped gets one more apostrophe, so the import can tell the two apart.
    { name: 'an apostrophe before an equals sign', text: "'=1+2", csv: "''=1+2" },
    { name: 'two apostrophes before a plus sign', text: "''+7", csv: "'''+7" },
    { name: 'an apostrophe before a letter', text: "'tis", csv: "'tis" },
    { name: 'Azerbaijani letters', text: 'Ləman Əliyeva', csv: 'Ləman Əliyeva' },
  ])('CSV: a cell starting with $name is $csv', ({ text, csv }) => {
    expect(escapeFormulaText(text)).toBe(csv);
    expect(readCsv(toCsv(sheetOf([{ a: text }])))[1]).toEqual([csv]);
  });

  it('CSV: a number column keeps a negative number as it is', () => {
    expect(readCsv(toCsv(sheetOf([{ n: -5 }], [{ key: 'n', header: 'N', type: 'number' }])))[1]).toEqual(['-5']);
  });

  it('CSV: a header that starts a formula is escaped too', () => {
    expect(readCsv(toCsv(sheetOf([], [{ key: 'a', header: '=cmd' }])))[0]).toEqual(["'=cmd"]);
  });

  it('xlsx: every such text is a string cell, never a formula', async () => {
    const texts = ['=1+2', '+1', '-1', '@A1', '=HYPERLINK("http://evil.example","x")'];
    const ws = await readXlsx(await toXlsx(sheetOf(texts.map((a) => ({ a })))));
    texts.forEach((text, i) => {
      const cell = ws.getRow(i + 2).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(text);
    });
  });
});

describe('the escape, both ways: what an export writes, an import reads back as it was', () => {
  const texts = ['=1+2', "'=1+2", "''=1+2", '+994 12 493 82 93', "'+7", '-', "'-", '@mention', "'@x", "'tis", "It's", "'", "''", 'plain'];
  it.each(CSV_SEPARATORS)('with %j: every cell comes back unchanged', async (separator) => {
    const read = await readTable(toCsv(sheetOf(texts.map((a) => ({ a }))), separator), 'list.csv');
    if (!read.ok) throw new Error('not read');
    expect(read.table.rows.map((r) => r.cells[0])).toEqual(texts);
  });

  it('for any text starting with apostrophes and formula signs', async () => {
    const start = fc.array(fc.constantFrom("'", '=', '+', '-', '@', 'a', ' '), { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(start, fc.string({ maxLength: 6 })).map(([a, b]) => a + b), { minLength: 1, maxLength: 8 }), async (cells) => {
        // Spaces around a cell are the reader's to trim; the escape is about what a cell starts with.
        const kept = cells.map((c) => c.trim().replace(/[\r\n\t]/g, '')).filter((c) => c !== '');
        fc.pre(kept.length > 0);
        const read = await readTable(toCsv(sheetOf(kept.map((a) => ({ a })))), 'list.csv');
        if (!read.ok) throw new Error('not read');
        expect(read.table.rows.map((r) => r.cells[0]!.trim())).toEqual(kept);
      }),
      { numRuns: 200 },
    );
  });
});

describe('CSV', () => {
  it('starts with a UTF-8 byte order mark and ends every record with CRLF', () => {
    const csv = toCsv(sheetOf([{ a: 'Шахин Мустафаев' }, { a: 'Şahin Mustafayev' }]));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8')).toBe('A\r\nШахин Мустафаев\r\nŞahin Mustafayev\r\n');
  });

  it.each([
    { name: 'a comma', text: 'Hall 1, ExpoForum', field: '"Hall 1, ExpoForum"' },
    { name: 'a quote', text: 'The “Caspian” and "Baku"', field: '"The “Caspian” and ""Baku"""' },
    { name: 'a line break', text: 'one\ntwo', field: '"one\ntwo"' },
    { name: 'nothing special', text: 'Room A', field: 'Room A' },
  ])('quotes a field with $name (RFC 4180)', ({ text, field }) => {
    expect(toCsv(sheetOf([{ a: text }])).subarray(3).toString('utf8')).toBe(`A\r\n${field}\r\n`);
  });

  it('with semicolons quotes a field with a semicolon and leaves commas alone', () => {
    const csv = toCsv(sheetOf([{ a: 'a;b', b: 'c,d' }], [{ key: 'a', header: 'A' }, { key: 'b', header: 'B' }]), ';');
    expect(csv.subarray(3).toString('utf8')).toBe('A;B\r\n"a;b";c,d\r\n');
  });

  it('writes dates and times as local text, an empty cell for none', () => {
    const columns: Sheet['columns'] = [{ key: 'd', header: 'D', type: 'date' }, { key: 't', header: 'T', type: 'datetime' }];
    expect(readCsv(toCsv(sheetOf([{ d: '2019-06-06', t: '2019-06-06T10:30' }, { d: null, t: null }], columns))).slice(1)).toEqual([
      ['2019-06-06', '2019-06-06 10:30'],
      ['', ''],
    ]);
  });

  it('reads back as written, for any texts and either separator (formula starts escaped)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'grapheme' }), fc.string()), { maxLength: 8 }), fc.constantFrom<CsvSeparator>(',', ';'), (pairs, sep) => {
        const columns: Sheet['columns'] = [{ key: 'a', header: 'A' }, { key: 'b', header: 'B' }];
        const rows = pairs.map(([a, b]) => ({ a, b }));
        const read = readCsv(toCsv(sheetOf(rows, columns), sep), sep);
        expect(read[0]).toEqual(['A', 'B']);
        expect(read.slice(1)).toEqual(pairs.map(([a, b]) => [escapeFormulaText(a), escapeFormulaText(b)]));
      }),
    );
  });
});

describe('xlsx', () => {
  it('writes numbers as numbers and local times as date cells of the same wall-clock time', async () => {
    const columns: Sheet['columns'] = [{ key: 'n', header: 'N', type: 'number' }, { key: 'd', header: 'Day', type: 'date' }, { key: 't', header: 'Start (Europe/Moscow)', type: 'datetime' }];
    const ws = await readXlsx(await toXlsx(sheetOf([{ n: 42, d: '2019-06-06', t: '2019-06-06T10:30' }], columns)));
    expect(ws.getRow(1).values).toEqual([undefined, 'N', 'Day', 'Start (Europe/Moscow)']);
    const row = ws.getRow(2);
    expect(row.getCell(1).value).toBe(42);
    expect(row.getCell(2).value).toEqual(new Date(Date.UTC(2019, 5, 6)));
    expect(row.getCell(3).value).toEqual(new Date(Date.UTC(2019, 5, 6, 10, 30)));
    expect(row.getCell(3).numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('reads back every text as written, Cyrillic and ə included; a character XML cannot carry becomes U+FFFD', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), async (texts) => {
        const ws = await readXlsx(await toXlsx(sheetOf(texts.map((a) => ({ a })))));
        texts.forEach((text, i) => {
          const cell = ws.getRow(i + 2).getCell(1);
          const expected = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '\uFFFD');
          // An empty string is an empty cell.
          expect(cell.value ?? '').toBe(expected);
        });
      }),
      { numRuns: 30 },
    );
    const ws = await readXlsx(await toXlsx(sheetOf([{ a: 'Ləman Əliyeva · Леман Алиева' }, { a: 'bell\u0007' }])));
    expect(ws.getRow(2).getCell(1).value).toBe('Ləman Əliyeva · Леман Алиева');
    expect(ws.getRow(3).getCell(1).value).toBe('bell\uFFFD');
  });

  it.each([
    { name: 'SPIEF 2019: people [draft]', sheet: 'SPIEF 2019  people  draft' },
    { name: 'a name longer than thirty-one characters', sheet: 'a name longer than thirty-one c' },
    { name: '???', sheet: 'Sheet1' },
  ])('names the worksheet as Excel allows: $name', ({ name, sheet }) => {
    expect(worksheetName(name)).toBe(sheet);
  });
});
