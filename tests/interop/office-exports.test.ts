/**
 * The lists' exports open in LibreOffice (issue 16, "Done when: exports open
 * in LibreOffice"): every .xlsx is converted to CSV and every .csv to .xlsx
 * by `soffice --headless`, each test with a LibreOffice profile of its own,
 * and what LibreOffice read is checked: the headers, Cyrillic and
 * Azerbaijani letters, dates and times as dates, and a title that would be a
 * formula kept as its text (never evaluated). One meetings export also goes
 * to PDF, read back with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, type SignedIn, type TestContext } from '../support/app';
import { download } from '../support/exports';

jest.setTimeout(180_000);

let ctx: TestContext;
let planner: SignedIn;
let dir: string;
const EVIL = '=HYPERLINK("http://evil.example","click")';
const NAME_AZ = 'Ləman Əliyeva';
const NAME_RU = 'Леман Алиева';

/** The lists, by the name their files are saved under. */
const NAMES = ['meetings-az', 'meetings-ru', 'conflicts', 'people', 'organizations', 'delegations', 'b2b-requests', 'b2b-schedule'] as const;

/** Each list's export: the address (without .xlsx/.csv) and a text its file must hold once LibreOffice has read it. */
const LISTS = (): { name: (typeof NAMES)[number]; url: string; holds: string[] }[] => {
  const d = ctx.demo!;
  const session = ctx.services.b2b.sessions.list(d.forumId)[0]!;
  const b2b = `/forums/${d.forumId}/b2b/${session.id}`;
  return [
    { name: 'meetings-az', url: `/forums/${d.forumId}/meetings/export?lang=az&q=${encodeURIComponent('Əliyeva')}`, holds: [NAME_AZ, EVIL, 'Başlanğıc (Europe/Moscow)'] },
    { name: 'meetings-ru', url: `/forums/${d.forumId}/meetings/export?lang=ru&day=2019-06-07`, holds: ['Название', 'Правительство Ленинградской области'] },
    { name: 'conflicts', url: `/forums/${d.forumId}/conflicts/export`, holds: ['What is wrong'] },
    { name: 'people', url: `/people/export?lang=ru`, holds: ['Шахин Мустафаев', NAME_RU, '+994 12 000 00 00'] },
    { name: 'organizations', url: `/organizations/export?lang=az`, holds: ['Azərbaycan Respublikasının İqtisadiyyat Nazirliyi'] },
    { name: 'delegations', url: `/forums/${d.forumId}/delegations/export`, holds: ['Delegation'] },
    { name: 'b2b-requests', url: `${b2b}/requests/export?lang=ru`, holds: ['Фонд содействия экспорту и инвестициям Азербайджана (AZPROMO)'] },
    { name: 'b2b-schedule', url: `${b2b}/schedule/export`, holds: ['SOCAR Polymer'] },
  ];
};

beforeAll(async () => {
  ctx = createTestApp();
  const d = ctx.demo!;
  const leman = ctx.services.people.create(SYSTEM_ACTOR, { fullName: 'Leman Aliyeva', nameRu: NAME_RU, nameAz: NAME_AZ, position: '+994 12 000 00 00' }).id;
  ctx.services.meetings.create(SYSTEM_ACTOR, d.forumId, { title: EVIL, kind: 'bilateral', status: 'tentative', start: '2019-06-08T16:00', end: '2019-06-08T16:30', place: '@Lobby', participants: [{ personId: leman, role: 'principal' }] });
  planner = await signIn(ctx, 'office-planner', 'planner');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-office-'));
  for (const list of LISTS()) {
    for (const format of ['xlsx', 'csv']) {
      const res = await download(planner.agent, list.url.replace(/\/export(\?|$)/, `/export.${format}$1`));
      expect([list.name, format, res.status]).toEqual([list.name, format, 200]);
      fs.writeFileSync(path.join(dir, `${list.name}.${format}`), res.body as Buffer);
    }
  }
});
afterAll(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** soffice --headless --convert-to, with a profile of the test's own (two conversions at once must not share one). */
function convert(files: string[], to: string, outDir: string, infilter?: string): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', to, '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 150_000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

describe('LibreOffice reads the .xlsx exports', () => {
  const out = () => path.join(dir, 'from-xlsx');
  beforeAll(() => {
    // CSV out in UTF-8 (76), comma-separated, quoted: what LibreOffice saw in each cell.
    convert(LISTS().map((l) => path.join(dir, `${l.name}.xlsx`)), 'csv:Text - txt - csv (StarCalc):44,34,76,1', out());
  });

  it.each(NAMES.map((name) => ({ name })))('$name opens, with its words, names and letters', ({ name }) => {
    const list = LISTS().find((l) => l.name === name)!;
    const text = fs.readFileSync(path.join(out(), `${name}.csv`), 'utf8');
    for (const expected of list.holds) expect(text).toContain(expected.includes('"') ? expected.replace(/"/g, '""') : expected);
  });

  it('keeps a formula-looking title as text and shows times as the forum’s wall clock', () => {
    const rows = parse(fs.readFileSync(path.join(out(), 'meetings-az.csv')), { bom: true }) as string[][];
    const header = rows[0]!;
    const row = rows.find((r) => r[header.indexOf('Ad')] === EVIL)!;
    expect(row).toBeDefined();
    expect(row[header.indexOf('Yer')]).toBe('@Lobby');
    expect(row[header.indexOf('Başlanğıc (Europe/Moscow)')]).toBe('2019-06-08 16:00');
  });
});

describe('LibreOffice reads the CSV exports', () => {
  const out = () => path.join(dir, 'from-csv');
  beforeAll(() => {
    // Comma, double quote, UTF-8, from line 1: as a reader of the file would choose.
    convert(LISTS().map((l) => path.join(dir, `${l.name}.csv`)), 'xlsx', out(), 'CSV:44,34,76,1');
  });

  async function cells(name: string): Promise<ExcelJS.Cell[]> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out(), `${name}.xlsx`));
    const found: ExcelJS.Cell[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => void found.push(cell)));
    return found;
  }

  it.each(NAMES.map((name) => ({ name })))('$name opens, with its words, names and letters', async ({ name }) => {
    const list = LISTS().find((l) => l.name === name)!;
    const texts = (await cells(name)).map((c) => String(c.text));
    for (const expected of list.holds.filter((h) => h !== EVIL && !h.startsWith('+'))) expect(texts.some((t) => t.includes(expected))).toBe(true);
  });

  it('never makes a formula of a cell: the escaped title and phone number stay text, apostrophe and all', async () => {
    const meeting = await cells('meetings-az');
    expect(meeting.every((c) => c.formula === undefined)).toBe(true);
    expect(meeting.map((c) => c.text)).toContain(`'${EVIL}`);
    const people = await cells('people');
    expect(people.every((c) => c.formula === undefined)).toBe(true);
    expect(people.map((c) => c.text)).toContain("'+994 12 000 00 00");
  });
});

describe('LibreOffice prints an export', () => {
  it('turns the Azerbaijani meetings export into a PDF whose text keeps ə and the title', () => {
    const out = path.join(dir, 'pdf');
    convert([path.join(dir, 'meetings-az.xlsx')], 'pdf', out);
    const text = execFileSync('pdftotext', ['-layout', path.join(out, 'meetings-az.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Əliyeva');
    expect(text).toContain('=HYPERLINK');
  });
});
