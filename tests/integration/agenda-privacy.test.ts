/**
 * Who reads the briefing. The delegation's staff and its members see the
 * briefing notes and the documents to sign; a door sheet on a room and a
 * counterpart's own link (Governor Drozdenko's) show the same meeting without
 * them. Secret links open their one scope without an account, read-only.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import type { FeedScopeKind } from '../../src/domain/feed-scope';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

let ctx: TestContext;
let planner: SignedIn;
const demo = () => ctx.demo!;

beforeAll(async () => {
  ctx = createTestApp();
  planner = await signIn(ctx, 'privacy-planner', 'planner');
});
afterAll(() => ctx.close());

const DROZDENKO = 'Meeting with Governor of Leningrad Region Aleksandr Drozdenko';
const BRIEFING = 'Objective: confirm the strategic partnership at regional level and sign the cooperation agreement.';
const TO_SIGN = 'Agreement on cooperation between the Republic of Azerbaijan and the Leningrad Region';

const linkTo = (scope: FeedScopeKind, scopeId: number) => ctx.services.feeds.createToken(SYSTEM_ACTOR, demo().forumId, { scope, scopeId, label: `${scope} ${scopeId}` }).secret;
const staffUrl = (scope: string, id: number, day: string) => `/forums/${demo().forumId}/agenda/${scope}/${id}/${day}`;

describe('briefing notes and documents to sign', () => {
  it.each([
    { name: 'the delegation’s sheet (staff)', url: () => staffUrl('delegation', demo().delegations.azerbaijan, '2019-06-07'), notes: true },
    { name: 'the Minister’s sheet (staff)', url: () => staffUrl('person', demo().people.mustafayev!, '2019-06-07'), notes: true },
    { name: 'the delegation’s secret link', url: () => `/s/${linkTo('delegation', demo().delegations.azerbaijan)}/agenda/2019-06-07`, notes: true },
    { name: 'the Minister’s secret link', url: () => `/s/${linkTo('person', demo().people.mustafayev!)}/agenda/2019-06-07`, notes: true },
    { name: 'the door sheet of room F1 (staff)', url: () => staffUrl('room', demo().rooms.bilateral1!, '2019-06-07'), notes: false },
    { name: 'the door sheet’s secret link', url: () => `/s/${linkTo('room', demo().rooms.bilateral1!)}/agenda/2019-06-07`, notes: false },
    { name: 'Governor Drozdenko’s secret link', url: () => `/s/${linkTo('person', demo().people.drozdenko!)}/agenda/2019-06-07`, notes: false },
    { name: 'the Leningrad Region delegation’s secret link', url: () => `/s/${linkTo('delegation', demo().delegations.leningrad)}/agenda/2019-06-07`, notes: false },
  ])('$name: notes shown = $notes', async ({ url, notes }) => {
    const res = url().startsWith('/s/') ? await request(ctx.app).get(url()) : await planner.get(url());
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    // The meeting itself is on every one of these sheets; only its notes differ.
    expect(text).toContain(DROZDENKO);
    expect(text.includes(BRIEFING)).toBe(notes);
    expect(text.includes(TO_SIGN)).toBe(notes);
    expect(res.text.includes('<span class="label">Briefing</span>')).toBe(notes);
    expect(res.text.includes('<span class="label">To sign</span>')).toBe(notes);
    expect(text).toContain(notes ? 'Contains briefing notes: do not leave unattended' : 'No briefing notes');
  });

  it('gives the door sheet no on-site contact, and the delegation’s sheet its protocol officer', async () => {
    const door = textOf((await planner.get(staffUrl('room', demo().rooms.bilateral1!, '2019-06-07'))).text);
    expect(door).not.toContain('Contact');
    expect(door).not.toContain('+994 12 000 00 01');
    const own = textOf((await planner.get(staffUrl('delegation', demo().delegations.azerbaijan, '2019-06-07'))).text);
    expect(own).toContain('Contact Tural Guliyev, Head of Protocol, +994 12 000 00 01');
  });
});

describe('secret-link agendas', () => {
  let secret: string;
  beforeAll(() => {
    secret = linkTo('person', demo().people.mustafayev!);
  });

  it('opens a day without an account, read-only and uncached', async () => {
    const res = await request(ctx.app).get(`/s/${secret}/agenda/2019-06-08`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const text = textOf(res.text);
    expect(text).toContain('Shahin Mustafayev Azerbaijan — Ministry of Economy Saturday, 8 June 2019 Times: Moscow (Baku)');
    expect(text).toContain('08:30–09:00 Baku 09:30–10:00 Morning briefing');
    expect(text).not.toContain('Mark as printed');
    expect(text).not.toContain('Sign out');
    // The day tabs stay under the link: nothing leads to a page that asks for a login.
    const hrefs = [...res.text.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1]!).filter((h) => !h.startsWith('/public/'));
    expect(hrefs).toEqual(expect.arrayContaining([`/s/${secret}/agenda/2019-06-06`, `/s/${secret}/agenda/2019-06-07`, `/s/${secret}/agenda`]));
    expect(hrefs.filter((h) => !h.startsWith(`/s/${secret}`) && h !== '/')).toEqual([]);
  });

  it('opens the booklet of every forum day', async () => {
    const res = await request(ctx.app).get(`/s/${secret}/agenda`);
    expect(res.status).toBe(200);
    expect([...textOf(res.text).matchAll(/Times: Moscow \(Baku\)/g)]).toHaveLength(3);
    expect(textOf(res.text)).toMatch(/Thursday, 6 June 2019 .* Friday, 7 June 2019 .* Saturday, 8 June 2019/);
  });

  it.each([
    { name: 'a token nobody issued', url: () => `/s/${'A'.repeat(32)}/agenda/2019-06-07` },
    { name: 'a short token', url: () => '/s/abc/agenda' },
    { name: 'a day outside the forum', url: () => `/s/${secret}/agenda/2019-06-09` },
    { name: 'an organization’s link, which has no agenda', url: () => `/s/${linkTo('organization', demo().organizations.gaz!)}/agenda/2019-06-07` },
  ])('answers 404 for $name', async ({ url }) => {
    const res = await request(ctx.app).get(url());
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('agenda-sheet');
  });

  it('answers 404 once the link is revoked', async () => {
    const { token, secret: revoked } = ctx.services.feeds.createToken(SYSTEM_ACTOR, demo().forumId, { scope: 'delegation', scopeId: demo().delegations.azerbaijan, label: 'driver' });
    expect((await request(ctx.app).get(`/s/${revoked}/agenda`)).status).toBe(200);
    ctx.services.feeds.revoke(SYSTEM_ACTOR, token.id);
    expect((await request(ctx.app).get(`/s/${revoked}/agenda`)).status).toBe(404);
  });

  it('cannot mark a sheet printed: the link is read-only', async () => {
    const res = await request(ctx.app).post(`/s/${secret}/agenda/2019-06-07/printed`).type('form').send({ day: '2019-06-07' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(ctx.services.store.printSnapshots.latest({ forumId: demo().forumId, scope: 'person', scopeId: demo().people.mustafayev! })).toBeNull();
  });
});
