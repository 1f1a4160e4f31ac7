/**
 * The delegation's agenda for 7 June 2019 printed by Chromium to an A4 PDF, and
 * the PDF read back with poppler (pdfinfo, pdftotext, pdffonts, pdftoppm): the
 * page count, the entries in time order with Cyrillic and Azerbaijani letters
 * intact, "Page x of y", no entry split across pages, black ink inside the
 * margins. The print preview and the pages as images are kept in ARTIFACTS for
 * a person to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();
const ARTIFACTS = process.env.AGENDA_PRINT_ARTIFACTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-print-'));

/** The demo names only transliterated Latin on our side; a meeting with an exporter brings ə, ş, ğ and ı onto the sheet. */
const EXPORTERS = 'Meeting with Azerbaijani exporters (Azərbaycan ixracatçıları ilə görüş)';
const EXPORTER = 'Gülşən Ağalıyeva';

/** The sheet of 7 June in time order: Moscow time, the title's opening words (a long title wraps on paper). */
const ENTRIES: [time: string, title: string][] = [
  ['08:00–08:40', 'Morning briefing'],
  ['08:45–09:30', 'Transfer to ExpoForum'],
  ['10:00–11:00', 'Meeting with Governor of Leningrad Region'],
  ['11:10–11:30', 'Press approach after the meeting with Governor'],
  ['12:00–12:30', 'Signing of the cooperation agreement between'],
  ['13:30–14:15', 'Meeting with GAZ Group on the Hajigabul plant'],
  ['14:30–15:15', 'Working meeting at the Government of Leningrad'],
  ['16:00–17:15', 'Panel: Russia and Azerbaijan, from trade to'],
  ['17:30–18:15', 'Meeting with Azerbaijani exporters'],
  ['19:30–21:30', 'Reception of the Embassy of Azerbaijan'],
];

const MM_PER_INCH = 25.4;
const A4 = { widthMm: 210, heightMm: 297 };

let page: Page;
let pdfPath: string;
let pages: number;
/** Per page: the text in reading order with whitespace folded, and the layout text (time column at line starts). */
let pageText: string[];
let pageLayout: string[];

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const folded = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The conflicts at the foot of the day quote meeting titles; an entry is looked for above them. */
const aboveConflicts = (s: string) => s.split('CONFLICTS ON THIS DAY')[0]!;
/** The Moscow times that open entries in pdftotext's layout text (a conflict's bar indents its time a little). */
const ENTRY_TIME = /^ {0,2}(\d\d:\d\d–\d\d:\d\d)/gm;
const entryTimes = (layout: string) => [...layout.matchAll(ENTRY_TIME)].map((m) => m[1]!);

async function openAgenda(): Promise<Page> {
  const demo = app().ctx.demo!;
  const page = await app().signedInPage('print-planner', 'planner');
  await page.goto(`/forums/${demo.forumId}/agenda/delegation/${demo.delegations.azerbaijan}/2019-06-07`);
  await page.getByRole('heading', { level: 1, name: 'Azerbaijan — Ministry of Economy' }).waitFor();
  return page;
}

beforeAll(async () => {
  const { ctx } = app();
  const demo = ctx.demo!;
  const exporter = ctx.services.people.create(SYSTEM_ACTOR, { fullName: EXPORTER, position: 'Export manager, Ağsu Aqro', languages: 'az, ru' });
  ctx.services.meetings.create(SYSTEM_ACTOR, demo.forumId, {
    title: EXPORTERS,
    kind: 'b2b',
    status: 'confirmed',
    start: '2019-06-07T17:30',
    end: '2019-06-07T18:15',
    roomId: demo.rooms.stand,
    participants: [
      { personId: demo.people.azpromo, role: 'principal' },
      { personId: exporter.id, role: 'counterpart' },
    ],
    delegationIds: [demo.delegations.azerbaijan],
  });

  page = await openAgenda();
  pdfPath = path.join(ARTIFACTS, 'agenda-2019-06-07.pdf');
  fs.writeFileSync(pdfPath, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  pages = Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [pdfPath]))![1]);
  pageText = [];
  pageLayout = [];
  for (let i = 1; i <= pages; i++) {
    pageText.push(folded(run('pdftotext', ['-f', String(i), '-l', String(i), pdfPath, '-'])));
    pageLayout.push(run('pdftotext', ['-layout', '-f', String(i), '-l', String(i), pdfPath, '-']));
  }
});

