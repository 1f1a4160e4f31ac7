/**
 * An upper bound on how many requests any valid schedule can place. It lets the
 * planner (and the benchmark) tell "the scheduler was weak" from "the session is
 * simply too small": 930 placed of a bound of 930 means nothing more fits.
 */
import type { Board } from './board';
import { FlowNetwork } from './flow';

/**
 * The minimum of three counts, each of which no valid schedule can exceed:
 *
 * 1. Placeable requests: a request is placed in a slot where neither side is
 *    busy, so a request without such a common slot is never placed.
 * 2. Per slot, min(tables, floor(n_s / 2)), summed over slots, where n_s adds
 *    up the free seats (1 for a company without seats) of participants that
 *    have some placeable request usable in slot s: each meeting in s takes one
 *    table and a seat of each of two such participants.
 * 3. A degree-constrained matching. Participant u meets at most once per free
 *    seat in each slot in which one of its requests is usable, so at most
 *    cap(u) = the sum of those seats; the placed requests therefore form a
 *    subgraph with degree(u) <= cap(u) everywhere, and no schedule places more than the largest such subgraph
 *    (popular companies with more requests than free slots are what this catches).
 *    We compute it as a max flow on the bipartite double cover (u on the left
 *    and on the right, each with capacity cap(u); every request an arc both
 *    ways): a placed set gives a flow of twice its size, so half the max flow
 *    bounds it. When the request graph is bipartite (Azerbaijani companies only
 *    meet Russian ones) the cover is two copies of it and the bound is exact for
 *    the degree problem; otherwise it is the fractional optimum, still valid.
 *
 * Pinned requests sit in usable slots and are counted like any other.
 * `candidates` are the requests the scheduler may place (valid requests whose
 * pin, if any, is valid).
 */
export function computeUpperBound(board: Board, candidates: readonly number[]): number {
  const { S, T, P } = board;
  const placeable = candidates.filter((r) => hasUsableSlot(board, r));
  const usefulSlot = new Uint8Array(P * S);
  const seats = (p: number, s: number) => (usefulSlot[p * S + s] ? board.capacityOf(p, s) : 0);
  for (const r of placeable) {
    const u = board.from[r]!;
    const v = board.to[r]!;
    for (let s = 0; s < S; s++) {
      if (board.usable(r, s)) {
        usefulSlot[u * S + s] = 1;
        usefulSlot[v * S + s] = 1;
      }
    }
  }

  let bySlot = 0;
  for (let s = 0; s < S; s++) {
    let present = 0;
    for (let p = 0; p < P; p++) present += seats(p, s);
    bySlot += Math.min(T, Math.floor(present / 2));
  }

  const network = new FlowNetwork(2 * P + 2);
  const source = 2 * P;
  const sink = 2 * P + 1;
  for (let p = 0; p < P; p++) {
    let useful = 0;
    for (let s = 0; s < S; s++) useful += seats(p, s);
    if (useful === 0) continue;
    network.addArc(source, p, useful);
    network.addArc(P + p, sink, useful);
  }
  for (const r of placeable) {
    network.addArc(board.from[r]!, P + board.to[r]!, 1);
    network.addArc(board.to[r]!, P + board.from[r]!, 1);
  }
  const byDegree = Math.floor(network.maxFlow(source, sink) / 2);

  return Math.min(placeable.length, bySlot, byDegree);
}

function hasUsableSlot(board: Board, r: number): boolean {
  for (let s = 0; s < board.S; s++) if (board.usable(r, s)) return true;
  return false;
}
