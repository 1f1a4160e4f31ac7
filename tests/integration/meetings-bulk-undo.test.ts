/**
 * Bulk edits on the meetings list and undo (issue 13): each meeting of a bulk
 * edit checked like a single save, all-or-nothing rolled back as a whole,
 * per-meeting results, the confirmation before what reaches calendars, and
 * undo from the audit log through the same checks, refused after a later
 * change or for another planner's change. Real SQLite, real app, real HTTP.
 */
import { SYSTEM_ACTOR, type Actor } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { formFieldsOf, type FormFields } from '../support/html-form';
import { createFixtureForum, DAY2, type FixtureForum } from '../support/meeting-fixture';
import { postForm } from '../support/meeting-forms';
import type { Meeting } from '../../src/domain/types';

let ctx: TestContext;
let planner: SignedIn;
let other: SignedIn;
let viewer: SignedIn;
let fx: FixtureForum;
let base: string;

beforeAll(async () => {
  ctx = createTestApp({ demo: false });
  fx = createFixtureForum(ctx.services, { programme: false });
  base = fx.base;
  planner = await signIn(ctx, 'planner1', 'planner');
  other = await signIn(ctx, 'planner2', 'planner');
  viewer = await signIn(ctx, 'viewer1', 'viewer');
});
afterAll(() => ctx.close());

const actorOf = (username: string): Actor => {
  const u = ctx.services.accounts.list().find((x) => x.username === username)!;
  return { userId: u.id, username: u.username, role: u.role, personId: null };
};
const stored = (id: number) => ctx.services.meetings.get(id);
const auditCount = () => ctx.services.store.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };

let hour = 0;
/** A meeting in an hour of its own on day 2 (no two tests share one), in room A unless told otherwise. */
const aMeeting = (fields: Record<string, unknown> = {}): Meeting => {
  const h = String(6 + (hour++ % 14)).padStart(2, '0');
  return ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { title: `Meeting ${hour}`, kind: 'bilateral', status: 'tentative', start: `${DAY2}T${h}:00`, end: `${DAY2}T${h}:45`, participants: [], ...fields }).meeting;
};
const clear = () => ctx.services.store.db.prepare('DELETE FROM meeting WHERE forum_id = ?').run(fx.forumId);

const bulk = (who: SignedIn, meetings: Meeting[], fields: Record<string, string>) =>
  postForm(who, base, `${base}/bulk`, [...meetings.map((m): [string, string] => ['meeting', `${m.id}:${m.version}`]), ...Object.entries(fields)]);

/** The Undo form a page offers (in a notice or a bulk result), posted as the browser would. */
async function pressUndo(who: SignedIn, html: string) {
  const fields: FormFields = formFieldsOf(html, { action: `${base}/undo` });
  expect(fields.length).toBeGreaterThan(0);
  return who.agent.post(`${base}/undo`).type('form').send(new URLSearchParams(fields as [string, string][]).toString());
}

