import { conflictsInvolving, findConflicts, type Conflict, type ConflictKind, type Programme } from '../../src/domain/conflicts';
import type { Meeting, MeetingStatus, Venue } from '../../src/domain/types';
import { render } from '../../src/messages';
import { aMeeting, anAvailabilityBlock, aPerson, aProgramme, aRoom, attendees, aVenue, instantOf, travelBetween } from '../support/builders';
import { conflictWindow } from '../support/conflict-window';

const EXPOFORUM = 1;
const SMOLNY = 2;
const HALL_A = 10; // ExpoForum, seats 4
const WHITE_HALL = 20; // Smolny
const MUSTAFAYEV = 1;
const JABBAROV = 2;

const venues = [
  aVenue({ id: EXPOFORUM, name: 'ExpoForum', opensAt: '08:00', closesAt: '22:00' }),
  aVenue({ id: SMOLNY, name: 'Smolny' }),
];
const rooms = [
  aRoom({ id: HALL_A, venueId: EXPOFORUM, name: 'Hall A', capacity: 4 }),
  aRoom({ id: 11, venueId: EXPOFORUM, name: 'Hall B', capacity: 40 }),
  aRoom({ id: WHITE_HALL, venueId: SMOLNY, name: 'White Hall', capacity: 30 }),
];
const people = [aPerson({ id: MUSTAFAYEV, fullName: 'Sh. Mustafayev' }), aPerson({ id: JABBAROV, fullName: 'M. Jabbarov' })];

function programme(meetings: Meeting[], overrides: Partial<Programme> = {}): Programme {
  return aProgramme({ meetings, rooms, venues, people, travelTimes: travelBetween(EXPOFORUM, SMOLNY, 40), ...overrides });
}

interface Slot {
  start: string;
  end: string;
  zone?: string;
  /** For a reading in a DST fold: which pass. */
  startOffset?: number;
  endOffset?: number;
}

/** '10:00' means 7 June 2019 in Moscow; a full 'YYYY-MM-DDTHH:mm' names any day. */
function meeting(id: number, slot: Slot, overrides: Partial<Meeting> = {}): Meeting {
  const zone = slot.zone ?? 'Europe/Moscow';
  const local = (time: string) => (time.includes('T') ? time : `2019-06-07T${time}`);
  return aMeeting({
    id,
    title: `M${id}`,
    timeZone: zone,
    start: local(slot.start),
    end: local(slot.end),
    startUtc: instantOf(local(slot.start), zone, slot.startOffset),
    endUtc: instantOf(local(slot.end), zone, slot.endOffset),
    participants: attendees(MUSTAFAYEV),
    ...overrides,
  });
}

const slot = (start: string, end: string, more: Partial<Slot> = {}): Slot => ({ start, end, ...more });
const ofKind = (conflicts: Conflict[], kind: ConflictKind) => conflicts.filter((conflict) => conflict.kind === kind);
/** Conflicts with their sentences, as a planner reads them (the engine returns message keys). */
const rendered = (conflicts: Conflict[]) => conflicts.map((c) => ({ ...c, message: render(c.message) }));

interface PairRow {
  name: string;
  a: Slot;
  b: Slot;
  statusA?: MeetingStatus;
  statusB?: MeetingStatus;
  expected: 'error' | 'warning' | null;
}

