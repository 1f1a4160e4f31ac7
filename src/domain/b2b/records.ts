/**
 * The B2B records the services work with and the store keeps: sessions,
 * participants, requests and the last run of the scheduler. Plain data; the
 * store maps its rows to these shapes.
 */
import type { Id, Instant, LocalDateTime } from '../types';
import type { B2BPlacement, B2BUnplaced } from './model';

/**
 * A stretch of time inside a B2B session: a break for everyone, or a time one
 * participant cannot sit at a table. Local wall-clock as entered, UTC derived.
 */
export interface B2BTimeBlock {
  start: LocalDateTime;
  end: LocalDateTime;
  startUtc: Instant;
  endUtc: Instant;
  label: string;
}

export type B2BSide = 'a' | 'b';

/** A hall with numbered tables and fixed slots, on one forum day. */
export interface B2BSession {
  id: Id;
  forumId: Id;
  title: string;
  roomId: Id;
  start: LocalDateTime;
  end: LocalDateTime;
  timeZone: string;
  startUtc: Instant;
  endUtc: Instant;
  slotMinutes: number;
  changeoverMinutes: number;
  breaks: B2BTimeBlock[];
  tableCount: number;
  /** Both null: anyone meets anyone. Both set: side a meets side b only. */
  sideALabel: string | null;
  sideBLabel: string | null;
  description: string;
  version: number;
}

/** An organization taking part in a B2B session, with who sits at its table. */
export interface B2BParticipantRecord {
  id: Id;
  sessionId: Id;
  organizationId: Id;
  side: B2BSide | null;
  sector: string;
  offers: string;
  seeks: string;
  notes: string;
  /** Times within the session the company cannot meet (besides its representatives' other meetings). */
  unavailable: B2BTimeBlock[];
  representativeIds: Id[];
  /** How many meetings the company may hold at once (1 to 20, at most one per representative). */
  seats: number;
  version: number;
}

export const B2B_REQUEST_STATES = ['pending', 'accepted', 'declined', 'cancelled'] as const;
export type B2BRequestState = (typeof B2B_REQUEST_STATES)[number];

/** One company asking another for a meeting at the B2B session. */
export interface B2BRequestRecord {
  id: Id;
  sessionId: Id;
  fromId: Id;
  toId: Id;
  message: string;
  /** 1 low, 2 normal, 3 high: higher wins when not everything fits. */
  priority: number;
  state: B2BRequestState;
  /** 'planner:<username>' or 'link:<participant id>': who sent it. */
  createdBy: string;
  answeredAt: Instant | null;
  /** The planner's pin, both or neither: slot index (0-based) and table (1-based). */
  pinSlotIndex: number | null;
  pinTable: number | null;
  /** The programme meeting the request became; kept (cancelled) when it is no longer placed. */
  meetingId: Id | null;
  createdAt: Instant;
  updatedAt: Instant;
  version: number;
}

/** The last run of the scheduler over a session: when, by whom, how well. */
export interface B2BRun {
  sessionId: Id;
  ranAt: Instant;
  ranBy: string;
  placed: number;
  upperBound: number;
  idleSlots: number;
  /** Fingerprint of what the scheduler was given; differs once the programme or the requests change. */
  inputHash: string;
}

/** A session's last schedule as kept: replaced as a whole by each run. */
export interface B2BStoredSchedule {
  run: B2BRun | null;
  placements: B2BPlacement[];
  unplaced: B2BUnplaced[];
}

/**
 * The representatives of each of a company's seats: split in their listed
 * order, taking turns (seat 1 gets the 1st, 3rd, … with two seats). One seat
 * (the default) is the whole team together.
 */
export function seatGroups(participant: Pick<B2BParticipantRecord, 'representativeIds' | 'seats'>): Id[][] {
  const count = Math.max(1, Math.min(participant.seats, participant.representativeIds.length || 1));
  const groups: Id[][] = Array.from({ length: count }, () => []);
  participant.representativeIds.forEach((id, i) => groups[i % count]!.push(id));
  return groups;
}
