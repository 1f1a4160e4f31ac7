/**
 * The forum's official programme in Chromium: a planner reaches it from the
 * grid's tabs, uploads the organiser's calendar through the form (a real
 * .ics file from tests/fixtures/programme-ics/), attends a session, and sees
 * the sessions in the by-room grid and on the board, marked "Forum
 * programme" and never draggable. With JavaScript at 1280 px and without it
 * at 390 px; no page wider than its viewport; axe finds nothing serious.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'programme-ics');
const widthOf = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.each([
  { name: 'with JavaScript at 1280 px', javaScriptEnabled: true, width: 1280 },
  { name: 'without JavaScript at 390 px', javaScriptEnabled: false, width: 390 },
])('Forum programme $name', ({ javaScriptEnabled, width }) => {
  it('imports the calendar, attends a session, and shows sessions in the grid and on the board', async () => {
    const { ctx } = app();
    const forumId = ctx.demo!.forumId;
    const page = await app().signedInPage(`programme-${javaScriptEnabled}`, 'planner', { javaScriptEnabled, width, height: 900 });
    const check = async () => {
      expect(await widthOf(page)).toBeLessThanOrEqual(width);
      if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
    };
    await page.goto(`/forums/${forumId}/grid/rooms/2019-06-07`);
    await page.getByRole('navigation', { name: 'Planner views' }).getByRole('link', { name: 'Forum programme' }).click();
    await page.getByRole('heading', { level: 1, name: /^Forum programme/ }).waitFor();
    await page.getByRole('link', { name: 'Import the programme' }).click();
    await page.getByLabel('Calendar file (.ics)').setInputFiles(path.join(FIXTURES, 'spief-v1.ics'));
    await check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Programme imported' }).waitFor();
    // The first run creates the sessions; the second browser finds them as imported before.
    expect(await page.locator('.alert').innerText()).toMatch(javaScriptEnabled ? /8 new sessions/ : /Nothing changed/);
    await check();

    await page.getByRole('link', { name: 'All sessions' }).click();
    await page.getByRole('link', { name: 'Energy dialogue: gas and the Caspian' }).click();
    await page.getByRole('heading', { level: 1, name: 'Energy dialogue: gas and the Caspian' }).waitFor();
    await check();
    await page.getByLabel(javaScriptEnabled ? 'Leyla Mammadova' : 'Rashad Hasanov').check();
    await page.getByRole('button', { name: 'Attend', exact: true }).click();
    await page.locator('p', { hasText: 'At the forum’s session:' }).waitFor();
    await check();

    await page.goto(`/forums/${forumId}/grid/rooms/2019-06-07?venue=elsewhere`);
    const session = page.locator('td.grid-programme', { hasText: 'Energy dialogue' });
    expect(await session.count()).toBe(1);
    expect(await session.getAttribute('data-meeting')).toBeNull();
    expect(await session.innerText()).toContain('Forum programme');
    await check();

    await page.goto(`/forums/${forumId}/board?show=1&date=2019-06-07&room=${ctx.demo!.rooms.congressHall}`);
    const onBoard = page.locator('td.board-programme', { hasText: 'Plenary session' });
    expect(await onBoard.count()).toBe(1);
    expect(await onBoard.innerText()).toMatch(/15:00–17:00\s+Forum programme/i);
    await check();
  });
});