const pairCases: PairRow[] = [
  { name: 'exact', a: slot('10:00', '11:00'), b: slot('10:00', '11:00'), expected: 'error' },
  { name: 'shared start', a: slot('10:00', '11:00'), b: slot('10:00', '12:00'), expected: 'error' },
  { name: 'shared end', a: slot('10:00', '12:00'), b: slot('11:00', '12:00'), expected: 'error' },
  { name: 'contained', a: slot('09:00', '13:00'), b: slot('10:00', '11:00'), expected: 'error' },
  { name: 'partial', a: slot('10:00', '11:00'), b: slot('10:30', '11:30'), expected: 'error' },
  { name: 'one minute', a: slot('10:00', '11:00'), b: slot('10:59', '11:30'), expected: 'error' },
  { name: 'touching edges', a: slot('10:00', '11:00'), b: slot('11:00', '12:00'), expected: null },
  { name: 'apart', a: slot('10:00', '11:00'), b: slot('12:00', '13:00'), expected: null },
  { name: 'zero length inside', a: slot('09:00', '12:00'), b: slot('10:00', '10:00'), expected: null },
  { name: 'zero length twice at once', a: slot('10:00', '10:00'), b: slot('10:00', '10:00'), expected: null },
  { name: 'first cancelled', a: slot('10:00', '11:00'), b: slot('10:00', '11:00'), statusA: 'cancelled', expected: null },
  { name: 'second cancelled', a: slot('10:00', '11:00'), b: slot('10:00', '11:00'), statusB: 'cancelled', expected: null },
  { name: 'tentative and confirmed', a: slot('10:00', '11:00'), b: slot('10:30', '11:30'), statusA: 'tentative', expected: 'warning' },
  { name: 'confirmed and proposed', a: slot('10:00', '11:00'), b: slot('10:30', '11:30'), statusB: 'proposed', expected: 'warning' },
  { name: 'both tentative', a: slot('10:00', '11:00'), b: slot('10:30', '11:30'), statusA: 'tentative', statusB: 'tentative', expected: 'warning' },
  { name: 'across midnight', a: slot('2019-06-07T23:00', '2019-06-08T01:00'), b: slot('2019-06-08T00:30', '2019-06-08T02:00'), expected: 'error' },
  { name: 'touching at midnight', a: slot('2019-06-07T23:00', '2019-06-08T00:00'), b: slot('2019-06-08T00:00', '2019-06-08T01:00'), expected: null },
  {
    name: 'different zones, same instant (Moscow 10:00 = Baku 11:00)',
    a: slot('10:00', '11:00'),
    b: slot('2019-06-07T11:30', '2019-06-07T12:30', { zone: 'Asia/Baku' }),
    expected: 'error',
  },
  {
    // 01:00-03:00 on the Berlin gap day lasts one real hour, so 03:00 touches it.
    name: 'Berlin DST gap, touching in real time',
    a: slot('2026-03-29T01:00', '2026-03-29T03:00', { zone: 'Europe/Berlin' }),
    b: slot('2026-03-29T03:00', '2026-03-29T04:00', { zone: 'Europe/Berlin' }),
    expected: null,
  },
  {
    name: 'Berlin DST gap, overlapping',
    a: slot('2026-03-29T01:30', '2026-03-29T03:30', { zone: 'Europe/Berlin' }),
    b: slot('2026-03-29T03:15', '2026-03-29T04:00', { zone: 'Europe/Berlin' }),
    expected: 'error',
  },
  {
    // Wall clocks overlap (01:30-02:30 and 02:15-03:00) but the second starts on the second pass.
    name: 'Berlin DST fold, wall clocks overlap but instants do not',
    a: slot('2026-10-25T01:30', '2026-10-25T02:30', { zone: 'Europe/Berlin', endOffset: 120 }),
    b: slot('2026-10-25T02:15', '2026-10-25T03:00', { zone: 'Europe/Berlin', startOffset: 60 }),
    expected: null,
  },
  {
    name: 'Moscow 2014 change, wall clocks overlap but instants do not',
    a: slot('2014-10-26T00:30', '2014-10-26T01:30', { startOffset: 240, endOffset: 240 }),
    b: slot('2014-10-26T01:00', '2014-10-26T02:00', { startOffset: 180 }),
    expected: null,
  },
  {
    name: 'Moscow 2014 change, wall clocks apart but instants overlap',
    a: slot('2014-10-26T00:30', '2014-10-26T01:45', { endOffset: 180 }),
    b: slot('2014-10-26T01:50', '2014-10-26T02:00', { startOffset: 240 }),
    expected: 'error',
  },
];

