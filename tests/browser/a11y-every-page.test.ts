/**
 * Every page kind of the app, in Chromium, as an admin, as a planner, through
 * a delegation's secret link and a B2B company's link, signed out (the login
 * page) and a 404: axe-core with the WCAG 2.2 AA rules finds no serious or
 * critical violation at 1280 px, and at 390 px no page is wider than the
 * phone (tables scroll inside their own box).
 *
 * The page kinds are the router's GET routes (tests/support/page-kinds.ts),
 * so a page added anywhere is checked without being listed here; a URL for
 * each is found by following the pages' own links from a few start pages
 * (plus a few named variants: a grid with a delegation chosen, a board with
 * people on it). A kind no URL was found for fails the test.
 *
 * Set A11Y_SHOTS=/some/dir to keep a screenshot of each page at both widths.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Role } from '../../src/domain/accounts';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { can, type RouteAction } from '../../src/web/middleware/policy';
import { PASSWORD, signIn } from '../support/app';
import { seriousViolations } from '../support/axe';
import { useBrowserApp } from '../support/browser';
import { kindOf, pageKinds, urlsPerKind } from '../support/page-kinds';

const app = useBrowserApp();
const SHOTS = process.env.A11Y_SHOTS;
const PHONE = 390;
const DESKTOP = 1280;
/** Some seventy pages, each loaded and checked at two widths: minutes on a busy two-core machine, not the 60 s of one flow. */
const EVERY_PAGE_TIMEOUT_MS = 600_000;
/** WCAG 2.2 AA, and no empty table header (which axe counts as minor). */
const AXE_OPTIONS = { wcag22: true, alsoRules: ['empty-table-header'] };

/** What one page fails: axe's serious/critical findings at 1280 px, and being wider than 390 px on a phone. */
async function problemsOf(page: Page, url: string, expectStatus: number): Promise<string[]> {
  const problems: string[] = [];
  await page.setViewportSize({ width: DESKTOP, height: 900 });
  const res = await page.goto(url);
  if (res?.status() !== expectStatus) return [`${url}: status ${res?.status()}, expected ${expectStatus}`];
  const name = url.replace(/[^A-Za-z0-9]+/g, '_').slice(0, 120);
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}-${DESKTOP}.png`), fullPage: true });
  for (const v of await seriousViolations(page, AXE_OPTIONS)) problems.push(`${url}: ${v}`);
  await page.setViewportSize({ width: PHONE, height: 900 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > PHONE) problems.push(`${url}: ${width} px wide at ${PHONE} px`);
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}-${PHONE}.png`), fullPage: true });
  return problems;
}

async function problemsOfAll(page: Page, urls: readonly string[], expectStatus = 200): Promise<string[]> {
  const problems: string[] = [];
  for (const url of urls) problems.push(...(await problemsOf(page, url, expectStatus)));
  return problems;
}

/** The start pages of a crawl, and the named variants worth a look of their own. */
function startPages(): string[] {
  const d = app().ctx.demo!;
  const f = `/forums/${d.forumId}`;
  const meeting = app().ctx.services.meetings.list({ forumId: d.forumId })[0]!;
  const session = app().ctx.services.b2b.sessions.list(d.forumId)[0]!;
  return [
    '/forums',
    f,
    '/admin/users',
    `${f}/grid/rooms/2019-06-07?venue=all`,
    `${f}/grid/people/2019-06-07?delegation=${d.delegations.azerbaijan}`,
    `${f}/board?person=${d.people.mustafayev}&person=${d.people.deputy}&room=${d.rooms.bilateral1}&date=2019-06-07`,
    `${f}/board?person=${d.people.mustafayev}&date=all`,
    `${f}/meetings?day=2019-06-07`,
    `${f}/meetings/${meeting.id}/move`,
    `/forums/${d.forumId}/delete`,
    // Linked from the session's page once a schedule is applied; as a draft it shows what publishing would do.
    `${f}/b2b/${session.id}/publish`,
  ];
}

