import { BROWSER_TEST_TIMEOUT_MS, startBrowserApp, type BrowserApp } from '../support/browser';

/**
 * The day grid's venue and room pickers in a real browser: a phone-wide page
 * stays within the screen (the grid scrolls inside its own box), and picking
 * rooms is a plain form, so it works with scripts or without.
 */
let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
}, BROWSER_TEST_TIMEOUT_MS);
afterAll(() => app?.close());

const widthOf = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.scrollWidth);

it.each([
  { name: 'a phone', width: 390 },
  { name: 'a laptop', width: 1280 },
])(
  'on $name, opens the pickers without widening the page, and shows only the rooms picked',
  async ({ width }) => {
    const page = await app.signedInPage('grid-browser', 'planner', { width, height: 900 });
    const forumId = app.ctx.demo!.forumId;
    await page.goto(`${app.baseUrl}/forums/${forumId}/grid/rooms/2019-06-07?venue=${app.ctx.demo!.venues.expo}`);
    await page.click('summary:has-text("Choose rooms")');
    expect(await widthOf(page)).toBeLessThanOrEqual(width);
    await page.check('label.pick:has-text("Congress Hall D") input');
    await page.check('label.pick:has-text("bilateral meeting room F1") input');
    await Promise.all([page.waitForURL(/room=/), page.click('form.grid-filter button[type=submit]')]);
    const columns = await page.$$eval('table.day-grid thead th[scope=col]:not(.corner)', (ths) => ths.map((th) => th.querySelector('.column-label')?.textContent ?? ''));
    expect(columns.sort()).toEqual(['Congress Hall D', 'Pavilion F, bilateral meeting room F1']);
    expect(await widthOf(page)).toBeLessThanOrEqual(width);
  },
  BROWSER_TEST_TIMEOUT_MS,
);