describe('person double-booked', () => {
  it.each(pairCases)('$name', ({ a, b, statusA, statusB, expected }) => {
    const meetings = [meeting(1, a, { status: statusA ?? 'confirmed' }), meeting(2, b, { status: statusB ?? 'confirmed' })];
    const found = ofKind(findConflicts(programme(meetings)), 'person_double_booked');
    expect(found).toEqual(expected === null ? [] : [expect.objectContaining({ severity: expected, meetingIds: [1, 2], personId: MUSTAFAYEV })]);
  });

  it('names the person and both meetings with their times', () => {
    const meetings = [meeting(1, slot('10:00', '11:00'), { title: 'A' }), meeting(2, slot('10:30', '11:30'), { title: 'B' })];
    expect(rendered(findConflicts(programme(meetings)))[0]?.message).toBe(
      "Sh. Mustafayev is booked in 'A' (10:00–11:00) and 'B' (10:30–11:30) at the same time.",
    );
  });

  it('reports each person the two meetings share, and a person listed twice once', () => {
    const both = attendees(MUSTAFAYEV, JABBAROV, MUSTAFAYEV);
    const meetings = [meeting(1, slot('10:00', '11:00'), { participants: both }), meeting(2, slot('10:30', '11:30'), { participants: both })];
    expect(ofKind(findConflicts(programme(meetings)), 'person_double_booked').map((c) => c.personId)).toEqual([MUSTAFAYEV, JABBAROV]);
  });

  it('reports every overlapping pair among three meetings', () => {
    const meetings = [meeting(3, slot('10:00', '12:00')), meeting(1, slot('10:30', '11:00')), meeting(2, slot('11:30', '12:30'))];
    expect(ofKind(findConflicts(programme(meetings)), 'person_double_booked').map((c) => c.meetingIds)).toEqual([
      [3, 1],
      [3, 2],
    ]);
  });
});

describe('room double-booked', () => {
  it.each(pairCases)('$name', ({ a, b, statusA, statusB, expected }) => {
    const inHall = (id: number, s: Slot, status: MeetingStatus | undefined) =>
      meeting(id, s, { status: status ?? 'confirmed', roomId: 11, participants: attendees(id + 100) });
    const found = ofKind(findConflicts(programme([inHall(1, a, statusA), inHall(2, b, statusB)])), 'room_double_booked');
    expect(found).toEqual(expected === null ? [] : [expect.objectContaining({ severity: expected, meetingIds: [1, 2], roomId: 11 })]);
  });

  it('names the room with its venue', () => {
    const meetings = [meeting(1, slot('10:00', '11:00'), { title: 'A', roomId: 11 }), meeting(2, slot('10:30', '11:30'), { title: 'B', roomId: 11 })];
    expect(rendered(ofKind(findConflicts(programme(meetings)), 'room_double_booked'))[0]?.message).toBe(
      "Hall B at ExpoForum is booked for 'A' (10:00–11:00) and 'B' (10:30–11:30) at the same time.",
    );
  });
});

