/**
 * Places accepted B2B requests into (slot, table) pairs, and each side's
 * meeting at one of its seats. Pure: it reads no clock of its own (the caller
 * may lend one for the time budget).
 *
 * Objectives, in order: place as many requests as possible (higher priority
 * wins between equally large schedules), keep each company's day compact, keep
 * a company at one table across consecutive slots. In 'place-new' mode, before
 * all of these: keep the published placements (`current`) where they are.
 *
 * What is deterministic: the result never depends on the order of slots,
 * participants, requests, pins or current placements in the input (ids
 * decide). Without a clock the whole run is counted in steps, so the same
 * input gives the same schedule on any machine. With a clock, the search for
 * more placements stops as soon as it reaches the upper bound, and everything
 * after that (priority trades, compaction, tables, seats) is counted in
 * steps: an instance that reaches the bound gives the same schedule on any
 * machine; one that does not may place more on a faster machine, or with a
 * longer `timeBudgetMs`.
 */
import { Board, NONE } from './board';
import { computeUpperBound } from './bound';
import { compact, totalIdle } from './compact';
import { explainUnplaced } from './explain';
import type { B2BInput, B2BPlacement, B2BSchedule, B2BUnplaced } from './model';
import { assignSeats } from './seats';
import { buildProblem, type Problem } from './problem';
import { ejectionRepair } from './ejection';
import { priorityExchange } from './exchange';
import { kempeRepair } from './kempe';
import { tabuSearch } from './tabu';
import { Budget, placeDirect, Search } from './search';
import { assignTables } from './tables';

export * from './model';

const DEFAULT_TIME_BUDGET_MS = 3_000;
/** Ejection chains deeper than this rarely pay for their cost on forum-sized sessions. */
const EJECTION_DEPTH = 3;
/** One hopeless request must not use up the search before the easy ones get their turn. */
const STEPS_PER_ATTEMPT = 20_000;
const COMPACTION_STEPS_PER_REQUEST = 50;
/** The repair moves get this share of the time; tabu search, which finds what they cannot, the rest. */
const REPAIR_SHARE = 0.2;
/** Tabu search gives up after this many moves per open request without placing more (and at the bound, or the time). */
const TABU_PATIENCE_PER_REQUEST = 100;
const TABU_PATIENCE_MIN = 20_000;
/** In 'place-new' with a move allowance, this share of what the repairs left is kept from tabu search for moving published placements. */
const MOVE_SHARE = 0.3;

export interface ScheduleOptions {
  /**
   * A monotonic clock in milliseconds (the service passes `performance.now`),
   * which `timeBudgetMs` is measured by; without one the budget is counted in steps.
   */
  now?: () => number;
}

/**
 * Most constrained first (fewest usable slots, then the busiest participants),
 * then repair by Kempe chains and ejection chains, then priority exchanges,
 * then compaction and table assignment. Should the baseline first-fit order
 * happen to place more, its result is repaired instead, which guarantees this
 * never does worse than `greedyFirstFit`.
 *
 * In 'place-new' the published placements that still hold are fixed like
 * pins; only when requests are left over and `moveLimit` allows it may the
 * repair move some of them, a request at a time and only when that request
 * is then placed.
 */
