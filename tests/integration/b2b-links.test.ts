/**
 * Companies act through their own secret link: they see the others, ask,
 * answer, cancel, and see their tables and calendar. A link acts for its
 * own company only, and any other secret is a plain 404.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type TestContext } from '../support/app';
import { parseWithIcalJs } from '../support/ics';
import { meetingUid } from '../support/meeting-uid';
import { runAndApply } from '../support/b2b-flow';

jest.setTimeout(30_000);

let ctx: TestContext;
let sessionId: number;
const link: Record<string, string> = {};

const b2b = () => ctx.services.b2b;
const participantId = (name: string) => b2b().views.overview(sessionId).participants.find((p) => p.name === name)!.record.id;
const page = async (company: string, path = '') => {
  const res = await request(ctx.app).get(`/s/${link[company]}/b2b${path}`);
  return { status: res.status, text: textOf(res.text), html: res.text };
};
const post = (company: string, path: string, form: Record<string, string>) => request(ctx.app).post(`/s/${link[company]}/b2b${path}`).type('form').send(form);
const requestBetween = (a: string, b: string) => b2b().requests.list(sessionId).find((r) => [r.fromId, r.toId].sort().join() === [participantId(a), participantId(b)].sort().join());

beforeAll(() => {
  ctx = createTestApp();
  sessionId = b2b().sessions.list(ctx.demo!.forumId)[0]!.id;
  for (const name of ['KAMAZ', 'SOCAR Polymer', 'Gilan Holding', 'Severstal', 'AzerGold', 'SIBUR']) link[name] = b2b().links.create(SYSTEM_ACTOR, participantId(name)).secret;
});
afterAll(() => ctx.close());

describe('a company’s own page', () => {
  it.each([
    { lang: 'ru', home: '11:00–11:20 Баку 12:00–12:20' },
    { lang: 'az', home: '11:00–11:20 Bakı 12:00–12:20' },
  ])('names the home clock’s city in the reader’s language ($lang) beside a table’s time, and marks the forum’s name English', async ({ lang, home }) => {
    const { status, text, html } = await page('SOCAR Polymer', `?lang=${lang}`);
    expect(status).toBe(200);
    expect(text).toContain(home);
    expect(text).not.toContain('Baku 12:00');
    expect(html).toContain('<p class="eyebrow"><span lang="en">23rd St. Petersburg International Economic Forum</span>');
  });

  it('shows its tables with whom and where, its requests, and how to subscribe and print', async () => {
    const { status, text } = await page('SOCAR Polymer');
    expect(status).toBe(200);
    expect(text).toContain('SOCAR Polymer');
    expect(text).toMatch(/11:00–11:20 Baku 12:00–12:20 Table 1 SIBUR · Petrochemicals Elena Zaitseva, Director for Polymers Export/);
    expect(text).toContain('Subscribe (webcal)');
    expect(text).toContain(`/s/${link['SOCAR Polymer']}/calendar.ics`);
    expect(text).toContain('Polypropylene grades for the Russian market');
  });

  it('lists the other companies with their profiles, the other side first, with a form for each it may ask', async () => {
    const { text, html } = await page('SOCAR Polymer', '/companies');
    expect(text).toContain('Your side: Azerbaijani companies. You meet Russian companies.');
    expect(text.indexOf('KAMAZ')).toBeLessThan(text.indexOf('Azerikimya Production Association'));
    expect(text).toContain('Trucks and buses, service networks');
    expect(html).toContain(`name="toId" value="${participantId('KAMAZ')}"`);
    expect(html).not.toContain(`name="toId" value="${participantId('Azerikimya Production Association')}"`);
    expect(text).toContain('Same side as you: this session pairs the two sides.');
  });

  it('feeds its B2B meetings to its calendar, at its tables in the hall', async () => {
    const res = await request(ctx.app).get(`/s/${link['SOCAR Polymer']}/calendar.ics`);
    expect(res.status).toBe(200);
    const events = parseWithIcalJs(res.text);
    expect(events.map((e) => e.summary).sort()).toEqual(['B2B: SOCAR Polymer – Gazprombank', 'B2B: SOCAR Polymer – RZD Logistics', 'B2B: SOCAR Polymer – SIBUR']);
    expect(res.text).toMatch(/LOCATION:B2B area\\, Pavilion G\\, ExpoForum\\, Table 1/);
  });
});

describe('asking, answering, cancelling', () => {
  it('sends a request to a company of the other side, which sees it and accepts', async () => {
    const sent = await post('SOCAR Polymer', '/requests', { toId: String(participantId('KAMAZ')), message: 'Polymer parts for cabins', priority: '3' });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(`/s/${link['SOCAR Polymer']}/b2b?done=sent`);
    expect((await page('SOCAR Polymer', '?done=sent')).text).toContain('Request sent.');

    const kamaz = await page('KAMAZ');
    expect(kamaz.text).toContain('1 company asks to meet you.');
    expect(kamaz.text).toMatch(/SOCAR Polymer asked you · high priority Polymer parts for cabins PENDING/i);
    const r = requestBetween('SOCAR Polymer', 'KAMAZ')!;
    expect(r).toMatchObject({ state: 'pending', createdBy: `link:${participantId('SOCAR Polymer')}` });

    const accepted = await post('KAMAZ', `/requests/${r.id}`, { action: 'accept' });
    expect(accepted.headers.location).toBe(`/s/${link.KAMAZ}/b2b?done=accepted`);
    expect(b2b().requests.get(r.id).state).toBe('accepted');
    expect(ctx.services.audit.history('b2b_request', r.id).map((h) => h.username)).toEqual(['B2B link: KAMAZ', 'B2B link: SOCAR Polymer']);
    // The planner's session page now says a run is due.
    expect(b2b().scheduling.state(sessionId).waiting).toBe(1);
  });

  it('gets a table when the planner runs the schedule, in the company’s page and calendar', async () => {
    const planner = await signIn(ctx, 'b2b-link-planner', 'planner');
    const base = `/forums/${ctx.demo!.forumId}/b2b/${sessionId}`;
    // SOCAR Polymer and KAMAZ are never free together as published: placing it moves up to that many published meetings.
    // The demo's session is published, so applying the run writes the meetings at once.
    expect((await runAndApply(planner, base, { mode: 'place-new', moveLimit: '5' })).status).toBe(303);
    const meeting = ctx.services.meetings.get(requestBetween('SOCAR Polymer', 'KAMAZ')!.meetingId!);
    expect(meeting).toMatchObject({ kind: 'b2b', status: 'confirmed', title: 'B2B: SOCAR Polymer – KAMAZ' });
    expect((await page('KAMAZ')).text).toContain(`Table ${meeting.place.slice(6)} SOCAR Polymer · Petrochemicals`);
    const feed = await request(ctx.app).get(`/s/${link.KAMAZ}/calendar.ics`);
    expect(parseWithIcalJs(feed.text).some((e) => e.summary === 'B2B: SOCAR Polymer – KAMAZ' && e.status === 'CONFIRMED')).toBe(true);
  });

  it('declines, and the company that asked sees it', async () => {
    const sent = await post('Severstal', '/requests', { toId: String(participantId('AzerGold')), message: 'Steel for the flotation plant' });
    expect(sent.status).toBe(303);
    const r = requestBetween('Severstal', 'AzerGold')!;
    expect((await post('AzerGold', `/requests/${r.id}`, { action: 'decline' })).status).toBe(303);
    expect((await page('Severstal')).text).toMatch(/AzerGold you asked · normal priority Steel for the flotation plant DECLINED/i);
  });

  it('cancels a meeting that had a table: the meeting is cancelled in both calendars', async () => {
    const r = requestBetween('SOCAR Polymer', 'KAMAZ')!;
    expect((await post('KAMAZ', `/requests/${r.id}`, { action: 'cancel' })).headers.location).toBe(`/s/${link.KAMAZ}/b2b?done=cancelled`);
    expect(ctx.services.meetings.get(r.meetingId!).status).toBe('cancelled');
    const feed = await request(ctx.app).get(`/s/${link['SOCAR Polymer']}/calendar.ics`);
    expect(parseWithIcalJs(feed.text).find((e) => e.uid === meetingUid(ctx.services.store, r.meetingId!))).toMatchObject({ status: 'CANCELLED', summary: 'Cancelled: B2B: SOCAR Polymer – KAMAZ' });
  });
});

describe('refusals', () => {
  it.each([
    { name: 'itself', to: 'Gilan Holding', field: 'Gilan Holding cannot ask to meet itself; choose another company.' },
    { name: 'a company of its own side', to: 'AzerGold', field: 'AzerGold is on the same side (Azerbaijani companies) as Gilan Holding' },
    { name: 'a company it already has a request with, even the other way round', to: 'Rusagro', field: 'Gilan Holding and Rusagro already have a request (accepted, sent by Gilan Holding).' },
  ])('refuses asking $name, saying why', async ({ to, field }) => {
    const res = await post('Gilan Holding', '/requests', { toId: String(participantId(to)), message: 'My words', priority: '1' });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain(`The request was not sent. ${field}`);
  });

  it('keeps what was typed in the company’s form when the message needs changing', async () => {
    const long = 'Polymer '.repeat(130);
    const res = await post('Gilan Holding', '/requests', { toId: String(participantId('KAMAZ')), message: long, priority: '3' });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('The message is longer than 1000 characters.');
    expect(res.text).toContain(`>${long}</textarea>`);
    expect(res.text).toMatch(/<option value="3" selected>High<\/option>/);
    expect(res.text).toContain(`class="card b2b-company-card has-error" id="company-${participantId('KAMAZ')}"`);
  });

  it('refuses a company that is not in the session', async () => {
    const res = await post('Gilan Holding', '/requests', { toId: '99999' });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('Choose a company of this session to meet.');
  });

  it('asks only in its own name, whatever the form claims', async () => {
    const res = await post('SIBUR', '/requests', { fromId: String(participantId('KAMAZ')), toId: String(participantId('Gilan Holding')) });
    expect(res.status).toBe(303);
    expect(requestBetween('SIBUR', 'Gilan Holding')).toMatchObject({ fromId: participantId('SIBUR'), state: 'pending' });
    expect(requestBetween('KAMAZ', 'Gilan Holding')).toBeUndefined();
  });

  it('never acts for another company: not on others’ requests, not as the wrong party', async () => {
    const others = requestBetween('Baku Steel Company', 'Severstal')!;
    const notMine = await post('KAMAZ', `/requests/${others.id}`, { action: 'cancel' });
    expect(notMine.status).toBe(404);
    expect(b2b().requests.get(others.id).state).toBe('accepted');

    const mine = requestBetween('SIBUR', 'Gilan Holding')!;
    const ownRequest = await post('SIBUR', `/requests/${mine.id}`, { action: 'accept' });
    expect(ownRequest.status).toBe(403);
    expect(textOf(ownRequest.text)).toContain('Only the company that was asked can accept or decline; you can cancel your request instead.');
    const withdraw = await post('Gilan Holding', `/requests/${mine.id}`, { action: 'cancel' });
    expect(withdraw.status).toBe(403);
    expect(b2b().requests.get(mine.id).state).toBe('pending');
  });

  it('says when an answer no longer fits the state', async () => {
    const r = requestBetween('Severstal', 'AzerGold')!;
    const res = await post('AzerGold', `/requests/${r.id}`, { action: 'accept' });
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toContain('The request from Severstal to AzerGold is declined; it cannot be accepted now.');
  });

  it('answers any other secret with the same 404: unknown, revoked, or another kind of link', async () => {
    const person = ctx.services.feeds.createToken(SYSTEM_ACTOR, ctx.demo!.forumId, { scope: 'person', scopeId: ctx.demo!.people.mustafayev, label: 'not a company' }).secret;
    const revoked = b2b().links.create(SYSTEM_ACTOR, participantId('Rusagro'));
    ctx.services.feeds.revoke(SYSTEM_ACTOR, revoked.token.id);
    for (const secret of [person, revoked.secret, 'x'.repeat(32), 'short']) {
      const res = await request(ctx.app).get(`/s/${secret}/b2b`);
      expect(res.status).toBe(404);
      expect(textOf(res.text)).toContain('This link does not open anything.');
      expect((await request(ctx.app).post(`/s/${secret}/b2b/requests`).type('form').send({ toId: '1' })).status).toBe(404);
    }
  });

  it('needs no CSRF token, but refuses a form posted from another site', async () => {
    const res = await request(ctx.app).post(`/s/${link.SIBUR}/b2b/requests`).set('Origin', 'https://evil.example').set('Sec-Fetch-Site', 'cross-site').type('form').send({ toId: String(participantId('AzerGold')) });
    expect(res.status).toBe(403);
    expect(requestBetween('SIBUR', 'AzerGold')).toBeUndefined();
  });
});
