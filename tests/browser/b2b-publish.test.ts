/**
 * Preview, apply and publish in Chromium, as a protocol office lives it on a
 * new session: the planner runs the schedule and sees what it would add, move
 * and drop; applies it, and a company's secret link shows its tables as
 * provisional; publishes from the confirmation page, and the link no longer
 * says provisional; then moves one meeting (a pin re-runs the schedule into a
 * preview, which is applied), and the company's page lists that change as
 * was/now, once. axe finds nothing serious on the preview and publish pages
 * at 1280 and 390 px, and neither is wider than the phone. Screenshots go
 * to SHOTS (outside the repository) for a person to look at.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { checkAtBothWidths, } from '../support/axe';
import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();
const SHOTS = process.env.B2B_PUBLISH_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'b2b-publish-'));

const widthOf = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);


/** A small session of its own on the afternoon of 8 June, never published: four companies, four accepted requests. */
function newSession() {
  const { ctx } = app();
  const d = ctx.demo!;
  const b2b = ctx.services.b2b;
  const session = b2b.sessions.create(SYSTEM_ACTOR, d.forumId, { title: 'Petrochemicals round', roomId: d.rooms.b2bArea, start: '2019-06-08T16:00', end: '2019-06-08T18:05', slotMinutes: 20, changeoverMinutes: 5, tableCount: 2 });
  const add = (key: string) => b2b.participants.add(SYSTEM_ACTOR, session.id, { organizationId: d.organizations[key], representativeIds: [d.people[key]] });
  const [socar, azerikimya, gaz, bank] = ['socar-polymer', 'azerikimya', 'gaz', 'gazprombank'].map(add) as [ReturnType<typeof add>, ReturnType<typeof add>, ReturnType<typeof add>, ReturnType<typeof add>];
  for (const [from, to] of [[socar, bank], [socar, gaz], [azerikimya, gaz], [azerikimya, bank]] as const) {
    const r = b2b.requests.create({ actor: SYSTEM_ACTOR, participantId: null }, session.id, { fromId: from.id, toId: to.id });
    b2b.requests.act({ actor: SYSTEM_ACTOR, participantId: null }, r.id, 'accept');
  }
  return { session, socar, base: `/forums/${d.forumId}/b2b/${session.id}` };
}

