/**
 * The sweeping engine against a plainly-written pairwise model: on random
 * programmes both must find exactly the same conflicts. The model compares
 * every pair, which is what the engine must never do on a real programme but
 * is easy to believe on twenty meetings.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { conflictsInvolving, findConflicts, type Conflict, type Programme } from '../../src/domain/conflicts';
import { overlaps } from '../../src/domain/time';
import { MEETING_STATUSES, type TravelTime } from '../../src/domain/types';
import { aMeeting, anAvailabilityBlock, aPerson, aProgramme, aRoom, attendees, aVenue } from '../support/builders';
import { conflictWindow } from '../support/conflict-window';

const QUARTER = 15 * 60_000;
// Sixteen hours from a Saturday evening across Berlin's spring change (01:00 UTC on Sunday).
const BASE = Date.parse('2026-03-28T16:00:00Z');
const FORUM_ZONE = 'Europe/Berlin';
const PEOPLE = [1, 2, 3, 4, 5];
// Hours clear of 02:00-03:00, the Berlin gap, where luxon (used by the model) shifts differently.
const HOURS = [
  { opensAt: null, closesAt: null },
  { opensAt: '08:00', closesAt: '20:00' },
  { opensAt: '18:00', closesAt: '01:00' },
  { opensAt: '09:30', closesAt: null },
];

/** How a random programme is drawn: `varied` covers every rule, `itineraries` packs one person's day for travel. */
interface Shape {
  startQuarters: number;
  minQuarters: number;
  roomId: fc.Arbitrary<number | null>;
  people: fc.Arbitrary<number[]>;
  travelMinutes: fc.Arbitrary<number | null>;
}

const varied: Shape = {
  startQuarters: 64,
  minQuarters: 0,
  roomId: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  people: fc.array(fc.constantFrom(...PEOPLE), { maxLength: 4 }),
  // Multiples of a quarter hour, so that some gaps equal the travel time exactly.
  travelMinutes: fc.option(fc.constantFrom(0, 15, 30, 40, 45, 60, 90), { nil: null }),
};

const itineraries: Shape = {
  startQuarters: 32,
  minQuarters: 1,
  roomId: fc.integer({ min: 1, max: 4 }),
  people: fc.array(fc.constantFrom(2, 3), { maxLength: 1 }).map((others) => [1, ...others]),
  travelMinutes: fc.constantFrom(15, 30, 45, 60),
};

const spanArb = (shape: Shape) =>
  fc.record({ start: fc.integer({ min: 0, max: shape.startQuarters }), quarters: fc.integer({ min: shape.minQuarters, max: 10 }) }).map(({ start, quarters }) => ({
    startUtc: BASE + start * QUARTER,
    endUtc: BASE + (start + quarters) * QUARTER,
  }));

const meetingArb = (shape: Shape) =>
  fc.record({
    span: spanArb(shape),
    status: fc.constantFrom(...MEETING_STATUSES),
    roomId: shape.roomId,
    people: shape.people,
    timeZone: fc.constantFrom('Europe/Berlin', 'Asia/Baku'),
  });

const programmeArb = (shape: Shape) =>
  fc
    .record({
      meetings: fc.array(meetingArb(shape), { maxLength: 30 }),
      rooms: fc.array(fc.record({ venueId: fc.integer({ min: 1, max: 3 }), capacity: fc.integer({ min: 1, max: 4 }) }), { minLength: 4, maxLength: 4 }),
      hours: fc.array(fc.constantFrom(...HOURS), { minLength: 3, maxLength: 3 }),
      travel: fc.array(shape.travelMinutes, { minLength: 3, maxLength: 3 }),
      oneWay: fc.boolean(),
      blocks: fc.array(
        fc.record({ span: spanArb(shape), subject: fc.constantFrom('person' as const, 'room' as const), subjectId: fc.integer({ min: 1, max: 5 }) }),
        { maxLength: 6 },
      ),
    })
  .map(({ meetings, rooms, hours, travel, oneWay, blocks }): Programme => {
    const venuePairs: [number, number][] = [
      [1, 2],
      [1, 3],
      [2, 3],
    ];
    const travelTimes: TravelTime[] = venuePairs.flatMap(([from, to], i) => {
      const minutes = travel[i];
      if (minutes === null || minutes === undefined) return [];
      const there = { fromVenueId: from, toVenueId: to, minutes };
      return oneWay ? [there] : [there, { fromVenueId: to, toVenueId: from, minutes }];
    });
    return aProgramme({
      forumTimeZone: FORUM_ZONE,
      // Room 5 is referenced by meetings but never loaded.
      rooms: rooms.map((room, i) => aRoom({ id: i + 1, ...room })),
      venues: hours.map((h, i) => aVenue({ id: i + 1, name: `V${i + 1}`, ...h })),
      people: PEOPLE.map((id) => aPerson({ id })),
      travelTimes,
      meetings: meetings.map((m, i) => aMeeting({ id: i + 1, ...m.span, status: m.status, roomId: m.roomId, participants: attendees(...m.people), timeZone: m.timeZone })),
      availability: blocks.map((b, i) => anAvailabilityBlock({ id: i + 1, subject: b.subject, subjectId: b.subjectId, ...b.span })),
    });
  });

