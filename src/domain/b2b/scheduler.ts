/**
 * Places accepted B2B requests into (slot, table) pairs. Pure and deterministic:
 * the same input gives the same schedule, so a planner who re-runs it after a
 * small change sees only what that change caused.
 *
 * Objectives, in order: place as many requests as possible (higher priority
 * wins between equally large schedules), keep each company's day compact, keep
 * a company at one table across consecutive slots.
 */
import { Board, NONE } from './board';
import { computeUpperBound } from './bound';
import { compact, totalIdle } from './compact';
import { explainUnplaced } from './explain';
import type { B2BInput, B2BPlacement, B2BSchedule, B2BUnplaced } from './model';
import { buildProblem, type Problem } from './problem';
import { ejectionRepair } from './ejection';
import { priorityExchange } from './exchange';
import { kempeRepair } from './kempe';
import { placeDirect, Search, type Budget } from './search';
import { assignTables } from './tables';

export * from './model';

const DEFAULT_BUDGET = 2_000_000;
/** Ejection chains deeper than this rarely pay for their cost on forum-sized sessions. */
const EJECTION_DEPTH = 3;
/** One hopeless request must not use up the search before the easy ones get their turn. */
const STEPS_PER_ATTEMPT = 20_000;
const COMPACTION_STEPS_PER_REQUEST = 50;

/**
 * Most constrained first (fewest usable slots, then the busiest participants),
 * then repair by Kempe chains and ejection chains, then priority exchanges,
 * then compaction and table assignment. Should the baseline first-fit order
 * happen to place more, its result is repaired instead, which guarantees this
 * never does worse than `greedyFirstFit`.
 */
export function scheduleB2B(input: B2BInput): B2BSchedule {
  const problem = buildProblem(input);
  const budget: Budget = { left: input.searchBudget ?? DEFAULT_BUDGET };
  const open = problem.candidates.filter((r) => problem.board.fixed[r] === 0);

  // Once a schedule reaches the bound no search can place more, only trade for priority.
  const upperBound = computeUpperBound(problem.board, problem.candidates);

  let board = problem.board.clone();
  for (const r of mostConstrainedFirst(board, open)) placeDirect(board, r);
  board.commit();
  improve(board, open, budget, upperBound);

  const baseline = problem.board.clone();
  firstFit(baseline, open);
  if (baseline.placed > board.placed) {
    improve(baseline, open, budget, upperBound);
    if (isBetter(baseline, board, open)) board = baseline;
  }

  // Compaction has its own allowance: a search that used up its budget still deserves a compact day.
  compact(board, open, { left: COMPACTION_STEPS_PER_REQUEST * open.length });
  // Compaction can leave a gap that an unplaced request fits into directly.
  for (const r of byPriority(board, open)) if (board.slotOf[r] === NONE) placeDirect(board, r);
  board.commit();
  return present(problem, board, upperBound);
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
  while (progress && budget.left > 0) {
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
  const tableOf = assignTables(board, problem.pinnedTable);
  const placements: B2BPlacement[] = [];
  for (let r = 0; r < board.R; r++) {
    const s = board.slotOf[r]!;
    if (s === NONE) continue;
    placements.push({
      requestId: problem.requestIds[r]!,
      slotIndex: problem.slots[s]!.index,
      table: tableOf[r]! + 1,
      pinned: board.fixed[r] === 1,
    });
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
    },
  };
}
