import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { checkAtBothWidths } from '../support/axe';
import { useBrowserApp } from '../support/browser';

/**
 * The organiser's programme into the demo forum in Chromium (issue 16): from
 * the meetings list, upload the workbook, see the clashes and the misspelt
 * room refused on their rows with their reasons, confirm the rest, and reload
 * the result page without writing again. With and without JavaScript.
 */
const app = useBrowserApp({ demo: true });
const SHOTS = process.env.IMPORT_SCREENSHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'import-meetings-shots-'));
const WORKBOOK = path.join(__dirname, '..', 'fixtures', 'import', 'meetings-programme.xlsx');

const meetings = () => app().ctx.services.store.db.prepare('SELECT count(*) FROM meeting').pluck().get() as number;

async function uploadToPreview(page: Page): Promise<void> {
  await page.goto(`/forums/${app().ctx.demo!.forumId}/meetings`);
  await page.getByRole('link', { name: 'Import from Excel or CSV' }).click();
  await page.getByRole('heading', { level: 1, name: 'Import from a spreadsheet' }).waitFor();
  // Came from the forum's meetings: the kind and the forum are chosen.
  expect(await page.getByLabel('What the file lists').inputValue()).toBe('meetings');
  expect(await page.locator('#import-forum').inputValue()).toBe(String(app().ctx.demo!.forumId));
  await page.getByLabel('File', { exact: true }).setInputFiles(WORKBOOK);
  await Promise.all([page.waitForURL(/\/imports\/\d+\/map$/), page.getByRole('button', { name: 'Upload and map columns' }).click()]);
  expect(await page.getByLabel('Participants').inputValue()).toBe('participants');
  await Promise.all([page.waitForURL(/\/preview$/), page.getByRole('button', { name: 'Preview the import' }).click()]);
}

describe('importing the organiser’s programme from an .xlsx in Chromium', () => {
  it('previews the clashes and the misspelt room, confirms the rest, and the result page reloads', async () => {
    const page = await app().signedInPage('import-meetings', 'planner');
    const before = meetings();
    await uploadToPreview(page);
    await page.getByRole('link', { name: '1 new' }).waitFor();
    expect(await page.locator('tr.import-error').count()).toBe(3);
    await page.getByText('did you mean ‘Pavilion F, bilateral meeting room F2’?').waitFor();
    await checkAtBothWidths(page, SHOTS, 'import-meetings-preview');
    expect(meetings()).toBe(before);

    await page.getByRole('button', { name: 'Confirm the import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import done' }).waitFor();
    await page.getByText('1 created, 0 updated, 0 unchanged, 3 left out.').waitFor();
    await checkAtBothWidths(page, SHOTS, 'import-meetings-result');
    expect(meetings()).toBe(before + 1);
    // A reload asks nothing and writes nothing: the result page is a GET.
    await page.reload();
    await page.getByText('1 created, 0 updated, 0 unchanged, 3 left out.').waitFor();
    expect(meetings()).toBe(before + 1);
    await page.getByRole('link', { name: 'See the meetings' }).click();
    await page.getByText('Meeting with Gazprombank').first().waitFor();
  });

  it('works without JavaScript: the same file again is unchanged', async () => {
    const page = await app().signedInPage('import-meetings-nojs', 'planner', { javaScriptEnabled: false });
    await uploadToPreview(page);
    await page.getByRole('link', { name: '1 unchanged' }).waitFor();
  });
});
