/**
 * Properties of reading an upload (issue 16): whatever the bytes, readTable
 * answers a table or one message and never throws; a table keeps its shape
 * (every row as wide as the header, rows numbered upwards, within the
 * limits); and a grid written as CSV or .xlsx reads back as the same text.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { render } from '../../src/messages';
import { LOCALES } from '../../src/messages/catalogue';
import { escapeFormulaText } from '../../src/services/exports';
import { readTable, TABLE_LIMITS, type ReadResult } from '../../src/services/imports';

const DIR = path.join(__dirname, '..', 'fixtures', 'import');
const FIXTURES = fs.readdirSync(DIR).map((name) => ({ name, bytes: fs.readFileSync(path.join(DIR, name)) }));
const NAMES = ['people.csv', 'people.xlsx', 'people.txt', 'people.tsv', 'people.xls', 'people.CSV'];

/** What every answer must be: a message every language can say, or a table of the promised shape. */
function expectWellFormed(result: ReadResult): void {
  if (!result.ok) {
    for (const locale of LOCALES) expect(render(result.error, locale)).not.toMatch(/\bimport\.[a-z]|[{}]|undefined|NaN/);
    return;
  }
  const { headers, rows } = result.table;
  expect(headers.length).toBeGreaterThan(0);
  expect(headers.length).toBeLessThanOrEqual(TABLE_LIMITS.maxColumns);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.length).toBeLessThanOrEqual(TABLE_LIMITS.maxRows);
  let previous = 1;
  for (const row of rows) {
    expect(row.line).toBeGreaterThan(previous);
    previous = row.line;
    expect(row.cells).toHaveLength(headers.length);
    expect(row.cells.some((c) => c.trim() !== '')).toBe(true);
    for (const cell of row.cells) expect(cell.length).toBeLessThanOrEqual(TABLE_LIMITS.maxCellChars);
  }
  for (const locale of LOCALES) for (const note of result.table.notes) expect(render(note, locale)).not.toMatch(/\bimport\.[a-z]|[{}]/);
}

/** A fixture changed the ways a download or an editor breaks files: bytes overwritten, cut off, inserted. */
const mutated = fc
  .record({
    fixture: fc.constantFrom(...FIXTURES),
    edits: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), kind: fc.constantFrom('set', 'cut', 'insert'), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }), { minLength: 1, maxLength: 4 }),
  })
  .map(({ fixture, edits }) => {
    let bytes = Buffer.from(fixture.bytes);
    for (const edit of edits) {
      const at = Math.floor(edit.at * bytes.length);
      if (edit.kind === 'set') Buffer.from(edit.bytes).copy(bytes, at);
      else if (edit.kind === 'cut') bytes = bytes.subarray(0, at);
      else bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(edit.bytes), bytes.subarray(at)]);
    }
    return { name: fixture.name, bytes };
  });

describe('readTable never throws', () => {
  it('on random bytes under any name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom(...NAMES), async (bytes, name) => {
        expectWellFormed(await readTable(Buffer.from(bytes), name));
      }),
      { numRuns: 300 },
    );
  });

  it('on random bytes behind a zip’s or an old workbook’s signature', async () => {
    const magic = fc.constantFrom(Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]));
    await fc.assert(
      fc.asyncProperty(magic, fc.uint8Array({ maxLength: 2048 }), fc.constantFrom(...NAMES), async (head, bytes, name) => {
        expectWellFormed(await readTable(Buffer.concat([head, Buffer.from(bytes)]), name));
      }),
      { numRuns: 200 },
    );
  });

  it('on the corpus’ files, damaged', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, async ({ name, bytes }) => {
        expectWellFormed(await readTable(bytes, name));
      }),
      { numRuns: 150 },
    );
  });
});

/**
 * Cells as offices type them: Latin, Cyrillic, Azerbaijani letters, digits,
 * separators, quotes, new lines, formula-like starts. No ё: in Windows-1251
 * "Рё" is the two bytes of UTF-8 "и", the one case a strict UTF-8 check cannot
 * tell apart, and a generated cell of two letters can be nothing else; a real
 * file has far more letters than that.
 */
