/**
 * The hall plan's Print button in Chromium: with JavaScript it is there and
 * opens the print dialog (window.print); without it the page shows no button
 * that would do nothing (the browser's own Print prints the same sheet). The
 * agenda's Print is a link to its print view, so it works either way.
 */
import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();
const hallPlan = () => {
  const { ctx } = app();
  const session = ctx.services.b2b.sessions.list(ctx.demo!.forumId)[0]!;
  return `/forums/${ctx.demo!.forumId}/b2b/${session.id}/hall-plan`;
};

it('with JavaScript, the hall plan’s Print button is shown and prints', async () => {
  const page = await app().signedInPage('print-js');
  await page.goto(hallPlan());
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  const button = page.locator('button[data-print]');
  await expect(button.isVisible()).resolves.toBe(true);
  await button.click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
});

it('without JavaScript, the hall plan has no Print button that would do nothing', async () => {
  const page = await app().signedInPage('print-nojs', 'planner', { javaScriptEnabled: false });
  await page.goto(hallPlan());
  await expect(page.locator('button[data-print]').isVisible()).resolves.toBe(false);
  await expect(page.locator('.b2b-plan-toolbar .actions a').first().isVisible()).resolves.toBe(true);
});

it('the agenda’s Print is a link to its print view, which works without JavaScript', async () => {
  const { ctx } = app();
  const page = await app().signedInPage('print-agenda-nojs', 'planner', { javaScriptEnabled: false });
  await page.goto(`/forums/${ctx.demo!.forumId}/agenda/delegation/${ctx.demo!.delegations.azerbaijan}/2019-06-07`);
  const print = page.locator('a[data-print]');
  const href = await print.getAttribute('href');
  expect(href).toBeTruthy();
  const [res] = await Promise.all([page.waitForResponse((r) => r.url().includes(href!.split('?')[0]!)), print.click()]);
  expect(res.status()).toBe(200);
});
