/**
 * The programme of stay downloaded in Chromium, with and without JavaScript:
 * the agenda's "Download .docx" beside Print is a plain link, the browser
 * saves the file under the name in the reader's language (RFC 6266
 * filename*), and the saved file is the Word document of that day. The agenda
 * page with the link has no serious axe violation at 1280 and 390 px and is no
 * wider than the phone; screenshots go to SHOTS (outside the repository).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkAtBothWidths } from '../support/axe';
import { useBrowserApp } from '../support/browser';
import { readDocx } from '../support/docx';

const app = useBrowserApp({ clock: () => Date.UTC(2019, 5, 6, 18, 15) });
const SHOTS = process.env.DOCX_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'docx-download-'));
afterAll(() => process.stdout.write(`programme of stay screenshots: ${SHOTS}\n`));

const dayAgenda = (lang = '') => {
  const d = app().ctx.demo!;
  return `/forums/${d.forumId}/agenda/delegation/${d.delegations.azerbaijan}/2019-06-07${lang ? `?lang=${lang}` : ''}`;
};

it.each([
  { name: 'with JavaScript, in English', javaScriptEnabled: true, lang: '', link: 'Download .docx', file: 'Programme of stay - Azerbaijan — Ministry of Economy - 2019-06-07.docx', heading: 'Programme of stay' },
  { name: 'without JavaScript, in Russian', javaScriptEnabled: false, lang: 'ru', link: 'Скачать .docx', file: 'Программа пребывания - Azerbaijan — Ministry of Economy - 2019-06-07.docx', heading: 'Программа пребывания' },
])('downloads the day’s programme of stay $name', async ({ javaScriptEnabled, lang, link, file, heading }) => {
  const page = await app().signedInPage(`docx-${lang || 'en'}`, 'viewer', { javaScriptEnabled });
  await page.goto(dayAgenda(lang));
  const anchor = page.getByRole('link', { name: link });
  await expect(anchor.isVisible()).resolves.toBe(true);
  const [saved] = await Promise.all([page.waitForEvent('download'), anchor.click()]);
  expect(saved.suggestedFilename()).toBe(file);
  const doc = await readDocx(fs.readFileSync(await saved.path()));
  expect(doc.paragraphs).toContain(heading);
  expect(doc.text).toContain('Meeting with Governor of Leningrad Region Aleksandr Drozdenko');
});

it('puts the link beside Print on a page that axe passes at 1280 and 390 px', async () => {
  const page = await app().signedInPage('docx-axe', 'planner');
  await page.goto(dayAgenda());
  const actions = page.locator('.agenda-toolbar .actions');
  await expect(actions.locator('a[data-print] + a[href$="/programme.docx"]').count()).resolves.toBe(1);
  await checkAtBothWidths(page, SHOTS, 'agenda-with-docx');
});
