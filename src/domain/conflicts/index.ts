/**
 * The conflict engine: one pure function over a programme, used both for the
 * whole forum and, filtered, when one meeting is saved, so the two can never
 * disagree. A conflict is plain data (its kind, the meetings, the person or
 * room, a message key with what its sentence names); the caller decides whether
 * an error refuses a save, and the edge renders the sentence (src/messages).
 *
 * Every rule groups by resource (person, room) and sweeps in start order,
 * never comparing all pairs; see conflict-sweep.ts.
 */
import { openingHoursCheck } from './hours';
import { message, type Message } from '../../messages/message';
import type { ConflictMessages } from '../../messages/conflicts';
import { indexProgramme, type ProgrammeIndex, type ProgrammeMeeting } from './programme-index';
import { forEachConsecutivePair, forEachOverlapBetween, forEachOverlappingPair } from './sweep';
import type { AvailabilityBlock, Id, Instant, Person, Room, TravelTime, Venue } from '../types';

export type { ProgrammeMeeting } from './programme-index';
/** Venue opening hours as instants, for the busy-time model (domain/time-finder) to draw a closed venue. */
export { hasOpeningHours, openingWindow } from './hours';
/** The engine's own "does this span miss the venue's hours?", for a caller that must agree with it slot by slot (B2B feasibility). */
export { openingHoursCheck } from './hours';

