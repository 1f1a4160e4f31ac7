/**
 * Turns a B2BInput into the dense board the search works on, once: ids become
 * positions (in id order, so the order of the input never matters), busy
 * intervals and seats become a capacity per participant and slot, planner
 * pins are checked and fixed, and in 'place-new' the published placements
 * that still hold are fixed too. Programmer errors in the input (duplicate ids, a request naming
 * an unknown participant) throw; planner mistakes (a pin that breaks a rule)
 * become data in the result, so the service can show them next to the schedule.
 */
import { Board, NONE } from './board';
import type { B2BInput, B2BParticipant, BusyInterval } from './model';
import { overlaps, type B2BSlot } from './slots';
import { ValidationError } from '../errors';
import { nameOf, slotRef } from './wording';
import { message, type Message } from '../../messages/message';
import type { Id } from '../types';

export interface Problem {
  input: B2BInput;
  /** Slots in time order; board slot s is slots[s]. */
  slots: B2BSlot[];
  names: string[];
  requestIds: Id[];
  /** Per participant and slot, what keeps it busy: the label, '' when unlabelled, null when free. */
  busyLabel: Array<string | null>;
  board: Board;
  /** Table per request for valid pins (0-based), NONE otherwise. */
  pinnedTable: Int32Array;
  /** Where `current` had each request (board slot, 0-based table), NONE when it had none or it broke a rule. */
  currentSlot: Int32Array;
  currentTable: Int32Array;
  /** 1 for each request `current` placed (still given, valid and not pinned), whether or not that place still holds. */
  wasCurrent: Uint8Array;
  /** Requests fixed because 'place-new' keeps them where `current` had them; the move phase may free them. */
  keptCurrent: number[];
  /** Per participant, seatFree[p][k * S + s] = 1 when seat k is free in slot s; null for a company without seats. */
  seatFree: Array<Uint8Array | null>;
  /** Requests the scheduler may place: valid, and not carrying an invalid pin. */
  candidates: number[];
  /** Requests that are not schedulable at all, with the sentence explaining why. */
  rejected: Array<{ r: number; reason: 'invalid_pin' | 'invalid_request'; message: Message }>;
}

