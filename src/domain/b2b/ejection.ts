/**
 * Ejection chains: put a request in a slot anyway, evict whoever is in the way
 * (a meeting of the same participant, or one meeting of a full hall), then
 * settle each evicted request a level further down. An evicted request is
 * settled either by placing it again, or by placing instead another waiting
 * request of one of its participants. The second way is what lets a popular
 * company with more requests than free slots trade one partner for another,
 * like an augmenting path in a degree-constrained matching.
 */
import { NONE } from './board';
import { blockersAt, makeRoom, type Search } from './search';

export function ejectionRepair(search: Search, r: number, depth: number): boolean {
  const { board, tabu } = search;
  // Pending evictions are tabu, so this never happens; refusing keeps the count honest if it did.
  if (board.slotOf[r] !== NONE) return false;
  const u = board.from[r]!;
  const v = board.to[r]!;
  for (const s of slotsByBlockers(search, r)) {
    if (!search.step()) return false;
    const blockers = blockersAt(board, u, v, s);
    if (blockers.length === 0 && board.load[s]! < board.T) {
      board.place(r, s);
      return true;
    }
    if (depth === 0 || blockers.some((e) => board.fixed[e] === 1 || tabu[e]! > 0)) continue;
    const mark = board.mark();
    for (const e of blockers) board.unplace(e);
    if (board.load[s]! >= board.T && !makeRoom(search, s)) {
      board.rollback(mark);
      continue;
    }
    board.place(r, s);
    tabu[r]!++;
    const settled = settleAll(search, blockers, depth - 1);
    tabu[r]!--;
    if (settled) return true;
    board.rollback(mark);
  }
  return false;
}

/**
 * Settles every evicted request or reports failure. Those still waiting are
 * tabu meanwhile: a nested chain that placed one of them as somebody's
 * "sibling" would count it twice.
 */
function settleAll(search: Search, evicted: readonly number[], depth: number): boolean {
  const { tabu } = search;
  for (const e of evicted) tabu[e]!++;
  let settled = true;
  for (const e of evicted) {
    tabu[e]!--;
    if (settled && !(ejectionRepair(search, e, depth) || placeSibling(search, e, depth))) settled = false;
  }
  return settled;
}

function placeSibling(search: Search, e: number, depth: number): boolean {
  const { board, tabu } = search;
  for (const p of [board.from[e]!, board.to[e]!]) {
    for (const f of search.incident[p]!) {
      if (f === e || tabu[f]! > 0 || board.slotOf[f] !== NONE) continue;
      if (search.spent) return false;
      // Putting e back was just tried; the sibling's chain should not spend steps on it again.
      tabu[e]!++;
      const placed = ejectionRepair(search, f, depth);
      tabu[e]!--;
      if (placed) return true;
    }
  }
  return false;
}

/**
 * Slots where r is allowed, fewest obstacles first: cheap wins before deep
 * chains. A busy participant counts double a full hall, since it evicts a
 * meeting that must find a new slot rather than one that merely moves.
 */
function slotsByBlockers(search: Search, r: number): number[] {
  const { board } = search;
  const u = board.from[r]!;
  const v = board.to[r]!;
  const byCost: number[][] = [[], [], [], [], [], []];
  for (let s = 0; s < board.S; s++) {
    if (!board.usable(r, s)) continue;
    const blockers = (board.hasRoom(u, s) ? 0 : 1) + (board.hasRoom(v, s) ? 0 : 1);
    byCost[blockers * 2 + (board.load[s]! >= board.T ? 1 : 0)]!.push(s);
  }
  return byCost.flat();
}