describe('over capacity', () => {
  it.each([
    { name: 'as many as seats', people: [1, 2, 3, 4], status: 'confirmed' as const, roomId: HALL_A, expected: 0 },
    { name: 'one more than seats', people: [1, 2, 3, 4, 5], status: 'confirmed' as const, roomId: HALL_A, expected: 1 },
    { name: 'a person listed twice counts once', people: [1, 2, 3, 4, 4], status: 'confirmed' as const, roomId: HALL_A, expected: 0 },
    { name: 'tentative still warned', people: [1, 2, 3, 4, 5], status: 'tentative' as const, roomId: HALL_A, expected: 1 },
    { name: 'cancelled', people: [1, 2, 3, 4, 5], status: 'cancelled' as const, roomId: HALL_A, expected: 0 },
    { name: 'no room', people: [1, 2, 3, 4, 5], status: 'confirmed' as const, roomId: null, expected: 0 },
    { name: 'room not loaded', people: [1, 2, 3, 4, 5], status: 'confirmed' as const, roomId: 999, expected: 0 },
  ])('$name', ({ people: ids, status, roomId, expected }) => {
    const found = ofKind(findConflicts(programme([meeting(1, slot('10:00', '11:00'), { participants: attendees(...ids), status, roomId })])), 'over_capacity');
    expect(found).toHaveLength(expected);
    if (expected > 0) expect(found[0]).toMatchObject({ severity: 'warning', meetingIds: [1], roomId: HALL_A });
  });

  it('says how many attend and how many fit', () => {
    const found = findConflicts(programme([meeting(1, slot('10:00', '11:00'), { title: 'Signing', participants: attendees(1, 2, 3, 4, 5), roomId: HALL_A })]));
    expect(rendered(ofKind(found, 'over_capacity'))[0]?.message).toBe("'Signing' (10:00–11:00) has 5 participants but Hall A at ExpoForum seats 4.");
  });
});

describe('unavailable', () => {
  const block = (start: string, end: string, more: Parameters<typeof anAvailabilityBlock>[0] = {}) =>
    anAvailabilityBlock({ id: 7, subjectId: MUSTAFAYEV, startUtc: instantOf(`2019-06-07T${start}`), endUtc: instantOf(`2019-06-07T${end}`), ...more });

  it.each([
    { name: 'block covers the meeting', b: block('09:00', '12:00'), expected: [MUSTAFAYEV] },
    { name: 'block overlaps the start', b: block('09:00', '10:01'), expected: [MUSTAFAYEV] },
    { name: 'block inside the meeting', b: block('10:15', '10:30'), expected: [MUSTAFAYEV] },
    { name: 'block ends as the meeting starts', b: block('09:00', '10:00'), expected: [] },
    { name: 'block starts as the meeting ends', b: block('11:00', '12:00'), expected: [] },
    { name: 'zero-length block', b: block('10:30', '10:30'), expected: [] },
    { name: 'another person', b: block('09:00', '12:00', { subjectId: JABBAROV }), expected: [] },
  ])('person: $name', ({ b, expected }) => {
    const found = ofKind(findConflicts(programme([meeting(1, slot('10:00', '11:00'))], { availability: [b] })), 'unavailable');
    expect(found.map((c) => c.personId)).toEqual(expected);
    found.forEach((c) => expect(c).toMatchObject({ severity: 'warning', meetingIds: [1] }));
  });

  it.each([
    { name: 'room blocked', b: block('09:00', '12:00', { subject: 'room', subjectId: WHITE_HALL }), expected: 1 },
    { name: 'another room blocked', b: block('09:00', '12:00', { subject: 'room', subjectId: HALL_A }), expected: 0 },
    { name: 'meeting cancelled', b: block('09:00', '12:00', { subject: 'room', subjectId: WHITE_HALL }), status: 'cancelled' as const, expected: 0 },
  ])('room: $name', ({ b, status, expected }) => {
    const meetings = [meeting(1, slot('10:00', '11:00'), { roomId: WHITE_HALL, participants: [], status: status ?? 'confirmed' })];
    const found = ofKind(findConflicts(programme(meetings, { availability: [b] })), 'unavailable');
    expect(found).toHaveLength(expected);
    if (expected > 0) expect(found[0]).toMatchObject({ roomId: WHITE_HALL, meetingIds: [1] });
  });

  it('warns once per meeting and names the first block', () => {
    const blocks = [block('10:30', '12:00', { id: 8, reason: 'Press' }), block('09:00', '10:15', { id: 9, reason: 'Flight from Baku' })];
    const found = findConflicts(programme([meeting(1, slot('10:00', '11:00'), { title: 'Signing' })], { availability: blocks }));
    expect(found.map((c) => render(c.message))).toEqual(['Sh. Mustafayev is unavailable 09:00–10:15 (Flight from Baku), during \'Signing\' (10:00–11:00).']);
  });
});

