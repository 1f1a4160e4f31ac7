/**
 * The availability board's model: for chosen people and rooms over one or
 * more forum days, what each is doing (meetings by status, unavailability,
 * the travel a person needs around a meeting, a room's venue closed) and the
 * stretches when all of them are free.
 *
 * Busy time is the time finder's busy-time model (time-finder/busy.ts) as it
 * is, so the board and the finder and the conflict engine read the same
 * facts. Two things are added here:
 *
 * - cancelled meetings, shown (struck through) but never busy;
 * - for a room's free stretches, the travel each shown person would need
 *   between their other located meetings and that room's venue (the
 *   engine's travel rule for a new meeting in that room, taken on both
 *   sides of every such meeting, so a stretch is never too short for the
 *   transfer).
 *
 * A free stretch for everyone is free for every shown person; a room's is
 * free for every shown person and for the room (its meetings, its blocks,
 * its venue's hours). A meeting of those people placed inside either saves
 * without a conflict (tests/integration/board.test.ts checks this against
 * the real save).
 */
import type { Programme } from '../conflicts';
import { dayBounds } from '../time';
import { busyIntervals, travelLookup, type BusyInterval } from '../time-finder';
import type { Id, Instant, LocalDate, MeetingStatus } from '../types';

const MINUTE = 60_000;

/** The hours shown on a quiet day (the forum's clock); a day's meetings widen them, never narrow them. */
export const BOARD_HOURS = { from: 8, to: 20 } as const;
/** A stretch shorter than this is not offered: no meeting fits in it. */
export const MIN_FREE_MINUTES = 5;
/** How many people and how many rooms one board shows. */
export const BOARD_LIMITS = { people: 30, rooms: 30 } as const;

export type BoardItemKind = 'meeting' | 'cancelled' | 'unavailable' | 'travel_before' | 'travel_after' | 'venue_closed';

export interface BoardItem {
  kind: BoardItemKind;
  startUtc: Instant;
  endUtc: Instant;
  meetingId?: Id;
  status?: MeetingStatus;
  blockId?: Id;
  /** Travel: the venue travelled from (before) or to (after); venue closed: the venue. */
  venueId?: Id;
  minutes?: number;
}

export interface FreeStretch {
  startUtc: Instant;
  endUtc: Instant;
  /** The room it is free in too, or null: free for the people, anywhere. */
  roomId: Id | null;
}

export interface BoardRow {
  subject: 'person' | 'room';
  id: Id;
  items: BoardItem[];
  /** A room's free stretches (with every shown person free); none for a person, or for a room too small for them. */
  free: FreeStretch[];
  /** A room with fewer seats than the shown people: no stretch is offered in it. */
  tooSmall: boolean;
}

export interface BoardDay {
  date: LocalDate;
  /** The shown hours: BOARD_HOURS widened to whole hours around the day's items. */
  fromUtc: Instant;
  toUtc: Instant;
  rows: BoardRow[];
  /** Free for every shown person (none when nobody is shown). */
  free: FreeStretch[];
}

export interface BoardRequest {
  personIds: readonly Id[];
  roomIds: readonly Id[];
  days: readonly LocalDate[];
}

/**
 * The board over `programme`, the slice that holds every meeting of the
 * people and rooms asked for over the days (widened by the longest travel,
 * so travel at a day's edge is known) with the cancelled ones too.
 */
