/**
 * The corpus of real-world files (issue 16, "Real-world files"): every file
 * under tests/fixtures/import/ (written by scripts/make-import-fixtures.ts)
 * has a named case here saying what reading it gives, and a file without a
 * case fails the first test. The limits are tried at their real size with
 * files built in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { render, type Message } from '../../src/messages';
import { LOCALES } from '../../src/messages/catalogue';
import { readTable, TABLE_LIMITS, type ReadResult, type ReadTable, type TableLimits, type TableRow } from '../../src/services/imports';

const DIR = path.join(__dirname, '..', 'fixtures', 'import');
const fixture = (name: string): Buffer => fs.readFileSync(path.join(DIR, name));

const PEOPLE_HEADERS = ['ФИО', 'Должность', 'Организация', 'Телефон', 'E-mail'];
const PEOPLE_ROWS = [
  { line: 2, cells: ['Мустафаев Шахин Ашраф оглы', 'Министр экономики Азербайджанской Республики', 'Министерство экономики', '+994 12 493 82 93', 'minister@economy.gov.az'] },
  { line: 3, cells: ['Гасанов Рашад', 'Советник', 'AZPROMO', '994501234567', 'r.hasanov@azpromo.az'] },
  { line: 4, cells: ['Дрозденко Александр Юрьевич', 'Губернатор Ленинградской области', 'Правительство Ленинградской области', '+7 812 539-41-10', ''] },
];

interface Read extends Omit<ReadTable, 'notes'> {
  name: string;
  file: string;
  rows: TableRow[];
  /** The notes' keys. */
  notes: string[];
}
interface Refused {
  name: string;
  file: string;
  error: Message;
}

