/**
 * The availability board's pure model and table: named cases of what a
 * person's or room's day shows (meetings by status, travel either side,
 * unavailability over a meeting, a venue's closed hours), the free stretches
 * at the day's edges, the 3-day board, and how the table's rows and lanes
 * come out.
 */
import { buildBoard, freeWithin, layoutTable, MIN_FREE_MINUTES, type BoardDay, type BoardItem, type FreeStretch } from '../../src/domain/board';
import { formatTime } from '../../src/domain/time';
import type { Programme } from '../../src/domain/conflicts';
import { aMeeting, anAvailabilityBlock, aProgramme, aRoom, attendees, aVenue, FORUM_ZONE, instantOf, travelBetween } from '../support/builders';

const DAY = '2019-06-07';
const expo = aVenue({ id: 1, name: 'ExpoForum', opensAt: '09:00', closesAt: '19:00' });
const smolny = aVenue({ id: 2, name: 'Smolny' });
const rooms = [aRoom({ id: 1, venueId: 1, name: 'Hall A', capacity: 50 }), aRoom({ id: 2, venueId: 1, name: 'Booth', capacity: 1 }), aRoom({ id: 3, venueId: 2, name: 'Smolny 1', capacity: 12 })];
const base = aProgramme({ rooms, venues: [expo, smolny], travelTimes: travelBetween(1, 2, 45) });

const at = (instant: number) => formatTime(instant, FORUM_ZONE);
const span = (s: { startUtc: number; endUtc: number }) => `${at(s.startUtc)}–${at(s.endUtc)}`;
const shown = (items: readonly BoardItem[]) => items.map((i) => `${i.kind}${i.status && i.kind === 'meeting' ? `:${i.status}` : ''} ${span(i)}`);
const free = (stretches: readonly FreeStretch[]) => stretches.map(span);
const board = (programme: Programme, personIds: number[], roomIds: number[] = [], days = [DAY]): BoardDay[] => buildBoard(programme, { personIds, roomIds, days });

