/**
 * Shared ground for the repair moves (Kempe chains, ejection chains, priority
 * exchanges) that place requests greedy could not.
 *
 * The problem is a capacitated edge colouring: participants are vertices,
 * requests are edges, slots are colours; a vertex has forbidden colours (busy
 * slots) and a colour holds at most `tableCount` edges. Greedy colouring leaves
 * edges whose two ends have no common free slot although a rearrangement would
 * make room; the moves find such rearrangements, check them against busy
 * slots, pins and table capacity, and roll back through the board's journal
 * when they do not pay off. Work is counted in steps, not time, so results
 * never depend on machine speed.
 */
import { NONE, type Board } from './board';

export interface Budget {
  left: number;
}

export class Search {
  /**
   * Requests that a chain in progress has just placed, or evicted and not yet
   * settled (a count, since chains nest). A nested chain must not evict the
   * first again, or two requests could evict each other forever, nor place one
   * of the second as somebody's substitute, which would count it twice.
   */
  readonly tabu: Int32Array;
  /** The open (not pinned) requests of each participant, placed or not. */
  readonly incident: number[][];

  constructor(
    readonly board: Board,
    open: readonly number[],
    readonly budget: Budget,
  ) {
    this.tabu = new Int32Array(board.R);
    this.incident = Array.from({ length: board.P }, () => []);
    for (const r of open) {
      this.incident[board.from[r]!]!.push(r);
      this.incident[board.to[r]!]!.push(r);
    }
  }

  /**
   * Runs one attempt with at most `steps` of the budget, so that one hopeless
   * request cannot use up the whole search before the easy ones are tried.
   */
  attempt(steps: number, run: () => boolean): boolean {
    const total = this.budget.left;
    this.budget.left = Math.min(steps, total);
    const allowed = this.budget.left;
    const done = run();
    this.budget.left = total - (allowed - Math.max(0, this.budget.left));
    return done;
  }

  /** Takes one step from the budget; false once it is spent. */
  step(): boolean {
    return this.budget.left-- > 0;
  }
}

/** The slot r fits into without moving anything that keeps both days most compact; NONE if none. */
export function bestDirectSlot(board: Board, r: number): number {
  const u = board.from[r]!;
  const v = board.to[r]!;
  let best = NONE;
  let bestCost = Infinity;
  for (let s = 0; s < board.S; s++) {
    if (!board.fits(r, s)) continue;
    board.place(r, s);
    // Lighter slots win ties so the hall fills evenly and late requests still find a table.
    const cost = (board.idle(u) + board.idle(v)) * board.T * 2 + board.load[s]!;
    board.unplace(r);
    if (cost < bestCost) {
      bestCost = cost;
      best = s;
    }
  }
  return best;
}

export function placeDirect(board: Board, r: number): boolean {
  const s = bestDirectSlot(board, r);
  if (s === NONE) return false;
  board.place(r, s);
  return true;
}

/** Frees one table in a full slot by moving one of its meetings straight to another slot. */
export function makeRoom(search: Search, s: number): boolean {
  const { board, tabu } = search;
  for (let k = 0; k < board.load[s]!; k++) {
    const c = board.members[s * board.T + k]!;
    if (board.fixed[c] === 1 || tabu[c]! > 0) continue;
    for (let t = 0; t < board.S; t++) {
      if (t === s || !board.fits(c, t)) continue;
      board.unplace(c);
      board.place(c, t);
      return true;
    }
  }
  return false;
}

/** The requests occupying u's and v's calendars in slot s, each once. */
export function blockersAt(board: Board, u: number, v: number, s: number): number[] {
  const a = board.meetingOf(u, s);
  const b = board.meetingOf(v, s);
  const blockers: number[] = [];
  if (a !== NONE) blockers.push(a);
  if (b !== NONE && b !== a) blockers.push(b);
  return blockers;
}