it('run, preview, apply as a draft, publish after confirming; a moved table reaches the company once as was/now', async () => {
  const { ctx } = app();
  const b2b = ctx.services.b2b;
  const { session, socar, base } = newSession();
  const socarName = b2b.views.overview(session.id).participants.find((p) => p.record.id === socar.id)!.name;
  const secret = b2b.links.create(SYSTEM_ACTOR, socar.id).secret;

  // The planner runs the schedule: a preview, with nothing written yet.
  const planner = await app().signedInPage('b2b-publish-planner', 'planner', { width: 1280, height: 900 });
  await planner.goto(base);
  await Promise.all([planner.waitForURL(/\/proposals\/\d+$/), planner.getByRole('button', { name: 'Preview the schedule' }).click()]);
  await planner.getByRole('heading', { level: 1, name: 'Preview of the schedule' }).waitFor();
  const section = (name: string) => planner.locator('section', { has: planner.getByRole('heading', { level: 2, name }) });
  expect(await section('Added').getByRole('row').count()).toBe(1 + 4);
  await section('Moved').getByText('No applied meeting moves.').waitFor();
  await section('Dropped').getByText('No applied meeting loses its table.').waitFor();
  expect(b2b.scheduling.state(session.id).placements).toEqual([]);
  await checkAtBothWidths(planner, SHOTS, 'proposal');

  // Applied, the schedule is a draft: the company's link shows it as provisional.
  await Promise.all([planner.waitForURL(/#schedule$/), planner.getByRole('button', { name: 'Apply this schedule' }).click()]);
  await planner.getByRole('status').filter({ hasText: /^Draft\./ }).waitFor();
  const company = await app().newPage({ width: 390, height: 900 });
  await company.goto(`/s/${secret}/b2b`);
  await company.getByRole('heading', { level: 1, name: socarName }).waitFor();
  await company.getByRole('status').filter({ hasText: 'Provisional These tables may still change.' }).waitFor();
  await company.screenshot({ path: path.join(SHOTS, 'company-provisional-390.png'), fullPage: true });

  // Publishing asks first: the confirmation page says what it reaches; "Not now" publishes nothing.
  await Promise.all([planner.waitForURL(/\/publish$/), planner.getByRole('link', { name: 'Publish…' }).click()]);
  await planner.getByRole('heading', { level: 1, name: 'Publish the schedule?' }).waitFor();
  await planner.getByText('4 B2B meetings').waitFor();
  await checkAtBothWidths(planner, SHOTS, 'publish');
  await Promise.all([planner.waitForURL(new RegExp(`${base}$`)), planner.getByRole('link', { name: 'Not now' }).click()]);
  expect(b2b.scheduling.state(session.id).published).toBeNull();
  await planner.goto(`${base}/publish`);
  await Promise.all([planner.waitForLoadState('load'), planner.getByRole('button', { name: 'Publish to companies and calendars' }).click()]);
  await planner.getByText(/^Published/).first().waitFor();
  expect(b2b.scheduling.state(session.id).published).not.toBeNull();

  // The company's link no longer says provisional; nothing has changed since it last looked.
  await company.reload();
  await company.getByRole('heading', { level: 1, name: socarName }).waitFor();
  expect(await company.getByText('Provisional').count()).toBe(0);
  expect(await company.getByText('Changed since you last looked').count()).toBe(0);

  // The planner moves one of the company's meetings: a pin at a slot where neither side sits re-runs into a preview.
  const state = b2b.scheduling.state(session.id);
  const requests = b2b.requests.list(session.id);
  const sides = (requestId: number) => {
    const r = requests.find((x) => x.id === requestId)!;
    return [r.fromId, r.toId];
  };
  const mine = state.placements.find((p) => sides(p.requestId).includes(socar.id))!;
  const busySlots = new Set(state.placements.filter((p) => sides(p.requestId).some((id) => sides(mine.requestId).includes(id))).map((p) => p.slotIndex));
  const slots = b2b.sessions.slots(b2b.sessions.get(session.id));
  const target = slots.find((s) => !busySlots.has(s.index) && state.placements.filter((p) => p.slotIndex === s.index).every((p) => p.table !== 2))!;
  expect(target).toBeDefined();
  await planner.goto(`${base}/requests/${mine.requestId}`);
  const startOf = async (index: number) => (await planner.getByLabel('Slot').locator(`option[value="${index}"]`).innerText()).slice(0, 5);
  const [was, now] = [await startOf(mine.slotIndex), await startOf(target.index)];
  await planner.getByLabel('Slot').selectOption(String(target.index));
  await planner.getByLabel('Table').fill('2');
  await Promise.all([planner.waitForURL(/\/proposals\/\d+$/), planner.getByRole('button', { name: 'Pin and re-run' }).click()]);
  const moved = section('Moved').getByRole('row').filter({ hasText: socarName });
  expect(await moved.count()).toBe(1);
  expect(await moved.innerText()).toContain(`table ${mine.table}`);
  expect(await moved.innerText()).toContain('table 2');
  await checkAtBothWidths(planner, SHOTS, 'proposal-moved');
  await Promise.all([planner.waitForURL(/#schedule$/), planner.getByRole('button', { name: 'Apply this schedule' }).click()]);
  expect(b2b.scheduling.state(session.id).placements.find((p) => p.requestId === mine.requestId)).toMatchObject({ slotIndex: target.index, table: 2 });

  // The company sees the change once, as was and now; the next look shows nothing new.
  await company.reload();
  const changes = company.getByRole('status').filter({ hasText: 'Changed since you last looked' });
  await changes.waitFor();
  expect(await changes.getByRole('listitem').count()).toBe(1);
  expect(await changes.getByRole('listitem').innerText()).toBe(`With ${b2b.views.overview(session.id).participants.find((p) => sides(mine.requestId).includes(p.record.id) && p.record.id !== socar.id)!.name}: was ${was} table ${mine.table}, now ${now} table 2`);
  expect(await widthOf(company)).toBeLessThanOrEqual(390);
  await company.screenshot({ path: path.join(SHOTS, 'company-changed-390.png'), fullPage: true });
  await company.reload();
  await company.getByRole('heading', { level: 1, name: socarName }).waitFor();
  expect(await company.getByText('Changed since you last looked').count()).toBe(0);
});