beforeAll(() => {
  if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
  // A schedule run leaves a proposal to look at, and its session a publish page.
  const b2b = app().ctx.services.b2b;
  const session = b2b.sessions.list(app().ctx.demo!.forumId)[0]!;
  b2b.scheduling.run(SYSTEM_ACTOR, session.id, {});
  // The forum's official programme (issue 16), so its list, its sessions and their cells in the grids and board have something to show.
  const programme = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'programme-ics', 'spief-v2.ics'), 'utf8');
  app().ctx.services.forumProgramme.import(SYSTEM_ACTOR, app().ctx.demo!.forumId, { source: 'SPIEF official programme', text: programme });
});

/** An upload of the user's own waiting at its mapping and preview (only its owner sees it; a viewer may not import). */
function importPages(username: string, role: Role): string[] {
  if (!can(role, 'GET /imports')) return [];
  const { services } = app().ctx;
  const id = services.store.imports.addBatch({
    userId: services.accounts.list().find((u) => u.username === username)!.id,
    kind: 'people',
    fileName: 'delegation.csv',
    tableJson: JSON.stringify({ format: 'csv', headers: ['ID', 'ФИО', 'Organisation'], rows: [{ line: 2, cells: ['A-1', 'Мустафаев Шахин', 'AZPROMO'] }, { line: 3, cells: ['A-2', 'Drozdenko Aleksandr', 'Government of Leningrad Region'] }], notes: [] }),
    mappingJson: JSON.stringify(['externalId', 'fullName', 'organization']),
    createdAt: Date.now(),
    expiresAt: Date.now() + 3600_000,
  });
  // Meetings for the demo's forum: one row accepted, one that clashes with the Governor's meeting, one with a misspelt room.
  const userId = services.accounts.list().find((u) => u.username === username)!.id;
  const meetings = services.store.imports.addBatch({
    userId,
    kind: 'meetings',
    forumId: app().ctx.demo!.forumId,
    fileName: 'programme.csv',
    tableJson: JSON.stringify({
      format: 'csv',
      headers: ['ID', 'Тема', 'Статус', 'Дата', 'Начало', 'Окончание', 'Зал'],
      rows: [
        { line: 2, cells: ['M-1', 'Meeting with SOCAR Polymer', 'confirmed', '08.06.2019', '09:00', '09:45', 'Pavilion F, bilateral meeting room F2'] },
        { line: 3, cells: ['M-2', 'Second meeting in F1', 'confirmed', '07.06.2019', '10:15', '10:45', 'Pavilion F, bilateral meeting room F1'] },
        { line: 4, cells: ['M-3', 'Typo', 'tentative', '08.06.2019', '11:00', '11:30', 'Pavilon F, bilateral meeting room F2'] },
      ],
      notes: [],
    }),
    mappingJson: JSON.stringify(['externalId', 'title', 'status', 'date', 'start', 'end', 'room']),
    createdAt: Date.now(),
    expiresAt: Date.now() + 3600_000,
  });
  // A confirmed upload's result page, reached by the confirm's redirect: its rows left out as the confirm kept them.
  const done = services.store.imports.addBatch({ userId, kind: 'people', fileName: 'done.csv', tableJson: JSON.stringify({ format: 'csv', headers: ['Full name'], rows: [{ line: 2, cells: [''] }], notes: [] }), mappingJson: JSON.stringify(['fullName']), createdAt: Date.now(), expiresAt: Date.now() + 3600_000 });
  services.store.imports.markApplied(done, Date.now());
  services.store.imports.setResult(done, JSON.stringify({ counts: { create: 0, update: 0, unchanged: 0, error: 1 }, created: 0, updated: 0, errorRows: [{ line: 2, status: 'error', label: '', key: null, problems: [{ code: 'missing', field: 'fullName' }], recordId: null, changed: [], externalId: '', values: null }] }));
  return [`/imports/${id}/map`, `/imports/${id}/preview`, `/imports/${meetings}/map`, `/imports/${meetings}/preview`, `/imports/${done}/result`];
}