describe('travel time (ExpoForum <-> Smolny: 40 min)', () => {
  const atExpo = (id: number, s: Slot, more: Partial<Meeting> = {}) => meeting(id, s, { roomId: HALL_A, ...more });
  const atSmolny = (id: number, s: Slot, more: Partial<Meeting> = {}) => meeting(id, s, { roomId: WHITE_HALL, ...more });
  const travel = (meetings: Meeting[], overrides: Partial<Programme> = {}) =>
    ofKind(findConflicts(programme(meetings, overrides)), 'travel_time').map((c) => c.meetingIds);

  it.each([
    { name: 'gap just under', next: slot('11:39', '12:00'), expected: [[1, 2]] },
    { name: 'gap exactly the travel time', next: slot('11:40', '12:00'), expected: [] },
    { name: 'gap just over', next: slot('11:41', '12:00'), expected: [] },
    { name: 'back to back', next: slot('11:00', '12:00'), expected: [[1, 2]] },
    { name: 'overlapping is double-booked, not travel', next: slot('10:30', '12:00'), expected: [] },
    { name: 'next day', next: slot('2019-06-08T09:00', '2019-06-08T10:00'), expected: [] },
  ])('$name', ({ next, expected }) => {
    expect(travel([atExpo(1, slot('10:00', '11:00')), atSmolny(2, next)])).toEqual(expected);
  });

  it.each([
    { name: 'same venue', meetings: () => [atExpo(1, slot('10:00', '11:00')), meeting(2, slot('11:00', '12:00'), { roomId: 11 })], expected: [] },
    { name: 'second meeting has no room', meetings: () => [atExpo(1, slot('10:00', '11:00')), meeting(2, slot('11:05', '12:00'), { place: 'Smolny' })], expected: [] },
    {
      name: 'only the last meeting before counts',
      meetings: () => [atSmolny(1, slot('09:00', '10:00')), atExpo(2, slot('10:50', '11:20')), atSmolny(3, slot('11:30', '12:00'))],
      expected: [[2, 3]],
    },
    {
      name: 'a meeting with no room in between is passed over',
      meetings: () => [atExpo(1, slot('10:00', '11:00')), meeting(2, slot('11:05', '11:10')), atSmolny(3, slot('11:20', '12:00'))],
      expected: [[1, 3]],
    },
    {
      name: 'a cancelled meeting in between is passed over',
      meetings: () => [atExpo(1, slot('10:00', '11:00')), atExpo(2, slot('11:00', '11:30'), { status: 'cancelled' }), atSmolny(3, slot('11:20', '12:00'))],
      expected: [[1, 3]],
    },
    {
      name: 'two meetings ending together both count',
      meetings: () => [atExpo(1, slot('10:00', '11:00')), atSmolny(2, slot('10:30', '11:00')), meeting(3, slot('11:10', '12:00'), { roomId: 11 })],
      expected: [[2, 3]],
    },
    {
      name: 'someone else',
      meetings: () => [atExpo(1, slot('10:00', '11:00')), atSmolny(2, slot('11:05', '12:00'), { participants: attendees(JABBAROV) })],
      expected: [],
    },
  ])('$name', ({ meetings, expected }) => {
    expect(travel(meetings())).toEqual(expected);
  });

  it.each([
    { name: 'no travel time known', travelTimes: [], expected: [] },
    { name: 'stored one way only', travelTimes: [{ fromVenueId: SMOLNY, toVenueId: EXPOFORUM, minutes: 40 }], expected: [[1, 2]] },
  ])('$name', ({ travelTimes, expected }) => {
    expect(travel([atExpo(1, slot('10:00', '11:00')), atSmolny(2, slot('11:15', '12:00'))], { travelTimes })).toEqual(expected);
  });

  it('says where the person is, how long the way is, and where they must be when', () => {
    const meetings = [atExpo(1, slot('10:00', '11:00'), { title: 'Meeting with Governor Drozdenko' }), atSmolny(2, slot('11:15', '12:00'), { title: 'Signing' })];
    expect(rendered(ofKind(findConflicts(programme(meetings)), 'travel_time'))).toEqual([
      {
        kind: 'travel_time',
        severity: 'warning',
        meetingIds: [1, 2],
        personId: MUSTAFAYEV,
        message: "Sh. Mustafayev is in 'Meeting with Governor Drozdenko' (10:00–11:00, ExpoForum) and needs 40 min to reach Smolny for 'Signing' at 11:15.",
      },
    ]);
  });
});