type Live = Programme['meetings'][number];

/** Every conflict the design's table describes, found by looking at every pair. */
function bruteForce(programme: Programme): string[] {
  const keys: string[] = [];
  const live = programme.meetings.filter((m) => m.status !== 'cancelled');
  const peopleOf = (m: Live) => [...new Set(m.participants.map((p) => p.personId))];
  const severity = (a: Live, b: Live) => (a.status === 'confirmed' && b.status === 'confirmed' ? 'error' : 'warning');
  const room = (m: Live) => programme.rooms.find((r) => r.id === m.roomId);
  const venue = (m: Live) => programme.venues.find((v) => v.id === room(m)?.venueId);

  for (const a of live) {
    for (const b of live) {
      if (a.id >= b.id || !overlaps(a, b)) continue;
      for (const p of peopleOf(a).filter((p) => peopleOf(b).includes(p))) keys.push(key('person_double_booked', severity(a, b), [a.id, b.id], p));
      if (a.roomId !== null && a.roomId === b.roomId) keys.push(key('room_double_booked', severity(a, b), [a.id, b.id], undefined, a.roomId));
    }
  }
  for (const m of live) {
    const r = room(m);
    if (r !== undefined && peopleOf(m).length > r.capacity) keys.push(key('over_capacity', 'warning', [m.id], undefined, r.id));
    for (const p of peopleOf(m)) {
      if (programme.availability.some((b) => b.subject === 'person' && b.subjectId === p && overlaps(b, m))) keys.push(key('unavailable', 'warning', [m.id], p));
    }
    if (m.roomId !== null && programme.availability.some((b) => b.subject === 'room' && b.subjectId === m.roomId && overlaps(b, m))) {
      keys.push(key('unavailable', 'warning', [m.id], undefined, m.roomId));
    }
    const v = venue(m);
    if (r !== undefined && v !== undefined && (v.opensAt !== null || v.closesAt !== null) && !withinHours(m, v, programme.forumTimeZone)) {
      keys.push(key('outside_hours', 'warning', [m.id], undefined, r.id));
    }
  }
  for (const p of PEOPLE) {
    const located = live.filter((m) => m.startUtc < m.endUtc && peopleOf(m).includes(p) && venue(m) !== undefined);
    for (const a of located) {
      for (const b of located) {
        if (a.endUtc > b.startUtc) continue;
        const isLastBefore = !located.some((c) => c.endUtc > a.endUtc && c.endUtc <= b.startUtc);
        const from = venue(a)!.id;
        const to = venue(b)!.id;
        const minutes = programme.travelTimes.find((t) => (t.fromVenueId === from && t.toVenueId === to) || (t.fromVenueId === to && t.toVenueId === from))?.minutes;
        if (isLastBefore && from !== to && minutes !== undefined && b.startUtc - a.endUtc < minutes * 60_000) {
          keys.push(key('travel_time', 'warning', [a.id, b.id], p));
        }
      }
    }
  }
  return keys.sort();
}

