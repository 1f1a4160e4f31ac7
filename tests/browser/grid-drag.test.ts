/**
 * The day grid as a planning surface in Chromium (issue 13): a meeting
 * dragged into a clash is marked while it moves, refused and put back with
 * "Save as tentative" and "Find another time"; dragged to a free slot it is
 * saved (a reload shows it there, with Undo); its lower edge resizes it; the
 * keyboard moves it; a drop on a page another session has since changed gets
 * the 412 message and loses nothing. Screenshots at 1280 and 390 px, axe.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import type { Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import type { Meeting } from '../../src/domain/types';
import { seriousViolations } from '../support/axe';
import { useBrowserApp } from '../support/browser';
import { createFixtureForum, DAY1, type FixtureForum } from '../support/meeting-fixture';

const app = useBrowserApp({ demo: false });
/** Screenshots for the record (GRID_DRAG_SCREENSHOTS names the folder). */
const SHOTS = process.env.GRID_DRAG_SCREENSHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'grid-drag-shots-'));

let fx: FixtureForum;
beforeAll(() => {
  fx = createFixtureForum(app().ctx.services);
});

const widthOf = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const stored = (id: number) => app().ctx.services.meetings.get(id);
const gridUrl = () => `/forums/${fx.forumId}/grid/rooms/${DAY1}?venue=all`;

/** A confirmed half hour (or as asked) with the adviser, on day 1 of the fixture forum. */
function aMeeting(title: string, room: keyof FixtureForum['rooms'], from: string, to: string): Meeting {
  return app().ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, {
    title, kind: 'bilateral', status: 'confirmed', start: `${DAY1}T${from}`, end: `${DAY1}T${to}`, roomId: fx.rooms[room],
    participants: [{ personId: fx.people.adviser, role: 'principal' }],
  }).meeting;
}

async function openGrid(username: string, width = 1280): Promise<Page> {
  const page = await app().signedInPage(username, 'planner', { width, height: 1300 });
  await page.goto(gridUrl());
  await page.locator('table.drag-ready').waitFor();
  return page;
}

/** Presses on the card (near its top, or on its lower edge) and moves the mouse over a room's column at a row, not letting go. */
async function dragOver(page: Page, m: Meeting, to: { room: keyof FixtureForum['rooms']; time: string }, grab: 'body' | 'edge' = 'body') {
  const card = (await page.locator(`td[data-meeting="${m.id}"]`).boundingBox())!;
  const column = (await page.locator(`th[data-col="room-${fx.rooms[to.room]}"]`).boundingBox())!;
  const row = (await page.locator(`tr[data-t="${to.time}"]`).boundingBox())!;
  const from = grab === 'edge' ? { x: card.x + card.width / 2, y: card.y + card.height - 2 } : { x: card.x + card.width / 2 + 20, y: card.y + 3 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 3, from.y + 5, { steps: 2 });
  await page.mouse.move(column.x + column.width / 2, row.y + (grab === 'edge' ? 1 : 3), { steps: 8 });
}

/** Which room's column a card stands in, by where it is drawn. */
async function roomOfCard(page: Page, id: number): Promise<number | null> {
  return page.evaluate((meetingId) => {
    const card = document.querySelector(`td[data-meeting="${meetingId}"]`)!.getBoundingClientRect();
    const mid = card.left + card.width / 2;
    const th = [...document.querySelectorAll('thead th[data-col]')].find((h) => {
      const r = h.getBoundingClientRect();
      return mid >= r.left && mid <= r.right;
    });
    const key = th?.getAttribute('data-col') ?? '';
    return /^room-\d+$/.test(key) ? Number(key.slice(5)) : null;
  }, id);
}

