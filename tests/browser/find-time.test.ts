/**
 * Finding a time in Chromium, with and without JavaScript, on a phone and a
 * desktop: three people picked through the contact-book search (any script),
 * a search, "Plan this" opening the new-meeting form filled in, and the
 * meeting saved as the slot said. No page is wider than its viewport.
 */
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();

const widthOf = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.each([
  { name: 'with JavaScript at 1280 px', javaScriptEnabled: true, width: 1280 },
  { name: 'without JavaScript at 390 px', javaScriptEnabled: false, width: 390 },
])('Find a time $name', ({ name, javaScriptEnabled, width }) => {
  it('finds a slot for three people and books it', async () => {
    const { ctx } = app();
    const forumId = ctx.demo!.forumId;
    const people = ctx.demo!.people;
    const page = await app().signedInPage(`finder-${javaScriptEnabled}`, 'planner', { javaScriptEnabled, width, height: 900 });
    await page.goto(`/forums/${forumId}`);
    await page.getByRole('link', { name: 'Find a time' }).click();
    await page.getByRole('heading', { level: 1, name: 'Find a time' }).waitFor();

    // Each person found by a search in their own script; without JavaScript the Search button narrows the list, keeping those chosen.
    const chosen: string[] = [];
    for (const [query, id] of [
      ['şahin', people.mustafayev],
      ['aygün', people.interpreter],
      ['дрозд', people.drozdenko],
    ] as const) {
      await page.locator('#f-q').fill(query);
      if (!javaScriptEnabled) await page.getByRole('button', { name: 'Search', exact: true }).click();
      chosen.push(String(id));
      await page.locator('#f-person').selectOption(chosen);
    }
    const visible = await page.locator('#f-person option').evaluateAll((els) => els.filter((e) => !(e as HTMLOptionElement).hidden).map((e) => (e as HTMLOptionElement).value));
    expect(visible).toEqual(expect.arrayContaining(chosen));
    if (!javaScriptEnabled) expect(visible.length).toBeLessThan(10);

    await page.locator('#f-from').fill('2019-06-07');
    await page.locator('#f-to').fill('2019-06-07');
    await page.locator('#f-duration').fill('45');
    await page.locator('#f-minSeats').fill('3');
    await page.locator('#f-title').fill(`Found ${name}`);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /slots?$/ }).waitFor();
    expect(await widthOf(page)).toBeLessThanOrEqual(width);
    const first = page.locator('.candidate').first();
    const when = (await first.locator('.candidate-head strong').innerText()).trim();

    await first.getByRole('link', { name: 'Plan this' }).click();
    await page.getByRole('heading', { level: 1, name: 'New meeting' }).waitFor();
    expect(await page.locator('#f-title').inputValue()).toBe(`Found ${name}`);
    const start = await page.locator('#f-start').inputValue();
    expect(when).toContain(start.slice(11));
    expect(await widthOf(page)).toBeLessThanOrEqual(width);
    await page.locator('#f-status').selectOption('confirmed');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Found ${name}` }).waitFor();

    // Saved as confirmed: the slot passed the real save check.
    const saved = ctx.services.meetings.list({ forumId }).find((m) => m.title === `Found ${name}`)!;
    expect(saved.status).toBe('confirmed');
    expect(saved.start).toBe(start);
    // The delegation head first, as principal; each other one with the role a new row gives them.
    expect(saved.participants[0]).toEqual({ personId: people.mustafayev, role: 'principal' });
    expect(saved.participants).toEqual(
      expect.arrayContaining([
        { personId: people.interpreter, role: 'interpreter' },
        { personId: people.drozdenko, role: 'counterpart' },
      ]),
    );
    expect(saved.participants).toHaveLength(3);
  });
});
