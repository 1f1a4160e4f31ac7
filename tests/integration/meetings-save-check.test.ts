/**
 * What a save itself reports (the warnings it returns, or the conflicts that
 * refuse it) against the whole-programme report. The save reads only what can
 * conflict with the one meeting (the meetings sharing its room or people, the
 * venues of their rooms and the travel between them, the names of its own
 * people), so this re-saves every meeting of random dense programmes
 * unchanged and compares what the save says with the report filtered to it.
 */
import fc from 'fast-check';
import type { Conflict } from '../../src/domain/conflicts';
import { ConflictRefusal } from '../../src/domain/errors';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { toInput } from '../../src/services/meetings';
import { createTestApp, type TestContext } from '../support/app';
import { createFixtureForum, DAY1 } from '../support/meeting-fixture';

let ctx: TestContext;
beforeAll(() => {
  ctx = createTestApp();
});
afterAll(() => ctx.close());

const key = (c: Conflict) => JSON.stringify([c.kind, c.severity, c.meetingIds, c.personId ?? null, c.roomId ?? null, c.message]);

/** For every meeting of the forum: what saving it again unchanged says, against the report filtered to it. */
function disagreements(forumId: number): string[] {
  const report = ctx.services.meetings.conflicts(forumId);
  return ctx.services.meetings.list({ forumId }).flatMap((meeting) => {
    const fromReport = report.filter((c) => c.meetingIds.includes(meeting.id)).map(key).sort();
    let said: Conflict[];
    try {
      said = ctx.services.meetings.update(SYSTEM_ACTOR, meeting.id, meeting.version, toInput(meeting)).warnings;
    } catch (err) {
      if (!(err instanceof ConflictRefusal)) throw err;
      said = err.conflicts;
    }
    const fromSave = said.map(key).sort();
    return JSON.stringify(fromReport) === JSON.stringify(fromSave) ? [] : [`${meeting.title}: report ${fromReport.join(' | ')} / save ${fromSave.join(' | ')}`];
  });
}

it('says on every save of the demo programme what the report says of that meeting', () => {
  expect(disagreements(ctx.demo!.forumId)).toEqual([]);
});

