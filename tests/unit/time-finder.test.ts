import { BUSY_REASONS, busyIntervals, candidateWindows, findTimes, FINDER_LIMITS, type BusyInterval, type FinderRequest } from '../../src/domain/time-finder';
import { formatTime } from '../../src/domain/time';
import { render } from '../../src/messages';
import { aMeeting, anAvailabilityBlock, aPerson, aProgramme, aRoom, attendees, aVenue, FORUM_ZONE, instantOf, travelBetween } from '../support/builders';

const expo = aVenue({ id: 1, name: 'ExpoForum', opensAt: '09:00', closesAt: '19:00' });
const smolny = aVenue({ id: 2, name: 'Smolny' });
const rooms = [aRoom({ id: 1, venueId: 1, name: 'Hall A', capacity: 50 }), aRoom({ id: 2, venueId: 1, name: 'Room 2', capacity: 6 }), aRoom({ id: 3, venueId: 2, name: 'Smolny 1', capacity: 12 })];
const people = [aPerson({ id: 1, fullName: 'Sh. Mustafayev' }), aPerson({ id: 2, fullName: 'A. Drozdenko' }), aPerson({ id: 3, fullName: 'E. Interpreter' })];
const base = aProgramme({ rooms, venues: [expo, smolny], people, travelTimes: travelBetween(1, 2, 45) });

const ask = (overrides: Partial<FinderRequest> = {}): FinderRequest => ({
  participants: [
    { personId: 1, required: true },
    { personId: 2, required: true },
  ],
  durationMinutes: 60,
  where: { kind: 'rooms', minSeats: 2 },
  from: '2019-06-07',
  to: '2019-06-07',
  earliest: '09:00',
  latest: '18:00',
  bufferMinutes: 0,
  limit: 3,
  title: 'New meeting',
  ...overrides,
});
const times = (result: Pick<ReturnType<typeof findTimes>, 'candidates'>) => result.candidates.map((c) => `${formatTime(c.startUtc, FORUM_ZONE)} r${c.roomId ?? '-'}`);

describe('time finder: named cases', () => {
  it.each([
    ['an empty day: the earliest slots, in the smallest room that seats them', base, ask(), ['09:00 r2', '09:05 r2', '09:10 r2']],
    [
      "a confirmed meeting of the principal: slots pack against it (least idle), never over it",
      { ...base, meetings: [aMeeting({ id: 10, start: '2019-06-07T10:00', end: '2019-06-07T11:00', roomId: 1, participants: attendees(1) })] },
      ask(),
      ['09:00 r2', '11:00 r2', '11:05 r2'],
    ],
    [
      'a buffer keeps 15 minutes clear of the confirmed meeting',
      { ...base, meetings: [aMeeting({ id: 10, start: '2019-06-07T10:00', end: '2019-06-07T11:00', roomId: 1, participants: attendees(1) })] },
      ask({ bufferMinutes: 15 }),
      ['11:15 r2', '11:20 r2', '11:25 r2'],
    ],
    ['one chosen room', base, ask({ where: { kind: 'rooms', roomIds: [3] }, limit: 1 }), ['09:00 r3']],
    ['a place outside the venues has no room', base, ask({ where: { kind: 'outside', place: 'Hotel Astoria' }, limit: 1 }), ['09:00 r-']],
    ['no room seats 60', base, ask({ where: { kind: 'rooms', minSeats: 60 } }), []],
    ['a window too short for the meeting', base, ask({ earliest: '09:00', latest: '09:30' }), []],
  ])('%s', (_name, programme, request, expected) => {
    expect(times(findTimes(programme, request))).toEqual(expected);
  });

  it('says why a slot next to a meeting at another venue is second best: the travel warning the engine gives', () => {
    const programme = { ...base, meetings: [aMeeting({ id: 10, title: 'Governor', start: '2019-06-07T09:00', end: '2019-06-07T14:00', roomId: 3, participants: attendees(1) })] };
    const [first] = findTimes(programme, ask({ where: { kind: 'rooms', venueIds: [1] }, earliest: '14:00', latest: '16:00', limit: 1 })).candidates;
    expect(formatTime(first!.startUtc, FORUM_ZONE)).toBe('14:45');
    expect(first!.warnings).toEqual([]);
    const [warned] = findTimes(programme, ask({ where: { kind: 'rooms', venueIds: [1] }, earliest: '14:00', latest: '15:00', limit: 1 })).candidates;
    expect(formatTime(warned!.startUtc, FORUM_ZONE)).toBe('14:00');
    expect(warned!.warnings.map((w) => render(w.message))).toEqual([
      "Sh. Mustafayev is in 'Governor' (09:00–14:00, Smolny) and needs 45 min to reach ExpoForum for 'New meeting' at 14:00.",
    ]);
  });

  it('leaves out an optional participant who is booked or short of travel time, and ranks slots with them present first', () => {
    const programme = { ...base, meetings: [aMeeting({ id: 10, start: '2019-06-07T09:00', end: '2019-06-07T10:00', roomId: 3, participants: attendees(3) })] };
    const request = ask({ participants: [{ personId: 1, required: true }, { personId: 3, required: false }], earliest: '09:00', latest: '11:00', limit: 2 });
    const found = findTimes(programme, request).candidates;
    // At 10:00 the interpreter can come to Smolny, where they are, but not to ExpoForum, 45 minutes away.
    expect(times({ candidates: found })).toEqual(['10:00 r3', '09:00 r2']);
    expect(found.map((c) => c.missingOptional)).toEqual([[], [3]]);
    expect(found.map((c) => c.warnings)).toEqual([[], []]);
  });

  it('gives windows wide enough that a room meeting within the buffer of a free stretch is loaded', () => {
    // The Minister is busy until 11:00; room 2 until 11:10. With a 15-minute buffer the Minister is free from 11:15, room 2 from 11:25.
    const programme = {
      ...base,
      meetings: [
        aMeeting({ id: 10, start: '2019-06-07T10:00', end: '2019-06-07T11:00', roomId: 1, participants: attendees(1) }),
        aMeeting({ id: 11, start: '2019-06-07T10:40', end: '2019-06-07T11:10', roomId: 2 }),
      ],
    };
    const request = ask({ participants: [{ personId: 1, required: true }], where: { kind: 'rooms', roomIds: [2] }, earliest: '10:00', latest: '13:00', bufferMinutes: 15, limit: 1 });
    const windows = candidateWindows(programme, request);
    const loaded = programme.meetings.filter((m) => m.participants.length || windows.some((w) => m.startUtc < w.endUtc && w.startUtc < m.endUtc));
    expect(loaded.map((m) => m.id)).toEqual([10, 11]);
    expect(times(findTimes({ ...programme, meetings: loaded }, request))).toEqual(['11:25 r2']);
  });

  it('keeps its work bounded: never more than the limit allows, never more days than the cap', () => {
    const result = findTimes(base, ask({ from: '2019-06-01', to: '2019-07-30', limit: 500, durationMinutes: 5 }));
    expect(result.candidates).toHaveLength(FINDER_LIMITS.maxLimit);
    expect(result.checks).toBeLessThanOrEqual(FINDER_LIMITS.maxChecks);
  });
});