describe('board: what a person or room shows', () => {
  it.each([
    ['an empty day: nothing busy, free all the shown hours', base, [1], [], [], ['08:00–20:00']],
    [
      'a meeting by status, the cancelled one shown but not busy',
      {
        ...base,
        meetings: [
          aMeeting({ id: 10, start: `${DAY}T10:00`, end: `${DAY}T11:00`, participants: attendees(1) }),
          aMeeting({ id: 11, status: 'tentative', start: `${DAY}T12:00`, end: `${DAY}T12:30`, participants: attendees(1) }),
          aMeeting({ id: 12, status: 'cancelled', start: `${DAY}T15:00`, end: `${DAY}T16:00`, participants: attendees(1) }),
        ],
      },
      [1],
      [],
      ['meeting:confirmed 10:00–11:00', 'meeting:tentative 12:00–12:30', 'cancelled 15:00–16:00'],
      ['08:00–10:00', '11:00–12:00', '12:30–20:00'],
    ],
    [
      'travel between two venues shaded after the first meeting and before the second',
      {
        ...base,
        meetings: [
          aMeeting({ id: 10, start: `${DAY}T10:00`, end: `${DAY}T11:00`, roomId: 1, participants: attendees(1) }),
          aMeeting({ id: 11, start: `${DAY}T13:00`, end: `${DAY}T14:00`, roomId: 3, participants: attendees(1) }),
        ],
      },
      [1],
      [],
      ['meeting:confirmed 10:00–11:00', 'travel_after 11:00–11:45', 'travel_before 12:15–13:00', 'meeting:confirmed 13:00–14:00'],
      ['08:00–10:00', '11:45–12:15', '14:00–20:00'],
    ],
    [
      'unavailability overlapping a meeting: both shown, busy as one',
      {
        ...base,
        meetings: [aMeeting({ id: 10, start: `${DAY}T10:00`, end: `${DAY}T11:00`, participants: attendees(1) })],
        availability: [anAvailabilityBlock({ id: 5, subjectId: 1, startUtc: instantOf(`${DAY}T10:30`), endUtc: instantOf(`${DAY}T12:00`), reason: 'Prayer' })],
      },
      [1],
      [],
      ['meeting:confirmed 10:00–11:00', 'unavailable 10:30–12:00'],
      ['08:00–10:00', '12:00–20:00'],
    ],
    [
      'two people: only the time both are free',
      {
        ...base,
        meetings: [
          aMeeting({ id: 10, start: `${DAY}T09:00`, end: `${DAY}T10:00`, participants: attendees(1) }),
          aMeeting({ id: 11, start: `${DAY}T09:30`, end: `${DAY}T11:00`, participants: attendees(2) }),
        ],
      },
      [1, 2],
      [],
      ['meeting:confirmed 09:00–10:00'],
      ['08:00–09:00', '11:00–20:00'],
    ],
  ])('%s', (_name, programme, people, roomIds, firstRow, everyone) => {
    const [day] = board(programme, people, roomIds);
    expect(shown(day!.rows[0]!.items)).toEqual(firstRow);
    expect(free(day!.free)).toEqual(everyone);
  });

  it('a room: its venue closed before 09:00 and after 19:00, its meetings busy; free where the people and the room both are', () => {
    const programme = { ...base, meetings: [aMeeting({ id: 10, start: `${DAY}T12:00`, end: `${DAY}T13:00`, roomId: 1, participants: attendees(9) })] };
    const [day] = board(programme, [1], [1]);
    const room = day!.rows[1]!;
    expect(room.subject).toBe('room');
    expect(shown(room.items)).toEqual(['venue_closed 00:00–09:00', 'meeting:confirmed 12:00–13:00', 'venue_closed 19:00–00:00']);
    expect(free(room.free)).toEqual(['09:00–12:00', '13:00–19:00']);
    expect(room.free.every((s) => s.roomId === 1)).toBe(true);
    // The person alone is free all the shown hours: the room's hours do not narrow theirs.
    expect(free(day!.free)).toEqual(['08:00–20:00']);
  });

  it("a room at another venue than a person's meeting: the transfer either side is kept clear in that room", () => {
    const programme = { ...base, meetings: [aMeeting({ id: 10, start: `${DAY}T12:00`, end: `${DAY}T13:00`, roomId: 3, participants: attendees(1) })] };
    const [day] = board(programme, [1], [1, 3]);
    expect(free(day!.rows[1]!.free)).toEqual(['09:00–11:15', '13:45–19:00']);
    // Smolny 1 is where the meeting is: no transfer, and Smolny keeps no hours.
    expect(free(day!.rows[2]!.free)).toEqual(['08:00–12:00', '13:00–20:00']);
  });

  it('a room too small for the people shown offers no stretch', () => {
    const [day] = board(base, [1, 2], [2]);
    expect(day!.rows[2]!.tooSmall).toBe(true);
    expect(day!.rows[2]!.free).toEqual([]);
  });

  it.each([
    ['a meeting from 07:30 widens the day to 07:00', `${DAY}T07:30`, `${DAY}T08:30`, '07:00', '20:00', ['07:00–07:30', '08:30–20:00']],
    ['a meeting until 21:10 widens it to 22:00', `${DAY}T19:00`, `${DAY}T21:10`, '08:00', '22:00', ['08:00–19:00', '21:10–22:00']],
    ['a meeting right at the start leaves no stretch before it', `${DAY}T08:00`, `${DAY}T09:00`, '08:00', '20:00', ['09:00–20:00']],
    ['a meeting into the night ends the day at midnight', `${DAY}T22:00`, '2019-06-08T01:00', '08:00', '00:00', ['08:00–22:00']],
  ])('free stretches at the day edges: %s', (_name, start, end, from, to, stretches) => {
    const [day] = board({ ...base, meetings: [aMeeting({ id: 10, start, end, participants: attendees(1) })] }, [1]);
    expect(at(day!.fromUtc)).toBe(from);
    expect(at(day!.toUtc)).toBe(to);
    expect(free(day!.free)).toEqual(stretches);
  });

  it('a gap shorter than the minimum is not a stretch', () => {
    const busy = [
      { startUtc: instantOf(`${DAY}T09:00`), endUtc: instantOf(`${DAY}T10:00`) },
      { startUtc: instantOf(`${DAY}T10:04`), endUtc: instantOf(`${DAY}T11:00`) },
    ];
    expect(MIN_FREE_MINUTES).toBe(5);
    expect(free(freeWithin(instantOf(`${DAY}T09:00`), instantOf(`${DAY}T12:00`), busy).map((s) => ({ ...s, roomId: null })))).toEqual(['11:00–12:00']);
  });

  it('nobody shown: no stretch for everyone', () => {
    expect(board(base, [], [1])[0]!.free).toEqual([]);
  });

  it('the 3-day board: each day its own hours, items and stretches; a travel at midnight falls on the day it runs', () => {
    const programme = {
      ...base,
      meetings: [
        aMeeting({ id: 10, start: '2019-06-06T10:00', end: '2019-06-06T11:00', participants: attendees(1) }),
        aMeeting({ id: 11, start: '2019-06-07T23:00', end: '2019-06-07T23:45', roomId: 1, participants: attendees(1) }),
        aMeeting({ id: 12, start: '2019-06-08T00:15', end: '2019-06-08T01:00', roomId: 3, participants: attendees(1) }),
      ],
    };
    const days = board(programme, [1], [], ['2019-06-06', '2019-06-07', '2019-06-08']);
    expect(days.map((d) => d.date)).toEqual(['2019-06-06', '2019-06-07', '2019-06-08']);
    expect(shown(days[0]!.rows[0]!.items)).toEqual(['meeting:confirmed 10:00–11:00']);
    expect(shown(days[1]!.rows[0]!.items)).toEqual(['meeting:confirmed 23:00–23:45', 'travel_before 23:30–00:00', 'travel_after 23:45–00:00']);
    expect(shown(days[2]!.rows[0]!.items)).toEqual(['travel_before 00:00–00:15', 'travel_after 00:00–00:30', 'meeting:confirmed 00:15–01:00']);
    expect(at(days[2]!.fromUtc)).toBe('00:00');
    expect(free(days[2]!.free)).toEqual(['01:00–20:00']);
  });
});

