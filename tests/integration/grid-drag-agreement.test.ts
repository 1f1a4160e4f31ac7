/**
 * The grid marks what a drop would meet by asking check-move, and the drop
 * saves through the save check; the two must agree, or the page would mark a
 * slot free that the save refuses (or the other way). On random dense
 * programmes, any meeting dropped at any 5-minute start, length and room:
 * what checkPlacement says is exactly what the save reports (its warnings,
 * or the conflicts that refuse it), and it refuses exactly when the meeting
 * is confirmed and the check found an error. Each drop is rolled back.
 */
import fc from 'fast-check';
import type { Conflict } from '../../src/domain/conflicts';
import { ConflictRefusal } from '../../src/domain/errors';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, type TestContext } from '../support/app';
import { DAY1 } from '../support/meeting-fixture';
import { randomProgrammes } from '../support/programme-agreement';

let ctx: TestContext;
beforeAll(() => {
  ctx = createTestApp({ demo: false });
});
afterAll(() => ctx.close());

/** A conflict as both sides name it: what, how bad, between which meetings, about whom. */
const named = (c: Conflict) => JSON.stringify([c.kind, c.severity, c.meetingIds, c.personId ?? null, c.roomId ?? null]);
const names = (cs: readonly Conflict[]) => cs.map(named).sort();
const clock = (minutes: number) => `${DAY1}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

it('check-move says what the drop’s save says, on random dense programmes', () => {
  const target = fc.record({
    pick: fc.nat(),
    start: fc.integer({ min: 7 * 12, max: 17 * 12 }).map((step) => step * 5),
    length: fc.integer({ min: 1, max: 36 }).map((steps) => steps * 5),
    room: fc.constantFrom('keep', 'hall', 'roomA', 'roomB', 'salon'),
  });
  fc.assert(
    fc.property(randomProgrammes(ctx.services), target, (forumId, t) => {
      const meetings = ctx.services.meetings.list({ forumId });
      const m = meetings[t.pick % meetings.length]!;
      const rooms = new Map(ctx.services.directory.roomsOfForum(forumId).map((r) => [r.name, r.id]));
      const roomName = { hall: 'Hall 1', roomA: 'Room A', roomB: 'Room B', salon: 'Salon' } as const;
      const body = { start: clock(t.start), end: clock(t.start + t.length), ...(t.room === 'keep' ? {} : { roomId: rooms.get(roomName[t.room]) }) };

      const checked = ctx.services.meetings.checkPlacement(m.id, body).conflicts;
      const db = ctx.services.store.db;
      db.exec('BEGIN');
      let saved: Conflict[];
      let refused = false;
      try {
        saved = ctx.services.meetings.place(SYSTEM_ACTOR, m.id, m.version, body).warnings;
      } catch (err) {
        if (!(err instanceof ConflictRefusal)) throw err;
        saved = err.conflicts;
        refused = true;
      } finally {
        db.exec('ROLLBACK');
      }
      expect(names(saved)).toEqual(names(checked));
      expect(refused).toBe(m.status === 'confirmed' && checked.some((c) => c.severity === 'error'));
      expect(ctx.services.meetings.get(m.id).version).toBe(m.version);
    }),
    { numRuns: 60, seed: 20190610 },
  );
});