const READ: Read[] = [
  { name: 'UTF-8 with a byte-order mark (Excel’s CSV UTF-8), commas', file: 'people-utf8-bom.csv', format: 'csv', headers: PEOPLE_HEADERS, rows: PEOPLE_ROWS, notes: ['import.note.separator'] },
  { name: 'UTF-8 without a mark, Unix line ends', file: 'people-utf8.csv', format: 'csv', headers: PEOPLE_HEADERS, rows: PEOPLE_ROWS, notes: ['import.note.separator'] },
  { name: 'Windows-1251 with semicolons (Russian Excel’s CSV)', file: 'people-windows-1251.csv', format: 'csv', headers: PEOPLE_HEADERS, rows: PEOPLE_ROWS, notes: ['import.note.windows-1251', 'import.note.separator'] },
  { name: 'tab-separated text', file: 'people-tabs.txt', format: 'csv', headers: PEOPLE_HEADERS, rows: PEOPLE_ROWS, notes: ['import.note.separator'] },
  { name: 'UTF-16 with its mark (Excel’s Unicode text)', file: 'people-utf16.txt', format: 'csv', headers: PEOPLE_HEADERS, rows: PEOPLE_ROWS, notes: ['import.note.utf-16', 'import.note.separator'] },
  {
    name: 'quoted new lines and quotes, a trailing space kept as written',
    file: 'people-quoted-newlines.csv',
    format: 'csv',
    headers: ['Soyadı', 'Adı', 'Vəzifəsi', 'Təşkilat', 'Qeyd'],
    rows: [
      { line: 2, cells: ['Mustafayev', 'Şahin', 'Azərbaycan Respublikasının\niqtisadiyyat naziri', 'İqtisadiyyat Nazirliyi', 'Arrives 6 June, "TK" flight'] },
      { line: 3, cells: ['Əliyeva', 'Ləman', 'Layihə meneceri', 'AZPROMO ', ''] },
    ],
    notes: ['import.note.separator'],
  },
  {
    name: 'empty trailing rows and columns dropped, an empty row inside skipped with the numbering kept',
    file: 'people-trailing-empty.csv',
    format: 'csv',
    headers: ['Surname', 'Given name', 'Organization'],
    rows: [
      { line: 2, cells: ['Mustafayev', 'Shahin', 'Ministry of Economy'] },
      { line: 4, cells: ['Hasanov', 'Rashad', 'AZPROMO'] },
    ],
    notes: ['import.note.separator'],
  },
  {
    name: 'cells starting with = + - @ stay the text they are',
    file: 'people-formula-like-text.csv',
    format: 'csv',
    headers: ['Full name', 'Phone', 'Notes'],
    rows: [
      { line: 2, cells: ['Shahin Mustafayev', '+994 12 493 82 93', '=HYPERLINK("http://example.test","x")'] },
      { line: 3, cells: ['Rashad Hasanov', '-', '@mention'] },
      { line: 4, cells: ['Leyla Mammadova', '+7 812 000-00-00', '+1 more'] },
    ],
    notes: ['import.note.separator'],
  },
  {
    name: 'the apostrophe an export puts before = + - @ taken off again; one elsewhere kept',
    file: 'people-escaped-formulas.csv',
    format: 'csv',
    headers: ['Full name', 'Phone', 'Notes'],
    rows: [
      { line: 2, cells: ['Shahin Mustafayev', '+994 12 493 82 93', '=HYPERLINK("http://example.test","x")'] },
      { line: 3, cells: ['Rashad Hasanov', '-', '@mention'] },
      { line: 4, cells: ['Leyla Mammadova', '+7 812 000-00-00', "It's fine"] },
    ],
    notes: ['import.note.separator'],
  },
  {
    name: 'local date formats kept as typed (readLocalDateTime reads them)',
    file: 'meetings-local-dates.csv',
    format: 'csv',
    headers: ['Встреча', 'Дата', 'Начало', 'Окончание', 'Площадка'],
    rows: [
      { line: 2, cells: ['Встреча с Губернатором Ленинградской области', '07.06.2019', '10:00', '11:00', 'ЭкспоФорум'] },
      { line: 3, cells: ['Подписание соглашения SOCAR', '7.6.2019 12:30', '', '13:00', 'ЭкспоФорум'] },
      { line: 4, cells: ['Брифинг делегации', '06.06.19', '9.30', '10.00', 'Отель'] },
    ],
    notes: ['import.note.separator'],
  },
  {
    name: 'an .xlsx: a phone typed as a number as its digits, an id stored as text with its zeros, rich text and a mail link as their text',
    file: 'people-azerbaijani.xlsx',
    format: 'xlsx',
    sheet: 'Nümayəndə heyəti',
    headers: ['Kod', 'Soyadı', 'Adı', 'Vəzifəsi', 'Təşkilat', 'Telefon', 'E-poçt'],
    rows: [
      { line: 2, cells: ['007', 'Mustafayev', 'Şahin', 'İqtisadiyyat naziri', 'İqtisadiyyat Nazirliyi', '994124938293', 'minister@economy.gov.az'] },
      { line: 3, cells: ['012', 'Həsənov', 'Rəşad', 'Müşavir', 'AZPROMO', '994501234567', 'r.hasanov@azpromo.az'] },
      { line: 4, cells: ['013', 'Məmmədova', 'Leyla', 'Protokol şöbəsinin müdiri', 'AZPROMO', '+994 50 765 43 21', ''] },
    ],
    notes: [],
  },
  {
    name: 'date cells as ISO strings: a day, a day and time, times alone, a serial shown as a time, a date merged down two rows fills both',
    file: 'meetings-date-cells.xlsx',
    format: 'xlsx',
    sheet: 'Programme',
    headers: ['Date', 'Title', 'Start', 'End', 'Venue'],
    rows: [
      { line: 2, cells: ['2019-06-07', 'Meeting with the Governor of the Leningrad Region', '10:00', '11:00', 'ExpoForum'] },
      { line: 3, cells: ['2019-06-07', 'SOCAR signing', '12:30', '13:00', 'ExpoForum'] },
      { line: 4, cells: ['2019-06-08T09:30', 'Delegation briefing', '09:30', '10:30', 'Hotel'] },
    ],
    notes: [],
  },
  {
    name: 'two header rows: merged titles over the column names, “№” merged down both',
    file: 'people-merged-header.xlsx',
    format: 'xlsx',
    sheet: 'Список',
    headers: ['№', 'Фамилия', 'Имя', 'Отчество', 'Телефон', 'Эл. почта'],
    rows: [
      { line: 3, cells: ['1', 'Мустафаев', 'Шахин', 'Ашраф оглы', '+994 12 493 82 93', 'minister@economy.gov.az'] },
      { line: 4, cells: ['2', 'Дрозденко', 'Александр', 'Юрьевич', '+7 812 539-41-10', ''] },
    ],
    notes: ['import.note.two-header-rows'],
  },
  {
    name: 'a list’s title alone above the header left out, and said so',
    file: 'people-title-row.xlsx',
    format: 'xlsx',
    sheet: 'Список',
    headers: ['ФИО', 'Должность', 'Телефон'],
    rows: [{ line: 4, cells: ['Мустафаев Шахин Ашраф оглы', 'Министр экономики', '+994 12 493 82 93'] }],
    notes: ['import.note.title-rows'],
  },
  {
    name: 'an .xlsx text cell “=1+2” is text, not a formula',
    file: 'people-formula-like-text.xlsx',
    format: 'xlsx',
    sheet: 'People',
    headers: ['Full name', 'Notes'],
    rows: [
      { line: 2, cells: ['Shahin Mustafayev', '=1+2'] },
      { line: 3, cells: ['Rashad Hasanov', '@AZPROMO'] },
    ],
    notes: [],
  },
  {
    name: 'formatted empty rows and columns after the data dropped',
    file: 'people-trailing-empty.xlsx',
    format: 'xlsx',
    sheet: 'People',
    headers: ['Full name', 'Organization'],
    rows: [
      { line: 2, cells: ['Shahin Mustafayev', 'Ministry of Economy'] },
      { line: 3, cells: ['Rashad Hasanov', 'AZPROMO'] },
    ],
    notes: [],
  },
  {
    name: 'a hidden and an empty sheet passed over: the first visible sheet with data is read, and the note says so',
    file: 'several-sheets.xlsx',
    format: 'xlsx',
    sheet: 'People',
    headers: ['Full name', 'Organization'],
    rows: [{ line: 2, cells: ['Shahin Mustafayev', 'Ministry of Economy'] }],
    notes: ['import.note.sheet'],
  },
  {
    name: 'the forum’s programme as Russian Excel saves it: Windows-1251, semicolons, a status and names in Russian',
    file: 'meetings-programme-windows-1251.csv',
    format: 'csv',
    headers: ['№', 'Тема', 'Статус', 'Дата', 'Начало', 'Окончание', 'Зал', 'Участники'],
    rows: [
      { line: 2, cells: ['1', 'Встреча с компанией «Газпромбанк»', 'Подтверждена', '08.06.2019', '09:00', '09:45', 'Pavilion F, bilateral meeting room F2', 'Гасанов Рашад (первое лицо); Ольга Белова'] },
      { line: 3, cells: ['2', 'Вторая встреча в зале F1', 'Подтверждена', '07.06.2019', '10:30', '11:00', 'Pavilion F, bilateral meeting room F1', 'Волков Дмитрий'] },
      { line: 4, cells: ['3', 'Встреча в зале с опечаткой', 'Предварительная', '08.06.2019', '11:00', '11:30', 'Pavilion F, bilateral meting room F2', ''] },
      { line: 5, cells: ['4', 'Накладка со строкой 2', 'Подтверждена', '08.06.2019', '09:15', '09:30', '', 'Гасанов Рашад'] },
    ],
    notes: ['import.note.windows-1251', 'import.note.separator'],
  },
  {
    name: 'the forum’s programme in Azerbaijani: UTF-8 with a mark, commas, durations instead of ends',
    file: 'meetings-programme-utf8-bom.csv',
    format: 'csv',
    headers: ['Kod', 'Mövzu', 'Status', 'Tarix', 'Başlama', 'Müddət', 'Zal', 'İştirakçılar', 'Nümayəndə heyətləri'],
    rows: [
      { line: 2, cells: ['AZ-1', 'Azərikimya ilə görüş', 'Təsdiqlənib', '08.06.2019', '09:00', '45', 'Pavilion F, bilateral meeting room F2', 'Rəşad Həsənov (əsas şəxs); Elçin Rzayev', 'Azerbaijan — Ministry of Economy'] },
      { line: 3, cells: ['AZ-2', 'F1 zalında ikinci görüş', 'Təsdiqlənib', '07.06.2019', '10:15', '30 dəq', 'Pavilion F, bilateral meeting room F1', 'Dmitri Volkov', ''] },
      { line: 4, cells: ['AZ-3', 'Səhv yazılmış zal', 'İlkin', '08.06.2019', '11:00', '0:30', 'Pavilion F, bilateral meeting rom F2', '', ''] },
      { line: 5, cells: ['AZ-4', '2-ci sətirlə üst-üstə düşür', 'Təsdiqlənib', '08.06.2019', '09:30', '15', '', 'Rəşad Həsənov', ''] },
    ],
    notes: ['import.note.separator'],
  },
  {
    name: 'the organiser’s workbook: date cells, times as fractions of a day',
    file: 'meetings-programme.xlsx',
    format: 'xlsx',
    sheet: 'Programme',
    headers: ['ID', 'Title', 'Kind', 'Status', 'Date', 'Start', 'End', 'Room', 'Participants', 'Briefing'],
    rows: [
      { line: 2, cells: ['X-1', 'Meeting with Gazprombank', 'Bilateral meeting', 'Confirmed', '2019-06-08', '09:00', '09:45', 'Pavilion F, bilateral meeting room F2', 'Rashad Hasanov (principal); Olga Belova', 'Project finance for Azerikimya'] },
      { line: 3, cells: ['X-2', 'Second meeting in F1', 'Bilateral meeting', 'Confirmed', '2019-06-07', '10:45', '11:15', 'Pavilion F, bilateral meeting room F1', 'Dmitry Volkov', ''] },
      { line: 4, cells: ['X-3', 'Meeting in a misspelt room', 'Bilateral meeting', 'Tentative', '2019-06-08', '11:00', '11:30', 'Pavilion F, bilateral meeting room F22', '', ''] },
      { line: 5, cells: ['X-4', 'Clashes with row 2', 'Internal briefing', 'Confirmed', '2019-06-08', '09:20', '09:40', '', 'Rashad Hasanov', ''] },
    ],
    notes: [],
  },
  {
    name: 'busy times as Russian Excel saves them: a whole day without times',
    file: 'unavailability-windows-1251.csv',
    format: 'csv',
    headers: ['ФИО', 'Дата', 'С', 'По', 'Причина'],
    rows: [
      { line: 2, cells: ['Мустафаев Шахин', '06.06.2019', '', '', 'День прилёта'] },
      { line: 3, cells: ['Гасанов Рашад', '07.06.2019', '18:00', '19:00', 'Звонок в Баку'] },
      { line: 4, cells: ['Гасанов Рашид', '07.06.2019', '20:00', '21:00', 'Ужин'] },
    ],
    notes: ['import.note.windows-1251', 'import.note.separator'],
  },
  {
    name: 'busy times in a workbook with Azerbaijani headers: a person’s whole day, a room’s hour',
    file: 'unavailability.xlsx',
    format: 'xlsx',
    sheet: 'Məşğulluq',
    headers: ['Şəxs', 'Zal', 'Tarix', 'Başlama', 'Bitmə', 'Səbəb'],
    rows: [
      { line: 2, cells: ['Şahin Mustafayev', '', '06.06.2019', 'bütün gün', '', 'Gəliş günü'] },
      { line: 3, cells: ['', 'Pavilion F, bilateral meeting room F2', '08.06.2019', '08:00', '09:00', 'Zalın hazırlanması'] },
      { line: 4, cells: ['Rəşad Həsənov', '', '09.06.2019', '25:00', '26:00', 'Səhv vaxt'] },
    ],
    notes: [],
  },
];

