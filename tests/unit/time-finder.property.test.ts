/**
 * The time finder against the conflict engine itself: on a random small
 * programme and a random request,
 * - every candidate saves as confirmed without an error-level conflict, as
 *   judged by `conflictsInvolving` on the whole programme plus the candidate;
 * - nothing is missing: trying every start of the 5-minute grid in every
 *   allowed room with the engine, and ranking the error-free ones the way the
 *   finder promises, gives exactly the finder's list.
 * The brute force shares no code with the finder but the engine. The same
 * search over just the rooms it offered, or without the rooms' meetings
 * outside `candidateWindows`, gives the same list.
 */
import fc from 'fast-check';
import { conflictsInvolving, type Conflict, type Programme } from '../../src/domain/conflicts';
import { CANDIDATE_ID, candidateWindows, findTimes, type FinderRequest } from '../../src/domain/time-finder';
import { MEETING_STATUSES } from '../../src/domain/types';
import { aMeeting, anAvailabilityBlock, aPerson, aProgramme, aRoom, attendees, aVenue, instantOf, travelBetween } from '../support/builders';

const MINUTE = 60_000;
const DAYS = ['2019-06-07', '2019-06-08'];
const PEOPLE = [1, 2, 3, 4];
const HOURS = [
  { opensAt: null, closesAt: null },
  { opensAt: '09:30', closesAt: '12:00' },
  { opensAt: '10:00', closesAt: null },
];

// Meetings and blocks on a 5-minute grid between 08:00 and 14:00, so that edges meet the finder's grid exactly.
const spanArb = fc
  .record({ day: fc.constantFrom(...DAYS), start: fc.integer({ min: 0, max: 72 }), length: fc.integer({ min: 0, max: 18 }) })
  .map(({ day, start, length }) => {
    const startUtc = instantOf(`${day}T08:00`) + start * 5 * MINUTE;
    return { startUtc, endUtc: startUtc + length * 5 * MINUTE };
  });

const programmeArb = fc
  .record({
    meetings: fc.array(
      fc.record({
        span: spanArb,
        status: fc.constantFrom(...MEETING_STATUSES),
        roomId: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
        people: fc.uniqueArray(fc.constantFrom(...PEOPLE), { maxLength: 3 }),
      }),
      { maxLength: 14 },
    ),
    rooms: fc.array(fc.record({ venueId: fc.integer({ min: 1, max: 3 }), capacity: fc.integer({ min: 1, max: 4 }) }), { minLength: 4, maxLength: 4 }),
    hours: fc.array(fc.constantFrom(...HOURS), { minLength: 3, maxLength: 3 }),
    travel: fc.array(fc.option(fc.constantFrom(0, 10, 25, 45), { nil: null }), { minLength: 3, maxLength: 3 }),
    blocks: fc.array(fc.record({ span: spanArb, subject: fc.constantFrom('person' as const, 'room' as const), subjectId: fc.integer({ min: 1, max: 4 }) }), { maxLength: 4 }),
  })
  .map(({ meetings, rooms, hours, travel, blocks }): Programme => {
    const pairs: [number, number][] = [
      [1, 2],
      [1, 3],
      [2, 3],
    ];
    return aProgramme({
      rooms: rooms.map((room, i) => aRoom({ id: i + 1, ...room })),
      venues: hours.map((h, i) => aVenue({ id: i + 1, name: `V${i + 1}`, ...h })),
      people: PEOPLE.map((id) => aPerson({ id })),
      travelTimes: pairs.flatMap(([from, to], i) => (travel[i] === null || travel[i] === undefined ? [] : travelBetween(from, to, travel[i]!))),
      meetings: meetings.map((m, i) => aMeeting({ id: i + 1, ...m.span, status: m.status, roomId: m.roomId, participants: attendees(...m.people) })),
      availability: blocks.map((b, i) => anAvailabilityBlock({ id: i + 1, subject: b.subject, subjectId: b.subjectId, ...b.span })),
    });
  });

