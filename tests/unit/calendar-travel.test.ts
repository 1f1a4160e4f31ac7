/**
 * travelBefore: which meetings of a feed get X-APPLE-TRAVEL-DURATION, and how
 * long. Named cases over a small programme at ExpoForum (1), Smolny (2) and
 * the hotel (3), with the demo's travel matrix.
 */
import { travelBefore, type TravelStop } from '../../src/domain/calendar';
import type { TravelTime } from '../../src/domain/types';
import { at } from '../support/ics';

const EXPO = 1;
const SMOLNY = 2;
const HOTEL = 3;
const both = (a: number, b: number, minutes: number): TravelTime[] => [
  { fromVenueId: a, toVenueId: b, minutes },
  { fromVenueId: b, toVenueId: a, minutes },
];
const MATRIX = [...both(EXPO, SMOLNY, 45), ...both(EXPO, HOTEL, 40), ...both(SMOLNY, HOTEL, 20)];

let nextId = 1;
function stop(from: string, to: string, venueId: number | null, personIds: number[] = [7], extra: Partial<TravelStop> = {}): TravelStop {
  return { id: nextId++, startUtc: at(from), endUtc: at(to), venueId, personIds, cancelled: false, transfer: false, ...extra };
}

describe('travelBefore', () => {
  it.each<{ name: string; stops: () => TravelStop[]; expected: (s: TravelStop[]) => [number, number][] }>([
    {
      name: 'from ExpoForum to Smolny the same day: the matrix’s 45 minutes',
      stops: () => [stop('2019-06-07T10:00', '2019-06-07T11:00', EXPO), stop('2019-06-07T13:00', '2019-06-07T14:00', SMOLNY)],
      expected: (s) => [[s[1]!.id, 45]],
    },
    {
      name: 'two meetings at the same venue: no travel',
      stops: () => [stop('2019-06-07T10:00', '2019-06-07T11:00', EXPO), stop('2019-06-07T12:00', '2019-06-07T13:00', EXPO)],
      expected: () => [],
    },
    {
      name: 'the first meeting of the day: nothing before it (yesterday’s at another venue does not count)',
      stops: () => [stop('2019-06-06T18:00', '2019-06-06T19:00', SMOLNY), stop('2019-06-07T10:00', '2019-06-07T11:00', EXPO)],
      expected: () => [],
    },
    {
      name: 'the day is the forum’s: 23:30 and 00:30 in Moscow are two days, though the same UTC date',
      stops: () => [stop('2019-06-07T22:30', '2019-06-07T23:30', SMOLNY), stop('2019-06-08T00:30', '2019-06-08T01:00', HOTEL)],
      expected: () => [],
    },
    {
      name: 'the latest to end before the start counts, not the first of the day',
      stops: () => [stop('2019-06-07T09:00', '2019-06-07T10:00', SMOLNY), stop('2019-06-07T10:30', '2019-06-07T11:30', EXPO), stop('2019-06-07T13:00', '2019-06-07T14:00', EXPO)],
      expected: (s) => [[s[1]!.id, 45]],
    },
    {
      name: 'a cancelled meeting is skipped: the move is from the one before it',
      stops: () => [stop('2019-06-07T09:00', '2019-06-07T10:00', HOTEL), stop('2019-06-07T10:30', '2019-06-07T11:30', EXPO, [7], { cancelled: true }), stop('2019-06-07T13:00', '2019-06-07T14:00', SMOLNY)],
      expected: (s) => [[s[2]!.id, 20]],
    },
    {
      name: 'no one travels to a cancelled meeting',
      stops: () => [stop('2019-06-07T09:00', '2019-06-07T10:00', HOTEL), stop('2019-06-07T13:00', '2019-06-07T14:00', SMOLNY, [7], { cancelled: true })],
      expected: () => [],
    },
    {
      name: 'a free-text place (no venue) neither starts nor ends a move: the located one before it does',
      stops: () => [stop('2019-06-07T09:00', '2019-06-07T10:00', HOTEL), stop('2019-06-07T10:30', '2019-06-07T11:30', null), stop('2019-06-07T13:00', '2019-06-07T14:00', EXPO)],
      expected: (s) => [[s[2]!.id, 40]],
    },
    {
      name: 'a transfer in the calendar is the move already: the meeting after it gets no travel time',
      stops: () => [stop('2019-06-07T08:00', '2019-06-07T08:30', HOTEL), stop('2019-06-07T08:45', '2019-06-07T09:30', null, [7], { transfer: true }), stop('2019-06-07T10:00', '2019-06-07T11:00', EXPO)],
      expected: () => [],
    },
    {
      name: 'a cancelled transfer moves no one: the travel time is back',
      stops: () => [stop('2019-06-07T08:00', '2019-06-07T08:30', HOTEL), stop('2019-06-07T08:45', '2019-06-07T09:30', null, [7], { transfer: true, cancelled: true }), stop('2019-06-07T10:00', '2019-06-07T11:00', EXPO)],
      expected: (s) => [[s[2]!.id, 40]],
    },
    {
      name: 'another person’s meeting elsewhere is not this one’s move (a delegation’s feed)',
      stops: () => [stop('2019-06-07T10:00', '2019-06-07T11:00', SMOLNY, [8]), stop('2019-06-07T13:00', '2019-06-07T14:00', EXPO, [7])],
      expected: () => [],
    },
    {
      name: 'two people coming from two places: the longer move',
      stops: () => [stop('2019-06-07T10:00', '2019-06-07T11:00', SMOLNY, [7]), stop('2019-06-07T10:00', '2019-06-07T11:00', HOTEL, [8]), stop('2019-06-07T13:00', '2019-06-07T14:00', EXPO, [7, 8])],
      expected: (s) => [[s[2]!.id, 45]],
    },
    {
      name: 'a meeting still running at the start is not the one before (the engine calls that a clash, not a move)',
      stops: () => [stop('2019-06-07T10:00', '2019-06-07T13:30', SMOLNY), stop('2019-06-07T13:00', '2019-06-07T14:00', EXPO)],
      expected: () => [],
    },
    {
      name: 'back to back (the end is the next start) is a move',
      stops: () => [stop('2019-06-07T10:00', '2019-06-07T11:00', SMOLNY), stop('2019-06-07T11:00', '2019-06-07T12:00', HOTEL)],
      expected: (s) => [[s[1]!.id, 20]],
    },
    {
      name: 'venues the matrix has no time for: nothing printed',
      stops: () => [stop('2019-06-07T10:00', '2019-06-07T11:00', 4), stop('2019-06-07T13:00', '2019-06-07T14:00', EXPO)],
      expected: () => [],
    },
  ])('$name', ({ stops, expected }) => {
    const s = stops();
    expect([...travelBefore(s, MATRIX, 'Europe/Moscow')].sort((a, b) => a[0] - b[0])).toEqual(expected(s));
  });

  it('an empty programme has no moves', () => {
    expect(travelBefore([], MATRIX, 'Europe/Moscow').size).toBe(0);
  });
});