const CHARS = [...'abcXYZ019 АБВгдж şəğıİöüç;,\t"\'\n=+-@'];
const cellText = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((cs) => cs.join(''));
const filledText = cellText.filter((c) => c.trim() !== '');

/** A grid whose header names every column and whose every row has something in it, as an import has. */
const grid = fc.integer({ min: 2, max: 6 }).chain((width) =>
  fc.record({
    headers: fc.array(filledText, { minLength: width, maxLength: width }),
    rows: fc.array(fc.array(cellText, { minLength: width, maxLength: width }).filter((cells) => cells.some((c) => c.trim() !== '')), { minLength: 1, maxLength: 8 }),
  }),
);

const quote = (cell: string): string => (/[";,\t\n\r]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell);

describe('a grid reads back as written', () => {
  it('from CSV, with any separator, line end and encoding, escaped as our exports write it or not', async () => {
    await fc.assert(
      fc.asyncProperty(grid, fc.constantFrom(';', ',', '\t'), fc.constantFrom('\n', '\r\n'), fc.constantFrom('utf8', 'utf8-bom', 'utf16-bom', 'win1251'), fc.boolean(), async ({ headers, rows }, sep, eol, encoding, escaped) => {
        // A typed cell "'=x" reads "=x" either way, and "''=x" reads "'=x": one apostrophe before a formula's first
        // sign (after any others) is read as the export's escape, which escapeFormulaText adds to such a text too.
        fc.pre([headers, ...rows].every((r) => r.every((c) => escaped || !/^'+[=+\-@\t]/.test(c))));
        const text = [headers, ...rows].map((r) => (escaped ? r.map(escapeFormulaText) : r).map(quote).join(sep)).join(eol) + eol;
        // Windows-1251 has no Azerbaijani letters: that encoding only carries grids without them.
        fc.pre(encoding !== 'win1251' || iconv.decode(iconv.encode(text, 'win1251'), 'win1251') === text);
        const bytes =
          encoding === 'utf8' ? Buffer.from(text, 'utf8') : encoding === 'utf8-bom' ? Buffer.from(`\ufeff${text}`, 'utf8') : encoding === 'utf16-bom' ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]) : iconv.encode(text, 'win1251');
        const result = await readTable(bytes, 'grid.csv');
        if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
        expect(result.table.headers).toEqual(headers.map((h) => h.replace(/\s+/g, ' ').trim()));
        expect(result.table.rows.map((r) => r.cells)).toEqual(rows);
        expect(result.table.rows.map((r) => r.line)).toEqual(rows.map((_, i) => i + 2));
      }),
      { numRuns: 300 },
    );
  });

  it('from an .xlsx, numbers as their digits', async () => {
    const cell = fc.oneof(cellText, fc.integer({ min: -1e12, max: 1e12 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((d) => Math.round(d * 1e6) / 1e6 || 0));
    const sheetGrid = fc.integer({ min: 1, max: 5 }).chain((width) =>
      fc.record({
        headers: fc.array(filledText, { minLength: width, maxLength: width }),
        rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }).filter((cells) => cells.some((c) => String(c).trim() !== '')), { minLength: 1, maxLength: 6 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(sheetGrid, async ({ headers, rows }) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('Grid');
        sheet.addRow(headers);
        for (const row of rows) sheet.addRow(row.map((c) => (c === '' ? null : c)));
        const result = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()), 'grid.xlsx');
        if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
        const asText = (c: string | number): string => (typeof c === 'number' ? String(Number(c.toPrecision(15))) : c);
        expect(result.table.rows.map((r) => r.cells)).toEqual(rows.map((r) => r.map(asText)));
        expect(result.table.headers).toEqual(headers.map((h) => h.replace(/\s+/g, ' ').trim()));
      }),
      { numRuns: 60 },
    );
  });
});
