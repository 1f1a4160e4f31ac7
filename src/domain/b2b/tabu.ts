/**
 * Tabu search for the last few requests the repair moves cannot place, in the
 * manner of PARTIALCOL (Blöchliger and Zufferey's partial-colouring tabu
 * search for graph colouring): the schedule stays valid throughout; a move
 * puts a waiting request into a slot and evicts whatever is in the way (a
 * meeting of a side without a free seat, one meeting of a full hall); an
 * evicted request may not return to that slot for a while (the tabu tenure),
 * so the search walks across plateaus of equal count instead of undoing its
 * last step. It takes the best allowed move even when it places fewer for a
 * moment, and keeps the best schedule seen.
 *
 * Deterministic: its randomness comes from a PRNG seeded by the problem's
 * size, and requests are positions in id order.
 */
import { mulberry32 } from '../random';
import { NONE, type Board } from './board';
import { makeRoom, Search, type Budget } from './search';

/** Board reads a search step stands for: a move examines every waiting request in every slot, many reads. */
const READS_PER_STEP = 16;

/**
 * Runs until the bound is reached, the budget is spent, or `patience` moves
 * pass without a better schedule. `board` ends holding the best schedule
 * found (more placed, or as many with more priority); returns whether it improved.
 */
export function tabuSearch(best: Board, open: readonly number[], budget: Budget, upperBound: number, patience: number): boolean {
  if (best.placed >= upperBound) return false;
  const work = best.clone();
  const search = new Search(work, open, budget);
  const { S, T } = work;
  const random = mulberry32(0x9e3779b9 ^ (work.R * 31 + work.P * 17 + S));
  const tabuUntil = new Float64Array(work.R * S);

  // Waiting requests that have some slot at all; kept as a dense list with positions for O(1) removal.
  const waiting: number[] = [];
  const where = new Int32Array(work.R).fill(NONE);
  const wait = (r: number) => {
    where[r] = waiting.length;
    waiting.push(r);
  };
  const unwait = (r: number) => {
    const i = where[r]!;
    const last = waiting.pop()!;
    if (last !== r) {
      waiting[i] = last;
      where[last] = i;
    }
    where[r] = NONE;
  };
  for (const r of open) {
    if (work.slotOf[r] !== NONE) continue;
    let any = false;
    for (let s = 0; s < S && !any; s++) any = work.usable(r, s);
    if (any) wait(r);
  }

  let bestWeight = weightOf(best, open);
  let weight = bestWeight;
  let improved = false;
  let lastGain = 0;
  const blockers: number[] = [];
  for (let iter = 0; waiting.length > 0 && iter - lastGain < patience; iter++) {
    if (!budget.spend(1 + Math.floor((waiting.length * S) / READS_PER_STEP))) break;
    // Choose the cheapest allowed (request, slot): fewest evictions, ties at random.
    let chosenR = NONE;
    let chosenS = NONE;
    let chosenCost = Number.POSITIVE_INFINITY;
    let ties = 0;
    const sample = waiting.length;
    for (let i = 0; i < sample; i++) {
      const r = waiting[i]!;
      const u = work.from[r]!;
      const v = work.to[r]!;
      for (let s = 0; s < S; s++) {
        if (!work.usable(r, s)) continue;
        const cost = evictionCost(work, u, v, s);
        if (cost === NONE || cost > chosenCost) continue;
        if (cost === 0) {
          // A free place: nothing can beat it, and it is never tabu to place more.
          chosenCost = 0;
          chosenR = r;
          chosenS = s;
          i = sample;
          break;
        }
        // Aspiration: a tabu move is allowed when it would beat the best schedule.
        if (tabuUntil[r * S + s]! > iter && work.placed + 1 - cost <= best.placed) continue;
        if (cost < chosenCost) {
          chosenCost = cost;
          ties = 0;
        }
        if (random() * ++ties < 1) {
          chosenR = r;
          chosenS = s;
        }
      }
    }
    if (chosenR === NONE) continue;

    const r = chosenR;
    const s = chosenS;
    blockers.length = 0;
    collectBlockers(work, work.from[r]!, work.to[r]!, s, blockers);
    const tenure = Math.floor(0.6 * waiting.length) + Math.floor(random() * 10);
    const mark = work.mark();
    for (const e of blockers) work.unplace(e);
    if (work.load[s]! >= T && !makeRoom(search, s)) {
      const e = randomMovable(work, s, random);
      if (e === NONE) {
        work.rollback(mark);
        continue;
      }
      work.unplace(e);
      blockers.push(e);
    }
    for (const e of blockers) {
      tabuUntil[e * S + s] = iter + tenure;
      wait(e);
      weight -= work.priority[e]!;
    }
    work.place(r, s);
    unwait(r);
    weight += work.priority[r]!;
    work.commit();

    if (work.placed > best.placed || (work.placed === best.placed && weight > bestWeight)) {
      if (work.placed > best.placed) lastGain = iter;
      best.copyFrom(work);
      bestWeight = weight;
      improved = true;
      if (best.placed >= upperBound) break;
    }
  }
  return improved;
}