it('marks a clash while dragging, refuses the drop and puts the card back with both offers; Save as tentative saves it', async () => {
  const m = aMeeting('Clash mover', 'roomB', '08:00', '08:30');
  const page = await openGrid('drag-clash');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'grid-1280.png'), fullPage: true });

  // 'Talks with the Governor' holds Room A 10:30–11:30, confirmed.
  await dragOver(page, m, { room: 'roomA', time: '10:45' });
  const ghost = page.locator('.drag-ghost');
  await page.locator('.drag-ghost.is-error').waitFor();
  expect(await ghost.innerText()).toMatch(/10:45–11:15, Room A\s+clash: would be refused/);
  expect(await page.locator('td.drop-clash').count()).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(SHOTS, 'drag-clash-1280.png') });
  await page.mouse.up();

  const panel = page.locator('[data-drag-panel]');
  await panel.waitFor({ state: 'visible' });
  expect(await panel.innerText()).toMatch(/“Clash mover” was not moved to 10:45–11:15, Room A and is back where it was/);
  expect(await panel.innerText()).toMatch(/Room A/);
  expect(await ghost.count()).toBe(0);
  expect(await page.locator(`td[data-meeting="${m.id}"]`).getAttribute('data-s')).toBe(`${DAY1}T08:00`);
  expect(stored(m.id)).toMatchObject({ start: m.start, roomId: fx.rooms.roomB, version: m.version });
  const find = new URL((await page.getByRole('link', { name: 'Find another time' }).getAttribute('href'))!, app().baseUrl);
  expect(find.pathname).toBe(`/forums/${fx.forumId}/find-time`);
  expect(find.searchParams.get('person')).toBe(String(fx.people.adviser));
  expect(find.searchParams.get('duration')).toBe('30');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'drop-refused-1280.png') });

  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Save as tentative' }).click()]);
  await page.getByText('“Clash mover” moved to 2019-06-10 10:45–11:15, now tentative.').waitFor();
  expect(stored(m.id)).toMatchObject({ start: `${DAY1}T10:45`, end: `${DAY1}T11:15`, roomId: fx.rooms.roomA, status: 'tentative' });
  // Its clash is marked on the moved card.
  expect(await page.locator(`td[data-meeting="${m.id}"]`).getAttribute('class')).toMatch(/marked-warning|marked-error/);
});

it('saves a drag to a free slot and room: a reload shows it there, and the notice offers Undo', async () => {
  const m = aMeeting('Free mover', 'hall', '08:45', '09:15');
  const page = await openGrid('drag-free');
  await dragOver(page, m, { room: 'roomB', time: '09:00' });
  await page.locator('.drag-ghost.is-free').waitFor();
  await Promise.all([page.waitForEvent('load'), page.mouse.up()]);
  await page.getByText('“Free mover” moved to 2019-06-10 09:00–09:30.').waitFor();
  expect(stored(m.id)).toMatchObject({ start: `${DAY1}T09:00`, end: `${DAY1}T09:30`, roomId: fx.rooms.roomB, status: 'confirmed' });

  await page.reload();
  expect(await page.locator(`td[data-meeting="${m.id}"]`).getAttribute('data-s')).toBe(`${DAY1}T09:00`);
  expect(await roomOfCard(page, m.id)).toBe(fx.rooms.roomB);

  await page.goto(gridUrl());
  const moved = stored(m.id);
  await dragOver(page, moved, { room: 'roomB', time: '09:30' });
  await Promise.all([page.waitForEvent('load'), page.mouse.up()]);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Undo' }).click()]);
  await page.getByText('Undone: “Free mover” is back as it was.').waitFor();
  expect(new URL(page.url()).pathname).toBe(`/forums/${fx.forumId}/grid/rooms/${DAY1}`);
  expect(stored(m.id)).toMatchObject({ start: `${DAY1}T09:00`, roomId: fx.rooms.roomB });
});

it('resizes a meeting by dragging its lower edge, in 5-minute steps, keeping its start', async () => {
  const m = aMeeting('Resized', 'hall', '15:30', '16:00');
  const page = await openGrid('drag-resize');
  await dragOver(page, m, { room: 'hall', time: '16:45' }, 'edge');
  await page.locator('.drag-ghost.is-free').waitFor();
  expect(await page.locator('.drag-ghost').innerText()).toMatch(/15:30–16:45, Hall 1/);
  await Promise.all([page.waitForEvent('load'), page.mouse.up()]);
  await page.getByText('“Resized” moved to 2019-06-10 15:30–16:45.').waitFor();
  expect(stored(m.id)).toMatchObject({ start: `${DAY1}T15:30`, end: `${DAY1}T16:45`, roomId: fx.rooms.hall });
});

