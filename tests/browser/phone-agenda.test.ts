/**
 * The delegate's phone: the secret-link page and the agenda in Chromium at
 * 390 px, on the forum's Friday at 10:30 Moscow (the Governor's meeting under
 * way). One column of cards, nothing wider than the screen, axe clean; at
 * 1280 px the A4 sheet as before, and the sheet still prints one day a page.
 * Screenshots go to ARTIFACTS (printed at the end) for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { seriousViolations } from '../support/axe';
import { useBrowserApp } from '../support/browser';

/** 10:30 in Moscow on 7 June 2019. */
const NOW = Date.UTC(2019, 5, 7, 7, 30);
const app = useBrowserApp({ clock: () => NOW });
const ARTIFACTS = process.env.PHONE_AGENDA_ARTIFACTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'phone-agenda-'));
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let linkPath: string;
const demo = () => app().ctx.demo!;
const staffAgenda = (day = '') => `/forums/${demo().forumId}/agenda/delegation/${demo().delegations.azerbaijan}${day ? `/${day}` : ''}`;

beforeAll(() => {
  const { secret } = app().ctx.services.feeds.createToken(SYSTEM_ACTOR, demo().forumId, { scope: 'delegation', scopeId: demo().delegations.azerbaijan, label: 'delegate phone' });
  linkPath = `/s/${secret}`;
});

afterAll(() => {
  process.stdout.write(`phone agenda screenshots: ${ARTIFACTS}\n`);
});

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** How far the page reaches past the viewport's right edge (0 when nothing scrolls sideways), and the widest culprit. */
async function overflowOf(page: Page): Promise<{ overflow: number; widest: string }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    let widest = '';
    let right = width;
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > right + 0.5) {
        right = box.right;
        widest = `${el.tagName.toLowerCase()}.${el.className}`;
      }
    }
    return { overflow: document.documentElement.scrollWidth - width, widest };
  });
}

/** The cards' left edges and widths: one column is one left edge for all. */
async function cardColumns(page: Page): Promise<{ lefts: number[]; widths: number[] }> {
  const boxes = await page.locator('.phone-card').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect()).map((b) => ({ left: Math.round(b.left), width: Math.round(b.width) })));
  return { lefts: [...new Set(boxes.map((b) => b.left))], widths: boxes.map((b) => b.width) };
}