const refused = (key: Message['key'], params: object = {}): Message => ({ key, params }) as Message;

const REFUSED: Refused[] = [
  { name: 'an empty file', file: 'empty.csv', error: refused('import.empty') },
  { name: 'only blank lines and separators', file: 'blank-lines.csv', error: refused('import.empty') },
  { name: 'a header and no rows', file: 'header-only.csv', error: refused('import.header-only') },
  { name: 'an unclosed quote, named by the row it opened in', file: 'unclosed-quote.csv', error: refused('import.broken-csv', { line: 3 }) },
  { name: 'binary junk named .csv', file: 'binary-junk.csv', error: refused('import.binary') },
  { name: 'an old .xls renamed .csv', file: 'old-excel-renamed.csv', error: refused('import.old-xls') },
  { name: 'an old .xls renamed .xlsx', file: 'old-excel-renamed.xlsx', error: refused('import.old-xls') },
  { name: 'text named .xlsx', file: 'text-named.xlsx', error: refused('import.broken-xlsx') },
  { name: 'a workbook cut off in the middle', file: 'truncated.xlsx', error: refused('import.broken-xlsx') },
  { name: 'a workbook whose directory claims 3 GB (a zip bomb)', file: 'unzips-huge.xlsx', error: refused('import.too-large-unzipped', { megabytes: 100 }) },
  { name: 'a formula, never evaluated: the cell is named', file: 'people-formula.xlsx', error: refused('import.formula', { sheet: 'People', ref: 'C3', line: 3 }) },
  { name: '61 columns', file: 'too-many-columns.xlsx', error: refused('import.too-many-columns', { columns: 61, max: 60 }) },
  { name: 'a workbook with nothing in it', file: 'empty-workbook.xlsx', error: refused('import.no-sheet') },
];

