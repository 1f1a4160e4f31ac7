/**
 * Dates that are not on the calendar: refused where they come in (forums,
 * link expiry, filters), and survived where one is already stored.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { databaseState } from '../support/db-state';

let ctx: TestContext;
let planner: SignedIn;
let admin: SignedIn;
let bearer: Record<string, string>;
beforeAll(async () => {
  ctx = createTestApp();
  planner = await signIn(ctx, 'dates-planner', 'planner');
  admin = await signIn(ctx, 'dates-admin', 'admin');
  bearer = { authorization: `Bearer ${ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'dates-planner', 'dates tests').token}` };
});
afterAll(() => ctx.close());

const state = () => databaseState(ctx.services.store.db);
const demo = () => ctx.demo!;
const forumForm = (startDate: string, endDate: string) => ({ name: 'Baku Energy Week', shortName: 'BEW', startDate, endDate, timeZone: 'Asia/Baku', city: 'Baku' });

describe('a forum’s first and last day must be real dates, in order, within a bounded span', () => {
  it.each([
    { name: 'month 13, day 45', start: '2019-13-45', end: '2019-06-08', field: 'First day', says: 'real date' },
    { name: '30 February', start: '2019-02-30', end: '2019-03-02', field: 'First day', says: 'real date' },
    { name: 'year 1', start: '0001-01-01', end: '2019-06-08', field: 'First day', says: 'between 2000 and 2100' },
    { name: 'year 9999 at the end', start: '2019-06-06', end: '9999-12-31', field: 'Last day', says: 'between 2000 and 2100' },
    { name: 'not a date at all', start: 'next Tuesday', end: '2019-06-08', field: 'First day', says: 'YYYY-MM-DD' },
    { name: 'end before start', start: '2019-06-08', end: '2019-06-06', field: 'Last day', says: 'on or after the first day' },
    { name: 'a year long', start: '2019-06-06', end: '2020-06-06', field: 'Last day', says: 'at most 62 days' },
  ])('$name -> 422 beside the $field, nothing written', async ({ start, end, says }) => {
    const before = state();
    const res = await admin.submit('/forums/new', '/forums', forumForm(start, end));
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain(says);
    expect(state()).toEqual(before);
  });

  it('accepts 62 days, and refuses an edit to an impossible date', async () => {
    const ok = await admin.submit('/forums/new', '/forums', forumForm('2024-02-01', '2024-04-02'));
    expect(ok.status).toBe(303);
    const id = Number(/\/forums\/(\d+)$/.exec(String(ok.headers.location))![1]);
    const before = state();
    const res = await admin.submit(`/forums/${id}/edit`, `/forums/${id}/edit`, { ...forumForm('2024-02-30', '2024-03-02'), version: 1 });
    expect(res.status).toBe(422);
    expect(state()).toEqual(before);
  });
});

describe('a secret link’s expiry must be a real date, not “never” or a rolled-over day', () => {
  const cases = [
    { name: 'month 13, day 45', expiresOn: '2030-13-45' },
    { name: 'all zeros', expiresOn: '0000-00-00' },
    { name: 'all nines', expiresOn: '9999-99-99' },
    { name: '31 February (would become 3 March)', expiresOn: '2030-02-31' },
  ];
  it.each(cases)('$name through the form -> 422 with a message, nothing written', async ({ expiresOn }) => {
    const before = state();
    const res = await planner.submit(`/forums/${demo().forumId}/links`, `/forums/${demo().forumId}/links`, { scope: 'delegation', scopeId_delegation: demo().delegations.azerbaijan, label: 'x', expiresOn });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('Enter the expiry date as a real date YYYY-MM-DD');
    expect(state()).toEqual(before);
  });

  it.each(cases)('$name through the API -> 422 naming expiresOn, nothing written', async ({ expiresOn }) => {
    const before = state();
    const res = await request(ctx.app).post('/api/v1/feed-tokens').set(bearer).send({ forumId: demo().forumId, scope: 'delegation', scopeId: demo().delegations.azerbaijan, expiresOn });
    expect(res.status).toBe(422);
    expect(res.body.fields.expiresOn).toMatch(/real date/);
    expect(state()).toEqual(before);
  });

  it('keeps a real expiry as that day (the control case)', async () => {
    const res = await request(ctx.app).post('/api/v1/feed-tokens').set(bearer).send({ forumId: demo().forumId, scope: 'delegation', scopeId: demo().delegations.azerbaijan, expiresOn: '2030-02-28' });
    expect(res.status).toBe(201);
    expect(new Date(res.body.expiresAt).toISOString().slice(0, 10)).toBe('2030-02-28');
  });
});

describe('a day filter that is not a date', () => {
  it.each([{ name: 'impossible', day: '2019-02-30' }, { name: 'words', day: 'friday' }, { name: 'year 0', day: '0000-06-07' }])(
    '$name: the meetings page shows every day with a visible warning',
    async ({ day }) => {
      const res = await planner.get(`/forums/${demo().forumId}/meetings?day=${encodeURIComponent(day)}`);
      expect(res.status).toBe(200);
      expect(textOf(res.text)).toContain(`“${day}” is not a date, so meetings of every day are shown.`);
    },
  );

  it.each([{ name: 'impossible', day: '2019-02-30' }, { name: 'words', day: 'friday' }])('$name: the API answers 422 naming day', async ({ day }) => {
    const res = await request(ctx.app).get(`/api/v1/forums/${demo().forumId}/meetings?day=${day}`).set(bearer);
    expect(res.status).toBe(422);
    expect(res.body.fields.day).toMatch(/real date/);
  });

  it('still filters on a real day (the control case)', async () => {
    const all = await request(ctx.app).get(`/api/v1/forums/${demo().forumId}/meetings`).set(bearer);
    const one = await request(ctx.app).get(`/api/v1/forums/${demo().forumId}/meetings?day=2019-06-07`).set(bearer);
    expect(one.status).toBe(200);
    expect(one.body.length).toBeGreaterThan(0);
    expect(one.body.length).toBeLessThan(all.body.length);
  });
});

describe('a bad date already stored never takes a page down', () => {
  let secret: string;
  beforeAll(() => {
    secret = ctx.services.feeds.createToken(SYSTEM_ACTOR, demo().forumId, { scope: 'delegation', scopeId: demo().delegations.azerbaijan }).secret;
  });
  const pages = () => {
    const f = demo().forumId;
    const d = demo().delegations.azerbaijan;
    return [
      '/',
      '/forums',
      `/forums/${f}`,
      `/forums/${f}/edit`,
      `/forums/${f}/meetings`,
      `/forums/${f}/meetings/new`,
      `/forums/${f}/grid`,
      `/forums/${f}/grid/people`,
      `/forums/${f}/conflicts`,
      `/forums/${f}/availability`,
      `/forums/${f}/links`,
      `/forums/${f}/delegations/${d}`,
      `/forums/${f}/agenda/delegation/${d}`,
      `/forums/${f}/agenda/delegation/${d}/2019-06-07`,
      `/people/${Object.values(demo().people)[0]}`,
      `/forums/${f}/b2b`,
    ];
  };
  const setDates = (start: string, end: string) => ctx.services.store.db.prepare('UPDATE forum SET start_date = ?, end_date = ? WHERE id = ?').run(start, end, demo().forumId);
  afterAll(() => setDates('2019-06-06', '2019-06-08'));

  it.each([
    { name: 'month 13, day 45', start: '2019-13-45', end: '2019-13-47' },
    { name: '30 February', start: '2019-02-30', end: '2019-06-08' },
    { name: 'year 1', start: '0001-01-01', end: '2019-06-08' },
    { name: 'an end in year 9999', start: '2019-06-06', end: '9999-12-31' },
    { name: 'words', start: 'later', end: 'soon' },
  ])('$name: every page of the forum answers below 500', async ({ start, end }) => {
    setDates(start, end);
    const answers: Record<string, number> = {};
    for (const url of pages()) answers[url] = (await planner.get(url)).status;
    for (const url of [`/s/${secret}`, `/s/${secret}/calendar.ics`, `/s/${secret}/agenda`, `/p/${demo().forumId}/programme.ics`]) answers[url] = (await request(ctx.app).get(url)).status;
    const broken = Object.entries(answers).filter(([, status]) => status >= 500);
    expect(broken).toEqual([]);
  });
});
