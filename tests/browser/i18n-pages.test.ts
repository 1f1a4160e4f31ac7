import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { PASSWORD } from '../support/app';
import { useBrowserApp } from '../support/browser';

/**
 * The planning and reference pages in Chromium, in Russian and Azerbaijani:
 * a planner picks Русский in the header's picker and every page after it is
 * Russian; the day grid, the board and the people list stay inside a phone's
 * 390 px and have no serious accessibility problem in either language; a
 * signed-out reader chooses Azərbaycanca on the sign-in page and a refusal
 * comes back in it. Screenshots go to I18N_SCREENSHOTS (or a temporary folder).
 */
const app = useBrowserApp();
const SHOTS = process.env.I18N_SCREENSHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'i18n-shots-'));

const widthOf = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const langOf = (page: Page) => page.evaluate(() => document.documentElement.lang);

it('the header’s picker turns the planner’s pages Russian, and keeps them so', async () => {
  const forumId = app().ctx.demo!.forumId;
  const page = await app().signedInPage('i18n-browser-picker', 'planner');
  await page.goto(`/forums/${forumId}/grid/rooms/2019-06-07`);
  await page.getByRole('heading', { level: 1, name: /^Rooms · Friday, 7 June 2019/ }).waitFor();
  await page.getByLabel('Language').selectOption('ru');
  await Promise.all([page.waitForURL(`**/forums/${forumId}/grid/rooms/2019-06-07`), page.getByRole('button', { name: 'Change' }).click()]);
  expect(await langOf(page)).toBe('ru');
  await page.getByRole('heading', { level: 1, name: /^Залы · пятница, 7 июня 2019/ }).waitFor();
  await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Доска', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Доска занятости/ }).waitFor();
  expect(await langOf(page)).toBe('ru');
});

describe.each([
  { locale: 'ru', width: 1280, grid: /^Залы · пятница, 7 июня 2019/, board: /^Доска занятости/, people: 'Люди' },
  { locale: 'ru', width: 390, grid: /^Залы · пятница, 7 июня 2019/, board: /^Доска занятости/, people: 'Люди' },
  { locale: 'az', width: 1280, grid: /^Zallar · 7 iyun 2019, cümə/, board: /^Məşğulluq lövhəsi/, people: 'Şəxslər' },
  { locale: 'az', width: 390, grid: /^Zallar · 7 iyun 2019, cümə/, board: /^Məşğulluq lövhəsi/, people: 'Şəxslər' },
])('in $locale at $width px', ({ locale, width, grid, board, people }) => {
  it.each([
    { name: 'the day grid', url: (f: number) => `/forums/${f}/grid/rooms/2019-06-07`, heading: grid },
    { name: 'the board', url: (f: number) => `/forums/${f}/board?date=2019-06-07`, heading: board },
    { name: 'the people list', url: () => '/people', heading: new RegExp(`^${people}$`) },
  ])('$name fits the screen and has no serious accessibility problem', async ({ name, url, heading }) => {
    const forumId = app().ctx.demo!.forumId;
    const page = await app().signedInPage(`i18n-browser-${locale}-${width}`, 'planner', { width, height: 900 });
    await page.goto(`${url(forumId)}${url(forumId).includes('?') ? '&' : '?'}lang=${locale}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    expect(await langOf(page)).toBe(locale);
    expect(await widthOf(page)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: path.join(SHOTS, `${name.replace(/\W+/g, '-')}-${locale}-${width}.png`), fullPage: width < 600 });
    expect(await seriousViolations(page)).toEqual([]);
  });
});

it.each([{ width: 1280 }, { width: 390 }])('a signed-out reader picks Azərbaycanca at sign-in and a refusal stays in it ($width px)', async ({ width }) => {
  const page = await app().newPage({ width, height: 800 });
  await page.goto('/login');
  await Promise.all([page.waitForURL('**/login?lang=az'), page.getByRole('link', { name: 'Azərbaycanca' }).click()]);
  await page.getByRole('heading', { level: 1, name: 'Forum Planlayıcısı' }).waitFor();
  await page.getByLabel('İstifadəçi adı').fill('nobody-here');
  await page.getByLabel('Parol').fill(`${PASSWORD}-wrong`);
  await Promise.all([page.waitForLoadState('domcontentloaded'), page.getByRole('button', { name: 'Daxil olun' }).click()]);
  await page.getByRole('alert').filter({ hasText: 'İstifadəçi adı və ya parol düzgün deyil.' }).waitFor();
  expect(await langOf(page)).toBe('az');
  expect(await widthOf(page)).toBeLessThanOrEqual(width);
  await page.screenshot({ path: path.join(SHOTS, `login-az-${width}.png`) });
  expect(await seriousViolations(page)).toEqual([]);
});

it('the grid’s drag script speaks Russian from the keyboard', async () => {
  const forumId = app().ctx.demo!.forumId;
  const meeting = app().ctx.services.meetings.list({ forumId }).find((m) => m.title === 'Morning briefing')!;
  const page = await app().signedInPage('i18n-browser-drag', 'planner', { width: 1280, height: 900 });
  await page.goto(`/forums/${forumId}/grid/rooms/2019-06-07?lang=ru`);
  const handle = page.getByRole('button', { name: `Перенести «${meeting.title}»` });
  await handle.focus();
  await page.keyboard.press('Enter');
  const live = page.locator('[data-drag-live]');
  await textUntil(live, new RegExp(`^Переносим «${meeting.title}», 08:00–08:40, .+\\. Стрелки`));
  await page.keyboard.press('Escape');
  await textUntil(live, new RegExp(`^Встреча «${meeting.title}» остаётся на прежнем месте\\.$`));
  expect(await seriousViolations(page)).toEqual([]);
});

it('the board’s live search answers in Azerbaijani', async () => {
  const forumId = app().ctx.demo!.forumId;
  const page = await app().signedInPage('i18n-browser-board', 'planner', { width: 1280, height: 900 });
  await page.goto(`/forums/${forumId}/board?date=2019-06-07&lang=az`);
  await page.getByLabel('Kontaktlarda axtarış').fill('drozd');
  await page.getByRole('button', { name: 'Əlavə edin: Aleksandr Drozdenko — Governor of Leningrad Region' }).waitFor();
  await page.getByLabel('Kontaktlarda axtarış').fill('zzzq');
  await page.getByText('“zzzq” sorğusuna başqa uyğun gələn yoxdur.').waitFor();
});

/** Waits (up to 5 s) for a live region to say what matches. */
async function textUntil(locator: import('playwright-core').Locator, pattern: RegExp) {
  const deadline = Date.now() + 5000;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.textContent()) ?? '';
    if (pattern.test(text)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(text).toMatch(pattern);
}
