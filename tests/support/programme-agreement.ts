/**
 * Random dense programmes and a meeting-by-meeting comparison against the
 * whole-programme report: the save check and the meeting page must say of
 * each meeting exactly what the report says of it.
 */
import fc from 'fast-check';
import type { Conflict } from '../../src/domain/conflicts';
import type { Meeting } from '../../src/domain/types';
import type { Services } from '../../src/services';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createFixtureForum, DAY1 } from './meeting-fixture';

const key = (c: Conflict) => JSON.stringify([c.kind, c.severity, c.meetingIds, c.personId ?? null, c.roomId ?? null, c.message]);

/** For every meeting of the forum: what `said` reports of it, against the report filtered to it. */
export function disagreements(services: Services, forumId: number, said: (meeting: Meeting) => Conflict[]): string[] {
  const report = services.meetings.conflicts(forumId);
  return services.meetings.list({ forumId }).flatMap((meeting) => {
    const fromReport = report.filter((c) => c.meetingIds.includes(meeting.id)).map(key).sort();
    const fromSave = said(meeting).map(key).sort();
    return JSON.stringify(fromReport) === JSON.stringify(fromSave) ? [] : [`${meeting.title}: report ${fromReport.join(' | ')} / save ${fromSave.join(' | ')}`];
  });
}

const minutes = (m: number) => `${DAY1}T${String(7 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const aMeeting = fc.record({
  from: fc.integer({ min: 0, max: 14 * 4 }).map((q) => q * 15),
  length: fc.constantFrom(15, 30, 45, 60, 90),
  status: fc.constantFrom('proposed', 'tentative', 'confirmed', 'confirmed', 'cancelled'),
  room: fc.constantFrom('hall', 'roomA', 'roomB', 'salon', null),
  people: fc.uniqueArray(fc.constantFrom('minister', 'deputy', 'governor', 'director', 'adviser', 'interpreter'), { maxLength: 5 }),
});
const aBlock = fc.record({ from: fc.integer({ min: 0, max: 14 * 4 }).map((q) => q * 15), length: fc.constantFrom(30, 60, 120), subject: fc.constantFrom('minister', 'deputy', 'hall', 'salon') });

/** Generated programmes (rooms, people, blocks, travel, hours, cancellations), each built in a fresh fixture forum whose id is passed on. */
export function randomProgrammes(services: Services): fc.Arbitrary<number> {
  return fc.tuple(fc.array(aMeeting, { minLength: 5, maxLength: 25 }), fc.array(aBlock, { maxLength: 3 })).map(([meetings, blocks]) => {
    const fx = createFixtureForum(services, { programme: false });
    meetings.forEach((m, i) =>
      services.meetings.create(SYSTEM_ACTOR, fx.forumId, {
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
    services.store.db
      .prepare("UPDATE meeting SET status = 'confirmed' WHERE forum_id = ? AND title IN (SELECT value FROM json_each(?))")
      .run(fx.forumId, JSON.stringify(meetings.flatMap((m, i) => (m.status === 'confirmed' ? [`M${i}`] : []))));
    for (const b of blocks) {
      const isRoom = b.subject === 'hall' || b.subject === 'salon';
      services.availability.create(SYSTEM_ACTOR, fx.forumId, { subject: isRoom ? 'room' : 'person', subjectId: isRoom ? fx.rooms[b.subject as 'hall' | 'salon'] : fx.people[b.subject as 'minister' | 'deputy'], start: minutes(b.from), end: minutes(Math.min(b.from + b.length, 15 * 60 + 59)), reason: 'Blocked' });
    }
    return fx.forumId;
  });
}
