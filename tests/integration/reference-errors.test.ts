import type { DemoIds } from '../../db/seed/demo';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

// Each file builds the demo and signs agents in: seconds, not milliseconds, on a busy two-core machine.
jest.setTimeout(30_000);

let ctx: TestContext;
let demo: DemoIds;
let admin: SignedIn;
let otherForum: { forumId: number; venueId: number; delegationId: number };
beforeAll(async () => {
  ctx = createTestApp();
  demo = ctx.demo!;
  admin = await signIn(ctx, 'errors-admin', 'admin');
  // A second forum, so a record can be asked for under the wrong forum's address.
  const actor = SYSTEM_ACTOR;
  const forum = ctx.services.forums.create(actor, { name: 'Caspian Oil and Gas 2020', shortName: 'Caspian 2020', startDate: '2020-06-02', endDate: '2020-06-04', timeZone: 'Asia/Baku', city: 'Baku' });
  const venue = ctx.services.venues.create(actor, { forumId: forum.id, name: 'Baku Expo Center', address: '', opensAt: null, closesAt: null });
  const delegation = ctx.services.delegations.create(actor, { forumId: forum.id, name: 'Ministry of Economy', homeTimeZone: 'Asia/Baku' });
  otherForum = { forumId: forum.id, venueId: venue.id, delegationId: delegation.id };
});
afterAll(() => ctx.close());

/** What a page must never show a user: a stack trace, source paths, or raw error names. */
function expectNoInternals(html: string): void {
  expect(html).not.toMatch(/\n\s+at [\w.<>]+ \(/);
  expect(html).not.toMatch(/node_modules|\/src\/|\.ts:\d+/);
  expect(html).not.toMatch(/NotFoundError|TypeError|SqliteError/);
}

describe('a record that does not exist', () => {
  it.each([
    { name: 'person', url: () => '/people/99999', says: 'There is no person with id 99999.' },
    { name: 'person edit form', url: () => '/people/99999/edit', says: 'There is no person with id 99999.' },
    { name: 'organization delete form', url: () => '/organizations/99999/delete', says: 'There is no organization with id 99999.' },
    { name: 'forum', url: () => '/forums/99999', says: 'There is no forum with id 99999.' },
    { name: 'forum edit form', url: () => '/forums/99999/edit', says: 'There is no forum with id 99999.' },
    { name: 'venue', url: () => `/forums/${demo.forumId}/venues/99999`, says: 'There is no venue with id 99999.' },
    { name: 'room edit form', url: () => `/forums/${demo.forumId}/rooms/99999/edit`, says: 'There is no room with id 99999.' },
    { name: 'delegation', url: () => `/forums/${demo.forumId}/delegations/99999`, says: 'There is no delegation with id 99999.' },
    { name: 'id that is not a number', url: () => '/organizations/azpromo', says: 'There is no organization at this address.' },
    { name: 'id too long to be one', url: () => '/people/12345678901234567890', says: 'There is no person at this address.' },
    { name: 'travel matrix of an unknown forum', url: () => '/forums/99999/travel', says: 'There is no forum with id 99999.' },
    { name: 'venue of another forum', url: () => `/forums/${demo.forumId}/venues/${otherForum.venueId}`, says: () => `There is no venue with id ${otherForum.venueId} in this forum.` },
    { name: 'delegation of another forum', url: () => `/forums/${demo.forumId}/delegations/${otherForum.delegationId}/edit`, says: () => `There is no delegation with id ${otherForum.delegationId} in this forum.` },
  ])('$name: 404 page that says so', async ({ url, says }) => {
    const res = await admin.get(url());
    expect(res.status).toBe(404);
    const text = textOf(res.text);
    expect(text).toContain('Not found');
    expect(text).toContain(typeof says === 'function' ? says() : says);
    expect(text).toContain('Go to the start page');
    expectNoInternals(res.text);
  });

  it.each([
    { name: 'saving an edit', url: () => '/people/99999/edit', fields: { fullName: 'Nobody', version: 1 } },
    { name: 'deleting', url: () => '/organizations/99999/delete', fields: {} },
    { name: 'adding a member', url: () => `/forums/${demo.forumId}/delegations/99999/members`, fields: { personId: 1, role: 'adviser' } },
  ])('$name: 404, and nothing written', async ({ url, fields }) => {
    const audit = () => ctx.services.store.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = audit();
    const res = await admin.submit('/people/new', url(), fields);
    expect(res.status).toBe(404);
    expectNoInternals(res.text);
    expect(audit()).toBe(before);
  });
});

describe('an address that does not exist', () => {
  it.each(['/nowhere', '/people/1/nowhere', `/forums/1/nowhere`, '/organizations/1/edit/more', '/public/css/missing.css'])('%s: 404 page with the layout, no stack trace', async (url) => {
    const res = await admin.get(url);
    expect(res.status).toBe(404);
    if (!url.startsWith('/public/')) {
      expect(textOf(res.text)).toContain('There is no page at this address. It may have been deleted, or the link may be mistyped.');
      expect(textOf(res.text)).toContain('Sign out');
    }
    expectNoInternals(res.text);
  });

});

describe('what is not a form a user can send', () => {
  it('a malformed form body is a 400 page, without internals', async () => {
    const res = await admin.agent.post('/people').set('content-type', 'application/json').send('{"fullName": ');
    expect(res.status).toBe(400);
    expect(textOf(res.text)).toContain('The request could not be understood.');
    expectNoInternals(res.text);
  });
});

describe('an error on our side', () => {
  let broken: TestContext;
  beforeAll(() => {
    broken = createTestApp({ demo: false });
  });
  afterAll(() => broken.close());

  it('is a 500 page with a reference the log also has, and no internals', async () => {
    const planner = await signIn(broken, 'errors-planner', 'planner');
    // A database that lost a table: the kind of fault no user input can cause.
    broken.services.store.db.exec('ALTER TABLE organization RENAME TO organization_gone');
    const res = await planner.get('/organizations');
    expect(res.status).toBe(500);
    const text = textOf(res.text);
    expect(text).toContain('The error was on our side; nothing you did caused it.');
    const reference = /give the administrator this reference: ([0-9a-f]{12})/.exec(text)?.[1];
    expect(reference).toBeDefined();
    expectNoInternals(res.text);
    expect(broken.logLines.some((line) => line.includes(reference!) && line.includes('no such table'))).toBe(true);
  });
});
