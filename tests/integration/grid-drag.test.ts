/**
 * The day grid as a planning surface (issue 13): the check a drag asks
 * (check-move: what the drop would meet, written nowhere), the drop itself
 * (the save path with its version and save checks, the notice with Undo),
 * and the empty cells that plan a meeting there, without JavaScript too.
 * Real SQLite, real app, real HTTP.
 */
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, csrfFrom, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { createFixtureForum, DAY1, DAY2, type FixtureForum } from '../support/meeting-fixture';

let ctx: TestContext;
let planner: SignedIn;
let viewer: SignedIn;
let fx: FixtureForum;
let other: FixtureForum;

beforeAll(async () => {
  ctx = createTestApp();
  fx = createFixtureForum(ctx.services);
  other = createFixtureForum(ctx.services, { programme: false });
  planner = await signIn(ctx, 'drag-planner', 'planner');
  viewer = await signIn(ctx, 'drag-viewer', 'viewer');
});
afterAll(() => ctx.close());

const at = (day: string, time: string) => `${day}T${time}`;
const stored = (id: number) => ctx.services.meetings.get(id);
const auditRows = () => ctx.services.store.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
let slot = 0;
/** A confirmed half-hour meeting on day 2 outside the venues, with no one in it unless asked: each call 35 minutes after the last, so none clash. */
const aMeeting = (fields: Record<string, unknown> = {}) => {
  const minutes = 6 * 60 + 35 * slot++;
  const time = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, {
    title: `Drag ${slot}`, kind: 'bilateral', status: 'confirmed', start: at(DAY2, time(minutes)), end: at(DAY2, time(minutes + 30)), roomId: null, place: 'Embassy',
    participants: [], ...fields,
  }).meeting;
};
const adviser = () => ({ participants: [{ personId: fx.people.adviser, role: 'principal' }] });
const checkMove = (forumId: number, id: number, body: Record<string, unknown>) => planner.json('post', `/forums/${forumId}/meetings/${id}/check-move`, body, { accept: 'application/json' });
const drop = (id: number, body: Record<string, unknown>) => planner.json('post', `/forums/${fx.forumId}/meetings/${id}/drop`, body, { accept: 'application/json' });

