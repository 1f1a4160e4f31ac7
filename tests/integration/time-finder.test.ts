/**
 * Finding a time through HTTP: the JSON API (answers, 422 field messages, who
 * may ask), the "Find a time" page without JavaScript, the new-meeting form
 * filled in from a slot (which then saves), and the links into the finder
 * from a refused save and from the conflicts page.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { OPENAPI } from '../../src/web/openapi';
import { addUser, createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { createFixtureForum, DAY1, DAY2, type FixtureForum } from '../support/meeting-fixture';

let ctx: TestContext;
let fx: FixtureForum;
let planner: SignedIn;
let auth: { Authorization: string };
let viewerAuth: { Authorization: string };

beforeAll(async () => {
  ctx = createTestApp({ demo: false });
  fx = createFixtureForum(ctx.services);
  addUser(ctx, 'robot', 'planner');
  addUser(ctx, 'reader', 'viewer');
  auth = { Authorization: `Bearer ${ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'robot', 'finder').token}` };
  viewerAuth = { Authorization: `Bearer ${ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'reader', 'finder').token}` };
  planner = await signIn(ctx, 'anna', 'planner');
});
afterAll(() => ctx.close());

const url = () => `/api/v1/forums/${fx.forumId}/time-finder`;
const search = (overrides: Record<string, unknown> = {}) => ({
  participants: [
    { personId: fx.people.minister, required: true },
    { personId: fx.people.governor, required: true },
  ],
  durationMinutes: 60,
  minSeats: 2,
  from: DAY1,
  to: DAY1,
  earliest: '09:00',
  latest: '13:00',
  limit: 3,
  ...overrides,
});

describe('POST /api/v1/forums/:id/time-finder', () => {
  it('finds no slot in a morning the two have full, and writes nothing', async () => {
    const before = ctx.services.store.meetings.count(fx.forumId);
    const res = await request(ctx.app).post(url()).set(auth).send(search());
    expect(res.status).toBe(200);
    // The Minister has the briefing 09:00–10:00, the Governor's talks 10:30–11:30 and the signing 12:00–12:30 with the Minister, all confirmed.
    expect(res.body.candidates.map((c: { start: string; end: string }) => `${c.start.slice(11)}–${c.end.slice(11)}`)).toEqual([]);
    expect(ctx.services.store.meetings.count(fx.forumId)).toBe(before);
  });

  it('finds the afternoon, in the smallest room that seats them, with no warnings', async () => {
    const res = await request(ctx.app).post(url()).set(auth).send(search({ latest: '18:00', limit: 2 }));
    expect(res.status).toBe(200);
    expect(res.body.candidates).toEqual([
      { start: `${DAY1}T12:30`, end: `${DAY1}T13:30`, startUtc: `${DAY1}T09:30:00Z`, endUtc: `${DAY1}T10:30:00Z`, roomId: fx.rooms.roomB, place: '', warnings: [], missingOptional: [], idleMinutes: 0 },
      { start: `${DAY1}T12:35`, end: `${DAY1}T13:35`, startUtc: `${DAY1}T09:35:00Z`, endUtc: `${DAY1}T10:35:00Z`, roomId: fx.rooms.roomB, place: '', warnings: [], missingOptional: [], idleMinutes: 5 },
    ]);
  });

  it('answers exactly the fields the OpenAPI description names', async () => {
    const res = await request(ctx.app).post(url()).set(auth).send(search({ latest: '18:00', limit: 1 }));
    const schema = OPENAPI.components.schemas.TimeFinderResult;
    expect(Object.keys(res.body).sort()).toEqual(Object.keys(schema.properties).sort());
    expect(Object.keys(res.body.candidates[0]).sort()).toEqual(Object.keys(schema.properties.candidates.items.properties).sort());
    expect(OPENAPI.paths['/api/v1/forums/{id}/time-finder'].post.requestBody).toBeDefined();
  });

  it('gives each warning as the API renders conflicts elsewhere', async () => {
    // At the hotel, right after the signing at the Congress Centre: 30 minutes of travel are missing.
    const res = await request(ctx.app).post(url()).set(auth).send(search({ roomIds: [fx.rooms.salon], minSeats: undefined, earliest: '12:30', latest: '13:30', limit: 1 }));
    expect(res.status).toBe(200);
    const [first] = res.body.candidates;
    expect(first.start).toBe(`${DAY1}T12:30`);
    expect(first.warnings.map((w: { kind: string; severity: string }) => `${w.kind} ${w.severity}`)).toEqual(['travel_time warning', 'travel_time warning']);
    expect(first.warnings[0].message).toMatch(/needs 30 min to reach Delegation hotel for 'the new meeting' at 12:30\.$/);
  });

  it.each([
    ['unknown people', () => ({ participants: [{ personId: 999_999, required: true }] }), 'participants.0.personId', 'Participant 1 does not exist'],
    ['the end before the start', () => ({ from: DAY2, to: DAY1 }), 'to', 'The last day must be on or after the first.'],
    ['a 90-day window', () => ({ from: '2019-06-01', to: '2019-08-29' }), 'to', 'That is 90 days; look at most 14 days at a time.'],
    ['a duration of 0', () => ({ durationMinutes: 0 }), 'durationMinutes', 'at least 5'],
    ['a duration of 2 days', () => ({ durationMinutes: 2880 }), 'durationMinutes', 'at most 720'],
    ['nobody required', () => ({ participants: [{ personId: fx.people.minister, required: false }] }), 'participants', 'Mark at least one participant as required.'],
    ['no participants', () => ({ participants: [] }), 'participants', 'participants'],
    ['latest before earliest', () => ({ earliest: '15:00', latest: '10:00' }), 'latest', 'The latest time must be after the earliest.'],
    ['a limit of 500', () => ({ limit: 500 }), 'limit', 'at most 50'],
    ['a room of another forum', () => ({ roomIds: [987_654] }), 'roomIds.0', 'Choose a room of this forum'],
    ['a place and rooms', () => ({ place: 'Hotel Astoria', roomIds: [fx.rooms.roomA] }), 'place', 'either a place outside the venues or rooms'],
    ['not a date', () => ({ from: '2019-02-30' }), 'from', 'first day'],
    ['a string for participants', () => ({ participants: 'everyone' }), 'participants', ''],
  ])('refuses %s with a field message (422, never 500)', async (_name, overrides, field, text) => {
    const res = await request(ctx.app).post(url()).set(auth).send(search(overrides()));
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields)).toContain(field);
    expect(res.body.fields[field]).toContain(text);
  });

  it('is for planners: a viewer is refused, an anonymous caller asked to sign in', async () => {
    expect((await request(ctx.app).post(url()).set(viewerAuth).send(search())).status).toBe(403);
    expect((await request(ctx.app).post(url()).send(search())).status).toBe(401);
  });

  it('answers 404 for a forum that does not exist', async () => {
    expect((await request(ctx.app).post('/api/v1/forums/999999/time-finder').set(auth).send(search())).status).toBe(404);
  });
});

describe('the Find a time page', () => {
  const page = (query: string) => planner.get(`/forums/${fx.forumId}/find-time?${query}`);
  const people = () => `person=${fx.people.minister}&person=${fx.people.governor}`;

  it('shows the form, and the planner navigation leads to it', async () => {
    const res = await page('');
    expect(res.status).toBe(200);
    expect(res.text).toContain(`href="/forums/${fx.forumId}/find-time"`);
    expect(textOf(res.text)).toContain('Find a time');
    expect(res.text).toContain('name="person" multiple');
  });

  it('narrows the people by a search in any script, keeping the chosen ones', async () => {
    const res = await page(`q=${encodeURIComponent('орлов')}&person=${fx.people.minister}`);
    const options = [...res.text.matchAll(/<select id="f-person"[\s\S]*?<\/select>/g)][0]![0];
    expect(options).toContain(`value="${fx.people.director}"`);
    expect(options).toContain(`value="${fx.people.minister}"`);
    expect(options).not.toContain(`value="${fx.people.deputy}"`);
  });

  it('lists slots with a "Plan this" link that opens the new-meeting form filled in, which then saves', async () => {
    const res = await page(`${people()}&optional=${fx.people.interpreter}&duration=60&from=${DAY1}&to=${DAY1}&earliest=12:00&latest=18:00&where=any&minSeats=2&limit=2&title=Follow-up&find=1`);
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain('2 slots');
    const href = /href="([^"]*meetings\/new\?[^"]*)" *>Plan this/.exec(res.text.replace(/&amp;/g, '&'))![1]!;
    expect(href).toContain(`start=${DAY1}T12%3A30`);
    const form = await planner.get(href);
    expect(form.status).toBe(200);
    expect(form.text).toContain(`value="${DAY1}T12:30"`);
    expect(form.text).toContain(`value="${DAY1}T13:30"`);
    expect(form.text).toMatch(new RegExp(`<option value="${fx.rooms.roomB}" selected`));
    expect(form.text).toMatch(new RegExp(`<option value="${fx.people.minister}" selected`));
    expect(form.text).toMatch(new RegExp(`<option value="${fx.people.interpreter}" selected`));
    expect(form.text).toContain('value="Follow-up"');
    const saved = await planner.submit(href, `/forums/${fx.forumId}/meetings`, {
      title: 'Follow-up',
      kind: 'bilateral',
      status: 'confirmed',
      start: `${DAY1}T12:30`,
      end: `${DAY1}T13:30`,
      roomId: fx.rooms.roomB,
      participantId: fx.people.minister,
      participantRole: 'principal',
    });
    expect(saved.status).toBe(303);
  });

  it('shows field messages for a bad search, not an error page', async () => {
    const short = await page(`${people()}&duration=0&from=${DAY1}&to=${DAY1}&find=1`);
    expect(short.status).toBe(422);
    expect(textOf(short.text)).toContain('The duration in minutes must be at least 5.');
    const long = await page(`${people()}&duration=30&from=${DAY1}&to=2019-09-30&find=1`);
    expect(long.status).toBe(422);
    expect(textOf(long.text)).toContain('That is 113 days; look at most 14 days at a time.');
  });

  it('is for planners only', async () => {
    const viewer = await signIn(ctx, 'vera', 'viewer');
    expect((await viewer.get(`/forums/${fx.forumId}/find-time`)).status).toBe(403);
    expect((await viewer.get(`/forums/${fx.forumId}/meetings`)).text).not.toContain('/find-time');
  });

  it('starts from a meeting: its people, length and day', async () => {
    const res = await page(`meeting=${fx.meetings['Talks with the Governor']}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toContain(`person=${fx.people.minister}&person=${fx.people.governor}&duration=60&from=${DAY1}&to=${DAY1}`);
  });
});

describe('links into the finder', () => {
  it('a save refused for a clash offers "Find another time for the same people"', async () => {
    const res = await planner.submit(`${fx.base}/new`, `/forums/${fx.forumId}/meetings`, {
      title: 'Clash',
      kind: 'bilateral',
      status: 'confirmed',
      start: `${DAY1}T10:30`,
      end: `${DAY1}T11:15`,
      roomId: fx.rooms.roomB,
      participantId: fx.people.minister,
      participantRole: 'principal',
    });
    expect(res.status).toBe(409);
    const link = /href="([^"]+)">Find another time for the same people/.exec(res.text)![1]!.replace(/&amp;/g, '&');
    expect(link).toBe(`/forums/${fx.forumId}/find-time?person=${fx.people.minister}&duration=45&from=${DAY1}&to=${DAY1}&where=any&minSeats=1&title=Clash&find=1`);
    expect((await planner.get(link)).status).toBe(200);
  });

  it('each conflict on the conflicts page has a "Find a time" link', async () => {
    const res = await planner.get(`/forums/${fx.forumId}/conflicts`);
    // The tentative plant follow-up overlaps the deputy's call: one warning, one link.
    expect(res.text).toContain(`/find-time?meeting=${fx.meetings['Call with the ministry']}`);
  });
});