const requestArb = fc
  .record({
    people: fc.uniqueArray(fc.constantFrom(...PEOPLE), { minLength: 1, maxLength: 3 }),
    optionalCount: fc.integer({ min: 0, max: 2 }),
    durationMinutes: fc.constantFrom(5, 15, 30, 45, 60, 90),
    where: fc.oneof(
      fc.record({ kind: fc.constant('rooms' as const), roomIds: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { maxLength: 2 }) }),
      fc.record({ kind: fc.constant('rooms' as const), venueIds: fc.uniqueArray(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 2 }) }),
      fc.record({ kind: fc.constant('rooms' as const), minSeats: fc.integer({ min: 1, max: 4 }) }),
      fc.constant({ kind: 'outside' as const, place: 'Hotel Astoria' }),
    ),
    days: fc.constantFrom(1, 2),
    earliest: fc.constantFrom('08:00', '09:00', '10:30'),
    latest: fc.constantFrom('12:00', '13:00', '14:00'),
    bufferMinutes: fc.constantFrom(0, 0, 5, 15),
    limit: fc.integer({ min: 1, max: 12 }),
  })
  .map(
    ({ people, optionalCount, days, ...rest }): FinderRequest => ({
      ...rest,
      participants: people.map((personId, i) => ({ personId, required: i === 0 || i < people.length - optionalCount })),
      from: DAYS[0]!,
      to: DAYS[days - 1]!,
      title: 'Candidate',
    }),
  );

/** The candidate meeting as it would be saved: confirmed, with these people, in this room. */
function withCandidate(programme: Programme, startUtc: number, endUtc: number, roomId: number | null, people: readonly number[]): Programme {
  const candidate = aMeeting({ id: CANDIDATE_ID, title: 'Candidate', status: 'confirmed', startUtc, endUtc, roomId, participants: attendees(...people) });
  return { ...programme, meetings: [...programme.meetings, candidate] };
}

const overlaps = (a: { startUtc: number; endUtc: number }, from: number, to: number) => a.startUtc < a.endUtc && a.startUtc < to && from < a.endUtc;

