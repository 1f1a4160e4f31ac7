/**
 * The availability board in Chromium, with JavaScript at 1280 px and without
 * it at 390 px: three people picked through the contact-book search (any
 * script), their busy times on the board, a room chosen, a "Plan a meeting
 * here" link followed to the filled-in form, and the meeting saved as
 * confirmed with no conflict. Screenshots at both widths; no page is wider
 * than its viewport (the board scrolls in its own box); axe finds no serious
 * or critical violation.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();
const SHOTS = process.env.BOARD_SCREENSHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'board-shots-'));

const widthOf = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.each([
  { name: 'with JavaScript at 1280 px', javaScriptEnabled: true, width: 1280 },
  { name: 'without JavaScript at 390 px', javaScriptEnabled: false, width: 390 },
])('Availability board $name', ({ name, javaScriptEnabled, width }) => {
  it('picks three people by search, shows their day, and plans a meeting in a free stretch', async () => {
    const { ctx } = app();
    const forumId = ctx.demo!.forumId;
    const people = ctx.demo!.people;
    const room = ctx.demo!.rooms.bilateral2;
    const page = await app().signedInPage(`board-${javaScriptEnabled}`, 'planner', { javaScriptEnabled, width, height: 900 });
    await page.goto(`/forums/${forumId}`);
    if (javaScriptEnabled) await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board', exact: true }).click();
    else await page.goto(`/forums/${forumId}/board`);
    await page.getByRole('heading', { level: 1, name: /^Availability board/ }).waitFor();
    expect(await widthOf(page)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: path.join(SHOTS, `default-${width}.png`), fullPage: true });
    // axe runs as a script in the page: without JavaScript it is run in the next test at the same width.
    if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);

    // Start from nobody on 7 June, then find each person in their own script.
    await page.goto(`/forums/${forumId}/board?show=1&date=2019-06-07`);
    for (const [query, label] of [
      ['şahin', /Shahin Mustafayev/],
      ['aygün', /Aygun Ismayilova/],
      ['дрозд', /Aleksandr Drozdenko/],
    ] as const) {
      await page.locator('#b-q').fill(query);
      if (javaScriptEnabled) {
        await page.getByRole('button', { name: new RegExp(`^Add ${label.source}`) }).click();
      } else {
        await page.getByRole('button', { name: 'Search', exact: true }).click();
        await page.locator('.board-matches').getByLabel(label).check();
      }
    }
    const shown = page.locator('.board-chosen');
    if (javaScriptEnabled) for (const label of [/Shahin Mustafayev/, /Aygun Ismayilova/, /Aleksandr Drozdenko/]) expect(await shown.getByLabel(label).isChecked()).toBe(true);
    // The first venue's rooms are listed; ExpoForum is the demo's first.
    expect(await page.locator('#b-venue').inputValue()).toBe(String(ctx.demo!.venues.expo));
    await page.getByLabel(/Pavilion F, bilateral meeting room F2/).check();
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Friday, 7 June 2019' }).waitFor();

    // Their busy times side by side: the Minister's and the Governor's talks, the travel before them.
    const headers = await page.locator('table.board thead th').allInnerTexts();
    expect(headers.join(' | ')).toMatch(/Shahin Mustafayev.*Aygun Ismayilova.*Aleksandr Drozdenko.*Free for all.*bilateral meeting room F2/s);
    expect(await page.locator('td.board-meeting', { hasText: 'Meeting with Governor of Leningrad Region' }).count()).toBeGreaterThan(0);
    expect(await page.locator('td.board-travel_before').count()).toBeGreaterThan(0);
    expect(await widthOf(page)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: path.join(SHOTS, `board-${width}.png`), fullPage: true });
    if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);

    // The first stretch free for all three in room F2.
    const plan = page.locator(`a.board-plan[href*="roomId=${room}"]`).first();
    await plan.click();
    await page.getByRole('heading', { level: 1, name: 'New meeting' }).waitFor();
    const start = await page.locator('#f-start').inputValue();
    expect(start.slice(0, 10)).toBe('2019-06-07');
    await page.locator('#f-title').fill(`Board ${name}`);
    await page.locator('#f-status').selectOption('confirmed');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Board ${name}` }).waitFor();

    const saved = ctx.services.meetings.list({ forumId }).find((m) => m.title === `Board ${name}`)!;
    expect(saved.status).toBe('confirmed');
    expect(saved.start).toBe(start);
    expect(saved.roomId).toBe(room);
    expect(saved.participants.map((p) => p.personId).sort()).toEqual([people.mustafayev, people.interpreter, people.drozdenko].sort());
    expect(ctx.services.meetings.conflictsAmong(forumId, [saved])).toEqual([]);
  });
});

it('has no serious or critical axe violation on a phone, the board with people, rooms and a search', async () => {
  const { ctx } = app();
  const { forumId, people, rooms } = ctx.demo!;
  const page = await app().signedInPage('board-axe', 'planner', { width: 390, height: 900 });
  for (const query of [`show=1&date=2019-06-07&person=${people.mustafayev}&person=${people.drozdenko}&room=${rooms.bilateral1}&room=${rooms.smolnyHall}&q=aygun`, 'show=1&date=all', 'show=1&person=abc']) {
    await page.goto(`/forums/${forumId}/board?${query}`);
    await page.getByRole('heading', { level: 1, name: /^Availability board/ }).waitFor();
    expect(await widthOf(page)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
  }
  await page.screenshot({ path: path.join(SHOTS, 'refused-390.png'), fullPage: true });
});