describe('busy-time model', () => {
  it('gives each person and room their busy intervals by reason, clipped to the window', () => {
    const programme = {
      ...base,
      meetings: [
        aMeeting({ id: 10, start: '2019-06-07T10:00', end: '2019-06-07T11:00', roomId: 3, participants: attendees(1), status: 'tentative' }),
        aMeeting({ id: 11, start: '2019-06-07T11:15', end: '2019-06-07T12:00', roomId: 1, participants: attendees(1) }),
        aMeeting({ id: 12, start: '2019-06-07T13:00', end: '2019-06-07T14:00', roomId: 1, participants: attendees(1), status: 'cancelled' }),
      ],
      availability: [anAvailabilityBlock({ id: 5, subject: 'person', subjectId: 1, startUtc: instantOf('2019-06-07T15:00'), endUtc: instantOf('2019-06-07T16:00') })],
    };
    const busy = busyIntervals(programme, { personIds: [1], roomIds: [1], fromUtc: instantOf('2019-06-07T08:00'), toUtc: instantOf('2019-06-07T20:00') });
    const show = (list: readonly BusyInterval[]) =>
      list.map((i) => `${formatTime(i.startUtc, FORUM_ZONE)}–${formatTime(i.endUtc, FORUM_ZONE)} ${i.reason}${i.status ? ` ${i.status}` : ''}`);
    expect(show(busy.people.get(1)!)).toEqual([
      '10:00–11:00 meeting tentative',
      '10:30–11:15 travel_before',
      '11:00–11:45 travel_after',
      '11:15–12:00 meeting confirmed',
      '15:00–16:00 unavailable',
    ]);
    expect(show(busy.rooms.get(1)!)).toEqual(['08:00–09:00 venue_closed', '11:15–12:00 meeting confirmed', '19:00–20:00 venue_closed']);
    // Every reason the board will draw appears in this one case.
    expect(new Set([...busy.people.get(1)!, ...busy.rooms.get(1)!].map((i) => i.reason))).toEqual(new Set(BUSY_REASONS));
  });
});
