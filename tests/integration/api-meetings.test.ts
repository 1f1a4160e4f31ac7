/**
 * The meetings JSON API: filters, ETag / If-Match, the same validation and
 * conflicts as the pages, availability blocks, and the OpenAPI description
 * checked against the routes that really exist. Writes go to a forum of
 * their own with a known programme (tests/support/meeting-fixture.ts); the
 * demo is read where the demo is the point.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { apiRoutes } from '../../src/web/routes/api';
import { OPENAPI } from '../../src/web/openapi';
import { addUser, createTestApp, csrfFrom, signIn, type TestContext } from '../support/app';
import { createFixtureForum, DAY1, DAY2, FIXTURE_PROGRAMME, type FixtureForum } from '../support/meeting-fixture';

let ctx: TestContext;
let auth: { Authorization: string };
let fx: FixtureForum;
const demo = () => ctx.demo!;
const forumUrl = (rest = '') => `/api/v1/forums/${fx.forumId}${rest}`;
const demoUrl = (rest = '') => `/api/v1/forums/${demo().forumId}${rest}`;

beforeAll(() => {
  ctx = createTestApp();
  fx = createFixtureForum(ctx.services);
  addUser(ctx, 'robot', 'planner');
  auth = { Authorization: `Bearer ${ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'robot', 'api tests').token}` };
});
afterAll(() => ctx.close());

const api = {
  get: (url: string) => request(ctx.app).get(url).set(auth),
  post: (url: string, body?: object) => request(ctx.app).post(url).set(auth).send(body),
  patch: (url: string, body: object, ifMatch?: string) => {
    const req = request(ctx.app).patch(url).set(auth);
    return (ifMatch === undefined ? req : req.set('If-Match', ifMatch)).send(body);
  },
  delete: (url: string) => request(ctx.app).delete(url).set(auth),
};

/** A tentative meeting in the fixture forum, in the evening of its first day when nothing else happens, overridable. */
function input(overrides: Record<string, unknown> = {}) {
  return { title: 'API meeting', kind: 'bilateral', status: 'tentative', start: `${DAY1}T18:00`, end: `${DAY1}T18:30`, roomId: fx.rooms.roomA, participants: [{ personId: fx.people.adviser, role: 'principal' }], ...overrides };
}
const titles = (body: { title: string }[]) => body.map((m) => m.title);
const FIXTURE_TITLES = FIXTURE_PROGRAMME.map(([title]) => title);
const meetingCount = () => ctx.services.store.meetings.count(fx.forumId);
const demoMeeting = (prefix: string) => ctx.services.meetings.list({ forumId: demo().forumId }).find((m) => m.title.startsWith(prefix))!;

describe('reading meetings', () => {
  it.each([
    { name: 'day', query: () => `?day=${DAY2}`, expected: ['Press approach', 'Investment panel', 'Lunch with the embassy'] },
    { name: 'person', query: () => `?person=${fx.people.director}`, expected: ['Plant follow-up'] },
    { name: 'room', query: () => `?room=${fx.rooms.hall}`, expected: ['Signing of the roadmap', 'Investment panel'] },
    { name: 'delegation', query: () => `?delegation=${fx.delegations.leningrad}`, expected: ['Talks with the Governor', 'Signing of the roadmap'] },
    { name: 'kind and status', query: () => '?kind=bilateral&status=tentative', expected: ['Plant follow-up'] },
    { name: 'day and person', query: () => `?day=${DAY1}&person=${fx.people.minister}`, expected: ['Delegation briefing', 'Talks with the Governor', 'Signing of the roadmap'] },
    { name: 'nothing (the whole programme, cancelled included)', query: () => '', expected: FIXTURE_TITLES },
  ])('filters the list by $name', async ({ query, expected }) => {
    const res = await api.get(forumUrl(`/meetings${query()}`));
    expect(res.status).toBe(200);
    expect(titles(res.body)).toEqual(expected);
  });

  it('reads one meeting in the documented shape, with its version as ETag, and answers If-None-Match with 304', async () => {
    const m = demoMeeting('Meeting with Governor');
    const res = await api.get(`/api/v1/meetings/${m.id}`);
    expect(res.status).toBe(200);
    // Version 2: the demo marks it held, with its agreement signed (db/seed/demo-outcome.ts).
    expect(res.headers.etag).toBe('"v2"');
    expect(res.body).toMatchObject({
      id: m.id,
      forumId: demo().forumId,
      title: 'Meeting with Governor of Leningrad Region Aleksandr Drozdenko',
      kind: 'bilateral',
      status: 'confirmed',
      start: '2019-06-07T10:00',
      end: '2019-06-07T11:00',
      timeZone: 'Europe/Moscow',
      startUtc: '2019-06-07T07:00:00Z',
      endUtc: '2019-06-07T08:00:00Z',
      roomId: demo().rooms.bilateral1,
      place: '',
      version: 2,
    });
    expect(res.body.participants).toContainEqual({ personId: demo().people.drozdenko, role: 'counterpart' });
    expect(res.body.documents[0]).toMatchObject({ signedOn: '2019-06-07' });
    const again = await api.get(`/api/v1/meetings/${m.id}`).set('If-None-Match', '"v2"');
    expect(again.status).toBe(304);
  });

  it('answers 404 in JSON for a meeting or forum that does not exist, and 401 without credentials', async () => {
    expect((await api.get('/api/v1/meetings/999999')).status).toBe(404);
    const noForum = await api.get('/api/v1/forums/999999/meetings');
    expect(noForum.status).toBe(404);
    expect(noForum.body.error).toEqual(expect.any(String));
    expect((await request(ctx.app).get(forumUrl('/meetings'))).status).toBe(401);
  });
});