/** In the order a planner meets them on a day: who is where, then what the rooms and venues allow. */
export const CONFLICT_KINDS = [
  'person_double_booked',
  'room_double_booked',
  'over_capacity',
  'unavailable',
  'travel_time',
  'outside_hours',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
export type ConflictSeverity = 'error' | 'warning';

export interface Conflict {
  kind: ConflictKind;
  /** 'error' refuses saving a confirmed meeting; 'warning' is shown and allowed. */
  severity: ConflictSeverity;
  /** One meeting, or two in time order. */
  meetingIds: Id[];
  personId?: Id;
  roomId?: Id;
  /** What a planner reads, rendered where it is shown (src/messages/catalogues/<locale>/domain-conflicts.json). */
  message: Message<ConflictMessageKey>;
}

/** The sentences a conflict can say: one per kind. */
export type ConflictMessageKey = Exclude<keyof ConflictMessages, 'conflict.kind.title' | 'conflict.kind.short'>;

/** Everything the engine needs, loaded by the caller; the engine asks for nothing else. */
export interface Programme {
  meetings: readonly ProgrammeMeeting[];
  rooms: readonly Pick<Room, 'id' | 'venueId' | 'name' | 'capacity'>[];
  venues: readonly Pick<Venue, 'id' | 'name' | 'opensAt' | 'closesAt'>[];
  people: readonly Pick<Person, 'id' | 'fullName'>[];
  availability: readonly Pick<AvailabilityBlock, 'id' | 'subject' | 'subjectId' | 'startUtc' | 'endUtc' | 'reason'>[];
  travelTimes: readonly TravelTime[];
  /** Venue opening hours are read in this zone. */
  forumTimeZone: string;
}

interface Found {
  /** The earliest start among the conflict's meetings, for ordering. */
  at: Instant;
  /** The kind's place in CONFLICT_KINDS, looked up once rather than on every comparison. */
  rank: number;
  conflict: Conflict;
}

type Report = (at: Instant, conflict: Conflict) => void;

export function findConflicts(programme: Programme): Conflict[] {
  const index = indexProgramme(programme);
  const found: Found[] = [];
  const report: Report = (at, conflict) => found.push({ at, rank: KIND_ORDER.get(conflict.kind) ?? 0, conflict });
  findDoubleBookings(index, report);
  findRoomLimits(index, report);
  findUnavailability(index, report);
  findTravelTime(index, report);
  return found.sort(byFound).map((entry) => entry.conflict);
}

/**
 * The conflicts that name one meeting. Deliberately the whole engine, filtered,
 * so a save is checked by exactly the rules the programme view shows.
 */
export function conflictsInvolving(meetingId: Id, programme: Programme): Conflict[] {
  return findConflicts(programme).filter((conflict) => conflict.meetingIds.includes(meetingId));
}

/** Two tentative or proposed plans may still be moved, so only two confirmed ones clash as an error. */
function pairSeverity(a: ProgrammeMeeting, b: ProgrammeMeeting): ConflictSeverity {
  return a.status === 'confirmed' && b.status === 'confirmed' ? 'error' : 'warning';
}

/*
 * The pair callbacks below are made once per rule, with the person or room
 * they are sweeping set before each sweep, not once per person: a call site
 * that always sees one function is inlined by V8, and 5,000 people make
 * 5,000 closures otherwise.
 */

function findDoubleBookings(index: ProgrammeIndex, report: Report): void {
  const { meetings, timeline } = index;
  let personId: Id = 0;
  const personBooked = (earlier: number, later: number): void => {
    const first = meetings[earlier]!;
    const second = meetings[later]!;
    report(first.startUtc, {
      kind: 'person_double_booked',
      severity: pairSeverity(first, second),
      meetingIds: [first.id, second.id],
      personId,
      message: message('conflict.person-double-booked', { person: index.personName(personId), first: index.label(first), second: index.label(second) }),
    });
  };
  for (const [id, positions] of index.meetingsByPerson) {
    personId = id;
    forEachOverlappingPair(timeline, positions, personBooked);
  }

  let roomId: Id = 0;
  const roomBooked = (earlier: number, later: number): void => {
    const first = meetings[earlier]!;
    const second = meetings[later]!;
    if (!sharesSpace(first, second)) return;
    report(first.startUtc, {
      kind: 'room_double_booked',
      severity: pairSeverity(first, second),
      meetingIds: [first.id, second.id],
      roomId,
      message: message('conflict.room-double-booked', { room: index.roomName(roomId), first: index.label(first), second: index.label(second) }),
    });
  };
  for (const [id, positions] of index.meetingsByRoom) {
    roomId = id;
    forEachOverlappingPair(timeline, positions, roomBooked);
  }
}

/**
 * A B2B hall holds many meetings at once, one per table (place 'Table 7'):
 * two B2B meetings at different tables share the room but not the space.
 */
function sharesSpace(a: ProgrammeMeeting, b: ProgrammeMeeting): boolean {
  return !(a.kind === 'b2b' && b.kind === 'b2b' && a.place.trim() !== b.place.trim());
}

function findRoomLimits(index: ProgrammeIndex, report: Report): void {
  const isOutsideHours = openingHoursCheck(index.forumTimeZone);
  const { live } = index;
  for (let i = 0; i < live.length; i += 1) {
    const meeting = live[i]!;
    const room = meeting.roomId === null ? undefined : index.rooms.get(meeting.roomId);
    if (room === undefined) continue;
    const participants = index.participantCount(meeting);
    if (participants > room.capacity) {
      report(meeting.startUtc, {
        kind: 'over_capacity',
        severity: 'warning',
        meetingIds: [meeting.id],
        roomId: room.id,
        message: message('conflict.over-capacity', { meeting: index.label(meeting), participants, room: index.roomName(room.id), capacity: room.capacity }),
      });
    }
    const hours = index.openingHours.get(room.venueId);
    const venue = hours === undefined ? undefined : index.venues.get(room.venueId);
    if (venue !== undefined && hours !== undefined && isOutsideHours(venue.id, venue, meeting)) {
      report(meeting.startUtc, {
        kind: 'outside_hours',
        severity: 'warning',
        meetingIds: [meeting.id],
        roomId: room.id,
        message: message('conflict.outside-hours', { meeting: index.label(meeting), room: room.name, venue: venue.name, hours }),
      });
    }
  }
}

/** One warning per meeting and person (or room), naming the first block that overlaps it. */
function findUnavailability(index: ProgrammeIndex, report: Report): void {
  const subjects = [
    { blocks: index.blocksByPerson, meetings: index.meetingsByPerson, name: index.personName, tag: (personId: Id) => ({ personId }) },
    { blocks: index.blocksByRoom, meetings: index.meetingsByRoom, name: index.roomName, tag: (roomId: Id) => ({ roomId }) },
  ];
  for (const { blocks, meetings, name, tag } of subjects) {
    for (const [subjectId, subjectBlocks] of blocks) {
      // The sweep against blocks reads meetings, not positions; few people and rooms have blocks.
      const subjectMeetings = (meetings.get(subjectId) ?? []).map((position) => index.meetings[position]!);
      const reported = new Set<Id>();
      forEachOverlapBetween(subjectMeetings, subjectBlocks, (meeting, block) => {
        if (reported.has(meeting.id)) return;
        reported.add(meeting.id);
        report(meeting.startUtc, {
          kind: 'unavailable',
          severity: 'warning',
          meetingIds: [meeting.id],
          ...tag(subjectId),
          message: message('conflict.unavailable', {
            subject: name(subjectId),
            blockRange: index.rangeIn(block, meeting),
            reason: block.reason,
            meeting: index.label(meeting),
          }),
        });
      });
    }
  }
}

/**
 * Only meetings in a known room have a venue; one with a free-text place is
 * left out rather than guessed at.
 */
function findTravelTime(index: ProgrammeIndex, report: Report): void {
  const { meetings, timeline, venueIds } = index;
  const isLocated = (position: number): boolean => venueIds[position] !== undefined;
  let personId: Id = 0;
  const checkTravel = (before: number, after: number): void => {
    const fromVenue = venueIds[before]!;
    const toVenue = venueIds[after]!;
    if (fromVenue === toVenue) return;
    const minutes = index.travelMinutes(fromVenue, toVenue);
    if (minutes === undefined || timeline.startUtc[after]! - timeline.endUtc[before]! >= minutes * 60_000) return;
    const from = meetings[before]!;
    const to = meetings[after]!;
    report(from.startUtc, {
      kind: 'travel_time',
      severity: 'warning',
      meetingIds: [from.id, to.id],
      personId,
      message: message('conflict.travel-time', {
        person: index.personName(personId),
        from: index.label(from),
        fromVenue: index.venueName(fromVenue),
        to: index.label(to),
        toVenue: index.venueName(toVenue),
        minutes,
      }),
    });
  };
  for (const [id, positions] of index.meetingsByPerson) {
    personId = id;
    forEachConsecutivePair(timeline, positions.every(isLocated) ? positions : positions.filter(isLocated), checkTravel);
  }
}

const KIND_ORDER = new Map<ConflictKind, number>(CONFLICT_KINDS.map((kind, position) => [kind, position]));

function byFound(a: Found, b: Found): number {
  return (
    a.at - b.at ||
    a.rank - b.rank ||
    compareIds(a.conflict.meetingIds, b.conflict.meetingIds) ||
    (a.conflict.personId ?? -1) - (b.conflict.personId ?? -1) ||
    (a.conflict.roomId ?? -1) - (b.conflict.roomId ?? -1)
  );
}

function compareIds(a: readonly Id[], b: readonly Id[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const difference = (a[i] ?? -1) - (b[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/*
 * The next free start for one meeting: a search over the 5-minute grid that
 * asks the conflict engine itself at each candidate, so "free" means exactly
 * what a save would find. Free: the meeting, moved there with its duration,
 * has no conflict that its time causes (double booking, unavailability,
 * travel time, venue hours); a room too small stays too small at any time,
 * so over-capacity does not make a slot busy.
 */
const FREE_SLOT_STEP_MS = 5 * 60_000;

/** The kinds a different time can cure. */
const TIME_KINDS: ReadonlySet<ConflictKind> = new Set(['person_double_booked', 'room_double_booked', 'unavailable', 'travel_time', 'outside_hours']);

export interface FreeSlotSearch {
  /** Candidates start strictly after this instant. */
  afterUtc: Instant;
  /** …and no later than this one. */
  untilUtc: Instant;
  durationMs: number;
  /** How far another meeting can reach this one's conflicts (the longest transfer): only those near a candidate are checked. */
  marginMs: number;
}

/**
 * The first grid start after `afterUtc` where `meeting` would be free, or
 * null. `programme` holds the meeting and everything that could conflict with
 * it over the whole window; each candidate is checked against the part of it
 * within `marginMs`, so the search costs the same in a busy forum as in a quiet one.
 */
export function nextFreeStart(programme: Programme, meeting: ProgrammeMeeting, search: FreeSlotSearch): Instant | null {
  const others = programme.meetings.filter((m) => m.id !== meeting.id && m.status !== 'cancelled');
  const blocks = programme.availability;
  const first = Math.floor(search.afterUtc / FREE_SLOT_STEP_MS) * FREE_SLOT_STEP_MS + FREE_SLOT_STEP_MS;
  for (let start = first; start <= search.untilUtc; start += FREE_SLOT_STEP_MS) {
    const end = start + search.durationMs;
    const from = start - search.marginMs;
    const to = end + search.marginMs;
    const near = others.filter((m) => m.startUtc < to && m.endUtc > from);
    const moved = { ...meeting, startUtc: start, endUtc: end };
    const conflicts = conflictsInvolving(meeting.id, {
      ...programme,
      meetings: [...near, moved],
      availability: blocks.filter((b) => b.startUtc < to && b.endUtc > from),
    });
    if (!conflicts.some((c) => c.severity === 'error' || TIME_KINDS.has(c.kind))) return start;
  }
  return null;
}
