/**
 * Turns a B2BInput into the dense board the search works on, once: ids become
 * positions, busy intervals become busy slots, and planner pins are checked
 * and fixed. Programmer errors in the input (duplicate ids, a request naming
 * an unknown participant) throw; planner mistakes (a pin that breaks a rule)
 * become data in the result, so the service can show them next to the schedule.
 */
import { Board, NONE } from './b2b-board';
import type { B2BInput } from './b2b-model';
import { overlaps, type B2BSlot } from './b2b-slots';
import { ValidationError } from './errors';
import { describeSlot, nameOf, quote } from './b2b-wording';
import type { Id } from './types';

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
  rejected: Array<{ r: number; reason: 'invalid_pin' | 'invalid_request'; message: string }>;
}

export function buildProblem(input: B2BInput): Problem {
  const { tableCount } = input;
  if (!Number.isInteger(tableCount) || tableCount < 1) {
    throw invalidInput('tableCount', 'The hall needs at least one table; set the number of tables to 1 or more.');
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
        throw invalidInput('busy', `A busy time of ${nameOf(participant)} ends before it starts.`);
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
      throw invalidInput('requests', `Request ${request.id} names participant ${missing}, who is not in the session.`);
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
      message: `${problem.names[from[r]!]} cannot meet itself; correct the request's counterpart.`,
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
      throw invalidInput('pinned', `Request ${pin.requestId} is pinned twice; keep one pin.`);
    }
    seen.add(pin.requestId);
    const r = requestAt.get(pin.requestId);
    if (r === undefined) {
      throw invalidInput('pinned', `Request ${pin.requestId} is pinned but is not an accepted request of this session.`);
    }
    if (invalid.has(r)) continue;
    const reject = (why: string) => {
      invalid.add(r);
      problem.rejected.push({ r, reason: 'invalid_pin', message: `${why} Move or remove the pin.` });
    };
    const s = slotAt.get(pin.slotIndex);
    const u = board.from[r]!;
    const v = board.to[r]!;
    const who = `${names[u]} – ${names[v]}`;
    if (s === undefined) {
      reject(`The meeting ${who} is pinned to slot index ${pin.slotIndex}, which this session (${slots.length} slots) does not have.`);
      continue;
    }
    const when = describeSlot(slots[s]!, input.timeZone);
    if (!Number.isInteger(pin.table) || pin.table < 1 || pin.table > board.T) {
      reject(`The meeting ${who} is pinned to table ${pin.table}, but the hall has tables 1 to ${board.T}.`);
      continue;
    }
    const busySide = [u, v].find((p) => board.isBusy(p, s));
    if (busySide !== undefined) {
      const label = problem.busyLabel[busySide * board.S + s];
      reject(`The meeting ${who} is pinned to ${when}, but ${names[busySide]} is busy then${label ? ` (${quote(label)})` : ''}.`);
      continue;
    }
    const bookedSide = [u, v].find((p) => board.meetingOf(p, s) !== NONE);
    if (bookedSide !== undefined) {
      const other = board.other(board.meetingOf(bookedSide, s), bookedSide);
      reject(`The meeting ${who} is pinned to ${when}, but ${names[bookedSide]} is already pinned to meet ${names[other]} then.`);
      continue;
    }
    const tableKey = `${s}:${pin.table}`;
    if (tableTaken.has(tableKey)) {
      reject(`The meeting ${who} is pinned to table ${pin.table} at ${when}, which another pinned meeting already uses.`);
      continue;
    }
    tableTaken.add(tableKey);
    board.place(r, s);
    board.fixed[r] = 1;
    problem.pinnedTable[r] = pin.table - 1;
  }
  board.commit();
}

/** The same sentence goes in the field map and the message, so a log line says what to fix. */
function invalidInput(field: string, message: string): ValidationError {
  return new ValidationError({ [field]: message }, message);
}

function unique(values: readonly unknown[], field: string, what: string): void {
  const seen = new Set<unknown>();
  for (const value of values) {
    if (seen.has(value)) throw invalidInput(field, `The ${what} ${String(value)} appears twice; each must be unique.`);
    seen.add(value);
  }
}
