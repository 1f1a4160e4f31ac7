/**
 * A programme rearranged for the conflict rules: live meetings grouped per
 * person and per room, blocks grouped the same way, lookups by id, and the
 * names and time labels that messages use (each computed once per meeting,
 * since formatting is the costliest step on a large programme).
 */
import type { MeetingLabel } from './conflict-messages';
import type { Programme } from './conflicts';
import { formatTime, isValidTimeZone, type UtcInterval } from './time';
import type { Id, Meeting, Participant } from './types';

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
  meetingsByPerson: ReadonlyMap<Id, ProgrammeMeeting[]>;
  meetingsByRoom: ReadonlyMap<Id, ProgrammeMeeting[]>;
  blocksByPerson: ReadonlyMap<Id, ProgrammeBlock[]>;
  blocksByRoom: ReadonlyMap<Id, ProgrammeBlock[]>;
  /** Each person once, however often the meeting lists them. */
  participantsOf: (meeting: ProgrammeMeeting) => Id[];
  venueIdOf: (meeting: ProgrammeMeeting) => Id | undefined;
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

  const live = programme.meetings.filter((meeting) => meeting.status !== 'cancelled');
  const rooms = byId(programme.rooms);
  const venues = byId(programme.venues);
  const people = byId(programme.people);
  const travel = new Map(programme.travelTimes.map((t) => [`${t.fromVenueId}>${t.toVenueId}`, t.minutes]));

  const participants = new Map<ProgrammeMeeting, Id[]>();
  const participantsOf = (meeting: ProgrammeMeeting): Id[] => {
    let ids = participants.get(meeting);
    if (ids === undefined) {
      ids = [...new Set(meeting.participants.map((participant) => participant.personId))];
      participants.set(meeting, ids);
    }
    return ids;
  };

  const zoneOf = (meeting: ProgrammeMeeting): string => (isValidTimeZone(meeting.timeZone) ? meeting.timeZone : forumTimeZone);
  const rangeIn = (span: UtcInterval, meeting: ProgrammeMeeting): string => {
    const zone = zoneOf(meeting);
    return `${formatTime(span.startUtc, zone)}–${formatTime(span.endUtc, zone)}`;
  };
  const labels = new Map<ProgrammeMeeting, MeetingLabel>();
  const label = (meeting: ProgrammeMeeting): MeetingLabel => {
    let found = labels.get(meeting);
    if (found === undefined) {
      const zone = zoneOf(meeting);
      const start = formatTime(meeting.startUtc, zone);
      found = { title: meeting.title, range: `${start}–${formatTime(meeting.endUtc, zone)}`, start };
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
    meetingsByPerson: groupBy(live, participantsOf),
    meetingsByRoom: groupBy(live, (meeting) => (meeting.roomId === null ? [] : [meeting.roomId])),
    blocksByPerson: groupBy(
      programme.availability.filter((block) => block.subject === 'person'),
      (block) => [block.subjectId],
    ),
    blocksByRoom: groupBy(
      programme.availability.filter((block) => block.subject === 'room'),
      (block) => [block.subjectId],
    ),
    participantsOf,
    venueIdOf: (meeting) => (meeting.roomId === null ? undefined : rooms.get(meeting.roomId)?.venueId),
    // Travel times are stored for both directions; the reverse covers a matrix entered one way only.
    travelMinutes: (from, to) => travel.get(`${from}>${to}`) ?? travel.get(`${to}>${from}`),
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

function byId<T extends { id: Id }>(items: readonly T[]): Map<Id, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly Id[]): Map<Id, T[]> {
  const groups = new Map<Id, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [item]);
      else group.push(item);
    }
  }
  return groups;
}
