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
 * when they do not pay off. A participant with several seats is a vertex that
 * takes several edges of one colour.
 *
 * Work is counted in steps; a budget with a clock also looks at the clock
 * every CHECK_EVERY steps and ends when the time is up, one without a clock
 * ends after a fixed number of steps per millisecond (never machine-dependent).
 */
import { NONE, type Board } from './board';

/** Steps per millisecond of budget when no clock is given: roughly what a 2020s laptop does. */
const STEPS_PER_MS = 700;
const CHECK_EVERY = 1024;

export class Budget {
  private stepsLeft: number;
  private readonly deadline: number;
  private sinceCheck = 0;

  constructor(
    milliseconds: number,
    private readonly now?: () => number,
  ) {
    const ms = Math.max(0, milliseconds);
    this.stepsLeft = now ? Number.POSITIVE_INFINITY : ms * STEPS_PER_MS;
    this.deadline = now ? now() + ms : Number.POSITIVE_INFINITY;
  }

  /** A budget of exactly `steps` steps, whatever the clock: for work whose result must not depend on the machine. */
  static ofSteps(steps: number): Budget {
    const budget = new Budget(0);
    budget.stepsLeft = steps;
    return budget;
  }

  /** Takes one step; false once the budget is spent. */
  step(): boolean {
    if (this.stepsLeft <= 0) return false;
    this.stepsLeft--;
    if (this.now && ++this.sinceCheck >= CHECK_EVERY) {
      this.sinceCheck = 0;
      if (this.now() >= this.deadline) this.stepsLeft = 0;
    }
    return true;
  }

  get spent(): boolean {
    return this.stepsLeft <= 0;
  }
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

  private attemptLeft = Number.POSITIVE_INFINITY;

  /**
   * Runs one attempt with at most `steps` of the budget, so that one hopeless
   * request cannot use up the whole search before the easy ones are tried.
   */
  attempt(steps: number, run: () => boolean): boolean {
    const outer = this.attemptLeft;
    this.attemptLeft = Math.min(steps, outer);
    const done = run();
    this.attemptLeft = outer;
    return done;
  }

  /** Takes one step from the budget; false once it (or this attempt's share) is spent. */
  step(): boolean {
    if (this.attemptLeft <= 0) return false;
    this.attemptLeft--;
    return this.budget.step();
  }

  get spent(): boolean {
    return this.attemptLeft <= 0 || this.budget.spent;
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

/**
 * What must leave slot s for u and v both to have a free seat there (s must be
 * usable for both): for each side without one, one of its meetings, one that
 * may move when there is one; a meeting of u and v together frees both.
 * Empty when both have room.
 */
export function blockersAt(board: Board, u: number, v: number, s: number): number[] {
  const blockers: number[] = [];
  for (const p of [u, v]) {
    if (board.hasRoom(p, s)) continue;
    const n = board.meetingsIn(p, s);
    let chosen = NONE;
    for (let k = 0; k < n && chosen === NONE; k++) if (blockers.includes(board.meetingAt(p, s, k))) chosen = board.meetingAt(p, s, k);
    if (chosen !== NONE) continue;
    for (let k = 0; k < n && chosen === NONE; k++) if (board.fixed[board.meetingAt(p, s, k)] === 0) chosen = board.meetingAt(p, s, k);
    blockers.push(chosen === NONE ? board.meetingAt(p, s, 0) : chosen);
  }
  return blockers;
}