/** Every grid start in every allowed room, judged by the engine on the whole programme, ranked as the finder promises. */
function bruteForce(programme: Programme, request: FinderRequest): { startUtc: number; roomId: number | null; rank: number[] }[] {
  const required = request.participants.filter((p) => p.required).map((p) => p.personId);
  const optional = request.participants.filter((p) => !p.required).map((p) => p.personId);
  const buffer = request.bufferMinutes * MINUTE;
  const duration = request.durationMinutes * MINUTE;
  const where = request.where;
  const rooms =
    where.kind === 'outside'
      ? [{ id: null as number | null, order: 0 }]
      : programme.rooms
          .filter((r) => (!where.roomIds?.length || where.roomIds.includes(r.id)) && (!where.venueIds?.length || where.venueIds.includes(r.venueId)) && r.capacity >= (where.minSeats ?? 0))
          .sort((a, b) => a.capacity - b.capacity || a.id - b.id)
          .map((r, order) => ({ id: r.id as number | null, order }));
  const live = programme.meetings.filter((m) => m.status !== 'cancelled');
  const confirmedOf = (personId: number) => live.filter((m) => m.status === 'confirmed' && m.participants.some((p) => p.personId === personId));
  const principal = required[0]!;
  const best: { startUtc: number; roomId: number | null; rank: number[] }[] = [];
  DAYS.slice(0, DAYS.indexOf(request.to) + 1).forEach((day, dayIndex) => {
    const dayStart = instantOf(`${day}T00:00`);
    const dayEnd = dayStart + 24 * 60 * MINUTE;
    for (let s = instantOf(`${day}T${request.earliest}`); s + duration <= instantOf(`${day}T${request.latest}`); s += 5 * MINUTE) {
      const e = s + duration;
      if (required.some((id) => confirmedOf(id).some((m) => overlaps(m, s - buffer, e + buffer)))) continue;
      const mine = live.filter((m) => m.startUtc < m.endUtc && m.participants.some((p) => p.personId === principal));
      const before = Math.max(-Infinity, ...mine.filter((m) => m.endUtc <= s && m.endUtc >= dayStart).map((m) => m.endUtc));
      const after = Math.min(Infinity, ...mine.filter((m) => m.startUtc >= e && m.startUtc < dayEnd).map((m) => m.startUtc));
      const idle = ((before === -Infinity ? 0 : s - before) + (after === Infinity ? 0 : after - e)) / MINUTE;
      let found: { startUtc: number; roomId: number | null; rank: number[] } | undefined;
      for (const room of rooms) {
        if (room.id !== null && live.some((m) => m.status === 'confirmed' && m.roomId === room.id && overlaps(m, s - buffer, e + buffer))) continue;
        const all = conflictsInvolving(CANDIDATE_ID, withCandidate(programme, s, e, room.id, [...required, ...optional]));
        const missing = optional.filter((id) => all.some((c) => c.personId === id) || confirmedOf(id).some((m) => overlaps(m, s - buffer, e + buffer)));
        const judged = conflictsInvolving(CANDIDATE_ID, withCandidate(programme, s, e, room.id, [...required, ...optional.filter((id) => !missing.includes(id))]));
        if (judged.some((c) => c.severity === 'error')) continue;
        const rank = [judged.length ? 1 : 0, missing.length, dayIndex, idle, s, room.order];
        if (found === undefined || compare(rank, found.rank) < 0) found = { startUtc: s, roomId: room.id, rank };
      }
      if (found) best.push(found);
    }
  });
  return best.sort((a, b) => compare(a.rank, b.rank));
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

const errorsOf = (conflicts: Conflict[]) => conflicts.filter((c) => c.severity === 'error');

describe('time finder against the conflict engine (property)', () => {
  it('returns only slots that save without an error, and every better error-free grid slot', () => {
    fc.assert(
      fc.property(programmeArb, requestArb, (programme, request) => {
        const { candidates, stoppedEarly } = findTimes(programme, request);
        expect(stoppedEarly).toBe(false);
        for (const candidate of candidates) {
          const people = request.participants.map((p) => p.personId).filter((id) => !candidate.missingOptional.includes(id));
          const conflicts = conflictsInvolving(CANDIDATE_ID, withCandidate(programme, candidate.startUtc, candidate.endUtc, candidate.roomId, people));
          expect(errorsOf(conflicts)).toEqual([]);
          expect(candidate.warnings.map((c) => c.message)).toEqual(conflicts.map((c) => c.message));
        }
        const expected = bruteForce(programme, request).slice(0, request.limit);
        // Without the meetings the service does not load (no one asked for, outside every candidate window, at most two windows): the same slots.
        const asked = new Set(request.participants.map((p) => p.personId));
        const windows = candidateWindows(programme, request, 2);
        const slice = programme.meetings.filter((m) => m.participants.some((p) => asked.has(p.personId)) || windows.some((w) => m.startUtc < w.endUtc && w.startUtc < m.endUtc));
        expect(findTimes({ ...programme, meetings: slice }, request).candidates).toEqual(candidates);
        // The same search over just the rooms it offered gives the same slots (the service reads those rooms again in full).
        const offered = [...new Set(candidates.flatMap((c) => (c.roomId === null ? [] : [c.roomId])))];
        if (offered.length) expect(findTimes(programme, { ...request, where: { kind: 'rooms', roomIds: offered } }).candidates).toEqual(candidates);
        expect(candidates.map((c) => ({ startUtc: c.startUtc, roomId: c.roomId }))).toEqual(expected.map((e) => ({ startUtc: e.startUtc, roomId: e.roomId })));
      }),
      { numRuns: 150 },
    );
  });
});