describe.each([
  { name: 'the secret-link page', url: () => linkPath, shot: 'secret' },
  { name: 'the link’s booklet agenda', url: () => `${linkPath}/agenda`, shot: 'link-agenda' },
  { name: 'the link’s day agenda in Russian', url: () => `${linkPath}/agenda/2019-06-07?lang=ru`, shot: 'link-agenda-ru' },
  { name: 'the staff’s day agenda', url: () => staffAgenda('2019-06-07'), shot: 'staff-agenda', signedIn: true },
])('$name at 390 px', ({ url, shot, signedIn }) => {
  let page: Page;
  beforeAll(async () => {
    page = signedIn ? await app().signedInPage('phone-staff', 'planner', PHONE) : await app().newPage(PHONE);
    await page.goto(url());
    await page.locator('.phone-card').first().waitFor();
  });

  it('is not wider than the phone', async () => {
    expect(await overflowOf(page)).toEqual({ overflow: 0, widest: '' });
    await shoot(page, `${shot}-390`);
  });

  it('shows the cards in one column, today first, the meeting under way marked', async () => {
    const { lefts, widths } = await cardColumns(page);
    expect(lefts).toHaveLength(1);
    expect(Math.min(...widths)).toBeGreaterThan(PHONE.width * 0.8);
    expect(await page.locator('.agenda-sheet').first().isVisible().catch(() => false)).toBe(false);
    const firstDay = page.locator('.phone-day').first();
    expect(await firstDay.getAttribute('class')).toContain('phone-today');
    const now = page.locator('.phone-card[aria-current="time"]');
    expect(await now.count()).toBe(1);
    expect(await now.locator('.phone-title').textContent()).toContain('Governor of Leningrad Region');
  });

  it('folds the briefing until it is opened', async () => {
    const briefing = page.locator('.phone-card[aria-current="time"] details.phone-briefing');
    expect(await briefing.locator('.notes-text').isVisible()).toBe(false);
    await briefing.locator('summary').click();
    expect(await briefing.locator('.notes-text').isVisible()).toBe(true);
  });

  it('has no serious or critical accessibility violations', async () => {
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('the same pages at 1280 px', () => {
  it('keep the A4 sheet on the agenda and hide the cards', async () => {
    const page = await app().signedInPage('phone-desk', 'planner', DESKTOP);
    await page.goto(staffAgenda('2019-06-07'));
    expect(await page.locator('.agenda-sheet').isVisible()).toBe(true);
    expect(await page.locator('.phone-agenda').isVisible()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'staff-agenda-1280');
  });

  it('keep the programme table on the secret-link page', async () => {
    const page = await app().newPage(DESKTOP);
    await page.goto(linkPath);
    expect(await page.locator('.secret-programme table').isVisible()).toBe(true);
    expect(await page.locator('.phone-agenda').isVisible()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'secret-1280');
  });
});

describe('printing without JavaScript', () => {
  it('the Print button is a link to the print view, which shows the sheet as paper does', async () => {
    const page = await app().newPage({ ...PHONE, javaScriptEnabled: false });
    await page.goto(`${linkPath}/agenda/2019-06-07?lang=az`);
    await page.getByRole('link', { name: 'Çap et' }).click();
    expect(new URL(page.url()).search).toBe('?print=1&lang=az');
    expect(await page.locator('.agenda-sheet').isVisible()).toBe(true);
    expect(await page.locator('.phone-agenda').isVisible()).toBe(false);
    expect(await page.locator('.agenda-toolbar').isVisible()).toBe(false);
    await shoot(page, 'print-view-az-390');
  });
});

describe('the A4 booklet', () => {
  it('still prints each forum day on its own pages, at 390 px as at 1280', async () => {
    const page = await app().newPage(PHONE);
    await page.goto(`${linkPath}/agenda`);
    const pdfPath = path.join(ARTIFACTS, 'booklet.pdf');
    fs.writeFileSync(pdfPath, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [pdfPath]))![1]);
    const dayOf = (i: number) => /(Thursday|Friday|Saturday), \d June 2019/.exec(run('pdftotext', ['-f', String(i), '-l', String(i), pdfPath, '-']))?.[1];
    const days = Array.from({ length: pages }, (_, i) => dayOf(i + 1));
    // Every page carries one day's heading, the days in order, each starting on a page of its own.
    expect(days.every(Boolean)).toBe(true);
    expect([...new Set(days)]).toEqual(['Thursday', 'Friday', 'Saturday']);
    expect(days).toEqual([...days].sort((a, b) => ['Thursday', 'Friday', 'Saturday'].indexOf(a!) - ['Thursday', 'Friday', 'Saturday'].indexOf(b!)));
    // No card reached the paper.
    const all = run('pdftotext', [pdfPath, '-']);
    expect(all).not.toContain('Open in maps');
    expect(all).toContain(`Page 1 of ${pages}`);
  });

  it.each([
    { lang: 'ru', day: 'пятница, 7 июня 2019', page: (n: number) => `Страница 1 из ${n}`, words: ['КОНТАКТ', 'Напечатано', 'Дрозденко А. Ю.', 'Мустафаев Ш. А.', 'Баку 11:00–12:00'] },
    { lang: 'az', day: '7 iyun 2019, cümə', page: (n: number) => `Səhifə 1 / ${n}`, words: ['ƏLAQƏ', 'Çap olunub', 'Şahin Mustafayev', 'Bakı 11:00–12:00'] },
  ])('prints the day sheet in $lang, page numbers included', async ({ lang, day, page: pageLine, words }) => {
    const page = await app().newPage(DESKTOP);
    await page.goto(`${linkPath}/agenda/2019-06-07?lang=${lang}`);
    const pdfPath = path.join(ARTIFACTS, `agenda-2019-06-07-${lang}.pdf`);
    fs.writeFileSync(pdfPath, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [pdfPath]))![1]);
    const text = run('pdftotext', [pdfPath, '-']);
    expect(text).toContain(day);
    expect(text).toContain(pageLine(pages));
    for (const w of words) expect(text).toContain(w);
    expect(text).not.toContain('Page 1 of');
  });
});

describe('one-language data in a page of another language', () => {
  it.each([
    { lang: 'ru', heading: 'Александр Юрьевич Дрозденко' },
    { lang: 'az', heading: 'Aleksandr Drozdenko' },
  ])('the $lang secret-link page heads with the name in its language, and the uppercase forum name stays English (no INTERNATİONAL)', async ({ lang, heading }) => {
    const { secret } = app().ctx.services.feeds.createToken(SYSTEM_ACTOR, demo().forumId, { scope: 'person', scopeId: demo().people.drozdenko!, label: `governor ${lang}`, locale: lang });
    const page = await app().newPage(PHONE);
    await page.goto(`/s/${secret}`);
    expect(await page.locator('h1').innerText()).toBe(heading);
    // innerText is what CSS makes of the text: under lang="az", text-transform: uppercase writes i as İ.
    const eyebrow = await page.locator('.page-head .eyebrow').innerText();
    expect(eyebrow).toContain('23RD ST. PETERSBURG INTERNATIONAL ECONOMIC FORUM');
    expect(eyebrow).not.toContain('INTERNATİONAL');
    await shoot(page, `secret-person-${lang}-390`);
    expect((await overflowOf(page)).overflow).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the same uppercase under lang="az" would write İ: the mark is what keeps it English', async () => {
    const page = await app().newPage(PHONE);
    await page.setContent('<html lang="az"><body><p style="text-transform: uppercase">International</p><p lang="en" style="text-transform: uppercase">International</p></body></html>');
    const [az, en] = await page.locator('p').allInnerTexts();
    expect(az).toBe('INTERNATİONAL');
    expect(en).toBe('INTERNATIONAL');
  });
});