export function buildBoard(programme: Programme, request: BoardRequest): BoardDay[] {
  const zone = programme.forumTimeZone;
  const rooms = new Map(programme.rooms.map((room) => [room.id, room]));
  const travel = travelLookup(programme.travelTimes);
  const located = locatedMeetings(programme, request.personIds);
  // Travel at a day's edge leads to or from a meeting of the next or previous day: the busy times are read that much wider, then clipped.
  const margin = Math.max(0, ...programme.travelTimes.map((t) => t.minutes)) * MINUTE;
  return request.days.map((date) => {
    const day = dayBounds(date, zone);
    const busy = busyIntervals(programme, { personIds: request.personIds, roomIds: request.roomIds, fromUtc: day.startUtc - margin, toUtc: day.endUtc + margin });
    const cancelled = cancelledIn(programme, request, day.startUtc, day.endUtc);
    const inDay = (list: BusyInterval[]) => list.filter((b) => b.endUtc > day.startUtc && b.startUtc < day.endUtc).map((b) => ({ ...b, startUtc: Math.max(b.startUtc, day.startUtc), endUtc: Math.min(b.endUtc, day.endUtc) }));
    const itemsOf = (list: BusyInterval[], extra: BoardItem[]): BoardItem[] => [...inDay(list).map(itemOf), ...extra].sort(byStart);
    const personItems = request.personIds.map((id) => itemsOf(busy.people.get(id) ?? [], cancelled.people.get(id) ?? []));
    const roomItems = request.roomIds.map((id) => itemsOf(busy.rooms.get(id) ?? [], cancelled.rooms.get(id) ?? []));
    // Shown hours: the default day, widened by what the people and rooms do (not by a venue's long closed night or a day-long block).
    const shaping = [...personItems, ...roomItems].flat().filter((item) => item.kind !== 'venue_closed' && item.kind !== 'unavailable');
    const { fromUtc, toUtc } = shownHours(date, zone, shaping);
    const peopleBusy = personItems.flat().filter(isBusy);
    const free = request.personIds.length ? freeWithin(fromUtc, toUtc, peopleBusy).map((s) => ({ ...s, roomId: null })) : [];
    const rows: BoardRow[] = [
      ...request.personIds.map((id, i): BoardRow => ({ subject: 'person', id, items: personItems[i]!, free: [], tooSmall: false })),
      ...request.roomIds.map((id, i): BoardRow => {
        const room = rooms.get(id);
        const tooSmall = room !== undefined && room.capacity > 0 && room.capacity < request.personIds.length;
        if (room === undefined || tooSmall) return { subject: 'room', id, items: roomItems[i]!, free: [], tooSmall };
        const transfers = request.personIds.flatMap((personId) => transfersTo(located.get(personId) ?? [], room.venueId, travel));
        const taken = [...peopleBusy, ...roomItems[i]!.filter(isBusy), ...transfers];
        return { subject: 'room', id, items: roomItems[i]!, free: freeWithin(fromUtc, toUtc, taken).map((s) => ({ ...s, roomId: id })), tooSmall };
      }),
    ];
    return { date, fromUtc, toUtc, rows, free };
  });
}

/** What a stretch of free time would be in [fromUtc, toUtc) outside `busy`: the gaps of at least MIN_FREE_MINUTES. */
export function freeWithin(fromUtc: Instant, toUtc: Instant, busy: readonly { startUtc: Instant; endUtc: Instant }[]): { startUtc: Instant; endUtc: Instant }[] {
  const sorted = busy.filter((b) => b.endUtc > fromUtc && b.startUtc < toUtc).sort((a, b) => a.startUtc - b.startUtc);
  const gaps: { startUtc: Instant; endUtc: Instant }[] = [];
  let cursor = fromUtc;
  const keep = (end: Instant) => {
    if (end - cursor >= MIN_FREE_MINUTES * MINUTE) gaps.push({ startUtc: cursor, endUtc: end });
  };
  for (const b of sorted) {
    if (b.startUtc > cursor) keep(Math.min(b.startUtc, toUtc));
    cursor = Math.max(cursor, b.endUtc);
    if (cursor >= toUtc) return gaps;
  }
  keep(toUtc);
  return gaps;
}

const isBusy = (item: BoardItem): boolean => item.kind !== 'cancelled';
const byStart = (a: BoardItem, b: BoardItem): number => a.startUtc - b.startUtc || a.endUtc - b.endUtc;

function itemOf(interval: BusyInterval): BoardItem {
  const { startUtc, endUtc, reason, meetingId, status, blockId, venueId, minutes } = interval;
  return { kind: reason, startUtc, endUtc, meetingId, status, blockId, venueId, minutes };
}

