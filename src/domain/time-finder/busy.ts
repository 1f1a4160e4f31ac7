/**
 * The busy-time model: for a set of people and rooms over a window, when each
 * is busy and why. The time finder reads it to rule slots out cheaply before
 * the conflict engine judges them, and an availability board can draw it as
 * it is (one row per person or room, one shaded block per interval).
 *
 * The same facts the engine reads, nothing more: live (not cancelled),
 * non-empty meetings by status, unavailability blocks, the travel a person
 * needs between two consecutive meetings at different venues, and the hours a
 * room's venue is closed.
 */
import { hasOpeningHours, openingWindow, type Programme, type ProgrammeMeeting } from '../conflicts';
import { localDateOf, nextLocalDate } from '../time';
import type { Id, Instant, MeetingStatus } from '../types';

export const BUSY_REASONS = ['meeting', 'unavailable', 'travel_before', 'travel_after', 'venue_closed'] as const;
export type BusyReason = (typeof BUSY_REASONS)[number];

export interface BusyInterval {
  startUtc: Instant;
  endUtc: Instant;
  reason: BusyReason;
  /** The meeting that makes it busy (for travel, the meeting the travel leads to or from). */
  meetingId?: Id;
  /** A meeting's status: only two confirmed meetings refuse each other. */
  status?: MeetingStatus;
  blockId?: Id;
  /** Travel: the venue travelled from (before) or to (after), and how long it takes. */
  venueId?: Id;
  minutes?: number;
}

export interface BusyRequest {
  personIds: readonly Id[];
  roomIds: readonly Id[];
  fromUtc: Instant;
  toUtc: Instant;
}

export interface BusyTimes {
  /** Per person asked for, in start order (every asked id has an entry, maybe empty). */
  people: Map<Id, BusyInterval[]>;
  rooms: Map<Id, BusyInterval[]>;
}

const MINUTE = 60_000;

