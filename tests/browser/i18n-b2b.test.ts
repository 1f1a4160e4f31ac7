/**
 * The B2B pages in Russian and Azerbaijani, in Chromium: a company's own page
 * read on a phone, its language picked from the page's links and kept while it
 * asks for a meeting (no JavaScript needed), and the planner's session page and
 * run preview in Russian. At 1280 and 390 px wide: no serious or critical axe
 * violation and no page wider than the screen. Screenshots are kept in SHOTS
 * for a person to look at.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { checkAtBothWidths, seriousViolations } from '../support/axe';
import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();
const SHOTS = process.env.I18N_B2B_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'i18n-b2b-'));

const sessionOf = () => app().ctx.services.b2b.sessions.list(app().ctx.demo!.forumId)[0]!;
const participantId = (name: string) => app().ctx.services.b2b.views.overview(sessionOf().id).participants.find((p) => p.name === name)!.record.id;


it('a company picks Azerbaijani on its page and asks for a meeting in it, without JavaScript', async () => {
  const secret = app().ctx.services.b2b.links.create(SYSTEM_ACTOR, participantId('Gilan Holding')).secret;
  const page = await app().newPage({ width: 390, height: 900, javaScriptEnabled: false });
  await page.goto(`/s/${secret}/b2b`);
  await page.getByRole('heading', { level: 2, name: 'Your tables' }).waitFor();

  await Promise.all([page.waitForURL(/\?lang=az$/), page.getByRole('link', { name: 'Azərbaycanca' }).click()]);
  await page.getByRole('heading', { level: 2, name: 'Masalarınız' }).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('az');

  await Promise.all([page.waitForURL(/\/companies\?lang=az$/), page.getByRole('link', { name: 'Görüş üçün şirkət tapın' }).click()]);
  await page.getByRole('heading', { level: 1, name: 'Şirkətlər' }).waitFor();
  const card = page.locator(`#company-${participantId('KAMAZ')}`);
  await card.getByLabel('KAMAZ üçün mesaj').fill('Qəbələ üçün yük maşınları');
  await card.getByLabel('Prioritet').selectOption({ label: 'Yüksək' });
  await Promise.all([page.waitForURL(/\/b2b\?done=sent&lang=az(#.*)?$/), card.getByRole('button', { name: 'Görüş istə' }).click()]);
  await page.getByRole('status').filter({ hasText: 'Sorğu göndərildi.' }).waitFor();
  expect(await page.getByRole('row', { name: /KAMAZ Sizin sorğunuz · yüksək prioritet/ }).innerText()).toContain('CAVAB GÖZLƏYİR'); // Azerbaijani capitals: i → İ, because the page says lang="az"

  // The same two pages with scripts on (axe runs in the page), at both widths.
  const checked = await app().newPage({ width: 1280, height: 900 });
  await checked.goto(`/s/${secret}/b2b?lang=az`);
  await checked.getByRole('heading', { level: 2, name: 'Masalarınız' }).waitFor();
  await checkAtBothWidths(checked, SHOTS, 'link-home-az');
  await checked.goto(`/s/${secret}/b2b/companies?lang=az`);
  await checked.getByRole('heading', { level: 1, name: 'Şirkətlər' }).waitFor();
  await checkAtBothWidths(checked, SHOTS, 'link-companies-az');
});

it('a planner makes a Russian link on the company’s page; the company reads it in Russian on a phone, whatever its browser asks', async () => {
  const planner = await app().signedInPage('i18n-b2b-link-maker', 'planner');
  await planner.goto(`/forums/${app().ctx.demo!.forumId}/b2b/${sessionOf().id}/participants/${participantId('SOCAR Polymer')}`);
  await planner.getByLabel('Language of the link').selectOption({ label: 'Русский' });
  await planner.getByRole('button', { name: 'Create a link' }).click();
  const pageUrl = await planner.locator('.created-link code.copy').first().innerText();
  expect(pageUrl).toMatch(/\/s\/[\w-]{32}\/b2b$/);
  await checkAtBothWidths(planner, SHOTS, 'participant-link-created');

  const context = await app().browser.newContext({ baseURL: app().baseUrl, viewport: { width: 390, height: 900 }, locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.goto(new URL(pageUrl).pathname);
    await page.getByRole('heading', { level: 2, name: 'Ваши столы' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await page.getByRole('cell', { name: 'Стол 1' }).first().waitFor();
    await checkAtBothWidths(page, SHOTS, 'link-home-ru');
  } finally {
    await context.close();
  }
});

it('the planner’s session page and the run’s preview in Russian', async () => {
  const page = await app().signedInPage('i18n-b2b-browser', 'planner');
  const base = `/forums/${app().ctx.demo!.forumId}/b2b/${sessionOf().id}`;
  await page.goto(`${base}?lang=ru`);
  await page.getByRole('heading', { level: 2, name: 'Запустить планировщик' }).waitFor();
  await checkAtBothWidths(page, SHOTS, 'session-ru');

  await page.getByLabel('Перепланировать всё', { exact: false }).check();
  await Promise.all([page.waitForURL(/\/proposals\/\d+/), page.getByRole('button', { name: 'Предварительный просмотр расписания' }).click()]);
  // The form posted without ?lang: the planner's page follows their browser (en-GB) again, so ask for Russian on the address.
  await page.goto(`${page.url()}?lang=ru`);
  await page.getByRole('heading', { level: 1, name: 'Предварительный вариант расписания' }).waitFor();
  await checkAtBothWidths(page, SHOTS, 'proposal-ru');

  await page.goto(`${base}/hall-plan?lang=az`);
  await page.getByRole('heading', { level: 1, name: 'Zalın planı' }).waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'hall-plan-az-1280.png'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
});