/**
 * How many meetings must leave slot s for (u, v) to sit there: one per side
 * without a free seat (a meeting of u and v together counts once), plus one
 * when the hall is still full after that. NONE when a pinned meeting is in the way.
 */
function evictionCost(board: Board, u: number, v: number, s: number): number {
  let cost = 0;
  const a = board.hasRoom(u, s) ? NONE : sideBlocker(board, u, s, NONE);
  if (a === BLOCKED) return NONE;
  if (a !== NONE) cost++;
  const b = board.hasRoom(v, s) ? NONE : sideBlocker(board, v, s, a);
  if (b === BLOCKED) return NONE;
  if (b !== NONE && b !== a) cost++;
  if (board.load[s]! - cost >= board.T) {
    if (board.load[s]! - cost <= countFixed(board, s)) return NONE;
    cost++;
  }
  return cost;
}

const BLOCKED = -2;

/**
 * The meeting of p (who has no free seat in s) to evict: `shared` when p sits
 * in it (evicting it frees p too), else the first that may move; BLOCKED when none may.
 */
function sideBlocker(board: Board, p: number, s: number, shared: number): number {
  const n = board.meetingsIn(p, s);
  let movable = BLOCKED;
  for (let k = 0; k < n; k++) {
    const e = board.meetingAt(p, s, k);
    if (e === shared) return e;
    if (movable === BLOCKED && board.fixed[e] === 0) movable = e;
  }
  return movable;
}

/** The same choice as evictionCost, into `out`. */
function collectBlockers(board: Board, u: number, v: number, s: number, out: number[]): void {
  const a = board.hasRoom(u, s) ? NONE : sideBlocker(board, u, s, NONE);
  if (a >= 0) out.push(a);
  const b = board.hasRoom(v, s) ? NONE : sideBlocker(board, v, s, a);
  if (b >= 0 && b !== a) out.push(b);
}

function countFixed(board: Board, s: number): number {
  let fixed = 0;
  for (let k = 0; k < board.load[s]!; k++) fixed += board.fixed[board.members[s * board.T + k]!]!;
  return fixed;
}

function randomMovable(board: Board, s: number, random: () => number): number {
  const movable: number[] = [];
  for (let k = 0; k < board.load[s]!; k++) {
    const e = board.members[s * board.T + k]!;
    if (board.fixed[e] === 0) movable.push(e);
  }
  if (movable.length === 0) return NONE;
  // Members are kept in swap-remove order; choosing at random keeps that order from mattering.
  return movable[Math.floor(random() * movable.length)]!;
}

function weightOf(board: Board, open: readonly number[]): number {
  let weight = 0;
  for (const r of open) if (board.slotOf[r] !== NONE) weight += board.priority[r]!;
  return weight;
}