describe('creating meetings', () => {
  it('answers 201 with the meeting, its Location and ETag, and its warnings', async () => {
    const crowd = (['minister', 'deputy', 'governor', 'director', 'adviser'] as const).map((k) => ({ personId: fx.people[k], role: 'required' }));
    const res = await api.post(forumUrl('/meetings'), input({ title: 'Crowded', status: 'confirmed', start: `${DAY1}T18:00`, end: `${DAY1}T18:45`, roomId: fx.rooms.roomB, participants: crowd }));
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/meetings/${res.body.meeting.id}`);
    expect(res.headers.etag).toBe('"v1"');
    expect(res.body.meeting).toEqual({
      id: expect.any(Number),
      forumId: fx.forumId,
      title: 'Crowded',
      kind: 'bilateral',
      status: 'confirmed',
      start: `${DAY1}T18:00`,
      end: `${DAY1}T18:45`,
      timeZone: 'Europe/Moscow',
      startUtc: '2019-06-10T15:00:00Z',
      endUtc: '2019-06-10T15:45:00Z',
      roomId: fx.rooms.roomB,
      place: '',
      isPublic: false,
      participants: crowd,
      delegationIds: [],
      briefing: '',
      outcome: '',
      outcomePublic: false,
      documents: [],
      sequence: 0,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
      version: 1,
    });
    expect(res.body.warnings).toEqual([
      { kind: 'over_capacity', severity: 'warning', meetingIds: [res.body.meeting.id], roomId: fx.rooms.roomB, message: "'Crowded' (18:00–18:45) has 5 participants but Room B at Congress Centre seats 4." },
    ]);
    await api.post(`/api/v1/meetings/${res.body.meeting.id}/cancel`);
  });

  it('answers 409 with the conflicts when a confirmed meeting clashes with a confirmed one, and writes nothing', async () => {
    const talks = fx.meetings['Talks with the Governor'];
    const before = meetingCount();
    const clash = input({ title: 'Clash', status: 'confirmed', start: `${DAY1}T11:00`, end: `${DAY1}T11:15`, roomId: fx.rooms.roomA, participants: [] });
    const res = await api.post(forumUrl('/meetings'), clash);
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('“Clash” cannot be confirmed: it clashes with other confirmed meetings. Change the time, room or people, or save it as tentative.');
    expect(res.body.conflicts).toEqual([expect.objectContaining({ kind: 'room_double_booked', severity: 'error', roomId: fx.rooms.roomA, meetingIds: [talks, expect.any(Number)] })]);
    expect(meetingCount()).toBe(before);
    // The same meeting as tentative is saved, with the clash as a warning.
    const tentative = await api.post(forumUrl('/meetings'), { ...clash, status: 'tentative' });
    expect(tentative.status).toBe(201);
    expect(tentative.body.warnings).toEqual([expect.objectContaining({ kind: 'room_double_booked', severity: 'warning', meetingIds: [talks, tentative.body.meeting.id] })]);
    await api.post(`/api/v1/meetings/${tentative.body.meeting.id}/cancel`);
  });

  it.each([
    { name: 'missing and unknown fields', body: () => ({ title: '', kind: 'picnic', status: 'confirmed', start: '2019-06-06T10:00' }), fields: { title: expect.any(String), kind: expect.any(String), end: expect.any(String) } },
    { name: 'an end before the start', body: () => input({ end: '2019-06-06T09:00' }), fields: { end: 'The end must be after the start.' } },
    { name: 'a room of no venue of this forum', body: () => input({ roomId: 999999 }), fields: { roomId: 'Choose a room of this forum’s venues.' } },
    { name: 'a person who does not exist', body: () => input({ participants: [{ personId: 999999, role: 'required' }] }), fields: { 'participants.0.personId': 'Participant 1 does not exist; choose someone from the list.' } },
    { name: 'an unknown zone', body: () => input({ timeZone: 'Mars/Olympus' }), fields: { timeZone: expect.any(String) } },
    {
      name: 'a time in the DST gap',
      body: () => input({ timeZone: 'Europe/Berlin', start: '2026-03-29T02:30', end: '2026-03-29T03:30', roomId: null }),
      fields: { start: '02:30 does not exist on 29 March 2026 in Europe/Berlin: clocks jump from 02:00 to 03:00. Choose a time before 02:00 or from 03:00 on.' },
    },
    {
      name: 'an ambiguous time in the DST fold without an offset',
      body: () => input({ timeZone: 'Europe/Berlin', start: '2026-10-25T02:30', end: '2026-10-25T03:30', roomId: null }),
      fields: { start: expect.stringContaining('happens twice: clocks go back from 03:00 to 02:00. Say which one is meant: UTC+02:00 (the first) or UTC+01:00 (the second).') },
    },
  ])('answers 422 with per-field messages for $name, writing nothing', async ({ body, fields }) => {
    const before = meetingCount();
    const res = await api.post(forumUrl('/meetings'), body());
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ error: expect.any(String), fields });
    expect(meetingCount()).toBe(before);
  });

  it('accepts a fold time with the offset that picks its reading', async () => {
    const res = await api.post(forumUrl('/meetings'), input({ timeZone: 'Europe/Berlin', start: '2026-10-25T02:30', end: '2026-10-25T03:30', startOffset: 60, roomId: null }));
    expect(res.status).toBe(201);
    expect(res.body.meeting).toMatchObject({ start: '2026-10-25T02:30', timeZone: 'Europe/Berlin', startUtc: '2026-10-25T01:30:00Z', endUtc: '2026-10-25T02:30:00Z' });
  });
});

describe('changing meetings', () => {
  const make = async (overrides: Record<string, unknown> = {}) => (await api.post(forumUrl('/meetings'), input({ start: `${DAY2}T15:00`, end: `${DAY2}T15:30`, roomId: null, place: 'Embassy', ...overrides }))).body.meeting;

  it('reads a moved time afresh in the zone: a PATCH of start without its offset drops the old offset pin', async () => {
    const m = (await api.post(forumUrl('/meetings'), input({ timeZone: 'Europe/Berlin', start: '2026-10-25T02:30', end: '2026-10-25T03:30', startOffset: 60, roomId: null }))).body.meeting;
    // 02:15 is in the fold too: the pin chosen for 02:30 must not silently decide which 02:15 is meant.
    const moved = await api.patch(`/api/v1/meetings/${m.id}`, { start: '2026-10-25T02:15' }, `"v${m.version}"`);
    expect(moved.status).toBe(422);
    expect(moved.body.fields.start).toContain('happens twice');
    expect(ctx.services.meetings.get(m.id).version).toBe(m.version);
  });

  it('requires If-Match (428), refuses a stale one (412, with what is stored now) and saves a current one (200)', async () => {
    const m = await make({ title: 'Patch me' });
    const missing = await api.patch(`/api/v1/meetings/${m.id}`, { title: 'x' });
    expect(missing.status).toBe(428);
    expect(missing.body.error).toBe('Send If-Match with the version (ETag) you are changing.');

    const stale = await api.patch(`/api/v1/meetings/${m.id}`, { title: 'x' }, '"v7"');
    expect(stale.status).toBe(412);
    expect(stale.body.current).toMatchObject({ id: m.id, title: 'Patch me', version: 1, startUtc: '2019-06-11T12:00:00Z' });

    const saved = await api.patch(`/api/v1/meetings/${m.id}`, { title: 'Patched' }, '"v1"');
    expect(saved.status).toBe(200);
    expect(saved.headers.etag).toBe('"v2"');
    expect(saved.body.meeting).toMatchObject({ title: 'Patched', version: 2, participants: m.participants, roomId: m.roomId });
    expect((await api.patch(`/api/v1/meetings/${m.id}`, { title: 'Again' }, '"v1"')).status).toBe(412);
  });

  it('raises SEQUENCE when the time moves and keeps it for a briefing-only change', async () => {
    const m = await make({ title: 'Sequenced' });
    expect(m.sequence).toBe(0);
    const moved = await api.patch(`/api/v1/meetings/${m.id}`, { start: `${DAY2}T16:00`, end: `${DAY2}T16:30` }, '"v1"');
    expect(moved.body.meeting).toMatchObject({ start: `${DAY2}T16:00`, startUtc: '2019-06-11T13:00:00Z', sequence: 1, version: 2 });
    const briefed = await api.patch(`/api/v1/meetings/${m.id}`, { briefing: 'New talking points' }, '"v2"');
    expect(briefed.body.meeting).toMatchObject({ briefing: 'New talking points', sequence: 1, version: 3 });
  });

  it('refuses a change that makes a confirmed meeting clash (409) and one with invalid input (422), leaving it as it was', async () => {
    const m = await make({ title: 'Movable', status: 'confirmed', roomId: fx.rooms.roomA, place: '', participants: [] });
    const clash = await api.patch(`/api/v1/meetings/${m.id}`, { start: `${DAY1}T10:30`, end: `${DAY1}T11:00` }, '"v1"');
    expect(clash.status).toBe(409);
    expect(clash.body.conflicts[0]).toMatchObject({ kind: 'room_double_booked', severity: 'error' });
    const invalid = await api.patch(`/api/v1/meetings/${m.id}`, { end: `${DAY2}T14:00` }, '"v1"');
    expect(invalid.status).toBe(422);
    expect(invalid.body.fields).toEqual({ end: 'The end must be after the start.' });
    expect(ctx.services.meetings.get(m.id)).toMatchObject({ start: `${DAY2}T15:00`, version: 1 });
  });

  it('cancels a meeting, keeping the record (status cancelled, SEQUENCE raised), and honours a stale If-Match', async () => {
    const m = await make({ title: 'To cancel' });
    expect((await request(ctx.app).post(`/api/v1/meetings/${m.id}/cancel`).set(auth).set('If-Match', '"v5"')).status).toBe(412);
    const res = await api.post(`/api/v1/meetings/${m.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body.meeting).toMatchObject({ status: 'cancelled', sequence: 1, version: 2 });
    expect((await api.get(`/api/v1/meetings/${m.id}`)).body.status).toBe('cancelled');
    expect(titles((await api.get(forumUrl('/meetings?status=cancelled'))).body)).toContain('To cancel');
  });
});