describe('bulk edits: each meeting checked like a single save', () => {
  beforeEach(clear);

  it('the list wraps its rows in one form with a checkbox per meeting and says how a refusal is handled', async () => {
    const m = aMeeting();
    const page = await planner.get(`${base}?day=${DAY2}`);
    expect(page.text).toContain(`action="${base}/bulk"`);
    expect(page.text).toContain(`name="meeting" value="${m.id}:${m.version}"`);
    expect(textOf(page.text)).toContain('All or nothing: if one is refused, none changes');
    expect(textOf(page.text)).toContain('Each on its own: the others change');
    expect((await viewer.get(`${base}?day=${DAY2}`)).text).not.toContain(`${base}/bulk`);
  });

  // A confirmed meeting in room A at 20:00 that the clashing one overlaps.
  const blocker = () => ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { title: 'Blocker', kind: 'bilateral', status: 'confirmed', start: `${DAY2}T20:00`, end: `${DAY2}T21:00`, roomId: fx.rooms.roomA, participants: [] }).meeting;
  const clashing = () => ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { title: 'Clashing', kind: 'bilateral', status: 'tentative', start: `${DAY2}T20:30`, end: `${DAY2}T21:00`, roomId: fx.rooms.roomA, participants: [] }).meeting;

  it.each([
    { name: 'confirm, each: all free, all confirmed', action: 'confirm', mode: 'each', clash: false, status: 200, expected: ['confirmed', 'confirmed', 'confirmed'], says: '3 meetings confirmed' },
    { name: 'confirm, each: the clashing one refused, the others confirmed', action: 'confirm', mode: 'each', clash: true, status: 200, expected: ['confirmed', 'confirmed', 'tentative'], says: 'cannot be confirmed' },
    { name: 'confirm, all or nothing: one refused, nothing changes', action: 'confirm', mode: 'all', clash: true, status: 409, expected: ['tentative', 'tentative', 'tentative'], says: 'Nothing was changed' },
    { name: 'make tentative, all or nothing: nothing refused, all change', action: 'tentative', mode: 'all', clash: false, status: 200, expected: ['tentative', 'tentative', 'tentative'], says: '3 meetings marked tentative', from: 'confirmed' },
  ])('$name', async ({ action, mode, clash, status, expected, says, from }) => {
    if (clash) blocker();
    const chosen = [aMeeting({ status: from ?? 'tentative' }), aMeeting({ status: from ?? 'tentative' }), clash ? clashing() : aMeeting({ status: from ?? 'tentative' })];
    const before = auditCount().n;
    const res = await bulk(planner, chosen, { action, mode });
    expect(res.status).toBe(status);
    expect(chosen.map((m) => stored(m.id).status)).toEqual(expected);
    expect(textOf(res.text)).toContain(says);
    const changed = expected.filter((s, i) => s !== chosen[i]!.status).length;
    expect(auditCount().n - before).toBe(changed);
    if (clash) expect(textOf(res.text)).toMatch(/Refused Clashing ?: .*cannot be confirmed/);
  });

  it('a meeting changed since the list was opened is refused, saying by whom', async () => {
    const m = aMeeting();
    const fresh = aMeeting();
    ctx.services.meetings.setStatus(actorOf('planner2'), m.id, m.version, 'confirmed');
    const res = await bulk(planner, [m, fresh], { action: 'cancel', mode: 'each', confirmed: 'yes' });
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain(`“${m.title}” was changed by planner2 since you opened the list`);
    expect([stored(m.id).status, stored(fresh.id).status]).toEqual(['confirmed', 'cancelled']);
  });

  it('an action the meeting does not offer is refused for that meeting only', async () => {
    const cancelled = aMeeting({ status: 'cancelled' });
    const live = aMeeting();
    const res = await bulk(planner, [cancelled, live], { action: 'cancel', mode: 'each', confirmed: 'yes' });
    expect(textOf(res.text)).toMatch(/Refused Meeting \d+ ?: This meeting is cancelled, so it cannot be given “cancel”/);
    expect(stored(live.id).status).toBe('cancelled');
  });

  it('move by minutes keeps each duration, in one transaction with one audit row each', async () => {
    const a = aMeeting();
    const b = aMeeting({ end: undefined, durationMinutes: 20, start: `${DAY2}T19:00` });
    const res = await bulk(planner, [a, b], { action: 'move', minutes: '30', mode: 'all', confirmed: 'yes' });
    expect(res.status).toBe(200);
    expect(stored(a.id).startUtc - a.startUtc).toBe(30 * 60_000);
    expect(stored(a.id).endUtc - stored(a.id).startUtc).toBe(a.endUtc - a.startUtc);
    expect([stored(b.id).start, stored(b.id).end]).toEqual([`${DAY2}T19:30`, `${DAY2}T19:50`]);
  });

  it.each([
    { name: 'no meeting chosen', meetings: 0, fields: { action: 'confirm', mode: 'all' }, says: 'Choose between 1 and 200 meetings' },
    { name: 'more than 200', meetings: 201, fields: { action: 'confirm', mode: 'all' }, says: 'Choose between 1 and 200 meetings' },
    { name: 'an unknown action', meetings: 1, fields: { action: 'delete', mode: 'all' }, says: 'Choose confirm, make tentative, cancel or move' },
    { name: 'no mode', meetings: 1, fields: { action: 'confirm' }, says: 'Choose “all or nothing” or “each meeting on its own”' },
    { name: 'a move of 0 minutes', meetings: 1, fields: { action: 'move', minutes: '0', mode: 'all', confirmed: 'yes' }, says: 'Move by a whole number of minutes' },
    { name: 'a move of two days', meetings: 1, fields: { action: 'move', minutes: '2880', mode: 'all', confirmed: 'yes' }, says: 'Move by a whole number of minutes' },
  ] as { name: string; meetings: number; fields: Record<string, string>; says: string }[])('refused with a message, nothing written: $name', async ({ meetings, fields, says }) => {
    const m = aMeeting();
    const many = Array.from({ length: meetings }, (_, i) => ({ ...m, id: m.id + i }));
    const before = auditCount().n;
    const res = await bulk(planner, many, fields);
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain(says);
    expect(auditCount().n).toBe(before);
  });

  it('cancel and move ask first, counting the calendars they reach; the page writes nothing', async () => {
    const a = aMeeting({ participants: [{ personId: fx.people.minister, role: 'principal' }], isPublic: true });
    const b = aMeeting({ participants: [{ personId: fx.people.minister, role: 'principal' }, { personId: fx.people.deputy, role: 'required' }] });
    ctx.services.feeds.createToken(SYSTEM_ACTOR, fx.forumId, { scope: 'person', scopeId: fx.people.minister, label: 'Minister’s phone' });
    ctx.services.feeds.createToken(SYSTEM_ACTOR, fx.forumId, { scope: 'person', scopeId: fx.people.deputy, label: 'Deputy’s phone' });
    const before = auditCount().n;
    for (const [action, extra] of [['cancel', {}], ['move', { minutes: '-15' }]] as const) {
      const ask = await bulk(planner, [a, b], { action, mode: 'all', ...extra });
      expect(ask.status).toBe(200);
      const text = textOf(ask.text);
      expect(text).toContain('This will update 3 subscribed calendars');
      expect(text).toContain('“Minister’s phone”');
      expect(text).toContain('public programme');
      expect(auditCount().n).toBe(before);
      expect(formFieldsOf(ask.text, { action: `${base}/bulk` })).toContainEqual(['confirmed', 'yes']);
    }
    const ask = await bulk(planner, [a, b], { action: 'cancel', mode: 'all' });
    const done = await planner.agent.post(`${base}/bulk`).type('form').send(new URLSearchParams(formFieldsOf(ask.text, { action: `${base}/bulk` }) as [string, string][]).toString());
    expect(done.status).toBe(200);
    expect([stored(a.id).status, stored(b.id).status]).toEqual(['cancelled', 'cancelled']);
  });

  it('a viewer may not post a bulk edit', async () => {
    const m = aMeeting();
    expect((await bulk(viewer, [m], { action: 'confirm', mode: 'all' })).status).toBe(403);
    expect(stored(m.id).status).toBe('tentative');
  });
});