export function scheduleB2B(input: B2BInput, options: ScheduleOptions = {}): B2BSchedule {
  const problem = buildProblem(input);
  const budget = new Budget(input.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS, options.now);
  const open = problem.candidates.filter((r) => problem.board.fixed[r] === 0);

  // Once a schedule reaches the bound no search can place more, only trade for priority.
  const upperBound = computeUpperBound(problem.board, problem.candidates);

  let board = problem.board.clone();
  for (const r of mostConstrainedFirst(board, open)) placeDirect(board, r);
  board.commit();
  improve(board, open, budget.part(REPAIR_SHARE), upperBound);

  const baseline = problem.board.clone();
  firstFit(baseline, open);
  if (baseline.placed > board.placed) {
    improve(baseline, open, budget, upperBound);
    if (isBetter(baseline, board, open)) board = baseline;
  }

  const moveLimit = Math.max(0, Math.floor(input.moveLimit ?? 0));
  const mayMove = problem.keptCurrent.length > 0 && moveLimit > 0;
  // Tabu search runs until its patience or the time is gone; the moves a planner allowed must still get their turn.
  const tabuBudget = mayMove ? budget.part(1 - MOVE_SHARE) : budget;
  if (board.placed < upperBound) tabuSearch(board, open, tabuBudget, upperBound, Math.max(TABU_PATIENCE_MIN, TABU_PATIENCE_PER_REQUEST * open.length));

  if (mayMove && board.placed < upperBound) moveCurrent(problem, board, budget, upperBound, moveLimit);

  // Compaction has its own allowance: a search that used up its budget still deserves a compact day.
  compact(board, open, COMPACTION_STEPS_PER_REQUEST * open.length);
  // Compaction can leave a gap that an unplaced request fits into directly.
  for (const r of byPriority(board, open)) if (board.slotOf[r] === NONE) placeDirect(board, r);
  board.commit();
  return present(problem, board, upperBound);
}

/**
 * 'place-new' with a move allowance: frees the kept published placements and
 * tries each waiting request (highest priority first) with the cheap repairs
 * before the deep ones, accepting a repair only when it keeps the published
 * placements moved so far within `moveLimit`. Those still at their place are
 * fixed again afterwards, so compaction leaves them alone.
 */
function moveCurrent(problem: Problem, board: Board, budget: Budget, upperBound: number, moveLimit: number): void {
  const kept = problem.keptCurrent;
  for (const r of kept) board.fixed[r] = 0;
  const movable = problem.candidates.filter((r) => board.fixed[r] === 0);
  const search = new Search(board, movable, budget);
  const moved = () => kept.reduce((n, r) => n + (board.slotOf[r] === problem.currentSlot[r] ? 0 : 1), 0);
  for (const r of byPriority(board, movable)) {
    if (board.placed >= upperBound || budget.spent) break;
    if (board.slotOf[r] !== NONE) continue;
    const repairs: Array<() => boolean> = [() => kempeRepair(search, r), ...[1, 2, 3].map((depth) => () => search.attempt(STEPS_PER_ATTEMPT, () => ejectionRepair(search, r, depth)))];
    for (const repair of repairs) {
      const mark = board.mark();
      if (repair() && moved() <= moveLimit) break;
      board.rollback(mark);
    }
    board.commit();
  }
  for (const r of kept) if (board.slotOf[r] === problem.currentSlot[r]) board.fixed[r] = 1;
}

/** The naive baseline the benchmark compares against: input order, first slot and table that are free. */
export function greedyFirstFit(input: B2BInput): B2BSchedule {
  const problem = buildProblem(input);
  const board = problem.board.clone();
  firstFit(board, problem.candidates.filter((r) => board.fixed[r] === 0));
  return present(problem, board, computeUpperBound(problem.board, problem.candidates));
}

function firstFit(board: Board, requests: readonly number[]): void {
  for (const r of requests) {
    for (let s = 0; s < board.S; s++) {
      if (!board.fits(r, s)) continue;
      board.place(r, s);
      break;
    }
  }
  board.commit();
}

function mostConstrainedFirst(board: Board, requests: readonly number[]): number[] {
  const degree = new Int32Array(board.P);
  for (const r of requests) {
    degree[board.from[r]!]!++;
    degree[board.to[r]!]!++;
  }
  const usableSlots = new Int32Array(board.R);
  for (const r of requests) for (let s = 0; s < board.S; s++) if (board.usable(r, s)) usableSlots[r]!++;
  const load = (r: number) => degree[board.from[r]!]! + degree[board.to[r]!]!;
  return [...requests].sort(
    (x, y) => usableSlots[x]! - usableSlots[y]! || load(y) - load(x) || board.priority[y]! - board.priority[x]! || x - y,
  );
}

function byPriority(board: Board, requests: readonly number[]): number[] {
  return [...requests].sort((x, y) => board.priority[y]! - board.priority[x]! || x - y);
}

