/**
 * The programme of stay opens in an office suite: each .docx the app serves
 * is converted by LibreOffice headless to PDF (with a profile of its own, so
 * parallel runs never share one) and read back with pdftotext, as a reader
 * would see it: the title page, the days in the language, the meetings and
 * the contacts, on A4. Needs the Debian packages libreoffice-writer-nogui
 * and poppler-utils.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, type TestContext } from '../support/app';
import { download } from '../support/docx';

const PACKAGES = 'libreoffice-writer-nogui poppler-utils';
let ctx: TestContext;
let dir: string;
/** Document name -> what pdftotext reads of its PDF, page by page, and pdfinfo's answer. */
const pdfs: Record<string, { pages: string[]; info: string }> = {};

function run(command: string, args: string[]): string {
  const done = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000 });
  if (done.error) throw new Error(`cannot run ${command} (${done.error.message}): apt-get install -y ${PACKAGES}`);
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${done.stderr}`);
  return done.stdout;
}

beforeAll(async () => {
  ctx = createTestApp({ clock: () => Date.UTC(2019, 5, 6, 18, 15) });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-docx-'));
  const d = ctx.demo!;
  ctx.services.meetings.create(SYSTEM_ACTOR, d.forumId, {
    title: 'Dinner with R&D <Caspian> partners',
    kind: 'reception',
    status: 'confirmed',
    start: '2019-06-07T21:00',
    end: '2019-06-07T22:00',
    place: 'Restaurant "Palkin" & terrace',
    participants: [{ personId: d.people.mustafayev!, role: 'principal' }],
    delegationIds: [d.delegations.azerbaijan],
  });
  const planner = await signIn(ctx, 'interop-docx', 'planner');
  const agenda = `/forums/${d.forumId}/agenda`;
  const files = {
    'delegation-en': `${agenda}/delegation/${d.delegations.azerbaijan}/programme.docx`,
    'delegation-day-ru': `${agenda}/delegation/${d.delegations.azerbaijan}/2019-06-07/programme.docx?lang=ru`,
    'person-az': `${agenda}/person/${d.people.mustafayev}/programme.docx?lang=az`,
  };
  for (const [name, url] of Object.entries(files)) {
    const res = await download(planner.agent, url);
    expect(res.status).toBe(200);
    fs.writeFileSync(path.join(dir, `${name}.docx`), res.body);
  }
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(files).map((n) => path.join(dir, `${n}.docx`))]);
  for (const name of Object.keys(files)) {
    const pdf = path.join(dir, `${name}.pdf`);
    pdfs[name] = { pages: run('pdftotext', ['-layout', pdf, '-']).split('\f').filter((p) => p.trim() !== ''), info: run('pdfinfo', [pdf]) };
  }
}, 180_000);
afterAll(() => {
  ctx?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Whitespace folded, as the eye reads a laid-out page. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe.each([
  {
    name: 'delegation-en',
    titlePage: ['23rd St. Petersburg International Economic Forum', 'PROGRAMME OF STAY', 'Azerbaijan — Ministry of Economy', '6–8 June 2019', 'St. Petersburg', 'Times: Moscow (Baku)'],
    body: ['Thursday, 6 June 2019', 'Friday, 7 June 2019', 'Saturday, 8 June 2019', 'Time Event', '10:00–11:00', 'Baku 11:00–12:00', 'Meeting with Governor of Leningrad Region Aleksandr Drozdenko', 'Counterparts: Aleksandr Drozdenko (Александр Дрозденко)', 'Dinner with R&D <Caspian> partners', 'Restaurant "Palkin" & terrace', 'Contacts', 'Tural Guliyev, Head of Protocol', '+994 12 000 00 01'],
  },
  {
    name: 'delegation-day-ru',
    titlePage: ['ПРОГРАММА ПРЕБЫВАНИЯ', 'Azerbaijan — Ministry of Economy', '6–8 июня 2019', 'пятница, 7 июня 2019', 'Время: Москва (Баку)'],
    body: ['пятница, 7 июня 2019', 'Время Мероприятие', 'Баку 11:00–12:00', 'Партнёры: Дрозденко А. Ю. (Aleksandr Drozdenko)', 'Контакты', 'Турал Гулиев'],
  },
  {
    name: 'person-az',
    titlePage: ['SƏFƏR PROQRAMI', 'Shahin Mustafayev', 'Azerbaijan — Ministry of Economy', '6–8 iyun 2019'],
    body: ['7 iyun 2019, cümə', 'Vaxt Tədbir', 'Bakı 11:00–12:00', 'Qarşı tərəf: Aleksandr Drozdenko', 'Əlaqə məlumatları', 'Tural Quliyev'],
  },
])('the $name programme in LibreOffice', ({ name, titlePage, body }) => {
  it('converts to an A4 PDF whose first page is the title page', () => {
    const { pages, info } = pdfs[name]!;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const line of titlePage) expect(flat(pages[0]!)).toContain(line);
    // The title page carries no meeting: the programme starts on the next page.
    expect(flat(pages[0]!)).not.toMatch(/\d\d:\d\d–\d\d:\d\d/);
  });

  it('reads the days, the meetings and the contacts after it, in the language', () => {
    const rest = flat(pdfs[name]!.pages.slice(1).join(' '));
    for (const line of body) expect(rest).toContain(line);
  });
});
