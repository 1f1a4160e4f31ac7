/**
 * The "Download the whole list" links in Chromium, without JavaScript: on
 * the meetings list a click on Excel (.xlsx) downloads the filtered list
 * under the file name the server gives, and the CSV link the same rows; each
 * list page with the links passes axe at 1280 and 390 px and does not
 * scroll sideways (screenshots under /tmp/exports-shots to look at).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useBrowserApp } from '../support/browser';
import { checkAtBothWidths } from '../support/axe';
import { readCsv, readXlsx } from '../support/exports';

const app = useBrowserApp();
const forumId = () => app().ctx.demo!.forumId;
const SHOTS = path.join(os.tmpdir(), 'exports-shots');

beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

it('downloads the filtered meetings list from its page, as .xlsx and as CSV, with no script', async () => {
  const page = await app().signedInPage('export-browser', 'planner', { javaScriptEnabled: false });
  await page.goto(`/forums/${forumId()}/meetings?day=2019-06-07&status=confirmed&limit=2`);
  const expected = app().ctx.services.meetings.list({ forumId: forumId(), status: 'confirmed' }).filter((m) => m.startUtc >= Date.UTC(2019, 5, 6, 21) && m.startUtc < Date.UTC(2019, 5, 7, 21)).map((m) => m.title);
  expect(expected.length).toBeGreaterThan(2);

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel (.xlsx)' }).click()]);
  expect(xlsx.suggestedFilename()).toBe('SPIEF 2019-meetings-2019-06-07.xlsx');
  const table = await readXlsx(fs.readFileSync((await xlsx.path())!));
  expect(table.column('Title')).toEqual(expected);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV', exact: true }).click()]);
  expect(csv.suggestedFilename()).toBe('SPIEF 2019-meetings-2019-06-07.csv');
  expect(readCsv(fs.readFileSync((await csv.path())!)).column('Title')).toEqual(expected);
});

it('downloads the people list in Russian under a Cyrillic file name', async () => {
  const page = await app().signedInPage('export-browser-ru', 'planner', { javaScriptEnabled: false });
  await page.goto('/people?q=Mustafayev&lang=ru');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel (.xlsx)' }).click()]);
  expect(file.suggestedFilename()).toBe('Люди-Mustafayev.xlsx');
  const table = await readXlsx(fs.readFileSync((await file.path())!));
  expect(table.column('Имя')).toEqual(['Мустафаев Ш. А.']);
});

it.each([
  { name: 'meetings', path: () => `/forums/${forumId()}/meetings?day=2019-06-07` },
  { name: 'people', path: () => '/people' },
  { name: 'conflicts', path: () => `/forums/${forumId()}/conflicts` },
  { name: 'delegations', path: () => `/forums/${forumId()}/delegations` },
  { name: 'b2b-session', path: () => `/forums/${forumId()}/b2b/${app().ctx.services.b2b.sessions.list(forumId())[0]!.id}` },
  { name: 'people-az', path: () => '/people?lang=az' },
])('the $name page with its download links passes axe at both widths', async ({ name, path: at }) => {
  const page = await app().signedInPage(`export-a11y-${name}`, 'planner');
  const res = await page.goto(at());
  expect(res?.status()).toBe(200);
  await expect(page.locator('.export-links').first().isVisible()).resolves.toBe(true);
  await checkAtBothWidths(page, SHOTS, `exports-${name}`);
});
