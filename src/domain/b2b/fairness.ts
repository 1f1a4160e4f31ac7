/**
 * Fairness, the objective right after the count: every company with an
 * accepted request should get at least one meeting when a schedule placing as
 * many allows it. The search for more placements does not care who holds
 * them, so it can leave a company with nothing while another has its fifth
 * meeting.
 *
 * For a company with none, one of its waiting requests takes a slot: whatever
 * stands in the way (a meeting of a side without a free seat, a meeting of a
 * full hall) leaves and is re-placed directly where it fits. A trade is
 * accepted only when the count does not drop (at most one evicted request
 * finds no place again) and fewer companies are left without a meeting;
 * among acceptable trades the one keeping the most priority wins. One pass
 * over the companies, each trade a single step of an exact step budget:
 * a heuristic, not a proof that no schedule as large is fairer. Each accepted
 * trade lowers the number of companies without a meeting, so the pass ends.
 * Evicted requests are only re-placed directly, never searched for, so
 * replaying the best trial gives exactly its result.
 */
import { NONE, type Board } from './board';
import { blockersAt, makeRoom, placeDirect, type Search } from './search';

export function giveEveryoneAMeeting(search: Search, open: readonly number[]): void {
  const { board } = search;
  const meetings = new Int32Array(board.P);
  const wanted = new Uint8Array(board.P);
  for (const r of open) {
    wanted[board.from[r]!] = 1;
    wanted[board.to[r]!] = 1;
  }
  const recount = () => {
    meetings.fill(0);
    for (let r = 0; r < board.R; r++) {
      if (board.slotOf[r] === NONE) continue;
      meetings[board.from[r]!]!++;
      meetings[board.to[r]!]!++;
    }
  };
  recount();
  for (let p = 0; p < board.P && !search.spent; p++) {
    if (wanted[p] === 0 || meetings[p]! > 0) continue;
    let best: { r: number; s: number; victim: number } | null = null;
    let bestGain = 0;
    let bestWeight = -Infinity;
    for (const r of open) {
      if ((board.from[r] !== p && board.to[r] !== p) || board.slotOf[r] !== NONE) continue;
      for (let s = 0; s < board.S; s++) {
        if (!board.usable(r, s)) continue;
        for (const victim of victimsOf(board, s)) {
          if (!search.step()) break;
          const mark = board.mark();
          const lost = trade(search, r, s, victim);
          board.rollback(mark);
          // Lost more than it placed, or none left out fewer: not a trade fairness may make.
          if (lost === null || lost.length > 1) continue;
          const gain = companiesGained(board, meetings, r, lost);
          const weight = board.priority[r]! - lost.reduce((sum, e) => sum + board.priority[e]!, 0);
          if (gain > bestGain || (gain === bestGain && gain > 0 && weight > bestWeight)) {
            best = { r, s, victim };
            bestGain = gain;
            bestWeight = weight;
          }
        }
      }
    }
    if (best) trade(search, best.r, best.s, best.victim);
    board.commit();
    if (best) recount();
  }
}

/**
 * How many fewer companies are without a meeting once r is placed and `lost`
 * is not, from the meeting counts before the trade (moves within the board
 * change nobody's count). Only the sides of these requests can change.
 */
function companiesGained(board: Board, meetings: Int32Array, r: number, lost: readonly number[]): number {
  const delta = new Map<number, number>();
  const add = (q: number, by: number) => {
    for (const p of [board.from[q]!, board.to[q]!]) delta.set(p, (delta.get(p) ?? 0) + by);
  };
  add(r, 1);
  for (const e of lost) add(e, -1);
  let gained = 0;
  for (const [p, by] of delta) {
    const before = meetings[p]!;
    const after = before + by;
    if (before === 0 && after > 0) gained++;
    if (before > 0 && after === 0) gained--;
  }
  return gained;
}

/** Who may leave a full slot s so that a table frees up: NONE first (a meeting moves out, see makeRoom), then each movable meeting there. */
function victimsOf(board: Board, s: number): number[] {
  if (board.load[s]! < board.T) return [NONE];
  const victims = [NONE];
  for (let k = 0; k < board.load[s]!; k++) {
    const c = board.members[s * board.T + k]!;
    if (board.fixed[c] === 0) victims.push(c);
  }
  return victims.sort((x, y) => x - y);
}

/**
 * Puts r into s, evicting the blockers (and `victim`, or a meeting moved out,
 * for a table), and re-places the evicted directly; returns those that found
 * no place, null when the trade is not allowed. Leaves the board changed.
 */
function trade(search: Search, r: number, s: number, victim: number): number[] | null {
  const { board } = search;
  const evicted = blockersAt(board, board.from[r]!, board.to[r]!, s);
  if (evicted.some((e) => board.fixed[e] === 1)) return null;
  for (const e of evicted) board.unplace(e);
  if (board.load[s]! >= board.T) {
    if (victim === NONE) {
      if (!makeRoom(search, s)) return null;
    } else {
      if (board.slotOf[victim] !== s) return null;
      board.unplace(victim);
      evicted.push(victim);
    }
  }
  if (!board.fits(r, s)) return null;
  board.place(r, s);
  return evicted.filter((e) => !placeDirect(board, e));
}