describe('undo restores the before-state from the audit log, through the same checks', () => {
  beforeEach(clear);

  it('after a save the notice offers Undo; it puts the meeting back and is itself undoable', async () => {
    const m = aMeeting();
    const moved = await postForm(planner, `${base}/${m.id}/move`, `${base}/${m.id}/move`, [['shift', '15'], ['version', String(m.version)]]);
    expect(moved.status).toBe(303);
    const page = await planner.get(`${base}/${m.id}`);
    expect(textOf(page.text)).toContain('moved to');
    const undone = await pressUndo(planner, page.text);
    expect(undone.status).toBe(303);
    expect(undone.headers.location).toBe(`${base}/${m.id}`);
    expect([stored(m.id).start, stored(m.id).end]).toEqual([m.start, m.end]);
    const after = await planner.get(`${base}/${m.id}`);
    expect(textOf(after.text)).toContain(`Undone: “${m.title}” is back as it was`);
    // Undo is an ordinary audited save: its own notice undoes it again.
    expect((await pressUndo(planner, after.text)).status).toBe(303);
    expect(stored(m.id).startUtc).toBe(m.startUtc + 15 * 60_000);
  });

  it.each([
    { name: 'an edit of the title and room', change: (m: Meeting) => ctx.services.meetings.update(actorOf('planner1'), m.id, m.version, { ...toInputOf(m), title: 'Renamed', roomId: fx.rooms.hall }) },
    { name: 'a cancellation', change: (m: Meeting) => ctx.services.meetings.applyStatusAction(actorOf('planner1'), m.id, m.version, 'cancel') },
    { name: 'a move', change: (m: Meeting) => ctx.services.meetings.move(actorOf('planner1'), m.id, m.version, { kind: 'by', minutes: -30 }) },
  ])('restores $name field for field', async ({ change }) => {
    const m = aMeeting({ roomId: fx.rooms.roomA });
    const saved = change(m);
    const res = await planner.submit(`${base}/${m.id}`, `${base}/undo`, { from: saved.auditId, to: saved.auditId, back: `${base}/${m.id}` });
    expect(res.status).toBe(303);
    const now = stored(m.id);
    expect({ ...now, version: 0, sequence: 0, updatedAt: 0 }).toEqual({ ...m, version: 0, sequence: 0, updatedAt: 0 });
    expect(now.version).toBe(m.version + 2);
  });

  it('a bulk edit undoes as one', async () => {
    const chosen = [aMeeting(), aMeeting(), aMeeting()];
    const res = await bulk(planner, chosen, { action: 'cancel', mode: 'all', confirmed: 'yes' });
    expect(chosen.map((m) => stored(m.id).status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    const undone = await pressUndo(planner, res.text);
    expect(undone.status).toBe(303);
    expect(chosen.map((m) => stored(m.id).status)).toEqual(['tentative', 'tentative', 'tentative']);
    expect(textOf((await planner.get(undone.headers.location!)).text)).toContain('Undone: 3 meetings are back as they were');
  });

  it('refused, whole, when one of its meetings was changed since; nothing is undone', async () => {
    const [a, b] = [aMeeting(), aMeeting()];
    const res = await bulk(planner, [a, b], { action: 'confirm', mode: 'all' });
    ctx.services.meetings.update(actorOf('planner2'), b.id, stored(b.id).version, { ...toInputOf(stored(b.id)), title: 'Renamed by planner2' });
    const refused = await pressUndo(planner, res.text);
    expect(refused.status).toBe(422);
    expect(textOf(refused.text)).toContain('“Renamed by planner2” was changed again since (by planner2), so undoing would lose that change; nothing was undone');
    expect([stored(a.id).status, stored(b.id).status]).toEqual(['confirmed', 'confirmed']);
  });

  it("another planner's change is refused, saying whose it is", async () => {
    const m = aMeeting();
    const saved = ctx.services.meetings.applyStatusAction(actorOf('planner1'), m.id, m.version, 'confirm');
    const before = auditCount().n;
    const res = await other.submit(`${base}/${m.id}`, `${base}/undo`, { from: saved.auditId, to: saved.auditId });
    expect(res.status).toBe(403);
    expect(textOf(res.text)).toContain('This change was made by planner1; only they can undo it');
    expect(stored(m.id).status).toBe('confirmed');
    expect(auditCount().n).toBe(before);
    expect((await viewer.agent.post(`${base}/undo`).type('form').send({ from: String(saved.auditId), to: String(saved.auditId) })).status).toBe(403);
  });

  it('a restore that would clash with a confirmed meeting now is refused like a save', async () => {
    const m = aMeeting({ status: 'confirmed', roomId: fx.rooms.roomB, start: `${DAY2}T18:00`, end: `${DAY2}T18:30` });
    const moved = ctx.services.meetings.move(actorOf('planner1'), m.id, m.version, { kind: 'by', minutes: 60 });
    ctx.services.meetings.create(actorOf('planner2'), fx.forumId, { title: 'Took the slot', kind: 'bilateral', status: 'confirmed', start: `${DAY2}T18:00`, end: `${DAY2}T18:30`, roomId: fx.rooms.roomB, participants: [] });
    const res = await planner.submit(`${base}/${m.id}`, `${base}/undo`, { from: moved.auditId, to: moved.auditId });
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toContain('cannot be confirmed');
    expect(stored(m.id).start).toBe(`${DAY2}T19:00`);
  });

  it.each([
    { name: 'a creation', from: () => aMeeting().id, says: 'cannot be undone here' },
    { name: 'a range of more than 200', from: () => 1, to: 500, says: 'at most 200 changes' },
    { name: 'no such rows', from: () => 900_000, says: 'There is no such change to undo' },
    { name: 'junk', from: () => Number.NaN, says: 'at most 200 changes' },
  ])('refused with a message: $name', async ({ from, to, says }) => {
    const created = from();
    const id = Number.isNaN(created) ? 'x' : created > 10_000 ? created : (ctx.services.store.db.prepare("SELECT max(id) AS id FROM audit_log WHERE action = 'create'").get() as { id: number }).id;
    const res = await planner.submit(base, `${base}/undo`, { from: id, to: to ?? id });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain(says);
  });
});

function toInputOf(m: Meeting): Record<string, unknown> {
  return { title: m.title, kind: m.kind, status: m.status, start: m.start, end: m.end, timeZone: m.timeZone, roomId: m.roomId, place: m.place, isPublic: m.isPublic, participants: m.participants, delegationIds: m.delegationIds, briefing: m.briefing, outcome: m.outcome, documents: [] };
}