describe('check-move says what a drop would meet, and writes nothing', () => {
  it.each([
    {
      name: 'a free move: nothing',
      body: () => ({ start: at(DAY1, '16:00'), end: at(DAY1, '16:30'), roomId: fx.rooms.roomB }),
      expected: { status: 200, errors: [] as string[], warnings: [] as string[], refused: false },
    },
    {
      // 'Talks with the Governor' is confirmed in Room A on day 1, 10:30–11:30.
      name: 'a room clash with a confirmed meeting: an error, and the drop would be refused',
      body: () => ({ start: at(DAY1, '10:45'), end: at(DAY1, '11:15'), roomId: fx.rooms.roomA }),
      expected: { status: 200, errors: ['room_double_booked'], warnings: [], refused: true },
    },
    {
      // The adviser's 'Hotel call' is at the Delegation hotel until 13:00; the Congress Centre is 30 minutes away.
      name: 'too little time to travel from the meeting before: a warning',
      body: () => ({ start: at(DAY1, '13:10'), end: at(DAY1, '13:40'), roomId: fx.rooms.roomB }),
      expected: { status: 200, errors: [], warnings: ['travel_time'], refused: false },
    },
  ])('$name', async ({ body, expected }) => {
    ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, {
      title: 'Hotel call', kind: 'briefing', status: 'confirmed', start: at(DAY1, '12:30'), end: at(DAY1, '13:00'), roomId: fx.rooms.salon,
      participants: [{ personId: fx.people.adviser, role: 'principal' }],
    });
    const m = aMeeting(adviser());
    const before = auditRows();
    const res = await checkMove(fx.forumId, m.id, { ...body(), version: m.version });
    expect(res.status).toBe(expected.status);
    expect({ errors: res.body.errors.map((c: { kind: string }) => c.kind), warnings: res.body.warnings.map((c: { kind: string }) => c.kind), refused: res.body.refused }).toEqual({
      errors: expected.errors, warnings: expected.warnings, refused: expected.refused,
    });
    for (const c of [...res.body.errors, ...res.body.warnings]) expect(typeof c.message).toBe('string');
    expect(auditRows()).toBe(before);
    expect(stored(m.id).start).toBe(m.start);
    ctx.services.store.db.prepare("DELETE FROM meeting WHERE title = 'Hotel call'").run();
  });

  it.each([
    { name: 'a stale version: 412 with the meeting as it is now', body: (v: number) => ({ start: at(DAY1, '16:00'), end: at(DAY1, '16:30'), version: v - 1 }), status: 412, says: 'changed' },
    { name: 'an unknown room: 422 on roomId', body: () => ({ start: at(DAY1, '16:00'), end: at(DAY1, '16:30'), roomId: 999_999 }), status: 422, field: 'roomId' },
    { name: 'another forum’s room: 422 on roomId', body: () => ({ start: at(DAY1, '16:00'), end: at(DAY1, '16:30'), roomId: other.rooms.hall }), status: 422, field: 'roomId' },
    { name: 'an end before the start: 422 on end', body: () => ({ start: at(DAY1, '16:00'), end: at(DAY1, '15:00') }), status: 422, field: 'end' },
    { name: 'more than a day long: 422 on end', body: () => ({ start: at(DAY1, '16:00'), end: at(DAY2, '16:05') }), status: 422, field: 'end' },
    { name: 'a day outside the forum: 422 on start', body: () => ({ start: '2019-07-01T10:00', end: '2019-07-01T11:00' }), status: 422, field: 'start' },
    { name: 'not a time: 422 on start', body: () => ({ start: 'tomorrow', end: at(DAY1, '11:00') }), status: 422, field: 'start' },
    { name: 'a time that does not exist: 422 on end', body: () => ({ start: at(DAY1, '10:00'), end: `${DAY1}T25:00` }), status: 422, field: 'end' },
    { name: 'a very long value: 422, not 500', body: () => ({ start: 'x'.repeat(5000), end: at(DAY1, '11:00') }), status: 422, field: 'start' },
  ])('refuses $name', async ({ body, status, field, says }) => {
    const m = aMeeting();
    const res = await checkMove(fx.forumId, m.id, body(m.version));
    expect(res.status).toBe(status);
    expect(res.type).toBe('application/json');
    if (field) expect(Object.keys(res.body.fields)).toEqual([field]);
    if (says) {
      expect(res.body.error).toMatch(new RegExp(says, 'i'));
      expect(res.body.current).toMatchObject({ id: m.id, version: m.version });
    }
  });

  it('is refused without the CSRF token, and for a viewer', async () => {
    const m = aMeeting();
    const body = { start: at(DAY1, '16:00'), end: at(DAY1, '16:30') };
    const bare = await planner.agent.post(`/forums/${fx.forumId}/meetings/${m.id}/check-move`).set('accept', 'application/json').send(body);
    expect(bare.status).toBe(403);
    expect(bare.body.error).toMatch(/expired or did not come from this site/);
    const token = await csrfFrom(viewer.agent, `/forums/${fx.forumId}/meetings`);
    const viewed = await viewer.agent.post(`/forums/${fx.forumId}/meetings/${m.id}/check-move`).set({ 'x-csrf-token': token, accept: 'application/json' }).send(body);
    expect(viewed.status).toBe(403);
  });

  it('answers 404 for another forum’s meeting, and for none', async () => {
    const m = aMeeting();
    const body = { start: at(DAY1, '16:00'), end: at(DAY1, '16:30') };
    const elsewhere = await checkMove(other.forumId, m.id, body);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.type).toBe('application/json');
    expect((await checkMove(fx.forumId, 987_654, body)).status).toBe(404);
  });
});

