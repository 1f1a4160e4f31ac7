/**
 * Writes the corpus of real-world import files under tests/fixtures/import/
 * (issue 16, "Real-world files"): `npx tsx scripts/make-import-fixtures.ts`.
 * The files are committed; run this again only to change them, and read the
 * diff (exceljs stamps each zip entry with the time it was written, so the
 * .xlsx bytes change on every run while their cells do not).
 *
 * Each file is named by what it tries; tests/unit/import-read-corpus.test.ts
 * reads every one of them and says what it must give, and
 * tests/integration/imports-forum-corpus.test.ts imports the forum's ones
 * (meetings-programme-*, unavailability-*) into the demo.
 *
 * Names after the command write only the files starting with them
 * (`npx tsx scripts/make-import-fixtures.ts meetings-programme`), so adding
 * one file leaves the other workbooks' bytes alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const OUT = path.join(__dirname, '..', 'tests', 'fixtures', 'import');
const FIXED_TIME = new Date(Date.UTC(2019, 4, 20, 9, 0));

const ONLY = process.argv.slice(2);

const write = (name: string, bytes: Buffer | string): void => {
  if (ONLY.length && !ONLY.some((prefix) => name.startsWith(prefix))) return;
  fs.writeFileSync(path.join(OUT, name), bytes);
};

/** People as the ministry's list has them, in Russian. */
const PEOPLE_RU = [
  ['ФИО', 'Должность', 'Организация', 'Телефон', 'E-mail'],
  ['Мустафаев Шахин Ашраф оглы', 'Министр экономики Азербайджанской Республики', 'Министерство экономики', '+994 12 493 82 93', 'minister@economy.gov.az'],
  ['Гасанов Рашад', 'Советник', 'AZPROMO', '994501234567', 'r.hasanov@azpromo.az'],
  ['Дрозденко Александр Юрьевич', 'Губернатор Ленинградской области', 'Правительство Ленинградской области', '+7 812 539-41-10', ''],
];

