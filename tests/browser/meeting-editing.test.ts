/**
 * The meeting form's participant rows and the cancellation's confirmation in
 * Chromium, with and without JavaScript: the same buttons work both ways, and
 * no page is wider than a phone.
 */
import type { Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();

const widthOf = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

describe.each([
  { name: 'with JavaScript', javaScriptEnabled: true },
  { name: 'without JavaScript', javaScriptEnabled: false },
])('participant rows $name', ({ name, javaScriptEnabled }) => {
  it('finds people by search in any script, adds them with their roles and another empty row, then saves', async () => {
    const { ctx } = app();
    const forumId = ctx.demo!.forumId;
    const page = await app().signedInPage(`rows-${javaScriptEnabled}`, 'planner', { javaScriptEnabled, width: 390, height: 900 });
    const csp = watchCsp(page);
    await page.goto(`/forums/${forumId}/meetings/new`);
    await page.locator('#f-title').fill(`Rows ${name}`);
    const rowsBefore = await page.locator('select[name="participantId"]').count();

    await page.getByRole('button', { name: 'Add another participant' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('select[name="participantId"]').length === n + 1, rowsBefore);
    // Nothing was saved by a step, and what was typed is still there.
    expect(await page.locator('#f-title').inputValue()).toBe(`Rows ${name}`);

    const add = async (query: string, label: RegExp) => {
      await page.locator('#f-personSearch').fill(query);
      if (!javaScriptEnabled) await page.getByRole('button', { name: 'Search', exact: true }).click();
      const match = page.locator('[data-person-matches] li').filter({ hasText: label });
      await match.getByRole('button', { name: 'Add' }).click();
    };
    await add('şahin', /Shahin Mustafayev/);
    await add('aygün', /Aygun Ismayilova/);
    await add('дрозд', /Drozdenko/);

    const chosen = await page.locator('select[name="participantId"]').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value).filter(Boolean));
    const roles = await page.locator('select[name="participantRole"]').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
    const people = ctx.demo!.people;
    expect(chosen).toEqual([people.mustafayev, people.interpreter, people.drozdenko].map(String));
    expect(roles.slice(0, 3)).toEqual(['principal', 'interpreter', 'counterpart']);
    expect(await widthOf(page)).toBeLessThanOrEqual(390);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Rows ${name}` }).waitFor();
    const saved = ctx.services.meetings.list({ forumId }).find((m) => m.title === `Rows ${name}`)!;
    expect(saved.participants).toEqual([
      { personId: people.mustafayev, role: 'principal' },
      { personId: people.interpreter, role: 'interpreter' },
      { personId: people.drozdenko, role: 'counterpart' },
    ]);
    expect(csp).toEqual([]);
  });
});

describe.each([
  { name: 'with JavaScript (a dialog)', javaScriptEnabled: true },
  { name: 'without JavaScript (a page)', javaScriptEnabled: false },
])('cancelling $name', ({ javaScriptEnabled }) => {
  it('asks first, naming the calendars it updates; Back changes nothing, the button cancels', async () => {
    const { ctx } = app();
    const forumId = ctx.demo!.forumId;
    const m = ctx.services.meetings.create(SYSTEM_ACTOR, forumId, { title: `To cancel ${javaScriptEnabled}`, kind: 'bilateral', status: 'tentative', start: '2019-06-06T19:00', end: '2019-06-06T19:30', participants: [{ personId: ctx.demo!.people.press!, role: 'required' }] }).meeting;
    // A meeting of its own, for a room no other link shows: the count is this test's.
    const roomId = ctx.services.directory.roomsOfForum(forumId).at(javaScriptEnabled ? -1 : -2)!.id;
    ctx.services.meetings.update(SYSTEM_ACTOR, m.id, m.version, { ...ctx.services.meetings.get(m.id), roomId, participants: [] });
    ctx.services.feeds.createToken(SYSTEM_ACTOR, forumId, { scope: 'room', scopeId: roomId, label: `Door screen ${javaScriptEnabled}` });
    const page = await app().signedInPage(`cancel-${javaScriptEnabled}`, 'planner', { javaScriptEnabled });
    const csp = watchCsp(page);
    const show = `/forums/${forumId}/meetings/${m.id}`;
    await page.goto(show);

    await page.getByRole('link', { name: 'Cancel meeting' }).click();
    const where = javaScriptEnabled ? page.getByRole('dialog') : page.locator('main');
    await where.getByText('This will update 1 subscribed calendar').waitFor();
    await where.getByText(`“Door screen ${javaScriptEnabled}”`).waitFor();
    expect(new URL(page.url()).pathname).toBe(javaScriptEnabled ? show : `${show}/cancel`);

    await where.getByRole('link', { name: 'Back' }).click();
    if (javaScriptEnabled) await page.getByRole('dialog').waitFor({ state: 'hidden' });
    else await page.waitForURL((url) => url.pathname === show);
    expect(ctx.services.meetings.get(m.id).status).toBe('tentative');

    await page.getByRole('link', { name: 'Cancel meeting' }).click();
    await (javaScriptEnabled ? page.getByRole('dialog') : page.locator('main')).getByRole('button', { name: 'Cancel the meeting' }).click();
    await page.getByRole('status').filter({ hasText: 'cancelled; it stays in the programme' }).waitFor();
    expect(ctx.services.meetings.get(m.id).status).toBe('cancelled');
    expect(csp).toEqual([]);
  });
});