export function buildProblem(input: B2BInput): Problem {
  const { tableCount } = input;
  if (!Number.isInteger(tableCount) || tableCount < 1) {
    throw invalidInput('tableCount', message('b2b.input.no-tables', {}));
  }
  const slots = [...input.slots].sort((a, b) => a.startUtc - b.startUtc || a.index - b.index);
  const S = slots.length;
  unique(slots.map((s) => s.index), 'slots', 'slot index');
  unique(input.participants.map((p) => p.id), 'participants', 'participant id');
  unique(input.requests.map((r) => r.id), 'requests', 'request id');

  // Id order, not input order: the same session gives the same schedule however the database lists it.
  const participants = [...input.participants].sort((a, b) => a.id - b.id);
  const requests = [...input.requests].sort((a, b) => a.id - b.id);
  const position = new Map(participants.map((p, i) => [p.id, i]));
  const P = participants.length;
  const capacity = new Uint16Array(P * S);
  const busyLabel: Array<string | null> = new Array(P * S).fill(null);
  const seatFree: Array<Uint8Array | null> = [];
  const busySlots = (participant: B2BParticipant, intervals: readonly BusyInterval[], mark: (s: number, label: string) => void) => {
    // Time order, so which label explains a busy slot never depends on the order the database lists them in.
    const ordered = [...intervals].sort((a, b) => a.startUtc - b.startUtc || a.endUtc - b.endUtc || byCodeUnits(a.label ?? '', b.label ?? ''));
    for (const interval of ordered) {
      if (!(interval.endUtc >= interval.startUtc)) {
        throw invalidInput('busy', message('b2b.input.busy-reversed', { name: nameOf(participant) }));
      }
      slots.forEach((slot, s) => {
        if (overlaps(interval, slot)) mark(s, interval.label ?? '');
      });
    }
  };
  participants.forEach((participant, p) => {
    const companyBusy = new Uint8Array(S);
    busySlots(participant, participant.busy, (s, label) => {
      companyBusy[s] = 1;
      busyLabel[p * S + s] ??= label;
    });
    const seats = participant.seats ?? [];
    if (seats.length === 0) {
      seatFree.push(null);
      for (let s = 0; s < S; s++) capacity[p * S + s] = companyBusy[s] ? 0 : 1;
      return;
    }
    const free = new Uint8Array(seats.length * S).fill(1);
    const seatLabel: Array<string | null> = new Array(S).fill(null);
    seats.forEach((seat, k) => {
      busySlots(participant, seat.busy, (s, label) => {
        free[k * S + s] = 0;
        seatLabel[s] ??= label;
      });
    });
    seatFree.push(free);
    for (let s = 0; s < S; s++) {
      let open = 0;
      for (let k = 0; k < seats.length; k++) open += free[k * S + s]!;
      capacity[p * S + s] = companyBusy[s] ? 0 : Math.min(open, 0xffff);
      // Every seat busy: the company is, and an explanation names what keeps its first seat.
      if (open === 0) busyLabel[p * S + s] ??= seatLabel[s] ?? '';
    }
  });

  const R = requests.length;
  const from = new Int32Array(R);
  const to = new Int32Array(R);
  const priority = new Float64Array(R);
  requests.forEach((request, r) => {
    const u = position.get(request.fromId);
    const v = position.get(request.toId);
    if (u === undefined || v === undefined) {
      const missing = u === undefined ? request.fromId : request.toId;
      throw invalidInput('requests', message('b2b.input.unknown-participant', { request: request.id, participant: missing }));
    }
    from[r] = u;
    to[r] = v;
    priority[r] = request.priority;
  });

  const board = new Board({ slotCount: S, tableCount, participantCount: P, from, to, priority, capacity });
  const problem: Problem = {
    input,
    slots,
    names: participants.map(nameOf),
    requestIds: requests.map((r) => r.id),
    busyLabel,
    board,
    pinnedTable: new Int32Array(R).fill(NONE),
    currentSlot: new Int32Array(R).fill(NONE),
    currentTable: new Int32Array(R).fill(NONE),
    wasCurrent: new Uint8Array(R),
    keptCurrent: [],
    seatFree,
    candidates: [],
    rejected: [],
  };
  const invalid = new Set<number>();
  requests.forEach((request, r) => {
    if (request.fromId !== request.toId) return;
    invalid.add(r);
    problem.rejected.push({
      r,
      reason: 'invalid_request',
      message: message('b2b.request.self', { name: problem.names[from[r]!]! }),
    });
  });
  const requestAt = new Map(requests.map((r, i) => [r.id, i]));
  const slotAt = new Map(slots.map((s, i) => [s.index, i]));
  const tableTaken = new Set<string>();
  applyPins(problem, invalid, requestAt, slotAt, tableTaken);
  applyCurrent(problem, invalid, requestAt, slotAt, tableTaken);
  for (let r = 0; r < R; r++) if (!invalid.has(r)) problem.candidates.push(r);
  return problem;
}

/**
 * Places valid pins on the board as fixed. Pins are judged in request id
 * order: when two pins clash, the one of the older request stands and the
 * other is reported, so the planner sees exactly which pin to move.
 */
