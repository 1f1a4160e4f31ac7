/**
 * The next free start for one meeting: a search over the 5-minute grid that
 * asks the conflict engine itself at each candidate, so "free" means exactly
 * what a save would find. Free: the meeting, moved there with its duration,
 * has no conflict that its time causes (double booking, unavailability,
 * travel time, venue hours); a room too small stays too small at any time,
 * so over-capacity does not make a slot busy.
 */
import { conflictsInvolving, type ConflictKind, type Programme, type ProgrammeMeeting } from '.';
import type { Instant } from '../types';

export const FREE_SLOT_STEP_MS = 5 * 60_000;

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
