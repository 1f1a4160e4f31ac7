/**
 * The meeting pages in Russian and Azerbaijani in Chromium: the participants
 * script writes its rows and matches in the page's language, the change notice
 * counts in the page's language (Russian plurals), and the list, a meeting, the
 * form, find-a-time and the conflicts page fit a phone and pass axe in both
 * languages. Screenshots at 1280 and 390 px go to a temporary folder
 * (I18N_MEETING_SHOTS names it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { seriousViolations } from '../support/axe';
import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();
const SHOTS = process.env.I18N_MEETING_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'i18n-meeting-shots-'));
const DAY = '2019-06-07';

/**
 * Colour contrast (the badges' colours) and links told apart in text only by
 * colour are the same in every language and belong to the accessibility part
 * of issue 15 (public/css/app.css); every other serious or critical rule is
 * checked here, where the words change.
 */
const STYLE_RULES = ['color-contrast:', 'link-in-text-block:'];
const notContrast = (violation: string) => !STYLE_RULES.some((rule) => violation.startsWith(rule));

const widthOf = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Chooses a language with the header's picker, as a user does; the choice is kept for the next pages. */
async function choose(page: Page, locale: string): Promise<void> {
  await page.goto('/');
  await page.locator('#language-switch').selectOption(locale);
  await page.locator('.language-menu button[type="submit"]').click();
  await page.waitForLoadState('load');
}

it('the participants script adds rows and lists matches in Russian', async () => {
  const forumId = app().ctx.demo!.forumId;
  const page = await app().signedInPage('script-ru');
  await choose(page, 'ru');
  await page.goto(`/forums/${forumId}/meetings/new`);
  expect(await page.locator('html').getAttribute('lang')).toBe('ru');
  const rows = await page.locator('[data-participant-rows] tr').count();
  await page.getByRole('button', { name: 'Добавить участника' }).click();
  await page.getByLabel(`Участник ${rows + 1}`, { exact: true }).waitFor();
  expect(await page.getByLabel(`Роль участника ${rows + 1}`).count()).toBe(1);
  await page.getByLabel('Найти человека').fill('nobody-like-this');
  await page.getByText('Никто не найден по запросу «nobody-like-this».').waitFor();
  await page.getByLabel('Найти человека').fill('a');
  await page.getByText(/^Ещё \d+: уточните имя\.$/).waitFor();
  expect(await page.getByText(/more: type more of the name/).count()).toBe(0);
});

it.each([
  { locale: 'ru', changes: 5, says: '5 изменений, внесённых другими с тех пор, как Вы открыли эту страницу, —', reload: 'Обновить' },
  { locale: 'ru', changes: 2, says: '2 изменения, внесённые другими с тех пор, как Вы открыли эту страницу, —', reload: 'Обновить' },
  { locale: 'az', changes: 1, says: 'Bu səhifəni açdığınızdan bəri başqaları 1 dəyişiklik edib —', reload: 'Yeniləyin' },
])('the change notice counts $changes in $locale', async ({ locale, changes, says, reload }) => {
  const { ctx } = app();
  const forumId = ctx.demo!.forumId;
  const watcher = await app().signedInPage(`watcher-${locale}-${changes}`, 'planner', { width: 390 });
  await choose(watcher, locale);
  await watcher.goto(`/forums/${forumId}/meetings?day=${DAY}`);
  const notice = watcher.locator('.change-notice');
  expect(await notice.isHidden()).toBe(true);
  for (let i = 0; i < changes; i++) {
    ctx.services.meetings.create(SYSTEM_ACTOR, forumId, { title: `Watched ${locale} ${changes} ${i}`, kind: 'briefing', status: 'tentative', start: `${DAY}T06:00`, end: `${DAY}T06:15`, participants: [] });
  }
  await notice.getByText(says).waitFor();
  expect(await notice.getByRole('link', { name: reload }).count()).toBe(1);
  expect(await widthOf(watcher)).toBeLessThanOrEqual(390);
});

describe.each(['ru', 'az'])('the meeting pages in %s', (locale) => {
  const pages = (forumId: number, meetingId: number, personId: number) => [
    { name: 'list', url: `/forums/${forumId}/meetings?day=${DAY}` },
    { name: 'meeting', url: `/forums/${forumId}/meetings/${meetingId}` },
    { name: 'form', url: `/forums/${forumId}/meetings/${meetingId}/edit` },
    { name: 'move', url: `/forums/${forumId}/meetings/${meetingId}/move` },
    { name: 'find-time', url: `/forums/${forumId}/find-time?person=${personId}&from=${DAY}&to=${DAY}&duration=30&find=1` },
    { name: 'conflicts', url: `/forums/${forumId}/conflicts` },
  ];

  it.each([1280, 390])('fit %i px, pass axe, and are photographed', async (width) => {
    const { ctx } = app();
    const forumId = ctx.demo!.forumId;
    const meeting = ctx.services.meetings.list({ forumId }).find((m) => m.start.startsWith(DAY) && m.participants.length > 1 && m.status !== 'cancelled')!;
    const page = await app().signedInPage(`pages-${locale}-${width}`, 'planner', { width, height: 900 });
    await choose(page, locale);
    for (const { name, url } of pages(forumId, meeting.id, meeting.participants[0]!.personId)) {
      const res = await page.goto(url);
      expect({ name, status: res?.status() }).toEqual({ name, status: 200 });
      expect({ name, lang: await page.locator('html').getAttribute('lang') }).toEqual({ name, lang: locale });
      if (width === 390) expect({ name, width: await widthOf(page) }).toEqual({ name, width: 390 });
      expect({ name, violations: (await seriousViolations(page)).filter(notContrast) }).toEqual({ name, violations: [] });
      await page.screenshot({ path: path.join(SHOTS, `${name}-${locale}-${width}.png`), fullPage: true });
    }
  });
});

afterAll(() => {
  console.log(`i18n meeting screenshots: ${SHOTS}`);
});