it('on a phone, moves a meeting from the keyboard: arrows in time and across rooms, announced, Enter to save', async () => {
  const m = aMeeting('Keyboard mover', 'hall', '13:00', '13:30');
  const page = await openGrid('drag-keys', 390);
  expect(await widthOf(page)).toBeLessThanOrEqual(390);
  const handle = page.getByRole('button', { name: 'Move “Keyboard mover”' });
  await handle.focus();
  await page.keyboard.press('Enter');
  const live = page.locator('[data-drag-live]');
  await expectText(live, /Moving “Keyboard mover”, 13:00–13:30, Hall 1/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Alt+ArrowDown');
  await expectText(live, /13:35–14:10, Room B: warning/);
  await page.screenshot({ path: path.join(SHOTS, 'keyboard-390.png') });
  expect(await seriousViolations(page)).toEqual([]);
  // Escape puts it back; picked up again, the same keys and Enter save it.
  await page.keyboard.press('Escape');
  await expectText(live, /“Keyboard mover” stays where it was/);
  expect(await page.locator('.drag-ghost').count()).toBe(0);
  await page.keyboard.press('Enter');
  for (const key of ['ArrowDown', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
  await expectText(live, /13:15–13:45, Room B: free/);
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  await page.getByText('“Keyboard mover” moved to 2019-06-10 13:15–13:45.').waitFor();
  expect(stored(m.id)).toMatchObject({ start: `${DAY1}T13:15`, end: `${DAY1}T13:45`, roomId: fx.rooms.roomB });
  expect(await widthOf(page)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: path.join(SHOTS, 'grid-390.png'), fullPage: true });
});

it('a drop on a page another session has since changed gets the 412 message, the card goes back, and nothing of the other change is lost', async () => {
  const m = aMeeting('Stale mover', 'salon', '12:30', '13:00');
  const page = await openGrid('drag-stale');
  const other = app().ctx.services.meetings.move(SYSTEM_ACTOR, m.id, m.version, { kind: 'by', minutes: 5 }).meeting;
  await dragOver(page, m, { room: 'salon', time: '13:15' });
  await page.locator('.drag-ghost.is-error').waitFor();
  expect(await page.locator('.drag-ghost').innerText()).toMatch(/changed meanwhile/);
  await page.mouse.up();
  const panel = page.locator('[data-drag-panel]');
  await panel.waitFor({ state: 'visible' });
  expect(await panel.innerText()).toMatch(/“Stale mover” was not moved to 13:15–13:45, Salon and is back where it was/);
  expect(await panel.innerText()).toMatch(/changed/i);
  expect(await page.getByRole('link', { name: 'Reload to see it as it is now' }).isVisible()).toBe(true);
  expect(await page.getByRole('button', { name: 'Save as tentative' }).isVisible()).toBe(false);
  expect(stored(m.id)).toEqual(other);
  await page.screenshot({ path: path.join(SHOTS, 'stale-1280.png') });
});

it('without JavaScript, an empty cell opens the new-meeting form there', async () => {
  const page = await app().signedInPage('drag-nojs', 'planner', { width: 390, javaScriptEnabled: false });
  await page.goto(gridUrl());
  expect(await page.locator('.drag-handle').count()).toBe(0);
  // Room A has two lanes by now (a tentative meeting overlaps the Governor's talks): each lane's empty cell plans the same.
  await page.getByRole('link', { name: 'Plan 08:15, Room A' }).first().click();
  await page.waitForURL(/\/meetings\/new\?/);
  expect(await page.locator('input[name="start"]').inputValue()).toBe(`${DAY1}T08:15`);
  expect(await widthOf(page)).toBeLessThanOrEqual(390);
});

async function expectText(locator: import('playwright-core').Locator, pattern: RegExp) {
  const deadline = Date.now() + 5000;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.textContent()) ?? '';
    if (pattern.test(text)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(text).toMatch(pattern);
}