describe('conflicts and availability', () => {
  it("lists the whole programme's conflicts, including the demo's too-short transfer", async () => {
    const res = await api.get(demoUrl('/conflicts'));
    expect(res.status).toBe(200);
    expect(res.body).toContainEqual(
      expect.objectContaining({
        kind: 'travel_time',
        severity: 'warning',
        personId: demo().people.deputy,
        meetingIds: [demoMeeting('Meeting with GAZ').id, demoMeeting('Working meeting at the Government').id],
        message: expect.stringContaining('needs 45 min to reach Smolny'),
      }),
    );
  });

  it('adds, lists and removes availability blocks, and a block shows up as a conflict', async () => {
    const plant = fx.meetings['Plant follow-up']!;
    const created = await api.post(forumUrl('/availability'), { subject: 'person', subjectId: fx.people.director, start: `${DAY1}T13:30`, end: `${DAY1}T14:30`, reason: 'Flight delayed' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ subject: 'person', subjectId: fx.people.director, start: `${DAY1}T13:30`, timeZone: 'Europe/Moscow', startUtc: '2019-06-10T10:30:00Z', endUtc: '2019-06-10T11:30:00Z', reason: 'Flight delayed' });

    const listed = await api.get(forumUrl('/availability'));
    expect(listed.body.map((b: { id: number }) => b.id)).toContain(created.body.id);
    const conflicts = (await api.get(forumUrl('/conflicts'))).body as { kind: string; meetingIds: number[]; message: string }[];
    expect(conflicts).toContainEqual(expect.objectContaining({ kind: 'unavailable', personId: fx.people.director, meetingIds: [plant], message: expect.stringContaining('is unavailable 13:30–14:30 (Flight delayed)') }));

    expect((await api.delete(`/api/v1/availability/${created.body.id}`)).status).toBe(204);
    expect((await api.get(forumUrl('/availability'))).body.map((b: { id: number }) => b.id)).not.toContain(created.body.id);
    expect((await api.get(forumUrl('/conflicts'))).body).not.toContainEqual(expect.objectContaining({ kind: 'unavailable', meetingIds: [plant] }));
    expect((await api.delete(`/api/v1/availability/${created.body.id}`)).status).toBe(404);
  });

  it('answers 422 for an invalid block', async () => {
    const res = await api.post(forumUrl('/availability'), { subject: 'car', subjectId: 1, start: '2019-06-07T13:00', end: '2019-06-07T12:00' });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields)).toContain('subject');
    const backwards = await api.post(forumUrl('/availability'), { subject: 'room', subjectId: fx.rooms.salon, start: `${DAY1}T13:00`, end: `${DAY1}T12:00` });
    expect(backwards.body.fields).toEqual({ end: 'The end must be after the start.' });
  });
});