/** Whether the one policy table lets `role` read a page of this kind (a viewer gets no forms, a planner no admin pages). */
const mayRead = (role: Role, route: string) => can(role, `GET ${route.replace(/:[A-Za-z]+/g, '1')}` as RouteAction);

describe.each([
  { role: 'admin' as const, locale: 'en' as const },
  { role: 'planner' as const, locale: 'en' as const },
  { role: 'viewer' as const, locale: 'en' as const },
  // Longer words and other scripts: the user's chosen language, kept across every page.
  { role: 'planner' as const, locale: 'ru' as const },
  { role: 'admin' as const, locale: 'az' as const },
])('signed in as $role, reading $locale', ({ role, locale }) => {
  const username = `a11y-${role}-${locale}`;
  beforeAll(async () => {
    await signIn(app().ctx, username, role);
    app().ctx.services.accounts.setLocale(SYSTEM_ACTOR, username, locale);
  });

  it('every page kind: no serious or critical axe violation, none wider than 390 px', async () => {
    const { ctx } = app();
    const kinds = pageKinds(ctx.app).filter((k) => !k.route.startsWith('/s/') && k.route !== '/login');
    const found = await urlsPerKind(await signIn(ctx, username, role), kinds, [...startPages(), ...importPages(username, role)]);
    const missing = kinds.map((k) => k.route).filter((r) => !found.has(r) && mayRead(role, r));
    expect(missing).toEqual([]);
    const page = await app().signedInPage(username, role);
    await page.goto('/forums');
    expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    expect(await problemsOfAll(page, [...found.values()].flat())).toEqual([]);
  }, EVERY_PAGE_TIMEOUT_MS);

  it('a page that is not there (404)', async () => {
    const page = await app().signedInPage(username, role);
    const d = app().ctx.demo!;
    expect(await problemsOfAll(page, [`/forums/${d.forumId}/meetings/999999`, '/people/999999'], 404)).toEqual([]);
  });
});