describe('the corpus of real-world files', () => {
  it('has a case for every file under tests/fixtures/import/', () => {
    const covered = new Set([...READ, ...REFUSED].map((c) => c.file));
    expect(fs.readdirSync(DIR).filter((f) => !covered.has(f))).toEqual([]);
  });

  it.each(READ)('reads $name ($file)', async ({ file, format, sheet, headers, rows, notes }) => {
    const result = await readTable(fixture(file), file);
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
    expect(result.table).toEqual({ format, ...(sheet ? { sheet } : {}), headers, rows, notes: expect.any(Array) });
    expect(result.table.notes.map((n) => n.key)).toEqual(notes);
  });

  it.each(REFUSED)('refuses $name ($file)', async ({ file, error }) => {
    const result = await readTable(fixture(file), file);
    expect(result).toEqual({ ok: false, error });
    // Every refusal is a sentence in every language, never a raw key.
    for (const locale of LOCALES) expect(render(error, locale)).not.toMatch(/\bimport\.[a-z]|[{}]/);
  });
});

/** A CSV of `rows` rows under a header, each cell `cell`. */
const csvOf = (rows: number, cell = 'Mustafayev', columns = 3): Buffer => {
  const line = Array.from({ length: columns }, () => cell).join(';');
  return Buffer.from(`${Array.from({ length: columns }, (_, i) => `Column ${i + 1}`).join(';')}\n${`${line}\n`.repeat(rows)}`, 'utf8');
};