it('prints the day on A4 pages, numbered "Page x of y"', () => {
  expect(run('pdfinfo', [pdfPath])).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
  // Ten entries of the demo's Friday (nine, plus the exporters' meeting above) and the conflicts: three pages at
  // 9.5pt. One page more or less means the print design or the demo changed; look at ARTIFACTS before changing this.
  expect(pages).toBe(3);
  pageText.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pages}`));
});

it('holds every entry in time order, with Cyrillic and Azerbaijani letters intact', () => {
  const layout = pageLayout.join('\n');
  expect(entryTimes(layout)).toEqual(ENTRIES.map(([time]) => time));
  const text = aboveConflicts(pageText.join(' '));
  const positions = ENTRIES.map(([, title]) => text.indexOf(title));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);

  expect(text).toContain('Aleksandr Drozdenko (Александр Дрозденко), Governor of Leningrad Region');
  expect(text).toContain('Dmitry Volkov (Дмитрий Волков)');
  expect(text).toContain(EXPORTERS);
  expect(text).toContain(EXPORTER);
  for (const letter of ['ə', 'ş', 'ğ', 'ı', 'ç', 'ü']) expect(text).toContain(letter);
  expect(text).toContain('Baku 09:00–09:40');
});

it('splits no entry across pages: its time, its title and its closing "Contact" line share a page', () => {
  const timesOn = pageLayout.map(entryTimes);
  for (const [time, title] of ENTRIES) {
    const page = timesOn.findIndex((times) => times.includes(time));
    expect({ time, page: pageText.findIndex((text) => aboveConflicts(text).includes(title)) }).toEqual({ time, page });
  }
  // Every entry of the delegation's sheet closes with the protocol officer's line: as many as entries started on the
  // page. pdftotext reads the label column apart from the text beside it, so each is counted on its own.
  const count = (re: RegExp) => pageText.map((text) => (text.match(re) ?? []).length);
  const entriesPerPage = timesOn.map((times) => times.length);
  expect(count(/\bCONTACT\b/g)).toEqual(entriesPerPage);
  expect(count(/Tural Guliyev, Head of Protocol, \+994 12 000 00 01/g)).toEqual(entriesPerPage);
  // A transfer line leads into the next entry and is never left alone at the foot of a page.
  for (const layout of pageLayout) {
    const lines = layout.split('\n');
    const lastTransfer = lines.findLastIndex((l) => l.includes('↓ Transfer from'));
    if (lastTransfer >= 0) expect(entryTimes(lines.slice(lastTransfer).join('\n'))).not.toEqual([]);
  }
});

it('repeats the sheet’s heading and foot on every page', () => {
  for (const text of pageText) {
    expect(text).toContain('23rd St. Petersburg International Economic Forum');
    expect(text).toContain('Azerbaijan — Ministry of Economy');
    expect(text).toContain('Friday, 7 June 2019');
    expect(text).toMatch(/Printed \w+day, \d+ \w+ \d{4}, \d\d:\d\d Moscow · version [0-9a-f]{8}/);
  }
  expect(aboveConflicts(pageText.at(-1)!)).not.toBe(pageText.at(-1));
});

it('embeds its fonts', () => {
  const fonts = run('pdffonts', [pdfPath]).split('\n').slice(2).filter(Boolean);
  expect(fonts.length).toBeGreaterThan(0);
  // Columns: name type encoding emb sub uni ...; every font embedded, with a Unicode map so the text can be copied.
  for (const line of fonts) expect(line).toMatch(/\s(yes)\s+(yes|no)\s+yes\s+\d+\s+\d+$/);
  expect(fonts.some((l) => /DejaVuSans|NotoSans/.test(l))).toBe(true);
});

it('prints black on white inside A4 margins, nothing cut off', () => {
  const dpi = 40;
  const mm = (px: number) => (px * MM_PER_INCH) / dpi;
  for (let i = 1; i <= pages; i++) {
    const prefix = path.join(ARTIFACTS, `page-${i}`);
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(i), '-l', String(i), '-singlefile', pdfPath, prefix]);
    const { width, height, pixels } = readPpm(`${prefix}.ppm`);
    let coloured = 0;
    const ink = { left: width, right: -1, top: height, bottom: -1 };
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const o = (y * width + x) * 3;
        const [r, g, b] = [pixels[o]!, pixels[o + 1]!, pixels[o + 2]!];
        if (Math.max(r, g, b) - Math.min(r, g, b) > 12) coloured++;
        if (Math.min(r, g, b) < 200) {
          ink.left = Math.min(ink.left, x);
          ink.right = Math.max(ink.right, x);
          ink.top = Math.min(ink.top, y);
          ink.bottom = Math.max(ink.bottom, y);
        }
      }
    }
    expect({ page: i, coloured }).toEqual({ page: i, coloured: 0 });
    expect(mm(width)).toBeCloseTo(A4.widthMm, -1);
    // @page margins are 14mm at the sides and the top; the page number sits in the 16mm bottom margin.
    expect(mm(ink.left)).toBeGreaterThan(12);
    expect(mm(width - 1 - ink.right)).toBeGreaterThan(12);
    expect(mm(ink.top)).toBeGreaterThan(12);
    expect(mm(height - 1 - ink.bottom)).toBeGreaterThan(4);
  }
});

it('shows the print preview without navigation, in black ink', async () => {
  // 794 CSS px is A4's width; the preview has no @page margins, the paper does.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(ARTIFACTS, 'print-preview.png'), fullPage: true });
  expect(await page.locator('.site-header').isVisible()).toBe(false);
  expect(await page.locator('.agenda-toolbar').isVisible()).toBe(false);
  const colours = await page.locator('.agenda-sheet').first().evaluate((sheet) => {
    const seen = new Set<string>();
    for (const el of [sheet, ...sheet.querySelectorAll('*')]) seen.add(getComputedStyle(el).color);
    return [...seen];
  });
  expect(colours).toEqual(['rgb(0, 0, 0)']);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(ARTIFACTS, 'screen.png'), fullPage: true });
});

/** A binary PPM (P6) as pdftoppm writes it. */
function readPpm(file: string): { width: number; height: number; pixels: Buffer } {
  const data = fs.readFileSync(file);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`${file} is not a P6 PPM`);
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
}