export function busyIntervals(programme: Programme, request: BusyRequest): BusyTimes {
  const { fromUtc, toUtc } = request;
  const people = new Map<Id, BusyInterval[]>(request.personIds.map((id) => [id, []]));
  const rooms = new Map<Id, BusyInterval[]>(request.roomIds.map((id) => [id, []]));
  const roomById = new Map(programme.rooms.map((room) => [room.id, room]));
  const venueOf = (meeting: ProgrammeMeeting): Id | undefined => (meeting.roomId === null ? undefined : roomById.get(meeting.roomId)?.venueId);
  const travel = travelLookup(programme.travelTimes);

  // Each person's located meetings over the whole slice, for the travel either side of a meeting in the window.
  const located = new Map<Id, ProgrammeMeeting[]>();
  const add = (list: BusyInterval[] | undefined, interval: BusyInterval): void => {
    if (list === undefined || interval.startUtc >= toUtc || interval.endUtc <= fromUtc) return;
    // Clipped to the window; most intervals lie inside it and are kept as they are.
    if (interval.startUtc >= fromUtc && interval.endUtc <= toUtc) list.push(interval);
    else list.push({ ...interval, startUtc: Math.max(interval.startUtc, fromUtc), endUtc: Math.min(interval.endUtc, toUtc) });
  };
  for (const meeting of programme.meetings) {
    if (meeting.status === 'cancelled' || meeting.startUtc >= meeting.endUtc || meeting.startUtc >= toUtc || meeting.endUtc <= fromUtc) continue;
    const interval: BusyInterval = { startUtc: meeting.startUtc, endUtc: meeting.endUtc, reason: 'meeting', meetingId: meeting.id, status: meeting.status };
    const { participants } = meeting;
    for (let i = 0; i < participants.length; i += 1) {
      const personId = participants[i]!.personId;
      // Listed twice in one meeting: counted once.
      if (!people.has(personId) || participants.findIndex((p) => p.personId === personId) < i) continue;
      add(people.get(personId), interval);
      if (people.has(personId) && venueOf(meeting) !== undefined) {
        const list = located.get(personId);
        if (list === undefined) located.set(personId, [meeting]);
        else list.push(meeting);
      }
    }
    if (meeting.roomId !== null) add(rooms.get(meeting.roomId), interval);
  }
  for (const block of programme.availability) {
    const list = block.subject === 'person' ? people.get(block.subjectId) : rooms.get(block.subjectId);
    add(list, { startUtc: block.startUtc, endUtc: block.endUtc, reason: 'unavailable', blockId: block.id });
  }

  // Travel between consecutive meetings at different venues, as the engine pairs them: what ended last before a meeting begins.
  for (const [personId, meetings] of located) {
    meetings.sort((a, b) => a.startUtc - b.startUtc || a.endUtc - b.endUtc || a.id - b.id);
    const ends = [...meetings].sort((a, b) => a.endUtc - b.endUtc || a.id - b.id);
    const list = people.get(personId);
    let next = 0;
    let latest: ProgrammeMeeting[] = [];
    for (const after of meetings) {
      for (; next < ends.length && ends[next]!.endUtc <= after.startUtc; next += 1) {
        const ended = ends[next]!;
        if (latest.length && latest[0]!.endUtc === ended.endUtc) latest.push(ended);
        else latest = [ended];
      }
      for (const before of latest) {
        const fromVenue = venueOf(before)!;
        const toVenue = venueOf(after)!;
        const minutes = fromVenue === toVenue ? undefined : travel(fromVenue, toVenue);
        if (minutes === undefined || minutes <= 0) continue;
        add(list, { startUtc: before.endUtc, endUtc: before.endUtc + minutes * MINUTE, reason: 'travel_after', meetingId: before.id, venueId: toVenue, minutes });
        add(list, { startUtc: after.startUtc - minutes * MINUTE, endUtc: after.startUtc, reason: 'travel_before', meetingId: after.id, venueId: fromVenue, minutes });
      }
    }
  }

  // A room's venue closed: once per venue.
  const venues = new Map(programme.venues.map((venue) => [venue.id, venue]));
  const closedOf = new Map<Id, BusyInterval[]>();
  for (const [roomId, list] of rooms) {
    const venue = venues.get(roomById.get(roomId)?.venueId ?? -1);
    if (venue === undefined) continue;
    let closed = closedOf.get(venue.id);
    if (closed === undefined) {
      closed = venueClosed(venue, fromUtc, toUtc, programme.forumTimeZone);
      closedOf.set(venue.id, closed);
    }
    list.push(...closed);
  }

  for (const list of [...people.values(), ...rooms.values()]) list.sort((a, b) => a.startUtc - b.startUtc || a.endUtc - b.endUtc);
  return { people, rooms };
}

/**
 * When a venue is closed within [fromUtc, toUtc): the window minus its opening
 * windows, read day by day in the forum's zone (from the day before, since a
 * window past midnight belongs to the day it opened). None for a venue that keeps no hours.
 */
export function venueClosed(venue: Programme['venues'][number], fromUtc: Instant, toUtc: Instant, zone: string): BusyInterval[] {
  const intervals: BusyInterval[] = [];
  if (!hasOpeningHours(venue)) return intervals;
  const keep = (startUtc: Instant, endUtc: Instant) => {
    if (startUtc < endUtc) intervals.push({ startUtc, endUtc, reason: 'venue_closed', venueId: venue.id });
  };
  const last = localDateOf(toUtc, zone);
  let date = previousLocalDate(localDateOf(fromUtc, zone));
  let cursor = fromUtc;
  for (let guard = 0; guard < 400 && date <= last; guard += 1, date = nextLocalDate(date)) {
    const window = openingWindow(venue, date, zone);
    keep(cursor, Math.min(window.startUtc, toUtc));
    cursor = Math.max(cursor, window.endUtc);
  }
  keep(cursor, toUtc);
  return intervals;
}

/** Travel minutes either way (a matrix may be entered one way only), as the engine reads it. */
export function travelLookup(travelTimes: Programme['travelTimes']): (from: Id, to: Id) => number | undefined {
  const table = new Map<string, number>();
  for (const { fromVenueId, toVenueId, minutes } of travelTimes) table.set(`${fromVenueId}>${toVenueId}`, minutes);
  return (from, to) => table.get(`${from}>${to}`) ?? table.get(`${to}>${from}`);
}

function previousLocalDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
