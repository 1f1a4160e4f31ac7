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
import type { Meeting } from '../../src/domain/types';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { toInput } from '../../src/services/meetings';
import { createTestApp, type TestContext } from '../support/app';
import { createFixtureForum, DAY1 } from '../support/meeting-fixture';
import { disagreements, randomProgrammes } from '../support/programme-agreement';

let ctx: TestContext;
beforeAll(() => {
  ctx = createTestApp();
});
afterAll(() => ctx.close());

/** What saving the meeting again unchanged says: its warnings, or the conflicts that refuse it. */
function onResave(meeting: Meeting): Conflict[] {
  try {
    return ctx.services.meetings.update(SYSTEM_ACTOR, meeting.id, meeting.version, toInput(meeting)).warnings;
  } catch (err) {
    if (!(err instanceof ConflictRefusal)) throw err;
    return err.conflicts;
  }
}

it('says on every save of the demo programme what the report says of that meeting', () => {
  expect(disagreements(ctx.services, ctx.demo!.forumId, onResave)).toEqual([]);
});

it('says on every save of random dense programmes what the report says of that meeting', () => {
  fc.assert(
    fc.property(randomProgrammes(ctx.services), (forumId) => {
      expect(disagreements(ctx.services, forumId, onResave)).toEqual([]);
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