describe('outside hours', () => {
  const inVenue = (hours: Pick<Venue, 'opensAt' | 'closesAt'>, meetings: Meeting[], forumTimeZone = 'Europe/Moscow') =>
    ofKind(
      findConflicts(programme(meetings, { venues: [aVenue({ id: EXPOFORUM, name: 'ExpoForum', ...hours })], forumTimeZone })),
      'outside_hours',
    ).map((c) => c.meetingIds[0]);
  const day = { opensAt: '08:00', closesAt: '22:00' };
  const night = { opensAt: '18:00', closesAt: '02:00' };

  it.each([
    { name: 'at opening', hours: day, s: slot('08:00', '09:00'), outside: false },
    { name: 'a minute before opening', hours: day, s: slot('07:59', '09:00'), outside: true },
    { name: 'ends at closing', hours: day, s: slot('21:00', '22:00'), outside: false },
    { name: 'a minute past closing', hours: day, s: slot('21:00', '22:01'), outside: true },
    { name: 'across midnight', hours: day, s: slot('2019-06-07T23:00', '2019-06-08T01:00'), outside: true },
    { name: 'zero length at closing', hours: day, s: slot('22:00', '22:00'), outside: false },
    { name: 'always open', hours: { opensAt: null, closesAt: null }, s: slot('2019-06-07T23:00', '2019-06-08T01:00'), outside: false },
    { name: 'open until midnight', hours: { opensAt: '08:00', closesAt: null }, s: slot('23:00', '2019-06-08T00:00'), outside: false },
    { name: 'night venue, across midnight', hours: night, s: slot('2019-06-07T23:00', '2019-06-08T01:30'), outside: false },
    { name: 'night venue, after midnight', hours: night, s: slot('2019-06-08T01:00', '2019-06-08T02:00'), outside: false },
    { name: 'night venue, past closing', hours: night, s: slot('2019-06-08T01:00', '2019-06-08T02:30'), outside: true },
    { name: 'night venue, afternoon', hours: night, s: slot('15:00', '16:00'), outside: true },
  ])('$name', ({ hours, s, outside }) => {
    expect(inVenue(hours, [meeting(1, s, { roomId: HALL_A })])).toEqual(outside ? [1] : []);
  });

  it.each([
    { name: 'opening at 02:30 on the gap day opens when clocks reach 03:00', s: slot('2026-03-29T03:00', '2026-03-29T04:00'), outside: false },
    { name: 'before the gap', s: slot('2026-03-29T01:30', '2026-03-29T04:00'), outside: true },
  ])('Berlin DST gap: $name', ({ s, outside }) => {
    const berlin = { ...s, zone: 'Europe/Berlin' };
    expect(inVenue({ opensAt: '02:30', closesAt: '22:00' }, [meeting(1, berlin, { roomId: HALL_A })], 'Europe/Berlin')).toEqual(outside ? [1] : []);
  });

  it('judges a 25-hour day by real time: 23:00 on the fold day is still before midnight', () => {
    const s = slot('2026-10-25T08:00', '2026-10-25T23:30', { zone: 'Europe/Berlin' });
    expect(inVenue({ opensAt: '08:00', closesAt: null }, [meeting(1, s, { roomId: HALL_A })], 'Europe/Berlin')).toEqual([]);
  });

  it('skips cancelled meetings and names the hours', () => {
    const meetings = [meeting(1, slot('21:30', '23:00'), { roomId: HALL_A, title: 'Reception' }), meeting(2, slot('21:30', '23:00'), { roomId: HALL_A, status: 'cancelled' })];
    expect(ofKind(findConflicts(programme(meetings)), 'outside_hours').map((c) => render(c.message))).toEqual([
      "'Reception' (21:30–23:00) in Hall A is outside ExpoForum's opening hours (08:00–22:00).",
    ]);
  });
});

