/**
 * Reading an uploaded spreadsheet (issue 16): the smallest files of each
 * format, read to rows of text, and the pieces (dates, headers, separators,
 * cells) as tables of named cases. The corpus of real-world files is in
 * import-read-corpus.test.ts.
 */
import ExcelJS from 'exceljs';
import { LOCALES, translate } from '../../src/messages/catalogue';
import { cellRef, columnName, guessColumns, headerKey, IMPORT_KINDS, importFields, readLocalDateTime, readLocalTime, readTable, splitFullName, type ColumnGuess, type ImportField, type ImportKind, type NameParts, type ReadResult } from '../../src/services/imports';
import { sniffSeparator } from '../../src/services/imports/csv';
import { dateCellText, isTimeOnlyFormat, numberText } from '../../src/services/imports/xlsx';
import { unzippedSize } from '../../src/services/imports/zip-size';

const okTable = (result: ReadResult) => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.table;
};

describe('readTable, the two formats', () => {
  it('reads a UTF-8 CSV with a semicolon, a quoted new line and an empty trailing row', async () => {
    const table = okTable(await readTable(Buffer.from('ФИО;Должность\n"Мустафаев Шахин";"Министр\nэкономики"\n;\n', 'utf8'), 'people.csv'));
    expect(table).toMatchObject({ format: 'csv', headers: ['ФИО', 'Должность'], rows: [{ line: 2, cells: ['Мустафаев Шахин', 'Министр\nэкономики'] }] });
  });

  it('counts a row of control characters only as empty (found by the property test: bytes 01 0A 01)', async () => {
    expect(await readTable(Buffer.from([0x01, 0x0a, 0x01]), 'junk.csv')).toEqual({ ok: false, error: { key: 'import.empty', params: {} } });
    const table = okTable(await readTable(Buffer.from('Name;Notes\nHasanov;a\u0007b\n\u0001;\n'), 'people.csv'));
    expect(table.rows).toEqual([{ line: 2, cells: ['Hasanov', 'ab'] }]);
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

describe('readLocalDateTime', () => {
  it.each([
    { name: 'ISO date', cell: '2019-06-07', read: { date: '2019-06-07' } },
    { name: 'ISO date and time from a date cell', cell: '2019-06-07T10:00', read: { date: '2019-06-07', time: '10:00' } },
    { name: 'ISO with a space and seconds', cell: '2019-06-07 10:00:00', read: { date: '2019-06-07', time: '10:00' } },
    { name: 'Russian dotted date and time', cell: '07.06.2019 10:00', read: { date: '2019-06-07', time: '10:00' } },
    { name: 'dotted without leading zeros', cell: '7.6.2019', read: { date: '2019-06-07' } },
    { name: 'two-digit year', cell: '07.06.19', read: { date: '2019-06-07' } },
    { name: 'slashes, day first', cell: '7/6/2019', read: { date: '2019-06-07' } },
    { name: 'slashes with a month over 12 first read as American', cell: '6/17/2019', read: { date: '2019-06-17' } },
    { name: 'dashes, day first', cell: '07-06-2019', read: { date: '2019-06-07' } },
    { name: 'the Russian “г.” after the year', cell: '07.06.2019 г.', read: { date: '2019-06-07' } },
    { name: 'a comma before the time', cell: '07.06.2019, 9:05', read: { date: '2019-06-07', time: '09:05' } },
    { name: 'a dotted time', cell: '07.06.2019 10.30', read: { date: '2019-06-07', time: '10:30' } },
    { name: 'spaces around', cell: '  07.06.2019  ', read: { date: '2019-06-07' } },
    { name: 'no 31 June', cell: '31.06.2019', read: null },
    { name: 'no 29 February in 2019', cell: '29.02.2019', read: null },
    { name: 'no hour 24', cell: '07.06.2019 24:00', read: null },
    { name: 'no year outside 2000–2100', cell: '07.06.1999', read: null },
    { name: 'no month 13 on either side', cell: '13/13/2019', read: null },
    { name: 'a time alone is no date', cell: '10:00', read: null },
    { name: 'a serial number is no date (a date cell is converted when read)', cell: '43623', read: null },
    { name: 'words', cell: 'June 7', read: null },
    { name: 'empty', cell: '', read: null },
  ])('$name: “$cell”', ({ cell, read }) => {
    expect(readLocalDateTime(cell)).toEqual(read);
  });
});

describe('readLocalTime', () => {
  it.each([
    { cell: '10:00', read: '10:00' },
    { cell: '9:05', read: '09:05' },
    { cell: '9.30', read: '09:30' },
    { cell: '10:00:00', read: '10:00' },
    { cell: ' 23:59 ', read: '23:59' },
    { cell: '24:00', read: null },
    { cell: '10:60', read: null },
    { cell: '1000', read: null },
    { cell: '2019-06-07T10:00', read: null },
  ])('“$cell”', ({ cell, read }) => {
    expect(readLocalTime(cell)).toBe(read);
  });
});

describe('guessColumns', () => {
  it.each([
    { name: 'Russian ФИО list', kind: 'people' as const, headers: ['№', 'ФИО', 'Должность', 'Организация', 'Тел.', 'Эл. почта'], fields: ['externalId', 'fullName', 'positionRu', 'organization', 'phone', 'email'] },
    { name: 'Azerbaijani list', kind: 'people' as const, headers: ['Soyadı', 'Adı', 'Ata adı', 'Vəzifəsi', 'Təşkilat', 'E-poçt', 'Telefon'], fields: ['surname', 'givenName', 'patronymic', 'positionAz', 'organization', 'email', 'phone'] },
    { name: 'English list, any case and punctuation', kind: 'people' as const, headers: ['LAST NAME', 'first_name', 'E-Mail:', 'Job title', 'Company'], fields: ['surname', 'givenName', 'email', 'position', 'organization'] },
    { name: 'capitals, Azerbaijani İ and ı among them', kind: 'people' as const, headers: ['ФАМИЛИЯ', 'İŞTİRAKÇI', 'VƏZİFƏSİ'], fields: ['surname', 'fullName', 'positionAz'] },
    { name: 'ё as е', kind: 'organizations' as const, headers: ['Наименование', 'Краткое наимёнование'], fields: ['nameRu', 'shortName'] },
    { name: 'a field goes to its first column only', kind: 'people' as const, headers: ['Email', 'E-mail'], fields: ['email', null] },
    { name: 'unknown and empty headers fill nothing', kind: 'people' as const, headers: ['Passport', '', 'Shoe size'], fields: [null, null, null] },
    { name: 'organizations in Russian', kind: 'organizations' as const, headers: ['Наименование', 'Краткое наименование', 'Страна', 'Тип'], fields: ['nameRu', 'shortName', 'country', 'kind'] },
    { name: 'organizations in English', kind: 'organizations' as const, headers: ['ID', 'Organization', 'Country'], fields: ['externalId', 'name', 'country'] },
    { name: 'meetings in Russian', kind: 'meetings' as const, headers: ['Встреча', 'Дата', 'Начало', 'Окончание', 'Площадка', 'Зал', 'Участники'], fields: ['title', 'date', 'start', 'end', 'venue', 'room', 'participants'] },
    { name: 'meetings in Azerbaijani', kind: 'meetings' as const, headers: ['Görüş', 'Tarix', 'Başlanğıc', 'Son', 'Məkan'], fields: ['title', 'date', 'start', 'end', 'venue'] },
    { name: 'unavailability in English', kind: 'unavailability' as const, headers: ['Person', 'Date', 'From', 'To', 'Reason'], fields: ['person', 'date', 'start', 'end', 'reason'] },
    { name: 'unavailability in Russian', kind: 'unavailability' as const, headers: ['ФИО', 'Дата', 'С', 'По', 'Причина'], fields: ['person', 'date', 'start', 'end', 'reason'] },
  ] satisfies Array<{ name: string; kind: ImportKind; headers: string[]; fields: Array<ColumnGuess['field']> }>)('$name', ({ kind, headers, fields }) => {
    const guesses: ColumnGuess[] = guessColumns(kind, headers);
    expect(guesses.map((g) => g.field)).toEqual(fields);
    expect(guesses.map((g) => [g.header, g.index])).toEqual(headers.map((h, i) => [h, i]));
  });

  it.each(IMPORT_KINDS)('%s: every field has a label in every language and no synonym names two fields', (kind) => {
    const seen = new Map<string, string>();
    for (const f of importFields(kind) as readonly ImportField[]) {
      for (const locale of LOCALES) expect(translate(locale, f.labelKey)).not.toBe('');
      for (const synonym of [...f.headers.en, ...f.headers.ru, ...f.headers.az]) {
        const key = headerKey(synonym);
        expect(key).not.toBe('');
        if (seen.has(key) && seen.get(key) !== f.field) throw new Error(`${kind}: “${synonym}” names ${seen.get(key)} and ${f.field}`);
        seen.set(key, f.field);
      }
      // A field's own label, in each language, is a header it is guessed from; a Russian “Должность” is the position in Russian.
      const fields = new Set(importFields(kind).map((g) => g.field));
      for (const locale of LOCALES) {
        const own = `${f.field}${locale === 'ru' ? 'Ru' : 'Az'}`;
        expect(guessColumns(kind, [translate(locale, f.labelKey)])[0]!.field).toBe(locale !== 'en' && fields.has(own) ? own : f.field);
      }
    }
  });
});

describe('the pieces of reading', () => {
  it.each([
    { name: 'semicolons with commas inside cells', text: 'ФИО;Должность\nМустафаев Ш.;Министр, член правительства\n', separator: 'semicolon' },
    { name: 'commas with a semicolon inside quotes', text: 'Name,Notes\n"Hasanov","a;b;c"\n', separator: 'comma' },
    { name: 'tabs', text: 'Name\tNotes\nHasanov\tx, y\n', separator: 'tab' },
    { name: 'one column: commas', text: 'Name\nHasanov\n', separator: 'comma' },
    { name: 'blank lines before the header are passed over', text: '\n\n  \nName;Notes\nHasanov;x\n', separator: 'semicolon' },
  ])('sniffs $name', ({ text, separator }) => {
    expect(sniffSeparator(text).name).toBe(separator);
  });

  it.each([
    { n: 994501234567, text: '994501234567' },
    { n: 0.1 + 0.2, text: '0.3' },
    { n: 1e21, text: '1000000000000000000000' },
    { n: 1e-7, text: '0.0000001' },
    { n: -42, text: '-42' },
    { n: -5e-324, text: '0' },
    { n: Number.NaN, text: '' },
  ])('a number cell $n reads “$text”', ({ n, text }) => {
    expect(numberText(n)).toBe(text);
  });

  it.each([
    { name: 'a day', at: Date.UTC(2019, 5, 7), timeOnly: false, text: '2019-06-07' },
    { name: 'a day and time', at: Date.UTC(2019, 5, 7, 10, 0), timeOnly: false, text: '2019-06-07T10:00' },
    { name: 'a time a millisecond short of the minute', at: Date.UTC(2019, 5, 7, 9, 59, 59, 999), timeOnly: false, text: '2019-06-07T10:00' },
    { name: 'a time on Excel’s day zero', at: Date.UTC(1899, 11, 30, 12, 30), timeOnly: false, text: '12:30' },
    { name: 'a time on the 1904 system’s day zero', at: Date.UTC(1904, 0, 1, 8, 15), timeOnly: false, text: '08:15' },
    { name: 'a day and time formatted as a time', at: Date.UTC(2019, 5, 7, 10, 0), timeOnly: true, text: '10:00' },
  ])('a date cell: $name', ({ at, timeOnly, text }) => {
    expect(dateCellText(new Date(at), timeOnly)).toBe(text);
  });

  it.each([
    { format: 'hh:mm', timeOnly: true },
    { format: '[h]:mm:ss', timeOnly: true },
    { format: 'h:mm AM/PM', timeOnly: true },
    { format: 'dd.mm.yyyy', timeOnly: false },
    { format: 'dd.mm.yyyy hh:mm', timeOnly: false },
    { format: '[$-419]d mmmm yyyy', timeOnly: false },
    { format: '0.00', timeOnly: false },
    { format: '"Day" h', timeOnly: true },
  ])('the number format “$format” is a time alone: $timeOnly', ({ format, timeOnly }) => {
    expect(isTimeOnlyFormat(format)).toBe(timeOnly);
  });

  it.each([
    { index: 0, name: 'A' },
    { index: 25, name: 'Z' },
    { index: 26, name: 'AA' },
    { index: 59, name: 'BH' },
    { index: 16383, name: 'XFD' },
  ])('column $index is $name', ({ index, name }) => {
    expect(columnName(index)).toBe(name);
    expect(cellRef(index, 14)).toBe(`${name}14`);
  });

  it('reads the unpacked size from a workbook’s directory, and none from bytes that are no zip', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('People').addRow(['Full name']);
    const size = unzippedSize(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(size).toBeGreaterThan(1000);
    expect(size).toBeLessThan(100_000);
    expect(unzippedSize(Buffer.from('Surname;Given name\n'))).toBeNull();
    expect(unzippedSize(Buffer.alloc(10))).toBeNull();
  });
});

describe('splitFullName', () => {
  it.each([
    { name: 'Russian ФИО', text: 'Дрозденко Александр Юрьевич', parts: { surname: 'Дрозденко', givenName: 'Александр', patronymic: 'Юрьевич' } },
    { name: 'an Azerbaijani name in Russian, the patronymic two words', text: 'Мустафаев Шахин Ашраф оглы', parts: { surname: 'Мустафаев', givenName: 'Шахин', patronymic: 'Ашраф оглы' } },
    { name: 'Azerbaijani Soyadı Adı Ata adı', text: 'Əliyeva Ləman Rauf qızı', parts: { surname: 'Əliyeva', givenName: 'Ləman', patronymic: 'Rauf qızı' } },
    { name: 'surname and given name only', text: 'Mustafayev Shahin', parts: { surname: 'Mustafayev', givenName: 'Shahin', patronymic: '' } },
    { name: 'a comma after the surname', text: 'Mustafayev, Shahin', parts: { surname: 'Mustafayev', givenName: 'Shahin', patronymic: '' } },
    { name: 'spaces and a line break', text: '  Гасанов \n Рашад  ', parts: { surname: 'Гасанов', givenName: 'Рашад', patronymic: '' } },
    { name: 'a hyphenated surname', text: 'Ибрагим-заде Эльчин', parts: { surname: 'Ибрагим-заде', givenName: 'Эльчин', patronymic: '' } },
    { name: 'one word', text: 'AZPROMO', parts: { surname: 'AZPROMO', givenName: '', patronymic: '' } },
    { name: 'nothing', text: '   ', parts: null },
  ] satisfies Array<{ name: string; text: string; parts: NameParts | null }>)('$name', ({ text, parts }) => {
    expect(splitFullName(text)).toEqual(parts);
  });
});
