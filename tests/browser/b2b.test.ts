/**
 * The B2B flow in Chromium, as the people involved live it: a company opens
 * its link and asks another for a meeting; the protocol office accepts on the
 * other company's behalf and runs the schedule; the company sees its table;
 * the hall plan prints on A4 landscape, read back with poppler. The PDF and
 * its pages as images are kept in ARTIFACTS for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();
const ARTIFACTS = process.env.B2B_PRINT_ARTIFACTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'b2b-print-'));
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

const sessionOf = () => app().ctx.services.b2b.sessions.list(app().ctx.demo!.forumId)[0]!;
const participantId = (name: string) => app().ctx.services.b2b.views.overview(sessionOf().id).participants.find((p) => p.name === name)!.record.id;

it('a company asks through its link, the planner accepts for the other and runs the schedule, and the company sees its table', async () => {
  const { ctx } = app();
  const secret = ctx.services.b2b.links.create(SYSTEM_ACTOR, participantId('Gilan Holding')).secret;

  // The company: its page, then the companies it may meet, then a request to KAMAZ.
  const company = await app().newPage({ width: 1024, height: 800 });
  await company.goto(`/s/${secret}/b2b`);
  await company.getByRole('heading', { level: 1, name: 'Gilan Holding' }).waitFor();
  await company.getByRole('link', { name: 'Find companies to meet' }).click();
  await company.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
  const card = company.locator(`#company-${participantId('KAMAZ')}`);
  await card.getByLabel('Message to KAMAZ').fill('Trucks for our Gabala resort logistics');
  await card.getByLabel('Priority').selectOption({ label: 'High' });
  await Promise.all([company.waitForURL(/\/b2b\?done=sent(#.*)?$/), card.getByRole('button', { name: 'Ask to meet' }).click()]);
  await company.getByRole('status').filter({ hasText: 'Request sent.' }).waitFor();
  expect(await company.getByRole('row', { name: /KAMAZ you asked · high priority/ }).innerText()).toContain('PENDING');

  // The protocol office: accepts for KAMAZ (who agreed by phone) and runs the scheduler.
  const planner = await app().signedInPage('b2b-browser-planner', 'planner');
  await planner.goto(`/forums/${ctx.demo!.forumId}/b2b/${sessionOf().id}`);
  const row = planner.getByRole('row', { name: /Gilan Holding → KAMAZ/ });
  await Promise.all([planner.waitForLoadState('load'), row.getByRole('button', { name: /^Accept/ }).click()]);
  await planner.getByRole('status').filter({ hasText: 'Request accepted. Run the scheduler to give it a table.' }).waitFor();
  await planner.getByText('Changed since the last run').waitFor();
  // A run previews: the published schedule is kept and the new request is added; nothing is written yet.
  await planner.getByLabel('Place new requests', { exact: false }).first().check();
  await Promise.all([planner.waitForURL(/\/proposals\/\d+$/), planner.getByRole('button', { name: 'Preview the schedule' }).click()]);
  await planner.getByRole('heading', { level: 1, name: 'Preview of the schedule' }).waitFor();
  const added = planner.locator('section', { has: planner.getByRole('heading', { level: 2, name: 'Added' }) });
  await added.getByText('Gilan Holding').first().waitFor();
  expect(ctx.services.meetings.list({ forumId: ctx.demo!.forumId, kind: 'b2b' }).some((m) => m.title === 'B2B: Gilan Holding – KAMAZ')).toBe(false);
  await planner.screenshot({ path: path.join(ARTIFACTS, 'proposal-1280.png'), fullPage: true });
  await Promise.all([planner.waitForURL(/#schedule$/), planner.getByRole('button', { name: 'Apply this schedule' }).click()]);
  await planner.getByRole('status').filter({ hasText: /Applied: 36 meetings placed; no schedule can place more than 36\. Schedule: 1 added\./ }).waitFor();
  await planner.locator('table.b2b-grid').getByText('Gilan Holding').first().waitFor();

  // The company's page shows the table; the meeting is in the programme.
  await company.reload();
  const meeting = ctx.services.meetings.list({ forumId: ctx.demo!.forumId, kind: 'b2b' }).find((m) => m.title === 'B2B: Gilan Holding – KAMAZ')!;
  expect(meeting.status).toBe('confirmed');
  expect(await company.getByRole('row', { name: /KAMAZ · Trucks/ }).innerText()).toContain(meeting.place);
});

it('prints the hall plan on two A4 landscape pages: tables by slot, then where each company sits', async () => {
  const planner = await app().signedInPage('b2b-print-planner', 'planner');
  await planner.goto(`/forums/${app().ctx.demo!.forumId}/b2b/${sessionOf().id}/hall-plan`);
  await planner.getByRole('heading', { level: 1, name: 'Hall plan' }).waitFor();
  await planner.emulateMedia({ media: 'print' });
  expect(await planner.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);

  const pdfPath = path.join(ARTIFACTS, 'hall-plan.pdf');
  fs.writeFileSync(pdfPath, await planner.pdf({ format: 'A4', preferCSSPageSize: true }));
  const info = run('pdfinfo', [pdfPath]);
  // The named page wins over the A4 portrait of the rest of the print design.
  expect(info).toMatch(/Page size:\s+84[12](\.\d+)? x 59[45](\.\d+)? pts \(A4\)/);
  expect(info).toMatch(/^Pages:\s+2$/m);

  const page1 = run('pdftotext', ['-f', '1', '-l', '1', '-layout', pdfPath, '-']);
  const page2 = run('pdftotext', ['-f', '2', '-l', '2', '-layout', pdfPath, '-']);
  expect(page1).toContain('Meeting of Azerbaijani and Russian entrepreneurs — tables');
  expect(page1).toMatch(/11:00–11:20 +11:25–11:45 +11:50–12:10/);
  expect(page1).toContain('SOCAR Polymer');
  expect(page1).toContain('Page 1 of 2');
  expect(page2).toContain('where each company sits');
  expect(page2).toMatch(/SOCAR Polymer +T 1 SIBUR/);
  // One page per sheet: no company's row spills onto a third page.
  expect(page2).toContain('Uralchem');

  // The pages as images, for a person to look at.
  run('pdftoppm', ['-r', '60', '-png', pdfPath, path.join(ARTIFACTS, 'hall-plan')]);
  expect(fs.readdirSync(ARTIFACTS).filter((f) => f.startsWith('hall-plan-') && f.endsWith('.png'))).toHaveLength(2);
});