describe('the whole programme', () => {
  it('orders conflicts by time, then kind, then meeting ids, whatever the input order', () => {
    const meetings = [
      meeting(5, slot('14:00', '15:00'), { roomId: HALL_A, participants: attendees(1, 2, 3, 4, 5) }),
      meeting(4, slot('10:30', '11:30'), { roomId: HALL_A, status: 'tentative' }),
      meeting(3, slot('10:00', '11:00'), { roomId: HALL_A }),
    ];
    const expected: [ConflictKind, number[]][] = [
      ['person_double_booked', [3, 4]],
      ['room_double_booked', [3, 4]],
      ['over_capacity', [5]],
    ];
    const summary = (conflicts: Conflict[]) => conflicts.map((c) => [c.kind, c.meetingIds]);
    expect(summary(findConflicts(programme(meetings)))).toEqual(expected);
    expect(summary(findConflicts(programme([...meetings].reverse())))).toEqual(expected);
  });

  it('checks one meeting on save with the same rules, filtered to it', () => {
    const meetings = [meeting(1, slot('10:00', '11:00')), meeting(2, slot('10:30', '11:30')), meeting(3, slot('11:15', '12:00'))];
    const all = findConflicts(programme(meetings));
    expect(conflictsInvolving(3, programme(meetings))).toEqual(all.filter((c) => c.meetingIds.includes(3)));
    expect(conflictsInvolving(3, programme(meetings)).map((c) => c.meetingIds)).toEqual([[2, 3]]);
  });

  it('tells the save path how far around a meeting to load: the longest travel time either side', () => {
    const signing = meeting(1, slot('10:00', '11:00'));
    expect(conflictWindow(signing, travelBetween(EXPOFORUM, SMOLNY, 40))).toEqual({
      startUtc: instantOf('2019-06-07T09:20'),
      endUtc: instantOf('2019-06-07T11:40'),
    });
    expect(conflictWindow(signing, [])).toEqual({ startUtc: signing.startUtc, endUtc: signing.endUtc });
  });

  it('refuses a forum zone it cannot read rather than judge hours in the wrong zone', () => {
    expect(() => findConflicts(programme([], { forumTimeZone: 'Mars/Olympus' }))).toThrow(RangeError);
  });
});


describe('B2B tables', () => {
  const at = (place: string, id: number, kind: Meeting['kind'] = 'b2b') => aMeeting({ id, kind, place, roomId: rooms[0]!.id, start: '2019-06-08T11:00', end: '2019-06-08T11:20' });
  it.each([
    { name: 'two B2B meetings at different tables share the hall', meetings: [at('Table 1', 1), at('Table 2', 2)], clash: false },
    { name: 'two B2B meetings at one table clash', meetings: [at('Table 3', 1), at('Table 3', 2)], clash: true },
    { name: 'a B2B table and an ordinary meeting in the hall clash', meetings: [at('Table 1', 1), at('Table 2', 2, 'bilateral')], clash: true },
  ])('$name', ({ meetings, clash }) => {
    const kinds = findConflicts(programme(meetings)).map((c) => c.kind);
    expect(kinds.includes('room_double_booked')).toBe(clash);
  });
});