describe('a drop saves through the save path', () => {
  it('moves the meeting to a free slot and room, keeps everything else, and the notice offers Undo back to the grid', async () => {
    const m = aMeeting({ briefing: 'Keep this note', roomId: fx.rooms.roomA, place: '' });
    const back = `/forums/${fx.forumId}/grid/rooms/${DAY1}?venue=${fx.venues.centre}`;
    const res = await drop(m.id, { start: at(DAY1, '16:05'), end: at(DAY1, '16:50'), roomId: fx.rooms.roomB, version: m.version, back });
    expect(res.status).toBe(200);
    expect(res.body.meeting).toMatchObject({ id: m.id, version: m.version + 1, start: at(DAY1, '16:05'), end: at(DAY1, '16:50'), roomId: fx.rooms.roomB, status: 'confirmed' });
    expect(stored(m.id)).toMatchObject({ start: at(DAY1, '16:05'), end: at(DAY1, '16:50'), roomId: fx.rooms.roomB, briefing: 'Keep this note', participants: m.participants });

    const page = await planner.get(back);
    expect(textOf(page.text)).toContain(`“${m.title}” moved to ${DAY1} 16:05–16:50.`);
    const undo = /<form method="post" action="([^"]+)" class="flash-undo">[\s\S]*?name="from" value="(\d+)"[\s\S]*?name="back" value="([^"]+)"/.exec(page.text)!;
    expect(undo[3]!.replace(/&amp;/g, '&')).toBe(back);
    const undone = await planner.submit(back, undo[1]!, { from: undo[2], to: undo[2], back });
    expect(undone.status).toBe(303);
    expect(undone.headers.location).toBe(back);
    expect(stored(m.id)).toMatchObject({ start: m.start, end: m.end, roomId: fx.rooms.roomA });
  });

  it('keeps the room when none is given (the by-person grid): time only', async () => {
    const m = aMeeting({ roomId: fx.rooms.roomA, place: '' });
    const res = await drop(m.id, { start: at(DAY1, '19:00'), end: at(DAY1, '19:30'), version: m.version });
    expect(res.status).toBe(200);
    expect(stored(m.id)).toMatchObject({ start: at(DAY1, '19:00'), roomId: fx.rooms.roomA });
  });

  it('refuses a clash of a confirmed meeting with why, the time finder for the same people and length, and saves it tentative when asked', async () => {
    const m = aMeeting(adviser());
    const before = auditRows();
    const target = { start: at(DAY1, '10:45'), end: at(DAY1, '11:15'), roomId: fx.rooms.roomA, version: m.version };
    const res = await drop(m.id, target);
    expect(res.status).toBe(409);
    expect(res.body.errors.map((c: { kind: string }) => c.kind)).toEqual(['room_double_booked']);
    expect(res.body.error).toMatch(/cannot be confirmed|clash/i);
    const find = new URL(res.body.findTimeHref, 'http://x');
    expect(find.pathname).toBe(`/forums/${fx.forumId}/find-time`);
    expect(Object.fromEntries(find.searchParams)).toMatchObject({ person: String(fx.people.adviser), duration: '30', from: DAY1, to: DAY1 });
    expect(res.body.tentative).toBe(true);
    expect(auditRows()).toBe(before);
    expect(stored(m.id)).toMatchObject({ start: m.start, version: m.version });

    const tentative = await drop(m.id, { ...target, status: 'tentative' });
    expect(tentative.status).toBe(200);
    expect(stored(m.id)).toMatchObject({ start: at(DAY1, '10:45'), status: 'tentative', roomId: fx.rooms.roomA });
    expect(tentative.body.warnings.map((c: { kind: string }) => c.kind)).toContain('room_double_booked');
  });

  it('refuses a stale drop with the 412 message and changes nothing of the other session’s edit', async () => {
    const m = aMeeting();
    ctx.services.meetings.move(SYSTEM_ACTOR, m.id, m.version, { kind: 'by', minutes: 15 });
    const moved = stored(m.id);
    const res = await drop(m.id, { start: at(DAY1, '17:00'), end: at(DAY1, '17:30'), version: m.version });
    expect(res.status).toBe(412);
    expect(res.body.error).toMatch(/changed/i);
    expect(res.body.current).toMatchObject({ version: moved.version, start: moved.start });
    expect(stored(m.id)).toEqual(moved);
  });

  it.each([
    { name: 'a status other than tentative', body: { status: 'confirmed' }, status: 422, field: 'status' },
    { name: 'no version', body: { version: undefined }, status: 428 },
    { name: 'an unknown room', body: { roomId: 424_242 }, status: 422, field: 'roomId' },
  ])('refuses $name', async ({ body, status, field }) => {
    const m = aMeeting();
    const res = await drop(m.id, { start: at(DAY1, '17:00'), end: at(DAY1, '17:30'), version: m.version, ...body });
    expect(res.status).toBe(status);
    if (field) expect(Object.keys(res.body.fields)).toEqual([field]);
    expect(stored(m.id).version).toBe(m.version);
  });

  it('is refused without the CSRF token', async () => {
    const m = aMeeting();
    const res = await planner.agent.post(`/forums/${fx.forumId}/meetings/${m.id}/drop`).set('accept', 'application/json').send({ start: at(DAY1, '17:00'), end: at(DAY1, '17:30'), version: m.version });
    expect(res.status).toBe(403);
    expect(stored(m.id).version).toBe(m.version);
  });

  it('never lets Undo lead off the forum’s pages', async () => {
    const m = aMeeting();
    const res = await drop(m.id, { start: at(DAY1, '18:00'), end: at(DAY1, '18:30'), version: m.version, back: 'https://evil.example/grid/' });
    expect(res.status).toBe(200);
    const page = await planner.get(`/forums/${fx.forumId}/grid/rooms/${DAY1}`);
    expect(page.text).toContain(`name="back" value="/forums/${fx.forumId}/grid"`);
  });
});

