/**
 * The forum's vocabulary as plain data. Everything in src/domain works on these
 * shapes and receives them as arguments: no I/O, no SQL, no express.
 *
 * Instants are epoch milliseconds (UTC); wall-clock times are ISO local strings
 * ('2019-06-07T10:00') that only ever travel together with their IANA zone.
 */

import type { AgreementStatus } from './agreements';

export type Id = number;
/** Epoch milliseconds, UTC. */
export type Instant = number;
/** Local wall-clock time 'YYYY-MM-DDTHH:mm' (no offset); meaningful only with a zone. */
export type LocalDateTime = string;
/** 'YYYY-MM-DD' */
export type LocalDate = string;
/** 'HH:mm' */
export type LocalTime = string;

/** Any versioned record: what the generic record table, its service and its pages need of it. */
export interface RecordShape {
  id: Id;
  version: number;
}

export interface Forum {
  id: Id;
  name: string;
  shortName: string;
  startDate: LocalDate;
  endDate: LocalDate;
  timeZone: string;
  city: string;
  version: number;
}

export interface Venue {
  id: Id;
  forumId: Id;
  name: string;
  address: string;
  /** Opening hours in the forum's zone, every forum day; null = always open. */
  opensAt: LocalTime | null;
  closesAt: LocalTime | null;
  /** Where it is on the map, WGS 84 degrees (both or neither): a feed's GEO, a phone's map link. */
  latitude: number | null;
  longitude: number | null;
  version: number;
}

export const ROOM_KINDS = ['meeting_room', 'hall', 'stand', 'b2b_area'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

export interface Room {
  id: Id;
  venueId: Id;
  name: string;
  capacity: number;
  kind: RoomKind;
  version: number;
}

/** Minutes needed to get from one venue to another (stored for both directions). */
export interface TravelTime {
  fromVenueId: Id;
  toVenueId: Id;
  minutes: number;
}

export const ORGANIZATION_KINDS = ['government', 'region', 'ministry', 'agency', 'foundation', 'company', 'bank'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface Organization {
  id: Id;
  /** The name in English (Latin script): always there, the one a reader without their own language's name sees. */
  name: string;
  /** The name in Russian (Cyrillic), '' when none is known. */
  nameRu: string;
  /** The name in Azerbaijani (Latin script), '' when none is known. */
  nameAz: string;
  country: string;
  kind: OrganizationKind;
  version: number;
}

export interface Person {
  id: Id;
  /** The name in English, the Latin transliteration (Aleksandr Drozdenko): always there. */
  fullName: string;
  /** The name in Russian, in Cyrillic (Александр Дрозденко, Шахин Мустафаев); '' when none is known. */
  nameRu: string;
  /** The name in Azerbaijani, in Latin script (Şahin Mustafayev); '' when none is known. */
  nameAz: string;
  /** The Russian patronymic (Юрьевич, Ашраф оглы), '' when unknown: with it a Russian reader sees Дрозденко А. Ю. */
  patronymicRu: string;
  /** The position in English (Governor of Leningrad Region). */
  position: string;
  /** The position in Russian (Губернатор Ленинградской области), ''. */
  positionRu: string;
  /** The position in Azerbaijani (Leninqrad vilayətinin qubernatoru), ''. */
  positionAz: string;
  organizationId: Id | null;
  email: string;
  phone: string;
  languages: string;
  notes: string;
  version: number;
}

export const MEMBER_ROLES = ['head', 'deputy', 'adviser', 'protocol_officer', 'interpreter', 'press', 'security', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface Delegation {
  id: Id;
  forumId: Id;
  name: string;
  country: string;
  homeTimeZone: string;
  headPersonId: Id | null;
  version: number;
}

export interface DelegationMember {
  delegationId: Id;
  personId: Id;
  role: MemberRole;
}

export const MEETING_KINDS = [
  'bilateral',
  'multilateral',
  'signing',
  'panel',
  'b2b',
  'briefing',
  'press',
  'reception',
  'travel',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATUSES = ['proposed', 'tentative', 'confirmed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const PARTICIPANT_ROLES = ['principal', 'required', 'optional', 'interpreter', 'note_taker', 'counterpart'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export interface Participant {
  personId: Id;
  role: ParticipantRole;
}

/**
 * A document to sign at a meeting, as the meeting reads it: an agreement of
 * the forum's register (domain/agreements) whose meeting this is. The
 * meeting form writes its title, parties and date; the register the rest.
 */
export interface MeetingDocument {
  /** The agreement's id in the register. */
  id: Id;
  title: string;
  parties: string;
  /** Local date it was signed, or null while unsigned. */
  signedOn: LocalDate | null;
  status: AgreementStatus;
}

export interface Meeting {
  id: Id;
  forumId: Id;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  start: LocalDateTime;
  end: LocalDateTime;
  timeZone: string;
  startUtc: Instant;
  endUtc: Instant;
  roomId: Id | null;
  /** Free-text place when the meeting is outside the forum's venues. */
  place: string;
  isPublic: boolean;
  participants: Participant[];
  delegationIds: Id[];
  briefing: string;
  outcome: string;
  /** The planner marked the outcome publishable: the draft press release may quote it (domain/outcome). */
  outcomePublic: boolean;
  documents: MeetingDocument[];
  /** Rises on every material change (time, place, status, title): iCalendar SEQUENCE. */
  sequence: number;
  /** When it was cancelled (null unless cancelled): feeds keep cancellations for a while, then drop them. */
  cancelledAt: Instant | null;
  /** When it was marked held (null unless held): only a confirmed meeting is held. */
  heldAt: Instant | null;
  createdAt: Instant;
  updatedAt: Instant;
  version: number;
}

export type AvailabilitySubject = 'person' | 'room';

export interface AvailabilityBlock {
  id: Id;
  forumId: Id;
  subject: AvailabilitySubject;
  subjectId: Id;
  startUtc: Instant;
  endUtc: Instant;
  reason: string;
}

/** A block as entered and kept: its local start and end in its zone, and its version. */
export interface StoredAvailabilityBlock extends AvailabilityBlock {
  start: LocalDateTime;
  end: LocalDateTime;
  timeZone: string;
  version: number;
}