const csvLine = (cells: readonly string[], sep: string): string => cells.map((c) => (/[";,\t\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep);
const csv = (rows: readonly (readonly string[])[], sep: string, eol = '\r\n'): string => rows.map((r) => csvLine(r, sep)).join(eol) + eol;

function csvFixtures(): void {
  // Excel's "CSV UTF-8": a byte-order mark, commas.
  write('people-utf8-bom.csv', `\ufeff${csv(PEOPLE_RU, ',')}`);
  // A CSV written by a script: no mark, Unix line ends, commas.
  write('people-utf8.csv', csv(PEOPLE_RU, ',', '\n'));
  // Russian Excel's "CSV (разделители — точка с запятой)": Windows-1251 and semicolons.
  write('people-windows-1251.csv', iconv.encode(csv(PEOPLE_RU, ';'), 'win1251'));
  // Tab-separated text, as copied out of a sheet and saved.
  write('people-tabs.txt', csv(PEOPLE_RU, '\t'));
  // Excel's "Unicode text": UTF-16 little-endian with its mark, tabs.
  write('people-utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv(PEOPLE_RU, '\t'), 'utf16le')]));
  // Azerbaijani headers; a position over two lines and a note with a quote inside quotes.
  write(
    'people-quoted-newlines.csv',
    csv(
      [
        ['Soyadı', 'Adı', 'Vəzifəsi', 'Təşkilat', 'Qeyd'],
        ['Mustafayev', 'Şahin', 'Azərbaycan Respublikasının\niqtisadiyyat naziri', 'İqtisadiyyat Nazirliyi', 'Arrives 6 June, "TK" flight'],
        ['Əliyeva', 'Ləman', 'Layihə meneceri', 'AZPROMO ', ''],
      ],
      ';',
    ),
  );
  // Empty rows and columns Excel leaves after the data (and one empty row inside it).
  write('people-trailing-empty.csv', 'Surname;Given name;Organization;;;\r\nMustafayev;Shahin;Ministry of Economy;;;\r\n;;;;;\r\nHasanov;Rashad;AZPROMO;;;\r\n;;;;;\r\n;;;;;\r\n\r\n\r\n');
  // Cells that look like formulas: kept as the text they are.
  write('people-formula-like-text.csv', csv([['Full name', 'Phone', 'Notes'], ['Shahin Mustafayev', '+994 12 493 82 93', '=HYPERLINK("http://example.test","x")'], ['Rashad Hasanov', '-', '@mention'], ['Leyla Mammadova', '+7 812 000-00-00', '+1 more']], ','));
  // The same cells as an export writes them (OWASP's escape: an apostrophe before = + - @), semicolons.
  write('people-escaped-formulas.csv', `\ufeff${csv([['Full name', 'Phone', 'Notes'], ['Shahin Mustafayev', "'+994 12 493 82 93", '\'=HYPERLINK("http://example.test","x")'], ['Rashad Hasanov', "'-", "'@mention"], ['Leyla Mammadova', "'+7 812 000-00-00", "It's fine"]], ';')}`);
  // Meetings with the dates typed the local way.
  write(
    'meetings-local-dates.csv',
    csv(
      [
        ['Встреча', 'Дата', 'Начало', 'Окончание', 'Площадка'],
        ['Встреча с Губернатором Ленинградской области', '07.06.2019', '10:00', '11:00', 'ЭкспоФорум'],
        ['Подписание соглашения SOCAR', '7.6.2019 12:30', '', '13:00', 'ЭкспоФорум'],
        ['Брифинг делегации', '06.06.19', '9.30', '10.00', 'Отель'],
      ],
      ';',
    ),
  );
  write('empty.csv', '');
  write('blank-lines.csv', '\r\n\r\n;;\r\n   \r\n');
  write('header-only.csv', 'Surname;Given name;Organization\r\n;;\r\n');
  write('unclosed-quote.csv', 'Surname,Given name,Notes\r\nMustafayev,Shahin,ok\r\nHasanov,Rashad,"arrives late\r\nMammadova,Leyla,ok\r\n');
  // A PNG's first bytes, then noise: no text at all.
  const junk = Buffer.alloc(2048);
  let seed = 7;
  for (let i = 0; i < junk.length; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    junk[i] = (seed >> 16) & 0xff;
  }
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]).copy(junk);
  write('binary-junk.csv', junk);
  // An Excel 97–2003 workbook begins with the OLE2 signature; renamed .csv and .xlsx it is still one.
  const ole2 = Buffer.alloc(1536, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole2);
  ole2.write('Workbook', 0x480, 'utf16le');
  write('old-excel-renamed.csv', ole2);
  write('old-excel-renamed.xlsx', ole2);
  write('text-named.xlsx', csv(PEOPLE_RU, ';'));
}

function stamped(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'forum-planner fixtures';
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
  return workbook;
}

async function save(name: string, workbook: ExcelJS.Workbook): Promise<Buffer> {
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  write(name, bytes);
  return bytes;
}

async function xlsxFixtures(): Promise<void> {
  {
    // People with Azerbaijani headers; a phone typed as a number, an id stored as text with its zeros.
    const workbook = stamped();
    const sheet = workbook.addWorksheet('Nümayəndə heyəti');
    sheet.addRow(['Kod', 'Soyadı', 'Adı', 'Vəzifəsi', 'Təşkilat', 'Telefon', 'E-poçt']);
    sheet.addRow(['007', 'Mustafayev', 'Şahin', 'İqtisadiyyat naziri', 'İqtisadiyyat Nazirliyi', 994124938293, 'minister@economy.gov.az']);
    sheet.addRow(['012', 'Həsənov', 'Rəşad', 'Müşavir', 'AZPROMO', 994501234567, { text: 'r.hasanov@azpromo.az', hyperlink: 'mailto:r.hasanov@azpromo.az' }]);
    sheet.addRow(['013', { richText: [{ text: 'Məmmədova', font: { bold: true } }, { text: '' }] }, 'Leyla', 'Protokol şöbəsinin müdiri', 'AZPROMO', '+994 50 765 43 21', '']);
    sheet.getColumn(1).numFmt = '@';
    await save('people-azerbaijani.xlsx', workbook);
  }
  {
    // Meetings with date cells: a day, a day and time, times alone, a date merged over the day's rows.
    // A time alone is a fraction of a day, as Excel stores it (exceljs would turn a Date on 1899-12-30 into
    // a serial a hair short of the minute, which LibreOffice shows as 10:59).
    const workbook = stamped();
    const sheet = workbook.addWorksheet('Programme');
    const time = (h: number, m: number): number => (h * 60 + m) / 1440;
    sheet.addRow(['Date', 'Title', 'Start', 'End', 'Venue']);
    sheet.addRow([new Date(Date.UTC(2019, 5, 7)), 'Meeting with the Governor of the Leningrad Region', time(10, 0), time(11, 0), 'ExpoForum']);
    sheet.addRow([null, 'SOCAR signing', time(12, 30), time(13, 0), 'ExpoForum']);
    sheet.addRow([new Date(Date.UTC(2019, 5, 8, 9, 30)), 'Delegation briefing', time(9, 30), time(10, 30), 'Hotel']);
    sheet.mergeCells('A2:A3');
    sheet.getColumn(1).numFmt = 'dd.mm.yyyy';
    sheet.getCell('A4').numFmt = 'dd.mm.yyyy hh:mm';
    for (const ref of ['C2', 'C3', 'D2', 'D3', 'C4']) sheet.getCell(ref).numFmt = 'hh:mm';
    sheet.getCell('D4').numFmt = 'h:mm';
    await save('meetings-date-cells.xlsx', workbook);
  }
  {
    // Two header rows: titles merged across columns over the column names; "№" merged down both rows.
    const workbook = stamped();
    const sheet = workbook.addWorksheet('Список');
    sheet.addRow(['№', 'ФИО', null, null, 'Контакты', null]);
    sheet.addRow([null, 'Фамилия', 'Имя', 'Отчество', 'Телефон', 'Эл. почта']);
    sheet.addRow([1, 'Мустафаев', 'Шахин', 'Ашраф оглы', '+994 12 493 82 93', 'minister@economy.gov.az']);
    sheet.addRow([2, 'Дрозденко', 'Александр', 'Юрьевич', '+7 812 539-41-10', '']);
    sheet.mergeCells('A1:A2');
    sheet.mergeCells('B1:D1');
    sheet.mergeCells('E1:F1');
    await save('people-merged-header.xlsx', workbook);
  }
  {
    // A ministry's list: its title alone in the first cell, a blank row, then the header.
    const workbook = stamped();
    const sheet = workbook.addWorksheet('Список');
    sheet.addRow(['Список членов делегации Азербайджанской Республики']);
    sheet.addRow([]);
    sheet.addRow(['ФИО', 'Должность', 'Телефон']);
    sheet.addRow(['Мустафаев Шахин Ашраф оглы', 'Министр экономики', '+994 12 493 82 93']);
    await save('people-title-row.xlsx', workbook);
  }
  {
    // One formula among values: refused, naming the cell.
    const workbook = stamped();
    const sheet = workbook.addWorksheet('People');
    sheet.addRow(['Full name', 'Organization', 'Seats']);
    sheet.addRow(['Shahin Mustafayev', 'Ministry of Economy', 2]);
    sheet.addRow(['Rashad Hasanov', 'AZPROMO', { formula: 'C2+1', result: 3 }]);
    await save('people-formula.xlsx', workbook);
  }
  {
    // A cell typed "=1+2" as text (a leading apostrophe in Excel) is no formula.
    const workbook = stamped();
    const sheet = workbook.addWorksheet('People');
    sheet.addRow(['Full name', 'Notes']);
    sheet.addRow(['Shahin Mustafayev', '=1+2']);
    sheet.addRow(['Rashad Hasanov', '@AZPROMO']);
    await save('people-formula-like-text.xlsx', workbook);
  }
  {
    // Formatted but empty rows and columns after the data, as a template leaves them.
    const workbook = stamped();
    const sheet = workbook.addWorksheet('People');
    sheet.addRow(['Full name', 'Organization']);
    sheet.addRow(['Shahin Mustafayev', 'Ministry of Economy']);
    sheet.addRow(['Rashad Hasanov', 'AZPROMO']);
    for (let r = 1; r <= 40; r++) for (let c = 1; c <= 12; c++) if (r > 3 || c > 2) sheet.getCell(r, c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFCC' } };
    sheet.getCell('E20').value = '';
    sheet.getCell('F30').value = '   ';
    await save('people-trailing-empty.xlsx', workbook);
  }
  {
    // A hidden sheet and an empty one before the data: the first visible sheet with something in it is read.
    const workbook = stamped();
    workbook.addWorksheet('Lists', { state: 'hidden' }).addRow(['kind', 'company']);
    workbook.addWorksheet('Notes');
    const people = workbook.addWorksheet('People');
    people.addRow(['Full name', 'Organization']);
    people.addRow(['Shahin Mustafayev', 'Ministry of Economy']);
    const other = workbook.addWorksheet('Organizations');
    other.addRow(['Name', 'Country']);
    other.addRow(['AZPROMO', 'Azerbaijan']);
    await save('several-sheets.xlsx', workbook);
  }
  {
    // 61 columns filled: over the column limit.
    const workbook = stamped();
    const sheet = workbook.addWorksheet('Wide');
    sheet.addRow(Array.from({ length: 61 }, (_, i) => `Column ${i + 1}`));
    sheet.addRow(Array.from({ length: 61 }, (_, i) => `v${i + 1}`));
    await save('too-many-columns.xlsx', workbook);
  }
  {
    const workbook = stamped();
    workbook.addWorksheet('Empty');
    await save('empty-workbook.xlsx', workbook);
  }
  {
    // A workbook cut off in the middle (an interrupted download), and one whose directory claims gigabytes.
    const workbook = stamped();
    const sheet = workbook.addWorksheet('People');
    sheet.addRow(['Full name']);
    sheet.addRow(['Shahin Mustafayev']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    write('truncated.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    write('unzips-huge.xlsx', claimHugeEntry(bytes));
  }
}

/** The same zip with its first sheet's unpacked size in the central directory set to 3 GB, as a zip bomb declares it. */
function claimHugeEntry(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let at = 0; at + 46 <= out.length; at++) {
    if (out.readUInt32LE(at) !== 0x02014b50) continue;
    const nameLength = out.readUInt16LE(at + 28);
    const name = out.toString('utf8', at + 46, at + 46 + nameLength);
    if (name === 'xl/worksheets/sheet1.xml') {
      out.writeUInt32LE(3 * 1024 ** 3, at + 24);
      return out;
    }
  }
  throw new Error('no sheet1.xml in the central directory');
}

/**
 * A forum's lists for the SPIEF 2019 demo (its rooms, people and delegations):
 * the organiser's programme in each format, each with a row that clashes with
 * the demo's programme (room F1 holds the meeting with the Governor from 10:00
 * to 11:00 on 7 June), one that clashes with an earlier row of the same file,
 * and one whose room is misspelt.
 */
async function forumFixtures(): Promise<void> {
  const F1 = 'Pavilion F, bilateral meeting room F1';
  const F2 = 'Pavilion F, bilateral meeting room F2';
  // Russian Excel's CSV: Windows-1251, semicolons, Russian headers and names, a status in Russian.
  write(
    'meetings-programme-windows-1251.csv',
    iconv.encode(
      csv(
        [
          ['№', 'Тема', 'Статус', 'Дата', 'Начало', 'Окончание', 'Зал', 'Участники'],
          ['1', 'Встреча с компанией «Газпромбанк»', 'Подтверждена', '08.06.2019', '09:00', '09:45', F2, 'Гасанов Рашад (первое лицо); Ольга Белова'],
          ['2', 'Вторая встреча в зале F1', 'Подтверждена', '07.06.2019', '10:30', '11:00', F1, 'Волков Дмитрий'],
          ['3', 'Встреча в зале с опечаткой', 'Предварительная', '08.06.2019', '11:00', '11:30', 'Pavilion F, bilateral meting room F2', ''],
          ['4', 'Накладка со строкой 2', 'Подтверждена', '08.06.2019', '09:15', '09:30', '', 'Гасанов Рашад'],
        ],
        ';',
      ),
      'win1251',
    ),
  );
  // Excel's "CSV UTF-8" with Azerbaijani headers, names and statuses, commas, a duration instead of an end.
  write(
    'meetings-programme-utf8-bom.csv',
    `\ufeff${csv(
      [
        ['Kod', 'Mövzu', 'Status', 'Tarix', 'Başlama', 'Müddət', 'Zal', 'İştirakçılar', 'Nümayəndə heyətləri'],
        ['AZ-1', 'Azərikimya ilə görüş', 'Təsdiqlənib', '08.06.2019', '09:00', '45', F2, 'Rəşad Həsənov (əsas şəxs); Elçin Rzayev', 'Azerbaijan — Ministry of Economy'],
        ['AZ-2', 'F1 zalında ikinci görüş', 'Təsdiqlənib', '07.06.2019', '10:15', '30 dəq', F1, 'Dmitri Volkov', ''],
        ['AZ-3', 'Səhv yazılmış zal', 'İlkin', '08.06.2019', '11:00', '0:30', 'Pavilion F, bilateral meeting rom F2', '', ''],
        ['AZ-4', '2-ci sətirlə üst-üstə düşür', 'Təsdiqlənib', '08.06.2019', '09:30', '15', '', 'Rəşad Həsənov', ''],
      ],
      ',',
    )}`,
  );
  {
    // The organiser's workbook: date cells, times as fractions of a day, statuses and kinds as words.
    const workbook = stamped();
    const sheet = workbook.addWorksheet('Programme');
    const time = (h: number, m: number): number => (h * 60 + m) / 1440;
    sheet.addRow(['ID', 'Title', 'Kind', 'Status', 'Date', 'Start', 'End', 'Room', 'Participants', 'Briefing']);
    sheet.addRow(['X-1', 'Meeting with Gazprombank', 'Bilateral meeting', 'Confirmed', new Date(Date.UTC(2019, 5, 8)), time(9, 0), time(9, 45), F2, 'Rashad Hasanov (principal); Olga Belova', 'Project finance for Azerikimya']);
    sheet.addRow(['X-2', 'Second meeting in F1', 'Bilateral meeting', 'Confirmed', new Date(Date.UTC(2019, 5, 7)), time(10, 45), time(11, 15), F1, 'Dmitry Volkov', '']);
    sheet.addRow(['X-3', 'Meeting in a misspelt room', 'Bilateral meeting', 'Tentative', new Date(Date.UTC(2019, 5, 8)), time(11, 0), time(11, 30), 'Pavilion F, bilateral meeting room F22', '', '']);
    sheet.addRow(['X-4', 'Clashes with row 2', 'Internal briefing', 'Confirmed', new Date(Date.UTC(2019, 5, 8)), time(9, 20), time(9, 40), null, 'Rashad Hasanov', '']);
    sheet.getColumn(5).numFmt = 'dd.mm.yyyy';
    for (const col of [6, 7]) sheet.getColumn(col).numFmt = 'hh:mm';
    await save('meetings-programme.xlsx', workbook);
  }
  // The Minister's office's list of busy times: Windows-1251, Russian headers, a whole day, surname first.
  write(
    'unavailability-windows-1251.csv',
    iconv.encode(
      csv(
        [
          ['ФИО', 'Дата', 'С', 'По', 'Причина'],
          ['Мустафаев Шахин', '06.06.2019', '', '', 'День прилёта'],
          ['Гасанов Рашад', '07.06.2019', '18:00', '19:00', 'Звонок в Баку'],
          ['Гасанов Рашид', '07.06.2019', '20:00', '21:00', 'Ужин'],
        ],
        ';',
      ),
      'win1251',
    ),
  );
  {
    // The same in a workbook with Azerbaijani headers, a room blocked for set-up.
    const workbook = stamped();
    const sheet = workbook.addWorksheet('Məşğulluq');
    sheet.addRow(['Şəxs', 'Zal', 'Tarix', 'Başlama', 'Bitmə', 'Səbəb']);
    sheet.addRow(['Şahin Mustafayev', null, '06.06.2019', 'bütün gün', null, 'Gəliş günü']);
    sheet.addRow([null, F2, '08.06.2019', '08:00', '09:00', 'Zalın hazırlanması']);
    sheet.addRow(['Rəşad Həsənov', null, '09.06.2019', '25:00', '26:00', 'Səhv vaxt']);
    await save('unavailability.xlsx', workbook);
  }
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  csvFixtures();
  await xlsxFixtures();
  await forumFixtures();
  console.log(`Wrote ${fs.readdirSync(OUT).length} files to tests/fixtures/import/`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