describe('board table: rows and lanes', () => {
  const from = instantOf(`${DAY}T09:00`);
  const to = instantOf(`${DAY}T11:00`);
  const e = (start: string, end: string) => ({ startUtc: instantOf(`${DAY}T${start}`), endUtc: instantOf(`${DAY}T${end}`), name: `${start}-${end}` });

  it('a row per half hour and per edge, each saying its minutes', () => {
    const table = layoutTable(from, to, [{ key: 'a', entries: [e('09:10', '09:25')] }]);
    expect(table.rows.map((r) => `${at(r.startUtc)}/${r.minutes}${r.onStep ? '*' : ''}`)).toEqual(['09:00/10*', '09:10/15', '09:25/5', '09:30/30*', '10:00/30*', '10:30/30*']);
    expect(table.rows.map((r) => r.cells.map((c) => (c.type === 'entry' ? `${c.entry.name}x${c.rowspan}` : '.')).join(' '))).toEqual(['.', '09:10-09:25x1', '.', '.', '.', '.']);
  });

  it('overlapping entries split the column into lanes; a spanning cell leaves no cell in the rows it covers', () => {
    const table = layoutTable(from, to, [
      { key: 'a', entries: [e('09:00', '10:00'), e('09:30', '10:30')] },
      { key: 'b', entries: [] },
    ]);
    expect(table.lanes).toEqual(new Map([['a', 2], ['b', 1]]));
    expect(table.rows.map((r) => r.cells.map((c) => (c.type === 'entry' ? `${c.entry.name}x${c.rowspan}` : '.')).join(' '))).toEqual([
      '09:00-10:00x2 . .',
      '09:30-10:30x2 .',
      '. .',
      '. . .',
    ]);
  });

  it('entries outside the window are dropped and those across its edges clipped', () => {
    const table = layoutTable(from, to, [{ key: 'a', entries: [e('07:00', '08:00'), e('08:30', '09:30'), e('10:45', '12:00')] }]);
    expect(table.rows.map((r) => r.cells.map((c) => (c.type === 'entry' ? `${c.entry.name}x${c.rowspan}` : '.')).join(' '))).toEqual(['08:30-09:30x1', '.', '.', '.', '10:45-12:00x1']);
  });
});
