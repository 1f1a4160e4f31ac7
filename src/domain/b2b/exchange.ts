/**
 * Priority exchange, for when nothing more fits: a waiting request takes the
 * slot of lower-priority ones, which are re-placed where possible. Accepted
 * only when at most one request is lost and it has lower priority, so the
 * count never drops and the placed priority strictly rises (which is also why
 * repeated exchanges stop).
 */
import { NONE, type Board } from './board';
import { blockersAt, makeRoom, placeDirect, type Search } from './search';

/** Puts r where the least priority is lost; false when no slot allows an acceptable exchange. */
export function priorityExchange(search: Search, r: number): boolean {
  const { board } = search;
  let bestSlot = NONE;
  let bestLoss = Infinity;
  for (let s = 0; s < board.S; s++) {
    if (!board.usable(r, s)) continue;
    if (!search.step()) return false;
    const mark = board.mark();
    const loss = tryExchange(search, r, s);
    board.rollback(mark);
    if (loss < bestLoss) {
      bestLoss = loss;
      bestSlot = s;
    }
  }
  if (bestSlot === NONE) return false;
  tryExchange(search, r, bestSlot);
  return true;
}

/**
 * Priority lost by putting r into s: -1 when nothing is lost, Infinity when not
 * allowed. Evicted requests are only re-placed directly, never traded for
 * others, so the loss computed here is exactly what the exchange costs; and
 * since it involves no search, replaying the best trial gives the same result.
 * Leaves the board changed.
 */
function tryExchange(search: Search, r: number, s: number): number {
  const { board } = search;
  const p = board.priority[r]!;
  const evicted = blockersAt(board, board.from[r]!, board.to[r]!, s);
  if (evicted.some((e) => board.fixed[e] === 1 || board.priority[e]! >= p)) return Infinity;
  for (const e of evicted) board.unplace(e);
  if (board.load[s]! >= board.T && !makeRoom(search, s)) {
    const victim = cheapestMovable(board, s);
    if (victim === NONE || board.priority[victim]! >= p) return Infinity;
    board.unplace(victim);
    evicted.push(victim);
  }
  board.place(r, s);
  const lost = evicted.filter((e) => !placeDirect(board, e));
  if (lost.length > 1) return Infinity;
  return lost.length === 0 ? -1 : board.priority[lost[0]!]!;
}
/** The lowest-priority meeting in slot s that may be moved (latest request on ties, deterministic). */
function cheapestMovable(board: Board, s: number): number {
  let victim = NONE;
  for (let k = 0; k < board.load[s]!; k++) {
    const c = board.members[s * board.T + k]!;
    if (board.fixed[c] === 1) continue;
    if (victim === NONE || board.priority[c]! < board.priority[victim]! || (board.priority[c] === board.priority[victim] && c > victim)) {
      victim = c;
    }
  }
  return victim;
}
