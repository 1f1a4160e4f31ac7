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
 * An organization taking part in the session. `busy` is the union of its own
 * unavailability and every other meeting of any of its representatives: a
 * company whose only representative is at a bilateral cannot hold a table.
 */
export interface B2BParticipant {
  id: Id;
  /** Used in explanations; without it the participant is called "participant #id". */
  name?: string;
  busy: BusyInterval[];
}

/** An accepted meeting request. Higher `priority` wins when not everything fits. */
export interface B2BRequest {
  id: Id;
  fromId: Id;
  toId: Id;
  priority: number;
}

/** A placement the planner fixed by hand; `table` is 1-based. */
export interface B2BPin {
  requestId: Id;
  slotIndex: number;
  table: number;
}

export interface B2BInput {
  slots: B2BSlot[];
  tableCount: number;
  participants: B2BParticipant[];
  requests: B2BRequest[];
  pinned?: B2BPin[];
  /** IANA zone of the forum; when given, explanations name slots by local time ("the 10:25 slot"). */
  timeZone?: string;
  /**
   * How much repair work to do, in search steps (not milliseconds, so the same
   * input always gives the same schedule on any machine). Defaults to 2,000,000.
   */
  searchBudget?: number;
}

export interface B2BPlacement {
  requestId: Id;
  slotIndex: number;
  table: number;
  pinned: boolean;
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
  /** What blocks the meeting and what could change it, for the planner (src/messages/en/b2b.ts). */
  message: Message;
}

export interface B2BStats {
  placed: number;
  /** No valid schedule places more than this (see computeUpperBound). */
  upperBound: number;
  /** Free slots participants sit idle between their first and last meeting. */
  idleSlots: number;
}

export interface B2BSchedule {
  placements: B2BPlacement[];
  unplaced: B2BUnplaced[];
  stats: B2BStats;
}
