/**
 * The links page in Chromium, as a protocol officer hands out a link to the
 * Governor of Leningrad Region's office: chooses "Person", the Governor, the
 * Russian language and a 30-minute reminder, creates it, and the link's page
 * opens in Russian. The venue form takes coordinates. axe finds nothing
 * serious on the links page and the venue form at 1280 and 390 px, in
 * English and Russian, and neither is wider than the phone. Screenshots go to
 * SHOTS (outside the repository) for a person to look at.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkAtBothWidths, } from '../support/axe';
import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();
const SHOTS = process.env.LINKS_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'links-'));



describe('secret links in Chromium', () => {
  it('creates a Russian link with a reminder through the form, and its page opens in Russian', async () => {
    const { ctx } = app();
    const forumId = ctx.demo!.forumId;
    const page = await app().signedInPage('links-browser', 'planner');
    await page.goto(`/forums/${forumId}/links`);
    // The form, not the header's language picker.
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Create link' }) });
    await form.getByLabel('For a').selectOption('person');
    await form.getByLabel('Person', { exact: true }).selectOption({ label: 'Aleksandr Drozdenko' });
    await form.getByLabel('Label').fill('Governor’s office');
    await form.getByLabel('Language').selectOption('ru');
    await form.getByLabel('Reminder').selectOption('30');
    await form.getByRole('button', { name: 'Create link' }).click();

    const created = page.getByRole('status').filter({ hasText: 'New link for Aleksandr Drozdenko' });
    await created.waitFor();
    expect(await created.innerText()).toMatch(/Language\s+Русский\s+Reminder\s+30 minutes before/);
    const pageUrl = (await created.locator('code.copy').first().innerText()).trim();
    await checkAtBothWidths(page, SHOTS, 'links-created');

    const row = page.locator('table.table tbody tr').filter({ hasText: 'Governor’s office' });
    expect(await row.getByLabel('Language of “Governor’s office”').inputValue()).toBe('ru');
    expect(await row.getByLabel('Reminder of “Governor’s office”').inputValue()).toBe('30');

    const reader = await app().newPage();
    await reader.goto(new URL(pageUrl).pathname);
    expect(await reader.getAttribute('html', 'lang')).toBe('ru');
    await reader.getByText('пятница, 7 июня 2019').filter({ visible: true }).first().waitFor();
    await reader.screenshot({ path: path.join(SHOTS, 'secret-page-ru-1280.png'), fullPage: true });
  });

  it('the links page in Russian and the venue form with coordinates pass axe at both widths', async () => {
    const { ctx } = app();
    const forumId = ctx.demo!.forumId;
    const page = await app().signedInPage('links-browser-ru', 'planner');
    await page.goto(`/forums/${forumId}/links?lang=ru`);
    await page.getByRole('heading', { level: 1, name: 'Ссылки на календарь · SPIEF 2019' }).waitFor();
    await checkAtBothWidths(page, SHOTS, 'links-ru');

    await page.goto(`/forums/${forumId}/venues/${ctx.demo!.venues.expo}/edit`);
    expect(await page.getByLabel('Latitude').inputValue()).toBe('59.7636');
    expect(await page.getByLabel('Longitude').inputValue()).toBe('30.3622');
    await page.getByLabel('Latitude').fill('59,7636');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#f-latitude-err').waitFor();
    await checkAtBothWidths(page, SHOTS, 'venue-form-error');
  });
});
