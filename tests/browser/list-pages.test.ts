/**
 * Paged lists in a real browser, on a desktop and a phone: Next and Previous
 * are plain links that a click follows (no script needed), the count reads
 * "Showing 4–6 of …", and no page scrolls sideways at 390 px.
 */
import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();
const forumId = () => app().ctx.demo!.forumId;

const scrollsSideways = () => document.documentElement.scrollWidth > document.documentElement.clientWidth;

describe.each([
  { device: 'desktop', width: 1280 },
  { device: 'phone', width: 390 },
])('on a $device ($width px)', ({ width }) => {
  it('walks the meetings list by its Next and Previous links, filters kept', async () => {
    const page = await app().signedInPage(`pager-${width}`, 'planner', { width, height: 900 });
    await page.goto(`/forums/${forumId()}/meetings?day=2019-06-07&limit=3`);
    const pager = page.getByRole('navigation', { name: 'Pages' }).first();
    await expect(pager.textContent()).resolves.toMatch(/Showing 1–3 of \d+/);
    expect(await page.evaluate(scrollsSideways)).toBe(false);
    await Promise.all([page.waitForURL(/cursor=/), pager.getByRole('link', { name: 'Next →' }).click()]);
    await expect(page.getByRole('navigation', { name: 'Pages' }).first().textContent()).resolves.toMatch(/Showing 4–6 of \d+/);
    expect(new URL(page.url()).searchParams.get('day')).toBe('2019-06-07');
    expect(await page.evaluate(scrollsSideways)).toBe(false);
    await Promise.all([page.waitForURL(/cursor=/), page.getByRole('navigation', { name: 'Pages' }).first().getByRole('link', { name: '← Previous' }).click()]);
    await expect(page.getByRole('navigation', { name: 'Pages' }).first().textContent()).resolves.toMatch(/Showing 1–3 of \d+/);
  });

  it.each([
    { name: 'people', path: () => '/people?limit=5' },
    { name: 'conflicts', path: () => `/forums/${forumId()}/conflicts` },
    { name: 'audit log', path: () => '/admin/audit?limit=5' },
  ])('shows the $name page without sideways scrolling', async ({ path }) => {
    const page = await app().signedInPage(`pager-admin-${width}`, 'admin', { width, height: 900 });
    const res = await page.goto(path());
    expect(res?.status()).toBe(200);
    expect(await page.evaluate(scrollsSideways)).toBe(false);
  });
});
