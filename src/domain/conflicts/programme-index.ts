/**
 * A programme rearranged for the conflict rules: live meetings grouped per
 * person and per room, blocks grouped the same way, lookups by id, and the
 * names and time labels that messages use.
 *
 * Built for a forum-sized programme (20,000 meetings, 100,000 participations):
 * the meetings are put in start order once, on a timeline (conflict-sweep.ts),
 * and a person's or room's meetings are their positions on it, filled in that
 * order, so each list is ready to sweep and no rule sorts or copies again.
 * Labels are made only for meetings that appear in a conflict, a few
 * thousand at most, since formatting times is the costliest step per meeting.
 */
import { describeOpeningHours, hasOpeningHours } from './hours';
import type { MeetingLabel } from '../../messages/conflicts';
import type { Programme } from '.';
import { inStartOrder, sortByStart, type Timeline } from './sweep';
import { formatTime, isValidTimeZone, type UtcInterval } from '../time';
import type { Id, Instant, Meeting, Participant } from '../types';

/** The fields of a Meeting the engine reads; a full Meeting fits. */
export interface ProgrammeMeeting extends Pick<Meeting, 'id' | 'title' | 'status' | 'startUtc' | 'endUtc' | 'roomId' | 'place' | 'timeZone'> {
  participants: readonly Pick<Participant, 'personId'>[];
  /** B2B meetings share a hall but not a table: see sharesSpace in conflicts.ts. */
  kind?: Meeting['kind'];
}

type ProgrammeRoom = Programme['rooms'][number];
type ProgrammeVenue = Programme['venues'][number];
export type ProgrammeBlock = Programme['availability'][number];

export interface ProgrammeIndex {
  forumTimeZone: string;
  /** Every meeting but the cancelled ones, which never conflict. */
  live: readonly ProgrammeMeeting[];
  rooms: ReadonlyMap<Id, ProgrammeRoom>;
  venues: ReadonlyMap<Id, ProgrammeVenue>;
  /** The venues that keep hours, with the hours as a message states them. */
  openingHours: ReadonlyMap<Id, string>;
  /** The non-empty live meetings in start order; a meeting's position here is its position on `timeline`. */
  meetings: readonly ProgrammeMeeting[];
  timeline: Timeline;
  /** Per position: the venue of the meeting's room, when the room is known. */
  venueIds: readonly (Id | undefined)[];
  /** Per person and per room: the positions of their meetings, ascending (so in start order), each once. */
  meetingsByPerson: ReadonlyMap<Id, readonly number[]>;
  meetingsByRoom: ReadonlyMap<Id, readonly number[]>;
  /** The non-empty blocks of each person and room, in start order. */
  blocksByPerson: ReadonlyMap<Id, readonly ProgrammeBlock[]>;
  blocksByRoom: ReadonlyMap<Id, readonly ProgrammeBlock[]>;
  /** How many people take part, each counted once however often the meeting lists them. */
  participantCount: (meeting: ProgrammeMeeting) => number;
  travelMinutes: (fromVenueId: Id, toVenueId: Id) => number | undefined;
  personName: (personId: Id) => string;
  roomName: (roomId: Id) => string;
  venueName: (venueId: Id) => string;
  label: (meeting: ProgrammeMeeting) => MeetingLabel;
  /** A span's times as '09:00–12:00' on the meeting's clock. */
  rangeIn: (span: UtcInterval, meeting: ProgrammeMeeting) => string;
}

