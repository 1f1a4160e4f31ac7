/**
 * The time grid of a B2B session: fixed slots with a changeover between them,
 * interrupted by breaks. The scheduler only ever sees these slots, so every rule
 * about "when can two companies sit down" is decided here once.
 */
import { ValidationError } from '../errors';
import { message, type Message } from '../../messages/message';
import type { Instant } from '../types';

export interface TimeInterval {
  startUtc: Instant;
  endUtc: Instant;
}

/** A slot of a B2B session. `index` is 0-based and stable: pins refer to it. */
export interface B2BSlot {
  index: number;
  startUtc: Instant;
  endUtc: Instant;
}

export interface SlotGrid {
  startUtc: Instant;
  endUtc: Instant;
  slotMinutes: number;
  changeoverMinutes: number;
  breaks: TimeInterval[];
}

const MINUTE = 60_000;

/**
 * Half-open overlap, the one expression used for every time clash in the B2B
 * engine: a meeting ending at 10:20 does not clash with a slot starting at 10:20.
 */
export function overlaps(a: TimeInterval, b: TimeInterval): boolean {
  return a.startUtc < b.endUtc && b.startUtc < a.endUtc;
}

/**
 * Lays out slots from the session start. A slot that would overlap a break is
 * not shortened (every table conversation gets the same length); instead the
 * next slot starts when the break ends, because that is when people come back.
 * A slot that would run past the session end is dropped for the same reason.
 *
 * Throws a ValidationError naming the field to change when the grid makes no sense.
 */
export function buildSlots(grid: SlotGrid): B2BSlot[] {
  validateGrid(grid);
  const slotMs = grid.slotMinutes * MINUTE;
  const changeoverMs = grid.changeoverMinutes * MINUTE;
  const breaks = [...grid.breaks].sort((a, b) => a.startUtc - b.startUtc);
  const slots: B2BSlot[] = [];
  let start = grid.startUtc;
  while (start + slotMs <= grid.endUtc) {
    const candidate = { startUtc: start, endUtc: start + slotMs };
    const clash = breaks.find((b) => overlaps(b, candidate));
    if (clash) {
      // The clash ends after `start` (it overlaps the candidate), so this always advances;
      // a later break is caught by the next turn of the loop.
      start = clash.endUtc;
      continue;
    }
    slots.push({ index: slots.length, ...candidate });
    start = candidate.endUtc + changeoverMs;
  }
  return slots;
}

function validateGrid(grid: SlotGrid): void {
  const fields: Record<string, Message> = {};
  if (!Number.isFinite(grid.startUtc) || !Number.isFinite(grid.endUtc)) {
    fields.startUtc = message('b2b.grid.needs-times', {});
  } else if (grid.endUtc <= grid.startUtc) {
    fields.endUtc = message('b2b.grid.end-before-start', {});
  }
  if (!Number.isFinite(grid.slotMinutes) || grid.slotMinutes <= 0) {
    fields.slotMinutes = message('b2b.grid.slot-length', {});
  }
  if (!Number.isFinite(grid.changeoverMinutes) || grid.changeoverMinutes < 0) {
    fields.changeoverMinutes = message('b2b.grid.changeover', {});
  }
  grid.breaks.forEach((b, i) => {
    if (!Number.isFinite(b.startUtc) || !Number.isFinite(b.endUtc) || b.endUtc <= b.startUtc) {
      fields[`breaks.${i}`] = message('b2b.grid.break-reversed', { number: i + 1 });
    }
  });
  if (Object.keys(fields).length > 0) {
    throw new ValidationError(fields, message('b2b.grid.needs-attention', { problems: Object.values(fields) }));
  }
}