describe('empty cells plan a meeting there, without JavaScript', () => {
  const planLinks = (html: string) => [...html.matchAll(/<td class="free"><a href="([^"]+)"><span>([^<]+)<\/span>/g)].map((m) => ({ href: m[1]!.replace(/&amp;/g, '&'), label: m[2]! }));

  it('by room: start at the cell’s row, an hour long, in the column’s room', async () => {
    const page = await planner.get(`/forums/${fx.forumId}/grid/rooms/${DAY1}?venue=${fx.venues.centre}&room=${fx.rooms.roomB}`);
    const link = planLinks(page.text).find((l) => l.label === 'Plan 09:15, Room B');
    expect(link?.href).toBe(`/forums/${fx.forumId}/meetings/new?start=${DAY1}T09:15&end=${DAY1}T10:15&roomId=${fx.rooms.roomB}`);
    const form = await planner.get(link!.href);
    expect(form.status).toBe(200);
    expect(form.text).toContain(`value="${DAY1}T09:15"`);
    expect(form.text).toContain(`value="${DAY1}T10:15"`);
    expect(form.text).toMatch(new RegExp(`<option value="${fx.rooms.roomB}"[^>]*selected`));
    // A cell a meeting covers has no link: 'Plant follow-up' holds Room B 14:00–15:00.
    expect(planLinks(page.text).map((l) => l.label)).not.toContain('Plan 14:15, Room B');
  });

  it('by person: with the column’s person', async () => {
    ctx.services.directory.setMember(SYSTEM_ACTOR, fx.delegations.azerbaijan, { personId: fx.people.minister, role: 'head' });
    const page = await planner.get(`/forums/${fx.forumId}/grid/people/${DAY1}?delegation=${fx.delegations.azerbaijan}`);
    const links = planLinks(page.text);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => l.href.endsWith(`&participant=${fx.people.minister}`))).toBe(true);
    const form = await planner.get(links.find((l) => l.label.startsWith('Plan 08:00'))!.href);
    expect(form.status).toBe(200);
    expect(form.text).toMatch(new RegExp(`<option value="${fx.people.minister}"[^>]*selected`));
  });

  it('are not links for a viewer, who cannot plan, and a viewer’s cards carry nothing to drag', async () => {
    const page = await viewer.get(`/forums/${fx.forumId}/grid/rooms/${DAY1}`);
    expect(page.status).toBe(200);
    expect(planLinks(page.text)).toEqual([]);
    expect(page.text).not.toContain('data-meeting=');
    expect(page.text).not.toContain('grid-drag.js');
  });

  it('gives a planner’s cards their id, version and times, and leaves cancelled ones out', async () => {
    const page = await planner.get(`/forums/${fx.forumId}/grid/rooms/${DAY2}?venue=all`);
    const id = fx.meetings['Investment panel']!;
    expect(page.text).toContain(`data-meeting="${id}" data-v="${stored(id).version}" data-s="${DAY2}T10:00" data-e="${DAY2}T11:00" data-status="confirmed"`);
    expect(page.text).not.toContain(`data-meeting="${fx.meetings['Lunch with the embassy']}"`);
  });
});

it('uses the session’s CSRF token on the grid for the script', async () => {
  const page = await planner.get(`/forums/${fx.forumId}/grid/rooms/${DAY1}`);
  const token = /data-csrf="([^"]+)"/.exec(page.text)?.[1];
  expect(token).toBe(await csrfFrom(planner.agent, `/forums/${fx.forumId}/grid/rooms/${DAY1}`));
});