describe('the limits, at their real size', () => {
  const cases: Array<{ name: string; bytes: () => Buffer; fileName?: string; limits?: Partial<TableLimits>; result: ReadResult | 'ok' }> = [
    { name: 'a file of exactly 5 MiB is read', bytes: () => Buffer.concat([csvOf(1), Buffer.alloc(TABLE_LIMITS.maxBytes - csvOf(1).length, 0x0a)]), result: 'ok' },
    { name: 'one byte over 5 MiB is refused before it is read', bytes: () => Buffer.alloc(TABLE_LIMITS.maxBytes + 1, 0x41), result: { ok: false, error: refused('import.too-large', { megabytes: 5 }) } },
    { name: '20,000 rows are read', bytes: () => csvOf(20_000), result: 'ok' },
    { name: '20,001 rows are refused', bytes: () => csvOf(20_001), result: { ok: false, error: refused('import.too-many-rows', { rows: 20_001, max: 20_000 }) } },
    { name: 'a thousand blank lines inside the rows are read past', bytes: () => Buffer.from(`Surname;Given name\nMustafayev;Shahin\n${'\n'.repeat(1000)}Hasanov;Rashad\n`), result: 'ok' },
    { name: 'millions of blank lines inside the rows are refused as too many rows (csv-parse is not asked to read them all)', bytes: () => Buffer.from(`Surname;Given name\nMustafayev;Shahin\n${'\n'.repeat(4_000_000)}Hasanov;Rashad\n`), result: { ok: false, error: refused('import.too-many-rows', { rows: 20_001, max: 20_000 }) } },
    { name: 'millions of blank lines after the rows are dropped', bytes: () => Buffer.from(`Surname;Given name\nMustafayev;Shahin\n${'\r\n;;\r\n'.repeat(800_000)}`), result: 'ok' },
    { name: '60 columns are read', bytes: () => csvOf(2, 'x', 60), result: 'ok' },
    { name: '61 columns are refused', bytes: () => csvOf(2, 'x', 61), result: { ok: false, error: refused('import.too-many-columns', { columns: 61, max: 60 }) } },
    { name: 'a cell of 2,000 characters is read', bytes: () => csvOf(2, 'я'.repeat(2000)), result: 'ok' },
    { name: 'a cell of 2,001 characters is refused, named', bytes: () => csvOf(2, 'я'.repeat(2001)), result: { ok: false, error: refused('import.cell-too-long', { ref: 'A2', line: 2, max: 2000 }) } },
    { name: 'limits can be tightened per call', bytes: () => fixture('people-utf8.csv'), limits: { maxRows: 2 }, result: { ok: false, error: refused('import.too-many-rows', { rows: 3, max: 2 }) } },
    { name: 'a PDF is no file type that imports', bytes: () => Buffer.from('%PDF-1.4'), fileName: 'programme.pdf', result: { ok: false, error: refused('import.unsupported-type', { fileName: 'programme.pdf' }) } },
    { name: 'an .xls that is no OLE2 file is still an old workbook to save again', bytes: () => fixture('people-utf8.csv'), fileName: 'people.xls', result: { ok: false, error: refused('import.old-xls') } },
    { name: 'a zip named .csv is read as the workbook it is', bytes: () => fixture('several-sheets.xlsx'), fileName: 'people.csv', result: 'ok' },
    { name: 'the extension is read in any case', bytes: () => fixture('people-utf8.csv'), fileName: 'PEOPLE.CSV', result: 'ok' },
  ];
  it.each(cases)('$name', async ({ bytes, fileName, limits, result }) => {
    const read = await readTable(bytes(), fileName ?? 'people.csv', limits);
    if (result === 'ok') expect(read.ok).toBe(true);
    else expect(read).toEqual(result);
  });
});
