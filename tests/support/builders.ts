/**
 * Small builders for domain records: a valid default plus the overrides a test
 * cares about, so each test states only what matters to it.
 */
import type { Programme } from '../../src/domain/conflicts';
import { resolveLocalTime } from '../../src/domain/time';
import type { AvailabilityBlock, Id, Instant, Meeting, Participant, Person, Room, TravelTime, Venue } from '../../src/domain/types';
import { render } from '../../src/messages';

export const FORUM_ZONE = 'Europe/Moscow';

let lastId = 0;
/** Ids far above the ones tests choose by hand, so the two never collide. */
function freshId(): Id {
  lastId += 1;
  return 100_000 + lastId;
}

/** The instant a wall-clock reading names; throws on a gap or an unresolved fold so a typo fails loudly. */
export function instantOf(local: string, timeZone: string = FORUM_ZONE, offsetMinutes?: number): Instant {
  const result = resolveLocalTime({ local, timeZone, ...(offsetMinutes === undefined ? {} : { offsetMinutes }) });
  if (!result.ok) throw new Error(render(result.message));
  return result.instant;
}

/** Participants with a neutral role, for tests that only care who attends. */
export function attendees(...personIds: Id[]): Participant[] {
  return personIds.map((personId) => ({ personId, role: 'required' }));
}

/** Start and end default to 10:00–11:00 on 7 June 2019 in Moscow; UTC instants follow them unless given. */
export function aMeeting(overrides: Partial<Meeting> = {}): Meeting {
  const id = overrides.id ?? freshId();
  const timeZone = overrides.timeZone ?? FORUM_ZONE;
  const start = overrides.start ?? '2019-06-07T10:00';
  const end = overrides.end ?? '2019-06-07T11:00';
  return {
    id,
    forumId: 1,
    title: `Meeting ${id}`,
    kind: 'bilateral',
    status: 'confirmed',
    start,
    end,
    timeZone,
    startUtc: overrides.startUtc ?? instantOf(start, timeZone),
    endUtc: overrides.endUtc ?? instantOf(end, timeZone),
    roomId: null,
    place: '',
    isPublic: false,
    participants: [],
    delegationIds: [],
    briefing: '',
    outcome: '',
    outcomePublic: false,
    documents: [],
    sequence: 0,
    cancelledAt: null,
    heldAt: null,
    createdAt: 0,
    updatedAt: 0,
    version: 1,
    ...overrides,
  };
}

export function aVenue(overrides: Partial<Venue> = {}): Venue {
  const id = overrides.id ?? freshId();
  return { id, forumId: 1, name: `Venue ${id}`, address: '', opensAt: null, closesAt: null, latitude: null, longitude: null, version: 1, ...overrides };
}

export function aRoom(overrides: Partial<Room> = {}): Room {
  const id = overrides.id ?? freshId();
  return { id, venueId: 1, name: `Room ${id}`, capacity: 20, kind: 'meeting_room', version: 1, ...overrides };
}

export function aPerson(overrides: Partial<Person> = {}): Person {
  const id = overrides.id ?? freshId();
  return {
    id,
    fullName: `Person ${id}`,
    nameRu: '',
    nameAz: '',
    patronymicRu: '',
    position: '',
    positionRu: '',
    positionAz: '',
    organizationId: null,
    email: '',
    phone: '',
    languages: '',
    notes: '',
    version: 1,
    ...overrides,
  };
}

/** A person's block by default; say `subject: 'room'` for a room's. */
export function anAvailabilityBlock(overrides: Partial<AvailabilityBlock> = {}): AvailabilityBlock {
  return {
    id: overrides.id ?? freshId(),
    forumId: 1,
    subject: 'person',
    subjectId: 1,
    startUtc: overrides.startUtc ?? instantOf('2019-06-07T09:00'),
    endUtc: overrides.endUtc ?? instantOf('2019-06-07T12:00'),
    reason: '',
    ...overrides,
  };
}

/** Both directions, as the store keeps them. */
export function travelBetween(fromVenueId: Id, toVenueId: Id, minutes: number): TravelTime[] {
  return [
    { fromVenueId, toVenueId, minutes },
    { fromVenueId: toVenueId, toVenueId: fromVenueId, minutes },
  ];
}

export function aProgramme(overrides: Partial<Programme> = {}): Programme {
  return { meetings: [], rooms: [], venues: [], people: [], availability: [], travelTimes: [], forumTimeZone: FORUM_ZONE, ...overrides };
}
