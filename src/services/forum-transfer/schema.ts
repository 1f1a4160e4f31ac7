import { z } from 'zod';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES } from '../../domain/agreements';
import { MEETING_KINDS, MEETING_STATUSES, MEMBER_ROLES, ORGANIZATION_KINDS, PARTICIPANT_ROLES, ROOM_KINDS } from '../../domain/types';

/**
 * The document a forum moves in between installations: `forum-planner/forum`,
 * version 1. Ids are the exporting installation's; inside the file they only
 * say which row another row means, and an import gives every row a new one.
 * README ("Moving a forum between installations") describes each list.
 */
export const FORMAT = 'forum-planner/forum';
export const VERSION = 1;
/** The largest file an import reads. */
export const MAX_BYTES = 20 * 1024 * 1024;

/** How many rows of each list a document may hold: well above a forum of 20,000 meetings. */
const MAX = { small: 2_000, people: 50_000, meetings: 100_000, rows: 400_000 } as const;

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string().max(max);
const instant = z.number().int().min(0).max(8_640_000_000_000);
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const clockTime = z.string().regex(/^\d{2}:\d{2}$/);
const zone = text(64);

const forum = z.strictObject({ name: text(200).min(1), shortName: text(60), startDate: localDate, endDate: localDate, timeZone: zone, city: text(100) });
const venue = z.strictObject({ id, name: text(200).min(1), address: text(300), opensAt: clockTime.nullable(), closesAt: clockTime.nullable(), latitude: z.number().min(-90).max(90).nullable(), longitude: z.number().min(-180).max(180).nullable() });
const room = z.strictObject({ id, venue: id, name: text(200).min(1), capacity: z.number().int().min(0).max(100_000), kind: z.enum(ROOM_KINDS) });
const travel = z.strictObject({ from: id, to: id, minutes: z.number().int().min(0).max(1440) });
const organization = z.strictObject({ id, name: text(200).min(1), nameRu: text(200), nameAz: text(200), country: text(100), kind: z.enum(ORGANIZATION_KINDS) });
const person = z.strictObject({
  id,
  fullName: text(200).min(1),
  nameRu: text(200),
  nameAz: text(200),
  patronymicRu: text(100),
  position: text(300),
  positionRu: text(300),
  positionAz: text(300),
  organization: id.nullable(),
  email: text(200),
  phone: text(100),
  languages: text(200),
  notes: text(4000),
});
const delegation = z.strictObject({ id, name: text(200).min(1), country: text(100), homeTimeZone: zone, head: id.nullable() });
const member = z.strictObject({ delegation: id, person: id, role: z.enum(MEMBER_ROLES) });
const meeting = z.strictObject({
  id,
  uid: text(300).min(1),
  title: text(300).min(1),
  kind: z.enum(MEETING_KINDS),
  status: z.enum(MEETING_STATUSES),
  start: localDateTime,
  end: localDateTime,
  timeZone: zone,
  startUtc: instant,
  endUtc: instant,
  room: id.nullable(),
  place: text(300),
  isPublic: z.boolean(),
  briefing: text(20_000),
  outcome: text(20_000),
  /** The outcome may be published (0024); a file from before has it private. */
  outcomePublic: z.boolean().default(false),
  sequence: z.number().int().min(0).max(1_000_000),
  cancelledAt: instant.nullable(),
  /** The id an imported file gave it (migration 0026); absent in documents written before. */
  externalId: text(200).min(1).nullable().default(null),
  /** The forum programme session it attends (issue 16); files written before it have none. */
  programmeSession: id.nullable().default(null),
  /** When it was marked held (0023); a file from before has none. */
  heldAt: instant.nullable().default(null),
});
const participant = z.strictObject({ meeting: id, person: id, role: z.enum(PARTICIPANT_ROLES) });
const meetingDelegation = z.strictObject({ meeting: id, delegation: id });
/**
 * An agreement of the register (0023). A file from before held only a meeting's documents to sign (meeting, title,
 * parties, date): the rest defaults as migration 0023 moved them, and the status follows the date (`statusOf`).
 */
const document = z.strictObject({
  id,
  meeting: id.nullable(),
  kind: z.enum(AGREEMENT_KINDS).default('agreement'),
  title: text(500).min(1),
  titleRu: text(500).default(''),
  titleAz: text(500).default(''),
  parties: text(500),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  signedOn: localDate.nullable(),
  signedPlace: text(300).default(''),
  note: text(4000).default(''),
});
const agreementParty = z.strictObject({ agreement: id, organization: id });
const agreementSignatory = z.strictObject({ agreement: id, person: id, position: text(300) });
const unavailability = z.strictObject({ id, subject: z.enum(['person', 'room']), subjectId: id, start: localDateTime, end: localDateTime, timeZone: zone, startUtc: instant, endUtc: instant, reason: text(300), source: text(200).default('') });

