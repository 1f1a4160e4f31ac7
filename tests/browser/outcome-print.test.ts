/**
 * The outcome report (issue 17) printed by Chromium to an A4 PDF and read back
 * with poppler (pdfinfo, pdftotext): A4 landscape pages numbered "Page x of
 * y", every section of the report on paper with the meetings the demo ends
 * with marked held, no navigation. The report and the draft press release pass axe at 1280 and
 * 390 px and are no wider than a phone; without JavaScript the release's
 * language is chosen with the form. PDFs and screenshots go to ARTIFACTS,
 * outside the repository.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkAtBothWidths } from '../support/axe';
import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();
const ARTIFACTS = process.env.OUTCOME_PRINT_ARTIFACTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-print-'));
afterAll(() => process.stdout.write(`outcome report prints and screenshots: ${ARTIFACTS}\n`));

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const folded = (s: string) => s.replace(/\s+/g, ' ').trim();
const HELD = ['Meeting with Governor of Leningrad Region Aleksandr Drozdenko', 'Signing of the cooperation agreement between AZPROMO and the Roscongress Foundation', 'Opening of the meeting of Azerbaijani and Russian entrepreneurs'];
const report = () => `/forums/${app().ctx.demo!.forumId}/outcome`;

it('prints the report on numbered A4 landscape pages with every section and the meetings held', async () => {
  const page = await app().signedInPage('outcome-print', 'planner');
  await page.goto(report());
  await page.getByRole('heading', { level: 1, name: 'Outcome report' }).waitFor();
  const pdf = path.join(ARTIFACTS, 'outcome-report.pdf');
  fs.writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  const info = run('pdfinfo', [pdf]);
  // Landscape: the width is A4's height.
  expect(info).toMatch(/Page size:\s+84[12](\.\d+)? x 59[45](\.\d+)? pts \(A4\)/);
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
  expect(pages).toBeGreaterThanOrEqual(2);
  const texts = Array.from({ length: pages }, (_, i) => folded(run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'])));
  texts.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pages}`));
  const all = texts.join(' ');
  expect(texts[0]).toContain('23RD ST. PETERSBURG INTERNATIONAL ECONOMIC FORUM');
  for (const heading of ['In short', 'Meetings held', 'Held, by kind', 'Held, by region', 'Agreements', 'B2B meetings', 'What we discussed, what we agreed', 'Not counted as held']) expect(all).toContain(heading);
  // The titles wrap in their column; their first words are on paper in the programme's order.
  const positions = HELD.map((title) => all.indexOf(title.split(' ').slice(0, 3).join(' ')));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  expect(all).toContain('Government of Leningrad Region');
  // No navigation, no buttons on paper.
  for (const word of ['Download .xlsx', 'Draft press release', 'Sign out']) expect(all).not.toContain(word);
  run('pdftoppm', ['-png', '-r', '50', pdf, path.join(ARTIFACTS, 'outcome-page')]);
});

it('passes axe at 1280 and 390 px, the report and the draft press release', async () => {
  const page = await app().signedInPage('outcome-axe', 'planner');
  await page.goto(report());
  await checkAtBothWidths(page, ARTIFACTS, 'outcome-report');
  await page.goto(`${report()}/press-release`);
  await checkAtBothWidths(page, ARTIFACTS, 'outcome-press-release');
});

it('without JavaScript, chooses the release’s language with the form, the page staying in English', async () => {
  const page = await app().signedInPage('outcome-nojs', 'viewer', { javaScriptEnabled: false });
  await page.goto(report());
  await page.getByRole('link', { name: 'Draft press release' }).click();
  await page.getByLabel('Language of the release').selectOption('az');
  await page.getByRole('button', { name: 'Show' }).click();
  const text = await page.getByLabel('Text of the release').inputValue();
  expect(text).toContain('Azərbaycan nümayəndə heyətinin rəhbəri, iqtisadiyyat naziri Şahin Mustafayev Leninqrad vilayətinin qubernatoru Aleksandr Drozdenko ilə görüşüb.');
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Draft press release');
});