function applyPins(problem: Problem, invalid: Set<number>, requestAt: Map<Id, number>, slotAt: Map<number, number>, tableTaken: Set<string>): void {
  const { board, slots, names, input } = problem;
  const seen = new Set<Id>();
  const pins = [...(input.pinned ?? [])].sort((a, b) => a.requestId - b.requestId);
  for (const pin of pins) {
    if (seen.has(pin.requestId)) {
      throw invalidInput('pinned', message('b2b.input.pinned-twice', { request: pin.requestId }));
    }
    seen.add(pin.requestId);
    const r = requestAt.get(pin.requestId);
    if (r === undefined) {
      throw invalidInput('pinned', message('b2b.input.pin-not-accepted', { request: pin.requestId }));
    }
    if (invalid.has(r)) continue;
    const reject = (why: Message) => {
      invalid.add(r);
      problem.rejected.push({ r, reason: 'invalid_pin', message: message('b2b.pin.refused', { problem: why }) });
    };
    const s = slotAt.get(pin.slotIndex);
    const u = board.from[r]!;
    const v = board.to[r]!;
    const pair = { a: names[u]!, b: names[v]! };
    if (s === undefined) {
      reject(message('b2b.pin.no-such-slot', { ...pair, slotIndex: pin.slotIndex, slots: slots.length }));
      continue;
    }
    const at = slotRef(slots[s]!, input.timeZone);
    if (!Number.isInteger(pin.table) || pin.table < 1 || pin.table > board.T) {
      reject(message('b2b.pin.no-such-table', { ...pair, table: pin.table, tables: board.T }));
      continue;
    }
    const busySide = [u, v].find((p) => board.isBusy(p, s));
    if (busySide !== undefined) {
      const label = problem.busyLabel[busySide * board.S + s];
      reject(message('b2b.pin.busy', { ...pair, at, busy: names[busySide]!, label: label || null }));
      continue;
    }
    const bookedSide = [u, v].find((p) => !board.hasRoom(p, s));
    if (bookedSide !== undefined) {
      const other = board.other(board.meetingOf(bookedSide, s), bookedSide);
      reject(message('b2b.pin.booked', { ...pair, at, booked: names[bookedSide]!, other: names[other]! }));
      continue;
    }
    const tableKey = `${s}:${pin.table}`;
    if (tableTaken.has(tableKey)) {
      reject(message('b2b.pin.table-taken', { ...pair, table: pin.table, at }));
      continue;
    }
    tableTaken.add(tableKey);
    board.place(r, s);
    board.fixed[r] = 1;
    problem.pinnedTable[r] = pin.table - 1;
  }
  board.commit();
}

/**
 * Notes where `current` had each request, and in 'place-new' fixes those that
 * still hold (both sides free and unbooked, the table there and not taken).
 * One that no longer holds is simply placed again, like a new request: the
 * world changed under it, and the stats count it as moved. Judged in request
 * id order after the pins, so a pin always wins its table.
 */
function applyCurrent(problem: Problem, invalid: Set<number>, requestAt: Map<Id, number>, slotAt: Map<number, number>, tableTaken: Set<string>): void {
  const { board, input } = problem;
  const keep = (input.mode ?? 'replan') === 'place-new';
  const current = [...(input.current ?? [])].sort((a, b) => a.requestId - b.requestId || a.slotIndex - b.slotIndex || a.table - b.table);
  const seen = new Set<Id>();
  for (const placement of current) {
    const r = requestAt.get(placement.requestId);
    // A request that left the session, is pinned or cannot be a meeting is not a published meeting to keep.
    if (r === undefined || seen.has(placement.requestId) || invalid.has(r) || board.fixed[r] === 1) continue;
    seen.add(placement.requestId);
    problem.wasCurrent[r] = 1;
    const s = slotAt.get(placement.slotIndex);
    if (s === undefined || !Number.isInteger(placement.table) || placement.table < 1 || placement.table > board.T) continue;
    const tableKey = `${s}:${placement.table}`;
    if (tableTaken.has(tableKey) || !board.usable(r, s)) continue;
    if (keep && !board.fits(r, s)) continue;
    tableTaken.add(tableKey);
    problem.currentSlot[r] = s;
    problem.currentTable[r] = placement.table - 1;
    if (!keep) continue;
    board.place(r, s);
    board.fixed[r] = 1;
    problem.keptCurrent.push(r);
  }
  board.commit();
}

/** Plain code-unit order: the same on every machine, whatever its locale. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The same message goes in the field map and the error's own, so a log line says what to fix. */
function invalidInput(field: string, said: Message): ValidationError {
  return new ValidationError({ [field]: said }, said);
}

function unique(values: readonly unknown[], field: string, what: 'slot index' | 'participant id' | 'request id'): void {
  const seen = new Set<unknown>();
  for (const value of values) {
    if (seen.has(value)) throw invalidInput(field, message('b2b.input.duplicate', { what, value: String(value) }));
    seen.add(value);
  }
}
