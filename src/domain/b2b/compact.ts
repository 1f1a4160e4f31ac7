/**
 * Second objective, once the count is settled: a company should not sit idle
 * for an hour between two table talks. Moves meetings to slots that shorten
 * the idle time of both sides, never changing which requests are placed.
 */
import { NONE, type Board } from './board';

export function totalIdle(board: Board): number {
  let idle = 0;
  for (let p = 0; p < board.P; p++) idle += board.idle(p);
  return idle;
}

/**
 * Hill-climbs with two kinds of move until neither helps:
 * - move a meeting to a slot where both sides are free;
 * - swap the slots of two meetings of the same participant, which leaves that
 *   participant's day as it is and can close a gap in both partners' days.
 * Each accepted move strictly lowers the total idle time, so it terminates.
 */
export function compact(board: Board, candidates: readonly number[], steps: number): void {
  let left = steps;
  let improved = true;
  while (improved && left > 0) {
    improved = false;
    for (const r of candidates) {
      if (board.slotOf[r] === NONE || board.fixed[r] === 1) continue;
      if (left-- <= 0) break;
      if (moveToBetterSlot(board, r) || swapWithSibling(board, r)) improved = true;
      board.commit();
    }
  }
}

function moveToBetterSlot(board: Board, r: number): boolean {
  const u = board.from[r]!;
  const v = board.to[r]!;
  const from = board.slotOf[r]!;
  let bestCost = board.idle(u) + board.idle(v);
  let best = from;
  board.unplace(r);
  for (let s = 0; s < board.S; s++) {
    if (s === from || !board.fits(r, s)) continue;
    board.place(r, s);
    const cost = board.idle(u) + board.idle(v);
    board.unplace(r);
    if (cost < bestCost) {
      bestCost = cost;
      best = s;
    }
  }
  board.place(r, best);
  return best !== from;
}

function swapWithSibling(board: Board, r: number): boolean {
  const a = board.slotOf[r]!;
  for (const u of [board.from[r]!, board.to[r]!]) {
    const v = board.other(r, u);
    for (let b = 0; b < board.S; b++) {
      const q = board.meetingOf(u, b);
      if (b === a || q === NONE || board.fixed[q] === 1) continue;
      const w = board.other(q, u);
      if (w === v) continue;
      // v must be free in b and w free in a, or the swap double-books them.
      if (!board.hasRoom(v, b) || !board.hasRoom(w, a)) continue;
      const before = board.idle(v) + board.idle(w);
      const mark = board.mark();
      board.unplace(r);
      board.unplace(q);
      board.place(r, b);
      board.place(q, a);
      if (board.idle(v) + board.idle(w) < before) return true;
      board.rollback(mark);
    }
  }
  return false;
}
