/**
 * The B2B JSON API: sessions, participants and requests, answers, and the
 * schedule run, with the same rules and messages as the pages.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { OPENAPI } from '../../src/web/openapi';
import { addUser, createTestApp, type TestContext } from '../support/app';

jest.setTimeout(30_000);

let ctx: TestContext;
let auth: Record<string, string>;
const api = {
  get: (url: string) => request(ctx.app).get(url).set(auth),
  post: (url: string, body: unknown = {}) => request(ctx.app).post(url).set(auth).send(body as object),
};
const d = () => ctx.demo!;

beforeAll(() => {
  ctx = createTestApp();
  addUser(ctx, 'b2b-program', 'planner');
  auth = { authorization: `Bearer ${ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'b2b-program', 'b2b tests').token}` };
});
afterAll(() => ctx.close());

describe('sessions', () => {
  it('lists the forum’s sessions and reads one with its slots and last schedule (ETag)', async () => {
    const list = await api.get(`/api/v1/forums/${d().forumId}/b2b-sessions`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ title: 'Meeting of Azerbaijani and Russian entrepreneurs', startUtc: '2019-06-08T08:00:00Z', tableCount: 15, sideALabel: 'Azerbaijani companies' })]);
    const one = await api.get(`/api/v1/b2b-sessions/${list.body[0].id}`);
    expect(one.headers.etag).toBe('"v1"');
    expect(one.body.slots).toHaveLength(6);
    expect(one.body.slots[3]).toEqual({ index: 3, startUtc: '2019-06-08T09:30:00Z', endUtc: '2019-06-08T09:50:00Z' });
    expect(one.body.schedule).toMatchObject({ stats: { placed: 35, upperBound: 35 }, stale: false, waiting: 0 });
    expect(one.body.schedule.unplaced).toEqual([expect.objectContaining({ reason: 'no_common_free_slot' })]);
  });

  it('creates a session, and answers 422 with the field that needs changing', async () => {
    const input = { title: 'API round', roomId: d().rooms.bilateral2, start: '2019-06-06T14:00', end: '2019-06-06T15:00', slotMinutes: 15, changeoverMinutes: 5, tableCount: 2, breaks: [{ start: '14:20', end: '14:30', label: 'Tea' }] };
    const bad = await api.post(`/api/v1/forums/${d().forumId}/b2b-sessions`, { ...input, breaks: [{ start: '14:20', end: 'half past' }] });
    expect(bad.status).toBe(422);
    expect(bad.body.fields).toEqual({ breaks: 'Line 1: Write the end of each break as HH:MM, e.g. 12:30.' });
    const created = await api.post(`/api/v1/forums/${d().forumId}/b2b-sessions`, input);
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/api/v1/b2b-sessions/${created.body.id}`);
    expect(created.body.breaks).toEqual([{ start: '2019-06-06T14:20', end: '2019-06-06T14:30', startUtc: '2019-06-06T11:20:00Z', endUtc: '2019-06-06T11:30:00Z', label: 'Tea' }]);
  });
});

describe('participants, requests and the run', () => {
  let sessionId: number;
  let ids: Record<string, number>;

  beforeAll(async () => {
    sessionId = (await api.get(`/api/v1/forums/${d().forumId}/b2b-sessions`)).body.find((s: { title: string }) => s.title === 'API round').id;
  });

  it('adds companies and refuses a person at two tables', async () => {
    const a = await api.post(`/api/v1/b2b-sessions/${sessionId}/participants`, { organizationId: d().organizations.pirallahi, representativeIds: [d().people.pirallahi], sector: 'Pharma parks', unavailable: [{ start: '14:00', end: '14:20', label: 'Site tour' }] });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ side: null, representativeIds: [d().people.pirallahi], unavailable: [{ start: '2019-06-06T14:00', end: '2019-06-06T14:20', label: 'Site tour' }] });
    const b = await api.post(`/api/v1/b2b-sessions/${sessionId}/participants`, { organizationId: d().organizations.gazprombank, representativeIds: [d().people.gazprombank] });
    const c = await api.post(`/api/v1/b2b-sessions/${sessionId}/participants`, { organizationId: d().organizations.hajigabul, representativeIds: [d().people.hajigabul] });
    ids = { pirallahi: a.body.id, gazprombank: b.body.id, hajigabul: c.body.id };
    const twice = await api.post(`/api/v1/b2b-sessions/${sessionId}/participants`, { organizationId: d().organizations.gaz, representativeIds: [d().people.gazprombank] });
    expect(twice.status).toBe(422);
    expect(twice.body.fields.representativeIds).toBe('Olga Belova already represents Gazprombank in this session; a person sits at one company’s table.');
    expect((await api.get(`/api/v1/b2b-sessions/${sessionId}/participants`)).body).toHaveLength(3);
  });

  it('creates requests, refusing itself and duplicates in either direction', async () => {
    const self = await api.post(`/api/v1/b2b-sessions/${sessionId}/requests`, { fromId: ids.pirallahi, toId: ids.pirallahi });
    expect(self.status).toBe(422);
    expect(self.body.fields.toId).toBe('Pirallahi Industrial Park cannot ask to meet itself; choose another company.');
    const sent = await api.post(`/api/v1/b2b-sessions/${sessionId}/requests`, { fromId: ids.pirallahi, toId: ids.gazprombank, priority: 3, message: 'Financing for residents' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ state: 'pending', priority: 3, pin: null, meetingId: null, createdBy: 'planner:b2b-program' });
    const dup = await api.post(`/api/v1/b2b-sessions/${sessionId}/requests`, { fromId: ids.gazprombank, toId: ids.pirallahi });
    expect(dup.status).toBe(422);
    const other = await api.post(`/api/v1/b2b-sessions/${sessionId}/requests`, { fromId: ids.hajigabul, toId: ids.gazprombank });
    ids.first = sent.body.id;
    ids.second = other.body.id;
  });

  it('accepts and declines, and refuses an answer that does not fit the state', async () => {
    expect((await api.post(`/api/v1/b2b-requests/${ids.first}/accept`)).body.state).toBe('accepted');
    expect((await api.post(`/api/v1/b2b-requests/${ids.second}/decline`)).body.state).toBe('declined');
    const late = await api.post(`/api/v1/b2b-requests/${ids.second}/accept`);
    expect(late.status).toBe(422);
    expect(late.body.error).toBeDefined();
    expect((await api.post('/api/v1/b2b-requests/999999/accept')).status).toBe(404);
  });

  it('runs the schedule into a proposal (201), applies it as a draft, and publishes it into the programme', async () => {
    const run = await api.post(`/api/v1/b2b-sessions/${sessionId}/schedule`);
    expect(run.status).toBe(201);
    expect(run.headers.location).toBe(`/api/v1/b2b-proposals/${run.body.id}`);
    // Not published yet: the run re-plans, and nothing is in the programme.
    expect(run.body).toMatchObject({ sessionId, mode: 'replan', moveLimit: 0, stale: false, counts: { added: 1, moved: 0, dropped: 0 }, stats: { placed: 1, upperBound: 1 }, unplaced: [] });
    // Pirallahi's site tour takes the first slot; the second starts after the tea break.
    expect(run.body.placements).toEqual([expect.objectContaining({ requestId: ids.first, slotIndex: 1, table: 1, pinned: false })]);
    expect((await api.get(`/api/v1/b2b-proposals/${run.body.id}`)).body).toMatchObject({ id: run.body.id, stale: false });
    expect((await api.get(`/api/v1/b2b-sessions/${sessionId}`)).body.schedule).toMatchObject({ proposal: { id: run.body.id, stale: false }, published: null, placements: [] });

    const applied = await api.post(`/api/v1/b2b-proposals/${run.body.id}/apply`);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ created: 0, added: 1, published: false, stats: { placed: 1 } });
    expect(applied.body.placements).toEqual([expect.objectContaining({ requestId: ids.first, slotIndex: 1, table: 1, meetingId: null })]);
    expect((await api.get(`/api/v1/b2b-proposals/${run.body.id}`)).status).toBe(404);

    const published = await api.post(`/api/v1/b2b-sessions/${sessionId}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ created: 1, moved: 0, cancelled: 0, publishedBy: expect.any(String) });
    expect((await api.post(`/api/v1/b2b-sessions/${sessionId}/publish`)).status).toBe(422);
    const request = (await api.get(`/api/v1/b2b-sessions/${sessionId}/requests`)).body.find((r: { id: number }) => r.id === ids.first);
    const meeting = (await api.get(`/api/v1/meetings/${request.meetingId}`)).body;
    expect(meeting).toMatchObject({ kind: 'b2b', status: 'confirmed', place: 'Table 1', start: '2019-06-06T14:30' });
    // Once published, a run places new requests around what was published by default.
    const again = await api.post(`/api/v1/b2b-sessions/${sessionId}/schedule`);
    expect(again.body).toMatchObject({ mode: 'place-new', counts: { added: 0, moved: 0, dropped: 0 } });
    expect((await api.post(`/api/v1/b2b-proposals/${again.body.id}/discard`)).body).toEqual({ discarded: again.body.id });
  });

  it('refuses run options out of bounds, each with its field message, and writes nothing', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['an unknown mode', { mode: 'shuffle' }, 'mode'],
      ['a negative move limit', { moveLimit: -1 }, 'moveLimit'],
      ['a move limit past the bound', { moveLimit: 501 }, 'moveLimit'],
      ['a fractional move limit', { moveLimit: 1.5 }, 'moveLimit'],
      ['a time budget of a millisecond', { timeBudgetMs: 1 }, 'timeBudgetMs'],
      ['a time budget of an hour', { timeBudgetMs: 3_600_000 }, 'timeBudgetMs'],
      ['a time budget in words', { timeBudgetMs: 'soon' }, 'timeBudgetMs'],
    ];
    for (const [name, body, field] of cases) {
      const res = await api.post(`/api/v1/b2b-sessions/${sessionId}/schedule`, body);
      expect([name, res.status, Object.keys(res.body.fields ?? {})]).toEqual([name, 422, [field]]);
    }
    expect((await api.get(`/api/v1/b2b-sessions/${sessionId}`)).body.schedule.proposal).toBeNull();
  });

  it('refuses to apply a stale proposal (412) and keeps it for discarding', async () => {
    const run = await api.post(`/api/v1/b2b-sessions/${sessionId}/schedule`, { mode: 'replan', timeBudgetMs: 200 });
    expect(run.status).toBe(201);
    // A bilateral for a Pirallahi representative: the programme the proposal was made from is gone.
    ctx.services.meetings.create(SYSTEM_ACTOR, d().forumId, { title: 'Call', kind: 'bilateral', status: 'tentative', start: '2019-06-06T14:50', end: '2019-06-06T14:58', roomId: d().rooms.pressCentre, participants: [{ personId: d().people.pirallahi!, role: 'principal' }] });
    const stale = await api.post(`/api/v1/b2b-proposals/${run.body.id}/apply`);
    expect(stale.status).toBe(412);
    expect(stale.body.error).toContain('Make a new preview');
    expect((await api.get(`/api/v1/b2b-proposals/${run.body.id}`)).body.stale).toBe(true);
    expect((await api.post(`/api/v1/b2b-proposals/${run.body.id}/discard`)).status).toBe(200);
    expect((await api.post(`/api/v1/b2b-proposals/${run.body.id}/apply`)).status).toBe(404);
  });

  it('pins over the API into a proposal, refusing a pin that breaks a rule', async () => {
    const refused = await api.post(`/api/v1/b2b-requests/${ids.first}/pin`, { slotIndex: 0, table: 1 });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe("The meeting Pirallahi Industrial Park – Gazprombank is pinned to the 14:00 slot, but Pirallahi Industrial Park is busy then ('Site tour'). Move or remove the pin.");
    const beyond = await api.post(`/api/v1/b2b-requests/${ids.first}/pin`, { slotIndex: 2, table: 2 });
    expect(beyond.body.fields).toEqual({ slotIndex: 'Choose one of the session’s 2 slots.' });
    const pinned = await api.post(`/api/v1/b2b-requests/${ids.first}/pin`, { slotIndex: 1, table: 2 });
    expect(pinned.status).toBe(201);
    expect(pinned.body).toMatchObject({ mode: 'place-new', counts: { moved: 1 }, stats: { placed: 1 } });
    const applied = await api.post(`/api/v1/b2b-proposals/${pinned.body.id}/apply`);
    expect(applied.body).toMatchObject({ moved: 1, movedPlacements: 1, published: true });
  });

  it('refuses writes from a viewer', async () => {
    addUser(ctx, 'b2b-reader', 'viewer');
    const token = ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'b2b-reader', 'reads').token;
    const res = await request(ctx.app).post(`/api/v1/b2b-sessions/${sessionId}/schedule`).set({ authorization: `Bearer ${token}` });
    expect(res.status).toBe(403);
    expect((await request(ctx.app).get(`/api/v1/b2b-sessions/${sessionId}`).set({ authorization: `Bearer ${token}` })).status).toBe(200);
  });
});

describe('the OpenAPI description', () => {
  it('documents every B2B path, and each answers for a real session and request', async () => {
    const sessionId = ctx.services.b2b.sessions.list(d().forumId).find((s) => s.title.startsWith('Meeting of'))!.id;
    const requestId = ctx.services.b2b.requests.list(sessionId).find((r) => r.state === 'pending')!.id;
    const paths = Object.entries(OPENAPI.paths).filter(([path]) => path.includes('b2b'));
    expect(paths.map(([path]) => path)).toEqual(expect.arrayContaining(['/api/v1/forums/{id}/b2b-sessions', '/api/v1/b2b-sessions/{id}/schedule', '/api/v1/b2b-requests/{id}/accept']));
    for (const [path, ops] of paths) {
      for (const method of Object.keys(ops)) {
        if (path.endsWith('/schedule') || path.endsWith('/pin') || path.endsWith('/publish') || path.includes('b2b-proposals')) continue; // run above, on the API's own session
        const url = path.replace('{id}', String(path.startsWith('/api/v1/forums') ? d().forumId : path.startsWith('/api/v1/b2b-requests') ? requestId : sessionId));
        const res = await (method === 'get' ? api.get(url) : api.post(url, {}));
        expect([path, method, res.status === 404 ? 404 : 'answers']).toEqual([path, method, 'answers']);
      }
    }
  });
});