export function indexProgramme(programme: Programme): ProgrammeIndex {
  const forumTimeZone = programme.forumTimeZone;
  if (!isValidTimeZone(forumTimeZone)) throw new RangeError(`The forum's time zone '${forumTimeZone}' is not a time zone we know.`);

  const live: ProgrammeMeeting[] = [];
  const meetings: ProgrammeMeeting[] = [];
  for (const meeting of programme.meetings) {
    if (meeting.status === 'cancelled') continue;
    live.push(meeting);
    // An empty meeting holds no instant: it can be over capacity or outside hours, but never overlaps or sits between.
    if (meeting.startUtc < meeting.endUtc) meetings.push(meeting);
  }
  sortByStart(meetings);
  const rooms = byId(programme.rooms);
  const venues = byId(programme.venues);
  const people = byId(programme.people);
  const travel = travelTable(programme.travelTimes);
  const openingHours = new Map<Id, string>();
  for (const venue of venues.values()) if (hasOpeningHours(venue)) openingHours.set(venue.id, describeOpeningHours(venue));

  // Made to size: each is as long as the timeline.
  const timeline = { startUtc: new Array<Instant>(meetings.length), endUtc: new Array<Instant>(meetings.length) };
  const venueIds = new Array<Id | undefined>(meetings.length);
  const meetingsByPerson = new Map<Id, number[]>();
  const meetingsByRoom = new Map<Id, number[]>();
  for (let position = 0; position < meetings.length; position += 1) {
    const { participants, roomId, startUtc, endUtc } = meetings[position]!;
    timeline.startUtc[position] = startUtc;
    timeline.endUtc[position] = endUtc;
    for (let i = 0; i < participants.length; i += 1) {
      const personId = participants[i]!.personId;
      const positions = meetingsByPerson.get(personId);
      if (positions === undefined) meetingsByPerson.set(personId, [position]);
      // Listed twice in one meeting: the meeting was just added, so it is this person's last.
      else if (positions[positions.length - 1] !== position) positions.push(position);
    }
    if (roomId !== null) addTo(meetingsByRoom, roomId, position);
    venueIds[position] = roomId === null ? undefined : rooms.get(roomId)?.venueId;
  }
  const blocksByPerson = new Map<Id, ProgrammeBlock[]>();
  const blocksByRoom = new Map<Id, ProgrammeBlock[]>();
  for (const block of inStartOrder(programme.availability)) {
    if (block.subject === 'person') addTo(blocksByPerson, block.subjectId, block);
    else if (block.subject === 'room') addTo(blocksByRoom, block.subjectId, block);
  }

  const zoneOf = (meeting: ProgrammeMeeting): string => (isValidTimeZone(meeting.timeZone) ? meeting.timeZone : forumTimeZone);
  // A forum's meetings start and end on a few hundred distinct minutes: each is formatted once per zone.
  const clockTimes = new Map<string, Map<Instant, string>>();
  const clockTime = (instant: Instant, zone: string): string => {
    let times = clockTimes.get(zone);
    if (times === undefined) {
      times = new Map();
      clockTimes.set(zone, times);
    }
    let time = times.get(instant);
    if (time === undefined) {
      time = formatTime(instant, zone);
      times.set(instant, time);
    }
    return time;
  };
  const rangeIn = (span: UtcInterval, meeting: ProgrammeMeeting): string => {
    const zone = zoneOf(meeting);
    return `${clockTime(span.startUtc, zone)}–${clockTime(span.endUtc, zone)}`;
  };
  const labels = new Map<ProgrammeMeeting, MeetingLabel>();
  const label = (meeting: ProgrammeMeeting): MeetingLabel => {
    let found = labels.get(meeting);
    if (found === undefined) {
      const zone = zoneOf(meeting);
      const start = clockTime(meeting.startUtc, zone);
      found = { title: meeting.title, range: `${start}–${clockTime(meeting.endUtc, zone)}`, start };
      labels.set(meeting, found);
    }
    return found;
  };

  const venueName = (venueId: Id): string => venues.get(venueId)?.name ?? `venue #${venueId}`;

  return {
    forumTimeZone,
    live,
    rooms,
    venues,
    openingHours,
    meetings,
    timeline,
    venueIds,
    meetingsByPerson,
    meetingsByRoom,
    blocksByPerson,
    blocksByRoom,
    participantCount,
    // Travel times are stored for both directions; the reverse covers a matrix entered one way only.
    travelMinutes: (from, to) => travel.get(from)?.get(to) ?? travel.get(to)?.get(from),
    personName: (personId) => people.get(personId)?.fullName ?? `person #${personId}`,
    roomName: (roomId) => {
      const room = rooms.get(roomId);
      if (room === undefined) return `room #${roomId}`;
      const venue = venues.get(room.venueId);
      return venue === undefined ? room.name : `${room.name} at ${venue.name}`;
    },
    venueName,
    label,
    rangeIn,
  };
}

/**
 * Counted in place: a meeting lists a handful of people, and a Set and a copy
 * per meeting cost more than comparing each with those before it. A list
 * long enough for that to be slow (a reception) is counted with a Set.
 */
function participantCount(meeting: ProgrammeMeeting): number {
  const participants = meeting.participants;
  if (participants.length > 32) return new Set(participants.map((participant) => participant.personId)).size;
  let count = 0;
  for (let i = 0; i < participants.length; i += 1) {
    const personId = participants[i]!.personId;
    let seen = false;
    for (let j = 0; j < i && !seen; j += 1) seen = participants[j]!.personId === personId;
    if (!seen) count += 1;
  }
  return count;
}

/** Minutes by (from, to), keyed by number: the lookup runs for every consecutive pair of a person's meetings. */
function travelTable(travelTimes: Programme['travelTimes']): Map<Id, Map<Id, number>> {
  const table = new Map<Id, Map<Id, number>>();
  for (const { fromVenueId, toVenueId, minutes } of travelTimes) {
    let from = table.get(fromVenueId);
    if (from === undefined) {
      from = new Map();
      table.set(fromVenueId, from);
    }
    from.set(toVenueId, minutes);
  }
  return table;
}

function byId<T extends { id: Id }>(items: readonly T[]): Map<Id, T> {
  const found = new Map<Id, T>();
  for (const item of items) found.set(item.id, item);
  return found;
}

function addTo<T>(groups: Map<Id, T[]>, key: Id, item: T): void {
  const group = groups.get(key);
  if (group === undefined) groups.set(key, [item]);
  else group.push(item);
}