function shownHours(date: LocalDate, zone: string, items: readonly BoardItem[]): { fromUtc: Instant; toUtc: Instant } {
  const day = dayBounds(date, zone);
  const HOUR = 60 * MINUTE;
  // Whole hours from the day's start, so the hours read on the forum's clock (a zone's offset is whole hours or halves; the rows say the time).
  let fromUtc = day.startUtc + BOARD_HOURS.from * HOUR;
  let toUtc = day.startUtc + BOARD_HOURS.to * HOUR;
  for (const item of items) {
    if (item.startUtc < fromUtc) fromUtc = day.startUtc + Math.floor((Math.max(item.startUtc, day.startUtc) - day.startUtc) / HOUR) * HOUR;
    if (item.endUtc > toUtc) toUtc = Math.min(day.endUtc, day.startUtc + Math.ceil((item.endUtc - day.startUtc) / HOUR) * HOUR);
  }
  return { fromUtc, toUtc };
}

/** The cancelled meetings of the people and rooms on the day: shown, never busy. */
function cancelledIn(programme: Programme, request: BoardRequest, fromUtc: Instant, toUtc: Instant): { people: Map<Id, BoardItem[]>; rooms: Map<Id, BoardItem[]> } {
  const people = new Map<Id, BoardItem[]>();
  const rooms = new Map<Id, BoardItem[]>();
  const wanted = { people: new Set(request.personIds), rooms: new Set(request.roomIds) };
  const push = (map: Map<Id, BoardItem[]>, id: Id, item: BoardItem) => map.set(id, [...(map.get(id) ?? []), item]);
  for (const m of programme.meetings) {
    if (m.status !== 'cancelled' || m.startUtc >= m.endUtc || m.endUtc <= fromUtc || m.startUtc >= toUtc) continue;
    const item: BoardItem = { kind: 'cancelled', startUtc: Math.max(m.startUtc, fromUtc), endUtc: Math.min(m.endUtc, toUtc), meetingId: m.id, status: m.status };
    for (const personId of new Set(m.participants.map((p) => p.personId))) if (wanted.people.has(personId)) push(people, personId, item);
    if (m.roomId !== null && wanted.rooms.has(m.roomId)) push(rooms, m.roomId, item);
  }
  return { people, rooms };
}

/** Each person's live meetings in a known room, with the room's venue: what travel is measured between. */
function locatedMeetings(programme: Programme, personIds: readonly Id[]): Map<Id, { startUtc: Instant; endUtc: Instant; venueId: Id }[]> {
  const venueOfRoom = new Map(programme.rooms.map((room) => [room.id, room.venueId]));
  const wanted = new Set(personIds);
  const out = new Map<Id, { startUtc: Instant; endUtc: Instant; venueId: Id }[]>();
  for (const m of programme.meetings) {
    const venueId = m.roomId === null ? undefined : venueOfRoom.get(m.roomId);
    if (m.status === 'cancelled' || venueId === undefined || m.startUtc >= m.endUtc) continue;
    for (const personId of new Set(m.participants.map((p) => p.personId))) {
      if (wanted.has(personId)) out.set(personId, [...(out.get(personId) ?? []), { startUtc: m.startUtc, endUtc: m.endUtc, venueId }]);
    }
  }
  return out;
}

/** The time a person needs to get from each of their meetings to `venueId` and from there to each: taken either side of every meeting at another venue. */
function transfersTo(meetings: readonly { startUtc: Instant; endUtc: Instant; venueId: Id }[], venueId: Id, travel: (from: Id, to: Id) => number | undefined) {
  return meetings.flatMap((m) => {
    if (m.venueId === venueId) return [];
    const there = travel(venueId, m.venueId);
    const back = travel(m.venueId, venueId);
    const spans = [];
    if (there !== undefined && there > 0) spans.push({ startUtc: m.startUtc - there * MINUTE, endUtc: m.startUtc });
    if (back !== undefined && back > 0) spans.push({ startUtc: m.endUtc, endUtc: m.endUtc + back * MINUTE });
    return spans;
  });
}
