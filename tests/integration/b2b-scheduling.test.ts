/**
 * The demo's entrepreneurs' meeting as the scheduler leaves it, and what
 * re-running does to the programme: B2B meetings are ordinary meetings, the
 * same ones across runs (same ids, SEQUENCE up on a move), pins stay, and a
 * representative's other meetings keep their company from a table.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import type { Meeting } from '../../src/domain/types';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { parseWithIcalJs } from '../support/ics';
import { meetingUid } from '../support/meeting-uid';
import { applyAt, runAndApply } from '../support/b2b-flow';

jest.setTimeout(30_000);

let ctx: TestContext;
let planner: SignedIn;
let sessionId: number;
let base: string;

const b2b = () => ctx.services.b2b;
const participantId = (name: string) => b2b().views.overview(sessionId).participants.find((p) => p.name === name)!.record.id;
const requestBetween = (a: string, b: string) => {
  const [x, y] = [participantId(a), participantId(b)];
  return b2b().requests.list(sessionId).find((r) => (r.fromId === x && r.toId === y) || (r.fromId === y && r.toId === x))!;
};
const meetingOf = (a: string, b: string): Meeting => ctx.services.meetings.get(requestBetween(a, b).meetingId!);
const b2bMeetings = () => ctx.services.meetings.list({ forumId: ctx.demo!.forumId, kind: 'b2b' });
const rowAt = (company: string, time: string) => {
  const o = b2b().views.overview(sessionId);
  return b2b().views.agendaOf(o, participantId(company)).find((r) => r.slot.time.startsWith(time))!;
};

beforeAll(async () => {
  ctx = createTestApp();
  planner = await signIn(ctx, 'b2b-sched-planner', 'planner');
  sessionId = b2b().sessions.list(ctx.demo!.forumId)[0]!.id;
  base = `/forums/${ctx.demo!.forumId}/b2b/${sessionId}`;
});
afterAll(() => ctx.close());

describe('the demo session, scheduled at load', () => {
  it('shows the hall with company names at numbered tables, and the request that found no common slot', async () => {
    const res = await planner.get(base);
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain('Meeting of Azerbaijani and Russian entrepreneurs');
    expect(text).toMatch(/35 placed of 35 possible/);
    expect(text).toContain('SOCAR Polymer SIBUR PINNED'.replace('PINNED', 'pinned'));
    expect(text).toContain('Roscongress Foundation → Pirallahi Industrial Park');
    // The unplaced reason names both meetings that keep the two companies apart.
    expect(text).toContain("'Preparing the Russian–Azerbaijani Interregional Forum with Roscongress'");
    expect(text).toContain("'Presentation of the Pirallahi Industrial Park to the press'");
  });

  it('keeps a representative’s bilateral slot free: Azerikimya sits out 11:50, with the reason on its schedule', async () => {
    const row = rowAt('Azerikimya Production Association', '11:50');
    expect(row.request).toBeNull();
    expect(row.busy).toBe('Meeting with Gazprombank on financing the Azerikimya modernisation');
    const page = await planner.get(`${base}/participants/${participantId('Azerikimya Production Association')}`);
    expect(textOf(page.text)).toContain('Elsewhere: Meeting with Gazprombank on financing the Azerikimya modernisation');
  });

  it('writes every placement as a confirmed B2B meeting in the hall at its table, listed with the programme', async () => {
    const meetings = b2bMeetings();
    expect(meetings).toHaveLength(35);
    const flagship = meetingOf('SOCAR Polymer', 'SIBUR');
    expect(flagship).toMatchObject({ kind: 'b2b', status: 'confirmed', place: 'Table 1', roomId: ctx.demo!.rooms.b2bArea, start: '2019-06-08T11:00', end: '2019-06-08T11:20', title: 'B2B: SOCAR Polymer – SIBUR' });
    const list = textOf((await planner.get(`/forums/${ctx.demo!.forumId}/meetings?day=2019-06-08&kind=b2b`)).text);
    expect(list).toContain('B2B: SOCAR Polymer – SIBUR');
    expect(list).toContain('B2B area, Pavilion G, ExpoForum, Table 1');
    // Different tables of one hall are not a double booking.
    expect(ctx.services.meetings.conflicts(ctx.demo!.forumId).filter((c) => c.severity === 'error')).toEqual([]);
  });

  it('links a meeting to the delegation when a representative belongs to it (AZPROMO’s deputy director)', () => {
    expect(meetingOf('Azerbaijan Export and Investment Promotion Foundation (AZPROMO)', 'Roscongress Foundation').delegationIds).toEqual([ctx.demo!.delegations.azerbaijan]);
    expect(meetingOf('SOCAR Polymer', 'SIBUR').delegationIds).toEqual([]);
  });
});

describe('re-running', () => {
  it('changes nothing when nothing changed: same meetings, same versions, nothing stale', async () => {
    const before = b2bMeetings().map((m) => [m.id, m.version, m.sequence]);
    const res = await runAndApply(planner, base);
    expect(res.status).toBe(303);
    expect(b2bMeetings().map((m) => [m.id, m.version, m.sequence])).toEqual(before);
    const page = textOf((await planner.get(base)).text);
    expect(page).toContain('No meeting in the programme changed.');
    expect(page).toContain('nothing has changed since');
  });

  it('moves a pinned meeting without recreating it: same id, SEQUENCE up, and the company’s feed says so', async () => {
    const moved = meetingOf('Baku Steel Company', 'Severstal');
    const { secret } = b2b().links.create(SYSTEM_ACTOR, participantId('Baku Steel Company'));
    const feed = async () => parseWithIcalJs((await request(ctx.app).get(`/s/${secret}/calendar.ics`)).text).find((e) => e.uid === meetingUid(ctx.services.store, moved.id))!;
    const before = await feed();

    const target = moved.start === '2019-06-08T12:55' ? '3' : '4'; // slot index: 12:55 or 13:20
    const res = await planner.submit(`${base}/requests/${requestBetween('Baku Steel Company', 'Severstal').id}`, `${base}/requests/${requestBetween('Baku Steel Company', 'Severstal').id}/pin`, { slotIndex: target, table: '12' });
    expect(res.status).toBe(303);
    expect(ctx.services.meetings.get(moved.id).version).toBe(moved.version); // a pin proposes; nothing moves until it is applied
    expect((await applyAt(planner, res.headers.location!)).status).toBe(303);

    const after = ctx.services.meetings.get(moved.id);
    expect(after.place).toBe('Table 12');
    expect(after.start).not.toBe(moved.start);
    expect(after.sequence).toBeGreaterThan(moved.sequence);
    expect(b2bMeetings()).toHaveLength(35);
    const event = await feed();
    expect(event.sequence).toBeGreaterThan(before.sequence);
    expect(event.start).not.toBe(before.start);
  });

  it('pins a meeting onto the table another one holds: that one moves, and both end up confirmed', async () => {
    const state = b2b().scheduling.state(sessionId);
    const placed = new Map(state.placements.map((p) => [p.requestId, p]));
    const o = b2b().views.overview(sessionId);
    const requests = b2b().requests.list(sessionId).filter((r) => placed.has(r.id));
    const slotOf = (id: number) => placed.get(id)!.slotIndex;
    // Free at that slot: no other meeting of theirs, and no pinned B2B meeting there either.
    const freeAt = (participant: number, slot: number) =>
      b2b().views.agendaOf(o, participant)[slot]!.busy === '' &&
      !requests.some((r) => placed.get(r.id)!.pinned && slotOf(r.id) === slot && (r.fromId === participant || r.toId === participant));
    // Two unpinned meetings in different slots; the lower id is written first, so it meets the other still in place.
    const [first, second] = requests
      .filter((r) => !placed.get(r.id)!.pinned)
      .sort((a, b) => a.id - b.id)
      .flatMap((a, _i, all) => {
        const other = all.find((b) => b.id > a.id && slotOf(b.id) !== slotOf(a.id) && ![b.fromId, b.toId].some((x) => x === a.fromId || x === a.toId) && freeAt(a.fromId, slotOf(b.id)) && freeAt(a.toId, slotOf(b.id)));
        return other ? [[a, other] as const] : [];
      })[0]!;
    const target = placed.get(second.id)!;
    const res = await planner.submit(`${base}/requests/${first.id}`, `${base}/requests/${first.id}/pin`, { slotIndex: String(target.slotIndex), table: String(target.table) });
    expect(res.status).toBe(303);
    expect((await applyAt(planner, res.headers.location!)).status).toBe(303);
    const moved = ctx.services.meetings.get(first.meetingId!);
    const displaced = ctx.services.meetings.get(second.meetingId!);
    expect(moved).toMatchObject({ status: 'confirmed', place: `Table ${target.table}` });
    expect(displaced.status).toBe('confirmed');
    expect([displaced.start, displaced.place]).not.toEqual([moved.start, moved.place]);
    // Written while the other still sat there, it passed through tentative (a clash that is only a warning), then was confirmed.
    expect(ctx.services.audit.history('meeting', moved.id).map((h) => (h.after as Meeting | null)?.status)).toContain('tentative');
    await planner.submit(`${base}/requests/${first.id}`, `${base}/requests/${first.id}/unpin`, {});
  });

  it('keeps pins through later runs', async () => {
    await runAndApply(planner, base);
    await runAndApply(planner, base, { mode: 'replan' });
    expect(meetingOf('Baku Steel Company', 'Severstal').place).toBe('Table 12');
    expect(meetingOf('SOCAR Polymer', 'SIBUR')).toMatchObject({ start: '2019-06-08T11:00', place: 'Table 1' });
    const state = b2b().scheduling.state(sessionId);
    expect(state.placements.filter((p) => p.pinned).map((p) => p.requestId).sort((a, b) => a - b)).toEqual([requestBetween('SOCAR Polymer', 'SIBUR').id, requestBetween('Baku Steel Company', 'Severstal').id].sort((a, b) => a - b));
  });

  it('refuses a pin that breaks a rule, saying which, and leaves the schedule as it was', async () => {
    const r = requestBetween('Hajigabul Industrial District', 'GAZ Group Commercial Vehicles LLC');
    const before = b2bMeetings().map((m) => [m.id, m.version]);
    // Table 1 at 11:00 is SOCAR Polymer – SIBUR's pin.
    const res = await planner.submit(`${base}/requests/${r.id}`, `${base}/requests/${r.id}/pin`, { slotIndex: '0', table: '1' });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('which another pinned meeting already uses. Move or remove the pin.');
    expect(b2bMeetings().map((m) => [m.id, m.version])).toEqual(before);
  });

  it('works around a bilateral booked later for a representative, and names it on the company’s schedule', async () => {
    const socar = 'SOCAR Polymer';
    const time = rowAt(socar, '11:25').request ? '11:25' : '11:50';
    expect(rowAt(socar, time).request).not.toBeNull();
    ctx.services.meetings.create(SYSTEM_ACTOR, ctx.demo!.forumId, {
      title: 'Call with the SOCAR head office',
      kind: 'bilateral',
      // Tentative: a confirmed one would be refused, clashing with the B2B meeting it is meant to push away.
      status: 'tentative',
      start: `2019-06-08T${time}`,
      end: `2019-06-08T${time.slice(0, 3)}${Number(time.slice(3)) + 20}`,
      roomId: ctx.demo!.rooms.bilateral2,
      participants: [{ personId: ctx.demo!.people['socar-polymer']!, role: 'principal' }],
    });
    expect(b2b().scheduling.state(sessionId).stale).toBe(true);
    expect(textOf((await planner.get(base)).text)).toContain('Changed since the last run');

    await runAndApply(planner, base);
    const row = rowAt(socar, time);
    expect(row.request).toBeNull();
    expect(row.busy).toBe('Call with the SOCAR head office');
    expect(b2b().views.overview(sessionId).participants.find((p) => p.name === socar)!.placed).toBe(3);
  });

  it('cancels the meeting of a request that is cancelled, and keeps it in the company’s feed as CANCELLED', async () => {
    const r = requestBetween('Gilan Holding', 'Rusagro');
    const meetingId = r.meetingId!;
    const res = await planner.submit(`${base}/requests/${r.id}`, `${base}/requests/${r.id}/state`, { action: 'cancel' });
    expect(res.status).toBe(303);
    expect(ctx.services.meetings.get(meetingId).status).toBe('cancelled');
    expect(b2b().scheduling.state(sessionId).placements.some((p) => p.requestId === r.id)).toBe(false);
    const { secret } = b2b().links.create(SYSTEM_ACTOR, participantId('Gilan Holding'));
    const event = parseWithIcalJs((await request(ctx.app).get(`/s/${secret}/calendar.ics`)).text).find((e) => e.uid === meetingUid(ctx.services.store, meetingId));
    expect(event?.status).toBe('CANCELLED');
  });

  it('reinstates the same meeting when the request is reopened, accepted and scheduled again', async () => {
    const r = requestBetween('Gilan Holding', 'Rusagro');
    await planner.submit(`${base}/requests/${r.id}`, `${base}/requests/${r.id}/state`, { action: 'reopen' });
    await planner.submit(`${base}/requests/${r.id}`, `${base}/requests/${r.id}/state`, { action: 'accept' });
    await runAndApply(planner, base);
    expect(b2b().requests.get(r.id).meetingId).toBe(r.meetingId);
    expect(ctx.services.meetings.get(r.meetingId!).status).toBe('confirmed');
  });

  it('refuses the whole publication when a meeting it would write clashes for real, and says so', async () => {
    // A small session in the press centre, which a confirmed set-up comes to occupy once the draft is applied.
    const d = ctx.demo!;
    const small = b2b().sessions.create(SYSTEM_ACTOR, d.forumId, { title: 'Press centre round', roomId: d.rooms.pressCentre, start: '2019-06-06T15:00', end: '2019-06-06T15:40', slotMinutes: 20, changeoverMinutes: 5, tableCount: 1 });
    const host = b2b().participants.add(SYSTEM_ACTOR, small.id, { organizationId: d.organizations.economy, representativeIds: [d.people.adviser] });
    const guest = b2b().participants.add(SYSTEM_ACTOR, small.id, { organizationId: d.organizations.leningrad, representativeIds: [d.people['len-economy']] });
    const r = b2b().requests.create({ actor: SYSTEM_ACTOR, participantId: null }, small.id, { fromId: host.id, toId: guest.id });
    b2b().requests.act({ actor: SYSTEM_ACTOR, participantId: null }, r.id, 'accept');

    const smallBase = `/forums/${d.forumId}/b2b/${small.id}`;
    // Applied as a draft, the meeting is not in the programme yet; publishing writes it, and is refused as a whole.
    expect((await runAndApply(planner, smallBase)).status).toBe(303);
    // Booked after the draft was applied (the scheduler keeps tables clear of what is already in the hall), before publishing.
    ctx.services.meetings.create(SYSTEM_ACTOR, d.forumId, { title: 'Press centre set-up', kind: 'briefing', status: 'confirmed', start: '2019-06-06T14:30', end: '2019-06-06T16:00', roomId: d.rooms.pressCentre, participants: [{ personId: d.people.press!, role: 'principal' }] });
    const res = await planner.submit(`${smallBase}/publish`, `${smallBase}/publish`, {});
    expect(res.status).toBe(409);
    const page = textOf(res.text);
    expect(page).toContain('Press centre set-up');
    expect(b2b().requests.get(r.id).meetingId).toBeNull();
    expect(b2b().scheduling.state(small.id).published).toBeNull();
  });
});
