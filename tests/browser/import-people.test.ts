import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { DEMO_ORGANIZATIONS, DEMO_PEOPLE } from '../../db/seed/demo-contacts';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { checkAtBothWidths } from '../support/axe';
import { useBrowserApp } from '../support/browser';

/**
 * Issue 16's "Done when": a new planner loads the demo's people from a real
 * .xlsx in Chromium, fixes a column the guess missed, previews, confirms,
 * and imports the same file again without duplicates. The organizations are
 * there already (as after importing them); the people are not.
 */
const app = useBrowserApp({ demo: false });
const SHOTS = process.env.IMPORT_SCREENSHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'import-shots-'));

async function demoPeopleWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Delegation');
  sheet.addRow(['ID', 'Full name', 'Name in Russian', 'Organisation', 'Job', 'E-mail', 'Phone']);
  const orgName = new Map<string, string>(DEMO_ORGANIZATIONS.map((o) => [o.key, o.name]));
  for (const p of DEMO_PEOPLE) sheet.addRow([`AZ-${p.key}`, p.fullName, p.nameRu, p.org ? orgName.get(p.org)! : '', p.position, p.email ?? '', p.phone ?? '']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function uploadAndMap(page: Page, file: Buffer, shots: boolean): Promise<void> {
  await page.goto('/people');
  await page.getByRole('link', { name: 'Import from Excel or CSV' }).click();
  await page.getByRole('heading', { level: 1, name: 'Import from a spreadsheet' }).waitFor();
  if (shots) await checkAtBothWidths(page, SHOTS, 'import-upload');
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'delegation.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
  await Promise.all([page.waitForURL(/\/imports\/\d+\/map$/), page.getByRole('button', { name: 'Upload and map columns' }).click()]);
  // "Job" is no header the guess knows: the planner says it is the position.
  expect(await page.getByLabel('Job').inputValue()).toBe('');
  expect(await page.getByLabel('Full name', { exact: true }).inputValue()).toBe('fullName');
  if (shots) await checkAtBothWidths(page, SHOTS, 'import-map');
  await page.getByLabel('Job').selectOption({ label: 'Position' });
  await Promise.all([page.waitForURL(/\/preview$/), page.getByRole('button', { name: 'Preview the import' }).click()]);
}

describe('importing the demo’s people from an .xlsx in Chromium', () => {
  beforeAll(() => {
    for (const o of DEMO_ORGANIZATIONS) app().ctx.services.organizations.create(SYSTEM_ACTOR, { name: o.name, nameRu: o.nameRu, nameAz: o.nameAz, country: o.country, kind: o.kind });
  });

  it('uploads, fixes a mapping, previews, confirms, and a second import adds nobody', async () => {
    const page = await app().signedInPage('import-planner', 'planner');
    const file = await demoPeopleWorkbook();
    const started = Date.now();
    await uploadAndMap(page, file, true);
    await page.getByRole('link', { name: `${DEMO_PEOPLE.length} new` }).waitFor();
    expect(await page.locator('tr.import-error').count()).toBe(0);
    await checkAtBothWidths(page, SHOTS, 'import-preview');

    await page.getByRole('button', { name: 'Confirm the import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import done' }).waitFor();
    await page.getByText(`${DEMO_PEOPLE.length} created, 0 updated, 0 unchanged, 0 left out.`).waitFor();
    await checkAtBothWidths(page, SHOTS, 'import-result');
    expect(Date.now() - started).toBeLessThan(60_000);

    const people = app().ctx.services.people.list();
    expect(people).toHaveLength(DEMO_PEOPLE.length);
    const drozdenko = people.find((p) => p.fullName === 'Aleksandr Drozdenko')!;
    expect(drozdenko).toMatchObject({ nameRu: 'Александр Дрозденко', position: 'Governor of Leningrad Region' });

    await page.getByRole('link', { name: 'See the people' }).click();
    await page.getByText('Aleksandr Drozdenko').first().waitFor();

    // The same file again: every row unchanged, nothing to write, nobody twice.
    await uploadAndMap(page, file, false);
    await page.getByRole('link', { name: `${DEMO_PEOPLE.length} unchanged` }).waitFor();
    // Nothing to write: the confirm button is off.
    expect(await page.getByRole('button', { name: 'Confirm the import' }).isDisabled()).toBe(true);
    expect(app().ctx.services.people.list()).toHaveLength(DEMO_PEOPLE.length);
  });

  it('works without JavaScript', async () => {
    const page = await app().signedInPage('import-nojs', 'planner', { javaScriptEnabled: false });
    await uploadAndMap(page, await demoPeopleWorkbook(), false);
    await page.getByRole('link', { name: `${DEMO_PEOPLE.length} unchanged` }).waitFor();
  });
});