/** Inside one day's opening window, the window computed independently with luxon. */
function withinHours(m: Live, v: Programme['venues'][number], zone: string): boolean {
  const startDay = DateTime.fromMillis(m.startUtc, { zone }).startOf('day');
  return [startDay.minus({ days: 1 }), startDay].some((day) => {
    const date = day.toISODate();
    const opens = v.opensAt ?? '00:00';
    const open = DateTime.fromISO(`${date}T${opens}`, { zone });
    const close =
      v.closesAt === null ? day.plus({ days: 1 }) : DateTime.fromISO(`${v.closesAt > opens ? date : day.plus({ days: 1 }).toISODate()}T${v.closesAt}`, { zone });
    return open.toMillis() <= m.startUtc && m.endUtc <= close.toMillis();
  });
}

function key(kind: string, severity: string, ids: number[], personId?: number, roomId?: number): string {
  return `${kind}|${severity}|${[...ids].sort((a, b) => a - b).join(',')}|p${personId ?? ''}|r${roomId ?? ''}`;
}

const keysOf = (conflicts: Conflict[]) => conflicts.map((c) => key(c.kind, c.severity, c.meetingIds, c.personId, c.roomId)).sort();

describe('conflict engine properties', () => {
  it.each([
    { name: 'varied programmes', shape: varied },
    { name: 'packed itineraries', shape: itineraries },
  ])('finds exactly what the pairwise model finds: $name', ({ shape }) => {
    fc.assert(
      fc.property(programmeArb(shape), (programme) => {
        expect(keysOf(findConflicts(programme))).toEqual(bruteForce(programme));
      }),
      { numRuns: 300 },
    );
  });

  it('checks a meeting on save the same when only its conflict window is loaded', () => {
    const withChosenMeeting = programmeArb(varied).chain((programme) =>
      fc.tuple(fc.constant(programme), fc.constantFrom(...programme.meetings.map((m) => m.id), 0)),
    );
    fc.assert(
      fc.property(withChosenMeeting, ([programme, id]) => {
        const meeting = programme.meetings.find((m) => m.id === id);
        if (meeting === undefined) return;
        const window = conflictWindow(meeting, programme.travelTimes);
        const inWindow = (x: { startUtc: number; endUtc: number }) => x.startUtc < window.endUtc && x.endUtc > window.startUtc;
        const loaded = {
          ...programme,
          meetings: programme.meetings.filter((m) => m.id === id || inWindow(m)),
          availability: programme.availability.filter(inWindow),
        };
        expect(conflictsInvolving(id, loaded)).toEqual(conflictsInvolving(id, programme));
      }),
      { numRuns: 300 },
    );
  });

  it('never names a cancelled meeting', () => {
    fc.assert(
      fc.property(programmeArb(varied), (programme) => {
        const cancelled = new Set(programme.meetings.filter((m) => m.status === 'cancelled').map((m) => m.id));
        expect(findConflicts(programme).flatMap((c) => c.meetingIds).filter((id) => cancelled.has(id))).toEqual([]);
      }),
    );
  });

  it('names the two meetings of a pair in time order', () => {
    fc.assert(
      fc.property(programmeArb(varied), (programme) => {
        const byId = new Map<number, Live>(programme.meetings.map((m) => [m.id, m]));
        for (const { meetingIds } of findConflicts(programme)) {
          const [first, second] = meetingIds.map((id) => byId.get(id)!);
          if (first !== undefined && second !== undefined) expect(first.startUtc).toBeLessThanOrEqual(second.startUtc);
        }
      }),
    );
  });

  it('gives the same answer, in the same order, whatever order the meetings come in', () => {
    fc.assert(
      fc.property(
        programmeArb(varied).chain((programme) => fc.tuple(fc.constant(programme), fc.shuffledSubarray([...programme.meetings], { minLength: programme.meetings.length }))),
        ([programme, shuffled]) => {
          expect(findConflicts({ ...programme, meetings: shuffled })).toEqual(findConflicts(programme));
        },
      ),
    );
  });

  it('overlap is symmetric and empty intervals overlap nothing', () => {
    fc.assert(
      fc.property(spanArb(varied), spanArb(varied), (a, b) => {
        expect(overlaps(a, b)).toBe(overlaps(b, a));
        if (a.startUtc === a.endUtc) expect(overlaps(a, b)).toBe(false);
      }),
    );
  });
});
