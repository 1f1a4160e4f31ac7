/**
 * What the B2B scheduler takes and gives back. Plain data: the service loads
 * participants, their busy times and the accepted requests, the domain computes.
 */
import type { B2BSlot, TimeInterval } from './slots';
import type { Id } from '../types';
import type { Message } from '../../messages/message';

/**
 * A time the participant cannot sit at a table. `label` is a short phrase a
 * planner recognises (usually the other meeting's title, e.g. "Meeting with
 * Governor Drozdenko"); it is quoted in the explanation when a request cannot be placed.
 */
export interface BusyInterval extends TimeInterval {
  label?: string;
}

/**
 * A group of a company's representatives who sit at one table together. A
 * seat holds at most one meeting per slot; `busy` blocks only this seat (one
 * representative at a bilateral while a colleague keeps the other table).
 */
export interface B2BSeat {
  representativeIds: Id[];
  busy: BusyInterval[];
}

/**
 * An organization taking part in the session. `busy` blocks the whole
 * company, every seat: its own unavailability, and (without `seats`) every
 * other meeting of any of its representatives, since a company whose only
 * representative is at a bilateral cannot hold a table.
 *
 * `seats` lets a company hold parallel meetings: at most `seats.length` in one
 * slot, each at a seat that is free then. Absent or empty means one seat with
 * no busy time of its own, which is the single-table behaviour.
 */
export interface B2BParticipant {
  id: Id;
  /** Used in explanations; without it the participant is called "participant #id". */
  name?: string;
  busy: BusyInterval[];
  seats?: B2BSeat[];
}

/** An accepted meeting request. Higher `priority` wins when not everything fits. */
export interface B2BRequest {
  id: Id;
  fromId: Id;
  toId: Id;
  priority: number;
}

/** A placement the planner fixed by hand (or, in `current`, one already published); `table` is 1-based. */
export interface B2BPin {
  requestId: Id;
  slotIndex: number;
  table: number;
}

/**
 * 'replan' places everything afresh (published meetings may move anywhere);
 * 'place-new' keeps every valid placement of `current` where it is and places
 * only the other requests, moving a current one only when that places more,
 * and then at most `moveLimit` of them.
 */
export type B2BMode = 'place-new' | 'replan';

export interface B2BInput {
  slots: B2BSlot[];
  tableCount: number;
  participants: B2BParticipant[];
  requests: B2BRequest[];
  pinned?: B2BPin[];
  /** IANA zone of the forum; when given, explanations name slots by local time ("the 10:25 slot"). */
  timeZone?: string;
  /** Defaults to 'replan'; the service picks 'place-new' once a schedule is published. */
  mode?: B2BMode;
  /**
   * The published placements. 'place-new' keeps them; in both modes the stats
   * count how many of them moved. A placement of a request that is no longer
   * among `requests`, or that is pinned, is ignored; one that breaks a rule
   * now (a side became busy, the table is gone) is placed again like a new one.
   */
  current?: B2BPin[];
  /** 'place-new': at most this many current placements may move to place more requests. Defaults to 0. */
  moveLimit?: number;
  /**
   * How long the search may run, in milliseconds, measured by the clock the
   * caller passes to `scheduleB2B` (without one, by a fixed count of search
   * steps per millisecond, which never depends on the machine). Defaults to 3,000.
   */
  timeBudgetMs?: number;
}

export interface B2BPlacement {
  requestId: Id;
  slotIndex: number;
  table: number;
  pinned: boolean;
  /** 0-based index into the seats of the request's `fromId` side (0 for a company without seats). */
  fromSeat: number;
  /** 0-based index into the seats of the request's `toId` side. */
  toSeat: number;
}

export const UNPLACED_REASONS = [
  /** One side has no free slot in the whole session. */
  'participant_busy',
  /** Both have free slots, but never at the same time. */
  'no_common_free_slot',
  /** In some slot both are free and unbooked, but every table is taken. */
  'no_free_table',
  /** Whenever both are free, one of them already meets someone else. */
  'participants_booked',
  /** The planner's pin breaks a rule; it is reported, never moved. */
  'invalid_pin',
  /** The request cannot be a meeting at all (a company asking to meet itself). */
  'invalid_request',
] as const;
export type UnplacedReason = (typeof UNPLACED_REASONS)[number];

export interface B2BUnplaced {
  requestId: Id;
  reason: UnplacedReason;
  /** What blocks the meeting and what could change it, for the planner (src/messages/catalogues/<locale>/domain-b2b.json). */
  message: Message;
}

export interface B2BStats {
  placed: number;
  /** No valid schedule places more than this (see computeUpperBound). */
  upperBound: number;
  /** Free slots participants sit idle between their first and last meeting. */
  idleSlots: number;
  /**
   * Placements of `current` (of requests still given) now at another slot or
   * table. Those left unplaced are neither moved nor kept: current - moved - kept.
   */
  moved: number;
  /** Placements of `current` kept at their slot and table. */
  kept: number;
  /** placed == upperBound: no schedule places more. */
  provenOptimal: boolean;
}

export interface B2BSchedule {
  placements: B2BPlacement[];
  unplaced: B2BUnplaced[];
  stats: B2BStats;
}
