/**
 * The selects that submit on change (data-autosubmit: the day grid's venue and
 * delegation, the board's "Rooms of") in Chromium: an arrow key changes the
 * value and stays on the page (a keyboard user walks the choices without the
 * page going away under them); Enter, or the form's own button, then shows
 * the choice; a choice made with the mouse shows it at once. Without
 * JavaScript the button is the way, and it is there.
 */
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();

/** Counts the page's own navigations (document requests), so a test can say none happened. */
function countNavigations(page: Page): () => number {
  let count = 0;
  page.on('request', (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) count++;
  });
  return () => count;
}

/** Waits for a round trip to the page and a beat longer: a submit started by the key would have asked for a document by then. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
}

const CASES = [
  {
    name: 'the day grid’s venue',
    url: () => `/forums/${app().ctx.demo!.forumId}/grid/rooms/2019-06-07?venue=all`,
    select: '#grid-venue',
    param: 'venue',
    button: 'form.grid-filter button[type=submit]',
  },
  {
    name: 'the day grid’s delegation',
    url: () => `/forums/${app().ctx.demo!.forumId}/grid/people/2019-06-07?delegation=${app().ctx.demo!.delegations.azerbaijan}`,
    select: '#grid-delegation',
    param: 'delegation',
    button: 'form.grid-filter button[type=submit]',
  },
  {
    name: 'the board’s rooms of a venue',
    url: () => `/forums/${app().ctx.demo!.forumId}/board?person=${app().ctx.demo!.people.mustafayev}&room=${app().ctx.demo!.rooms.bilateral1}&date=2019-06-07`,
    select: '#b-venue',
    param: 'venue',
    button: 'button[name=list][value=rooms]',
  },
];

describe.each(CASES)('$name', ({ url, select, param, button }) => {
  it('an arrow key changes the choice and stays on the page; Enter then shows it', async () => {
    const page = await app().signedInPage('autosubmit-keys');
    await page.goto(url());
    const navigations = countNavigations(page);
    const before = await page.locator(select).inputValue();
    // ArrowDown, or ArrowUp when the choice is already the last one.
    const last = await page.locator(select).evaluate((el: HTMLSelectElement) => el.selectedIndex === el.options.length - 1);
    await page.locator(select).focus();
    await page.keyboard.press(last ? 'ArrowUp' : 'ArrowDown');
    await settle(page);
    const chosen = await page.locator(select).inputValue();
    expect(chosen).not.toBe(before);
    expect(navigations()).toBe(0);
    expect(new URL(page.url()).searchParams.get(param) ?? before).toBe(before);
    await Promise.all([page.waitForURL((u) => u.searchParams.get(param) === chosen), page.keyboard.press('Enter')]);
    expect(await page.locator(select).inputValue()).toBe(chosen);
  });

  it('a choice made with the mouse is shown at once', async () => {
    const page = await app().signedInPage('autosubmit-mouse');
    await page.goto(url());
    const other = await page.locator(`${select} option:not(:checked)`).first().getAttribute('value');
    // A click opens the select (the pointer is what tells a mouse choice from a key), then the option is picked.
    await page.locator(select).click();
    await Promise.all([page.waitForURL((u) => u.searchParams.get(param) === other), page.locator(select).selectOption(other!)]);
    expect(await page.locator(select).inputValue()).toBe(other);
  });

  it('without JavaScript, the form’s button shows the choice', async () => {
    const page = await app().signedInPage('autosubmit-nojs', 'planner', { javaScriptEnabled: false });
    await page.goto(url());
    const other = await page.locator(`${select} option:not(:checked)`).first().getAttribute('value');
    await page.locator(select).selectOption(other!);
    await Promise.all([page.waitForURL((u) => u.searchParams.get(param) === other), page.locator(button).click()]);
    expect(await page.locator(select).inputValue()).toBe(other);
  });
});
