/**
 * Names in several scripts, in Chromium at 1280 px and 390 px: the people and
 * organizations lists in Russian and Azerbaijani (the reader's names first,
 * the other spelling under them in a span with its own lang), a person's
 * page, and the person form taking a name in each language. No page is wider
 * than its viewport; axe finds no serious or critical violation; screenshots
 * of each page at both widths (NAMES_SCREENSHOTS, or a fresh folder under
 * the system's temporary one).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();
const SHOTS = process.env.NAMES_SCREENSHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'names-shots-'));

const widthOf = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** The texts of the elements marked with a language other than the page's, as "lang: text". */
const marked = (page: Page, selector: string) =>
  page.locator(`${selector} [lang]`).evaluateAll((els) => els.map((e) => `${e.getAttribute('lang')}: ${(e as HTMLElement).innerText.trim()}`));

async function check(page: Page, name: string, width: number): Promise<void> {
  expect(await widthOf(page)).toBeLessThanOrEqual(width);
  await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
}

describe.each([
  { width: 1280, who: { en: 'Marina Lebedeva', ru: 'Марина Лебедева', az: 'Marina Lebedeva', patronymic: 'Олеговна', full: 'Марина Олеговна Лебедева', short: 'Лебедева М. О.', search: 'лебедева' } },
  { width: 390, who: { en: 'Irina Sokolova', ru: 'Ирина Соколова', az: 'İrina Sokolova', patronymic: 'Викторовна', full: 'Ирина Викторовна Соколова', short: 'Соколова И. В.', search: 'соколова' } },
])('names in several scripts at $width px', ({ width, who }) => {
  it('the people list in Russian: Cyrillic names first, the Latin spelling marked under them', async () => {
    const page = await app().signedInPage(`names-ru-${width}`, 'planner', { width, height: 900 });
    await page.goto('/people?lang=ru');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    const row = page.locator('table.table tbody tr').filter({ hasText: 'Дрозденко А. Ю.' });
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain('Губернатор Ленинградской области');
    expect(await row.innerText()).toContain('Правительство Ленинградской области');
    expect(await marked(page, 'table.table tbody')).toEqual(expect.arrayContaining(['az: Şahin Mustafayev', 'az: Aleksandr Drozdenko']));
    await check(page, 'people-ru', width);
  });

  it('the organizations list in Azerbaijani, and a person’s page in Russian', async () => {
    const { ctx } = app();
    const page = await app().signedInPage(`names-az-${width}`, 'planner', { width, height: 900 });
    await page.goto('/organizations?lang=az');
    expect(await page.locator('table.table tbody tr').filter({ hasText: 'Leninqrad vilayətinin Hökuməti' }).count()).toBe(1);
    expect(await marked(page, 'table.table tbody')).toContain('ru: Правительство Ленинградской области');
    await check(page, 'organizations-az', width);

    await page.goto(`/people/${ctx.demo!.people.drozdenko}?lang=ru`);
    await page.getByRole('heading', { level: 1, name: 'Александр Юрьевич Дрозденко' }).waitFor();
    expect(await marked(page, 'dl.details')).toEqual(expect.arrayContaining(['az: Aleksandr Drozdenko', 'az: Leninqrad vilayətinin qubernatoru']));
    await check(page, 'person-ru', width);
  });

  it('the person form takes a name and position in each language', async () => {
    const page = await app().signedInPage(`names-form-${width}`, 'planner', { width, height: 900 });
    await page.goto('/people/new');
    await page.getByLabel('Full name').fill(who.en);
    await page.getByLabel('Name in Russian').fill(who.ru);
    await page.getByLabel('Name in Azerbaijani').fill(who.az);
    await page.getByLabel('Patronymic in Russian').fill(who.patronymic);
    await page.getByLabel('Position', { exact: true }).fill('Director for the CIS');
    await page.getByLabel('Position in Russian').fill('Директор по странам СНГ');
    await page.getByLabel('Position in Azerbaijani').fill('MDB ölkələri üzrə direktor');
    expect(await page.getByLabel('Name in Russian').getAttribute('lang')).toBe('ru');
    await check(page, 'person-form', width);
    await Promise.all([page.waitForURL(/\/people\/\d+$/), page.getByRole('button', { name: 'Save' }).click()]);
    await page.getByRole('heading', { level: 1, name: who.en }).waitFor();

    // A Russian reader: her page headed by her name in full, the list by the short form.
    await page.goto(`${new URL(page.url()).pathname}?lang=ru`);
    await page.getByRole('heading', { level: 1, name: who.full }).waitFor();
    await page.goto(`/people?lang=ru&q=${encodeURIComponent(who.search)}`);
    const rows = page.locator('table.table tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(who.short);
    expect(await rows.first().innerText()).toContain('Директор по странам СНГ');
  });

  it('refuses an Azerbaijani name in Cyrillic with a message beside the field', async () => {
    const page = await app().signedInPage(`names-refused-${width}`, 'planner', { width, height: 900 });
    await page.goto('/people/new');
    await page.getByLabel('Full name').fill('Shahin Mustafayev');
    await page.getByLabel('Name in Azerbaijani').fill('Шахин Мустафаев');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#f-nameAz-err').filter({ hasText: 'Write the Azerbaijani name in Latin script' }).waitFor();
    expect(await page.getByLabel('Name in Azerbaijani').inputValue()).toBe('Шахин Мустафаев');
    await check(page, 'person-form-refused', width);
  });
});

afterAll(() => {
  process.stdout.write(`names screenshots: ${SHOTS}\n`);
});