describe('session callers', () => {
  it('need the CSRF header to write, and a viewer may read but not write', async () => {
    const planner = await signIn(ctx, 'web-planner', 'planner');
    expect((await planner.agent.post(forumUrl('/meetings')).send(input())).status).toBe(403);
    expect((await planner.json('post', forumUrl('/meetings'), input({ title: 'From the page' }))).status).toBe(201);
    const viewer = await signIn(ctx, 'web-viewer', 'viewer');
    expect((await viewer.get(forumUrl('/meetings'))).status).toBe(200);
    const csrf = await csrfFrom(viewer.agent, `/forums/${demo().forumId}/meetings`);
    expect((await viewer.agent.post(forumUrl('/meetings')).set('x-csrf-token', csrf).send(input())).status).toBe(403);
  });
});

describe('the OpenAPI description', () => {
  /** Every (method, path) the API router really answers, as OpenAPI spells paths. */
  function routedPaths(): string[] {
    type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
    const walk = (stack: Layer[]): string[] =>
      stack.flatMap((layer) => {
        if (layer.route) return Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} /api/v1${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`);
        return layer.handle?.stack ? walk(layer.handle.stack) : [];
      });
    return walk((apiRoutes(ctx.services) as unknown as { stack: Layer[] }).stack);
  }
  const documented = () => Object.entries(OPENAPI.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));

  it('is served to anyone and lists every path the API answers', async () => {
    const res = await request(ctx.app).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const served = Object.entries(res.body.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
    const undocumented = routedPaths().filter((r) => r !== 'GET /api/v1/openapi.json' && !served.includes(r));
    expect(undocumented).toEqual([]);
  });

  it('describes only paths that answer (not 404) for a valid id', async () => {
    const meeting = (await api.post(forumUrl('/meetings'), input({ title: 'Path check', start: `${DAY2}T18:00`, end: `${DAY2}T18:30` }))).body.meeting;
    ctx.services.availability.create(SYSTEM_ACTOR, fx.forumId, { subject: 'room', subjectId: fx.rooms.salon, start: `${DAY2}T07:00`, end: `${DAY2}T08:00`, reason: 'for the path check' });
    ctx.services.feeds.createToken(SYSTEM_ACTOR, fx.forumId, { scope: 'delegation', scopeId: fx.delegations.azerbaijan, label: 'for the path check' });
    const answers: string[] = [];
    for (const route of documented()) {
      const [method, path] = route.split(' ') as [string, string];
      // Applying or discarding a proposal closes it: each proposal path gets an open one of its own.
      if (path.startsWith('/api/v1/b2b-proposals/')) ctx.services.b2b.scheduling.run(SYSTEM_ACTOR, storedIdFor('/api/v1/b2b-sessions/{id}'), {});
      const url = path.replace('{id}', String(path.startsWith('/api/v1/meetings/') ? meeting.id : storedIdFor(path)));
      const req = request(ctx.app)[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](url).set(auth);
      const res = await (method === 'PATCH' ? req.set('If-Match', `"v${meeting.version}"`) : req).send({});
      answers.push(`${route} ${res.status === 404 ? 404 : 'answers'}`);
    }
    expect(answers).toEqual(documented().map((route) => `${route} answers`));
  });
});

/**
 * The newest stored id of the record a path names (/api/v1/<records>/{id}...),
 * read from its table, so that paths other areas add (feeds, B2B) are checked
 * without this test knowing their services.
 */
function storedIdFor(path: string): number {
  const records = /^\/api\/v1\/([\w-]+)\/\{id\}/.exec(path)?.[1];
  if (records === undefined) return 0;
  if (records === 'forums') return fx.forumId;
  const table = ({ availability: 'availability_block' } as Record<string, string>)[records] ?? records.replace(/-/g, '_').replace(/s$/, '');
  return (ctx.services.store.db.prepare(`SELECT max(id) FROM ${table}`).pluck().get() as number | null) ?? 0;
}
