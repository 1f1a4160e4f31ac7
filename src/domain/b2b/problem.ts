/**
 * Turns a B2BInput into the dense board the search works on, once: ids become
 * positions, busy intervals become busy slots, and planner pins are checked
 * and fixed. Programmer errors in the input (duplicate ids, a request naming
 * an unknown participant) throw; planner mistakes (a pin that breaks a rule)
 * become data in the result, so the service can show them next to the schedule.
 */
import { Board, NONE } from './board';
import type { B2BInput } from './model';
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

  const position = new Map(input.participants.map((p, i) => [p.id, i]));
  const P = input.participants.length;
  const busy = new Uint8Array(P * S);
  const busyLabel: Array<string | null> = new Array(P * S).fill(null);
  input.participants.forEach((participant, p) => {
    for (const interval of participant.busy) {
      if (!(interval.endUtc >= interval.startUtc)) {
        throw invalidInput('busy', message('b2b.input.busy-reversed', { name: nameOf(participant) }));
      }
      slots.forEach((slot, s) => {
        if (!overlaps(interval, slot)) return;
        busy[p * S + s] = 1;
        busyLabel[p * S + s] ??= interval.label ?? '';
      });
    }
  });

  const R = input.requests.length;
  const from = new Int32Array(R);
  const to = new Int32Array(R);
  const priority = new Float64Array(R);
  input.requests.forEach((request, r) => {
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

  const board = new Board({ slotCount: S, tableCount, participantCount: P, from, to, priority, busy });
  const problem: Problem = {
    input,
    slots,
    names: input.participants.map(nameOf),
    requestIds: input.requests.map((r) => r.id),
    busyLabel,
    board,
    pinnedTable: new Int32Array(R).fill(NONE),
    candidates: [],
    rejected: [],
  };
  const invalid = new Set<number>();
  input.requests.forEach((request, r) => {
    if (request.fromId !== request.toId) return;
    invalid.add(r);
    problem.rejected.push({
      r,
      reason: 'invalid_request',
      message: message('b2b.request.self', { name: problem.names[from[r]!]! }),
    });
  });
  applyPins(problem, invalid);
  for (let r = 0; r < R; r++) if (!invalid.has(r)) problem.candidates.push(r);
  return problem;
}

/**
 * Places valid pins on the board as fixed. Pins are judged in input order: when
 * two pins clash, the first one stands and the later one is reported, so the
 * planner sees exactly which pin to move.
 */
function applyPins(problem: Problem, invalid: Set<number>): void {
  const { board, slots, names, input } = problem;
  const requestAt = new Map(input.requests.map((r, i) => [r.id, i]));
  const slotAt = new Map(slots.map((s, i) => [s.index, i]));
  const tableTaken = new Set<string>();
  const seen = new Set<Id>();
  for (const pin of input.pinned ?? []) {
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
    const bookedSide = [u, v].find((p) => board.meetingOf(p, s) !== NONE);
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
