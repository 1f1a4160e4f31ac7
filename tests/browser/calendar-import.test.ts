/**
 * A person's busy times from a calendar file in Chromium: with JavaScript the
 * chosen .ics file fills the form's text field; without it (at 390 px) the
 * calendar is pasted. Either way the blocks appear on the Unavailability list
 * and in the person's day grid. Screenshots at both widths; axe finds no
 * serious or critical violation; nothing wider than the viewport.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkAtBothWidths } from '../support/axe';
import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();
const SHOTS = process.env.CALENDAR_IMPORT_SCREENSHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'calendar-import-shots-'));
const FIXTURE = path.join(__dirname, '..', 'fixtures', 'ics-in', 'weekly-exdate.ics');

describe('importing busy times from a calendar', () => {
  it('with JavaScript: a chosen file fills the field, and the blocks show on the list and the grid', async () => {
    const { ctx } = app();
    const forumId = ctx.demo!.forumId;
    const page = await app().signedInPage('calendar-import-js', 'planner');
    await page.goto(`/forums/${forumId}/availability`);
    await page.getByRole('link', { name: 'Import busy times' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import busy times from a calendar' }).waitFor();
    await page.getByLabel('Whose calendar').selectOption({ label: 'Leyla Mammadova' });
    await page.getByLabel('Name of the calendar').fill('Minister’s office');
    await page.getByLabel('Calendar file (.ics)').setInputFiles(FIXTURE);
    await page.waitForFunction(() => (document.getElementById('f-calendar') as HTMLTextAreaElement).value.includes('BEGIN:VCALENDAR'));
    await page.getByLabel('Keep the titles of the events').check();
    await checkAtBothWidths(page, SHOTS, 'import-form');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported 2 busy blocks for Leyla Mammadova from “Minister’s office”.').waitFor();
    await checkAtBothWidths(page, SHOTS, 'availability-after-import');
    expect(await page.locator('.availability-table').innerText()).toContain('Morning briefing (Minister’s office)');
    await page.goto(`/forums/${forumId}/grid/people/2019-06-08`);
    expect(await page.locator('main').innerText()).toContain('Morning briefing (Minister’s office)');
  });

  it('without JavaScript at 390 px: the calendar is pasted, and a malformed one is refused naming its line', async () => {
    const { ctx } = app();
    const forumId = ctx.demo!.forumId;
    const page = await app().signedInPage('calendar-import-nojs', 'planner', { javaScriptEnabled: false, width: 390, height: 900 });
    await page.goto(`/forums/${forumId}/availability/import/new`);
    expect(await page.getByLabel('Calendar file (.ics)').isVisible()).toBe(false);
    await page.getByLabel('Whose calendar').selectOption({ label: 'Shahin Mustafayev' });
    await page.getByLabel('Name of the calendar').fill('Office');
    await page.getByLabel('Calendar (iCalendar text)').fill(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'ics-in', 'malformed.ics'), 'utf8'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('line 6: “this line has no name and colon” is not a calendar line (NAME:value).').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'import-error-390.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByLabel('Calendar (iCalendar text)').fill(fs.readFileSync(FIXTURE, 'utf8'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported 2 busy blocks for Shahin Mustafayev from “Office”.').waitFor();
    expect(await page.locator('.availability-table').innerText()).toContain('Busy (Office)');
  });
});
