/**
 * The agreements register in Chromium: the page at a desk and on a phone (no
 * wider than the phone), its filters without JavaScript, and its print
 * design printed to a PDF and read back with poppler: A4 landscape, every
 * agreement of the demo with its signatories, Cyrillic intact in a Russian
 * print. The PDF and its pages as PNG stay in ARTIFACTS for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();
const ARTIFACTS = process.env.AGREEMENTS_PRINT_ARTIFACTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'agreements-print-'));
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const folded = (s: string) => s.replace(/\s+/g, ' ').trim();
const register = () => `/forums/${app().ctx.demo!.forumId}/agreements`;

it('lists the demo’s agreements at a desk, and filters them without JavaScript', async () => {
  const page = await app().signedInPage('register-desk', 'planner', { javaScriptEnabled: false });
  await page.goto(register());
  await page.getByRole('heading', { level: 1, name: 'Agreements register · SPIEF 2019' }).waitFor();
  await expect(page.locator('.agreements-table tbody tr').count()).resolves.toBe(2);
  await page.getByLabel('Search the register').fill('Roscongress');
  await Promise.all([page.waitForURL(/q=Roscongress/), page.getByRole('button', { name: 'Show' }).click()]);
  await expect(page.locator('.agreements-table tbody tr').count()).resolves.toBe(1);
  await expect(page.locator('.agreements-table tbody').innerText()).resolves.toContain('Anna Kuznetsova');
});

it('is no wider than a phone, its table scrolling in its own box', async () => {
  const page = await app().signedInPage('register-phone', 'planner', { width: 390, height: 800 });
  for (const url of [register(), `${register()}?print=1`]) {
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect({ url, overflow }).toEqual({ url, overflow: 0 });
  }
});

describe('the printed register', () => {
  let english: string;
  let russian: string;
  let info: string;
  beforeAll(async () => {
    const page = await app().signedInPage('register-print', 'planner');
    const print = async (lang: string) => {
      await page.goto(`${register()}?print=1&lang=${lang}`);
      await page.locator('.register-sheet').waitFor();
      const pdf = path.join(ARTIFACTS, `agreements-${lang}.pdf`);
      fs.writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
      run('pdftoppm', ['-png', '-r', '60', pdf, path.join(ARTIFACTS, `agreements-${lang}`)]);
      return pdf;
    };
    const pdf = await print('en');
    info = run('pdfinfo', [pdf]);
    english = folded(run('pdftotext', [pdf, '-']));
    russian = folded(run('pdftotext', [await print('ru'), '-']));
  });

  it('is one A4 landscape page without the site’s navigation', () => {
    expect(info).toMatch(/Page size:\s+84[12](\.\d+)? x 59[45](\.\d+)? pts \(A4\)/);
    expect(info).toMatch(/Pages:\s+1\b/);
    expect(english).not.toContain('Day grid');
    expect(english).not.toContain('Print the register');
  });

  it('holds every agreement with its parties, signatories, meeting and status', () => {
    expect(english).toContain('Register of agreements');
    expect(english).toContain('23rd St. Petersburg International Economic Forum');
    expect(english).toContain('Agreement on cooperation between AZPROMO and the Roscongress Foundation');
    // pdftotext reads the columns' wrapped lines side by side: each name and position is looked for as it wraps.
    for (const words of ['Shahin Mustafayev, Minister of Economy,', 'head of the delegation', 'Aleksandr Drozdenko,', 'Nigar Aliyeva, Deputy Executive Director,', 'Pavilion F, bilateral meeting']) expect(english).toContain(words);
    expect(english).toContain('Signed: 2');
  });

  it('reads in Russian with the Russian titles and names', () => {
    expect(russian).toContain('Реестр соглашений');
    for (const words of ['Соглашение о сотрудничестве между AZPROMO и', 'Фондом «Росконгресс»', 'Мустафаев Ш. А.,', 'Дрозденко А. Ю.,', 'Подписано', 'Страница 1 из 1']) expect(russian).toContain(words);
  });
});