/**
 * Repair rounds, cheapest move first: direct and Kempe moves for everyone,
 * then ejection chains one level deeper at a time, then priority exchanges.
 * A round that helps starts the next from the cheap moves again. Each success
 * raises the placed count or, for exchanges, the placed priority, so rounds end
 * even before the step budget does.
 */
function improve(board: Board, open: readonly number[], budget: Budget, upperBound: number): void {
  const search = new Search(board, open, budget);
  const waiting = () => byPriority(board, open).filter((r) => board.slotOf[r] === NONE);
  let progress = true;
  while (progress && !budget.spent) {
    progress = false;
    for (const r of board.placed < upperBound ? waiting() : []) {
      if (board.slotOf[r] === NONE && (placeDirect(board, r) || kempeRepair(search, r))) progress = true;
      board.commit();
    }
    for (let depth = 1; depth <= EJECTION_DEPTH && !progress && board.placed < upperBound; depth++) {
      for (const r of waiting()) {
        if (board.placed >= upperBound) break;
        if (board.slotOf[r] === NONE && search.attempt(STEPS_PER_ATTEMPT, () => ejectionRepair(search, r, depth))) progress = true;
        board.commit();
      }
    }
    if (progress) continue;
    for (const r of waiting()) {
      if (board.slotOf[r] === NONE && priorityExchange(search, r)) progress = true;
      board.commit();
    }
  }
  board.commit();
}

function isBetter(a: Board, b: Board, open: readonly number[]): boolean {
  if (a.placed !== b.placed) return a.placed > b.placed;
  const weight = (board: Board) => open.reduce((sum, r) => sum + (board.slotOf[r] === NONE ? 0 : board.priority[r]!), 0);
  return weight(a) > weight(b);
}

function present(problem: Problem, board: Board, upperBound: number): B2BSchedule {
  const reserved = new Int32Array(board.R).fill(NONE);
  for (let r = 0; r < board.R; r++) {
    if (problem.pinnedTable[r] !== NONE) reserved[r] = problem.pinnedTable[r]!;
    else if (board.slotOf[r] !== NONE && board.slotOf[r] === problem.currentSlot[r]) reserved[r] = problem.currentTable[r]!;
  }
  const tableOf = assignTables(board, reserved);
  const { fromSeat, toSeat } = assignSeats(board, problem.seatFree, tableOf);
  const placements: B2BPlacement[] = [];
  let moved = 0;
  let kept = 0;
  for (let r = 0; r < board.R; r++) {
    const s = board.slotOf[r]!;
    if (s === NONE) continue;
    placements.push({
      requestId: problem.requestIds[r]!,
      slotIndex: problem.slots[s]!.index,
      table: tableOf[r]! + 1,
      pinned: problem.pinnedTable[r] !== NONE,
      fromSeat: fromSeat[r]!,
      toSeat: toSeat[r]!,
    });
    if (problem.wasCurrent[r] === 0) continue;
    if (s === problem.currentSlot[r] && tableOf[r] === problem.currentTable[r]) kept++;
    else moved++;
  }
  placements.sort((x, y) => x.slotIndex - y.slotIndex || x.table - y.table);

  const unplaced: Array<B2BUnplaced & { order: number }> = problem.rejected.map(({ r, reason, message }) => ({
    requestId: problem.requestIds[r]!,
    reason,
    message,
    order: r,
  }));
  for (const r of problem.candidates) {
    if (board.slotOf[r] !== NONE) continue;
    unplaced.push({ requestId: problem.requestIds[r]!, ...explainUnplaced(problem, board, r), order: r });
  }
  // Highest priority first: those are the ones a planner will want to rescue by hand.
  unplaced.sort((x, y) => board.priority[y.order]! - board.priority[x.order]! || x.order - y.order);

  return {
    placements,
    unplaced: unplaced.map(({ order: _order, ...rest }) => rest),
    stats: {
      placed: placements.length,
      upperBound,
      idleSlots: totalIdle(board),
      moved,
      kept,
      provenOptimal: placements.length === upperBound,
    },
  };
}