it('says on every save of random dense programmes what the report says of that meeting', () => {
  const minutes = (m: number) => `${DAY1}T${String(7 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const aMeeting = fc.record({
    from: fc.integer({ min: 0, max: 14 * 4 }).map((q) => q * 15),
    length: fc.constantFrom(15, 30, 45, 60, 90),
    status: fc.constantFrom('proposed', 'tentative', 'confirmed', 'confirmed', 'cancelled'),
    room: fc.constantFrom('hall', 'roomA', 'roomB', 'salon', null),
    people: fc.uniqueArray(fc.constantFrom('minister', 'deputy', 'governor', 'director', 'adviser', 'interpreter'), { maxLength: 5 }),
  });
  const aBlock = fc.record({ from: fc.integer({ min: 0, max: 14 * 4 }).map((q) => q * 15), length: fc.constantFrom(30, 60, 120), subject: fc.constantFrom('minister', 'deputy', 'hall', 'salon') });
  fc.assert(
    fc.property(fc.array(aMeeting, { minLength: 5, maxLength: 25 }), fc.array(aBlock, { maxLength: 3 }), (meetings, blocks) => {
      const fx = createFixtureForum(ctx.services, { programme: false });
      meetings.forEach((m, i) =>
        ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, {
          title: `M${i}`,
          kind: 'bilateral',
          // Saved as tentative first, so an error-level clash is stored rather than refused; then given its status.
          status: m.status === 'confirmed' ? 'tentative' : m.status,
          start: minutes(m.from),
          end: minutes(Math.min(m.from + m.length, 15 * 60 + 59)),
          roomId: m.room === null ? null : fx.rooms[m.room],
          place: m.room === null ? 'Outside' : '',
          participants: m.people.map((p) => ({ personId: fx.people[p], role: 'required' })),
        }),
      );
      ctx.services.store.db.prepare("UPDATE meeting SET status = 'confirmed' WHERE forum_id = ? AND title IN (SELECT value FROM json_each(?))").run(fx.forumId, JSON.stringify(meetings.flatMap((m, i) => (m.status === 'confirmed' ? [`M${i}`] : []))));
      for (const b of blocks) {
        const isRoom = b.subject === 'hall' || b.subject === 'salon';
        ctx.services.availability.create(SYSTEM_ACTOR, fx.forumId, { subject: isRoom ? 'room' : 'person', subjectId: isRoom ? fx.rooms[b.subject as 'hall' | 'salon'] : fx.people[b.subject as 'minister' | 'deputy'], start: minutes(b.from), end: minutes(Math.min(b.from + b.length, 15 * 60 + 59)), reason: 'Blocked' });
      }
      expect(disagreements(fx.forumId)).toEqual([]);
    }),
    { numRuns: 25, seed: 20190610 },
  );
});

describe("a participation's copy of its meeting's span (what the save check finds people's meetings by)", () => {
  const spans = (meetingId: number) =>
    ctx.services.store.db.prepare('SELECT meeting_start_utc AS startUtc, meeting_end_utc AS endUtc FROM meeting_participant WHERE meeting_id = ?').all(meetingId) as { startUtc: number; endUtc: number }[];
  const instants = (meetingId: number) => ctx.services.store.db.prepare('SELECT start_utc AS startUtc, end_utc AS endUtc FROM meeting WHERE id = ?').get(meetingId) as { startUtc: number; endUtc: number };

  it.each([
    { name: 'written by a save', move: false },
    { name: 'moved when the meeting moves', move: true },
  ])('matches the meeting: $name', ({ move }) => {
    const fx = createFixtureForum(ctx.services, { programme: false });
    const people = [fx.people.minister, fx.people.deputy].map((personId) => ({ personId, role: 'required' }));
    const { meeting } = ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { title: 'Talks', kind: 'bilateral', status: 'tentative', start: `${DAY1}T10:00`, end: `${DAY1}T11:00`, roomId: fx.rooms.roomA, participants: people });
    if (move) ctx.services.meetings.update(SYSTEM_ACTOR, meeting.id, meeting.version, { ...toInput(meeting), start: `${DAY1}T15:00`, end: `${DAY1}T16:30` });
    expect(spans(meeting.id)).toEqual([instants(meeting.id), instants(meeting.id)]);
  });

  it('is filled in and kept by the database for rows written without it, and the save check finds them', () => {
    const fx = createFixtureForum(ctx.services, { programme: false });
    const { meeting: other } = ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { title: 'Elsewhere', kind: 'bilateral', status: 'confirmed', start: `${DAY1}T09:00`, end: `${DAY1}T09:30`, place: 'Embassy' });
    const db = ctx.services.store.db;
    db.prepare("INSERT INTO meeting_participant (meeting_id, person_id, role) VALUES (?, ?, 'required')").run(other.id, fx.people.governor);
    expect(spans(other.id)).toEqual([instants(other.id)]);
    // Moved by hand (as a recomputation of instants after a time-zone data update would): the copy follows.
    db.prepare('UPDATE meeting SET start_utc = start_utc + 3600000, end_utc = end_utc + 3600000 WHERE id = ?').run(other.id);
    expect(spans(other.id)).toEqual([instants(other.id)]);
    const { warnings } = ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { title: 'Talks', kind: 'bilateral', status: 'tentative', start: `${DAY1}T10:00`, end: `${DAY1}T10:30`, place: 'Office', participants: [{ personId: fx.people.governor, role: 'required' }] });
    expect(warnings.map((c) => [c.kind, c.meetingIds.includes(other.id)])).toEqual([['person_double_booked', true]]);
  });
});