describe('a form sent back with its field messages (422)', () => {
  it.each([
    { name: 'a new meeting', path: (f: number) => `/forums/${f}/meetings/new` },
    { name: 'a new person', path: () => '/people/new' },
    { name: 'a new venue', path: (f: number) => `/forums/${f}/venues/new` },
    { name: 'a new B2B session', path: (f: number) => `/forums/${f}/b2b/new` },
    { name: 'new unavailability', path: (f: number) => `/forums/${f}/availability/new` },
  ])('$name, sent empty', async ({ path }) => {
    const page = await app().signedInPage('a11y-planner-en', 'planner');
    await page.goto(path(app().ctx.demo!.forumId));
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.locator('form.form').first().evaluate((f: HTMLFormElement) => f.requestSubmit())]);
    expect(res.status()).toBe(422);
    // The page the 422 answered, with its messages (not the form it was sent from).
    await page.locator('.error-text, [aria-invalid="true"], .alert-error').first().waitFor();
    await page.waitForLoadState('load');
    const problems = (await seriousViolations(page, AXE_OPTIONS)).map((v) => `${path(1)}: ${v}`);
    await page.setViewportSize({ width: PHONE, height: 900 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE) problems.push(`${path(1)}: ${width} px wide at ${PHONE} px`);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/422-${path(1).replace(/[^A-Za-z0-9]+/g, '_')}-${PHONE}.png`, fullPage: true });
    expect(problems).toEqual([]);
  });
});

describe('without an account', () => {
  it('a delegation’s secret link: its page and agendas', async () => {
    const { ctx } = app();
    const d = ctx.demo!;
    const secret = ctx.services.feeds.createToken(SYSTEM_ACTOR, d.forumId, { scope: 'delegation', scopeId: d.delegations.azerbaijan, label: 'a11y' }).secret;
    const person = ctx.services.feeds.createToken(SYSTEM_ACTOR, d.forumId, { scope: 'person', scopeId: d.people.mustafayev, label: 'a11y' }).secret;
    const urls = [`/s/${secret}`, `/s/${secret}/agenda`, `/s/${secret}/agenda/2019-06-07`, `/s/${person}`, `/s/${person}/agenda/2019-06-07`];
    const kinds = pageKinds(ctx.app);
    expect(new Set(urls.map((u) => kindOf(kinds, u)?.route))).toEqual(new Set(['/s/:token', '/s/:token/agenda', '/s/:token/agenda/:date']));
    expect(await problemsOfAll(await app().newPage(), urls)).toEqual([]);
    // A counterpart reads the link in Russian, a delegate in Azerbaijani.
    expect(await problemsOfAll(await app().newPage(), [`/s/${secret}?lang=ru`, `/s/${secret}/agenda/2019-06-07?lang=ru`, `/s/${person}?lang=az`, `/s/${person}/agenda?lang=az`])).toEqual([]);
  });

  it('a B2B company’s link: its tables and the companies', async () => {
    const { ctx } = app();
    const b2b = ctx.services.b2b;
    const session = b2b.sessions.list(ctx.demo!.forumId)[0]!;
    const participant = b2b.views.overview(session.id).participants[0]!;
    const secret = b2b.links.create(SYSTEM_ACTOR, participant.record.id).secret;
    const urls = [`/s/${secret}/b2b`, `/s/${secret}/b2b/companies`];
    expect(await problemsOfAll(await app().newPage(), [...urls, ...urls.map((u) => `${u}?lang=ru`), ...urls.map((u) => `${u}?lang=az`)])).toEqual([]);
  });

  it('the login page, empty and after a wrong password', async () => {
    const page = await app().newPage();
    expect(await problemsOfAll(page, ['/login?lang=ru', '/login?lang=az', '/login'])).toEqual([]);
    await page.getByLabel('User name').fill('nobody');
    await page.getByLabel('Password').fill(`${PASSWORD}-wrong`);
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Sign in' }).click()]);
    await expect(page.getByRole('alert').first().isVisible()).resolves.toBe(true);
    expect(await seriousViolations(page, AXE_OPTIONS)).toEqual([]);
  });

  it('a secret link that is not there (404)', async () => {
    expect(await problemsOfAll(await app().newPage(), ['/s/not-a-token-at-all-not-a-token'], 404)).toEqual([]);
  });
});

describe('warnings and conflicts are told in text, not only in a hover title', () => {
  type Demo = { forumId: number; delegations: { azerbaijan: number } };
  it.each([
    { name: 'the day grid by person', path: (d: Demo) => `/forums/${d.forumId}/grid/people/2019-06-07?delegation=${d.delegations.azerbaijan}`, marked: 'td.grid-entry:has(.entry-marker)', told: '.entry-marker .visually-hidden' },
    { name: 'the day grid by room', path: (d: Demo) => `/forums/${d.forumId}/grid/rooms/2019-06-07?venue=all`, marked: 'td.grid-entry:has(.entry-marker)', told: '.entry-marker .visually-hidden' },
    { name: 'the meetings list', path: (d: Demo) => `/forums/${d.forumId}/meetings?day=2019-06-07`, marked: 'td:has(> .badge-warning, > .badge-error)', told: '.visually-hidden' },
  ])('$name: each marked meeting says its sentences in its text', async ({ path, marked, told }) => {
    const page = await app().signedInPage('a11y-planner-en', 'planner');
    await page.goto(path(app().ctx.demo!));
    const cells = await page.locator(marked).evaluateAll(
      (els, toldSel) =>
        els.map((el) => ({
          tip: (el.getAttribute('title') ?? el.querySelector('.badge[title]')?.getAttribute('title') ?? '').split('\n').map((line) => line.trim()),
          said: (el.querySelector(toldSel)?.textContent ?? '').replace(/^:\s*/, '').trim(),
        })),
      told,
    );
    // The demo has its warning on purpose: the Deputy Minister's transfer from ExpoForum to Smolny.
    expect(cells.length).toBeGreaterThan(0);
    for (const { tip, said } of cells) {
      expect(said).not.toBe('');
      // The sentences are the tooltip's last lines (the grid) or the whole of it (the list): the text says the same.
      expect(tip.some((_, k) => tip.slice(k).join(' ') === said)).toBe(true);
    }
  });
});