/** A B2B break or busy time as the B2B records keep it. */
const span = z.strictObject({ start: localDateTime, end: localDateTime, startUtc: instant, endUtc: instant, label: text(300) });
const b2bSession = z.strictObject({
  id,
  title: text(200).min(1),
  room: id,
  start: localDateTime,
  end: localDateTime,
  timeZone: zone,
  startUtc: instant,
  endUtc: instant,
  slotMinutes: z.number().int().min(1).max(1440),
  changeoverMinutes: z.number().int().min(0).max(1440),
  breaks: z.array(span).max(100),
  tableCount: z.number().int().min(1).max(1000),
  sideALabel: text(100).nullable(),
  sideBLabel: text(100).nullable(),
  description: text(4000),
});
const b2bParticipant = z.strictObject({
  id,
  session: id,
  organization: id,
  side: z.enum(['a', 'b']).nullable(),
  sector: text(200),
  offers: text(4000),
  seeks: text(4000),
  notes: text(4000),
  unavailable: z.array(span).max(100),
  seats: z.number().int().min(1).max(20),
});
const b2bRepresentative = z.strictObject({ participant: id, person: id });
const b2bRequest = z.strictObject({
  id,
  session: id,
  from: id,
  to: id,
  message: text(4000),
  priority: z.number().int().min(1).max(3),
  state: z.enum(['pending', 'accepted', 'declined', 'cancelled']),
  createdBy: text(200),
  answeredAt: instant.nullable(),
  pinSlot: z.number().int().min(0).max(10_000).nullable(),
  pinTable: z.number().int().min(1).max(1000).nullable(),
  meeting: id.nullable(),
});
const b2bPlacement = z.strictObject({ request: id, slot: z.number().int().min(0).max(10_000), table: z.number().int().min(1).max(1000), pinned: z.boolean(), fromSeat: z.number().int().min(0).max(19), toSeat: z.number().int().min(0).max(19) });
const b2bUnplaced = z.strictObject({ request: id, reason: text(100), message: text(4000) });
const b2bRun = z.strictObject({ session: id, ranAt: instant, ranBy: text(200), placed: z.number().int().min(0), upperBound: z.number().int().min(0), idleSlots: z.number().int().min(0), inputHash: text(200) });
const b2bPublication = z.strictObject({ session: id, publishedAt: instant, publishedBy: text(200) });

/** A session of the forum's official programme (migration 0025). */
const programmeSession = z.strictObject({
  id,
  source: text(300).min(1),
  uid: text(500).min(1),
  occurrence: text(40),
  title: text(300),
  description: text(4000),
  location: text(300),
  start: localDateTime,
  end: localDateTime,
  timeZone: zone,
  startUtc: instant,
  endUtc: instant,
  allDay: z.boolean(),
  cancelled: z.boolean(),
  changes: text(60),
  changedAt: instant,
  wasStartUtc: instant.nullable(),
  wasEndUtc: instant.nullable(),
});

const list = <T extends z.ZodType>(row: T, max: number) => z.array(row).max(max);

export const forumDocument = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  exportedAt: z.iso.datetime(),
  forum,
  venues: list(venue, MAX.small),
  rooms: list(room, MAX.small),
  travel: list(travel, MAX.rows),
  organizations: list(organization, MAX.people),
  people: list(person, MAX.people),
  delegations: list(delegation, MAX.small),
  members: list(member, MAX.people),
  programmeSessions: list(programmeSession, MAX.meetings).default([]),
  meetings: list(meeting, MAX.meetings),
  participants: list(participant, MAX.rows),
  meetingDelegations: list(meetingDelegation, MAX.rows),
  documents: list(document, MAX.meetings),
  agreementParties: list(agreementParty, MAX.rows).default([]),
  agreementSignatories: list(agreementSignatory, MAX.rows).default([]),
  unavailability: list(unavailability, MAX.meetings),
  b2b: z.strictObject({
    sessions: list(b2bSession, MAX.small),
    participants: list(b2bParticipant, MAX.people),
    representatives: list(b2bRepresentative, MAX.people),
    requests: list(b2bRequest, MAX.rows),
    placements: list(b2bPlacement, MAX.rows),
    unplaced: list(b2bUnplaced, MAX.rows),
    runs: list(b2bRun, MAX.small),
    publications: list(b2bPublication, MAX.small),
  }),
});

export type ForumDocument = z.infer<typeof forumDocument>;
