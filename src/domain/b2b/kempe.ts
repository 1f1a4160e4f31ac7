/**
 * Kempe-chain repair, the classic edge-colouring move: request (u, v) is
 * unplaced, u is free in slot a, v is free in slot b. Swapping a and b along
 * the alternating a/b path that starts at v frees v in a without touching u,
 * and (u, v) takes a. The path is unique (each participant has at most one
 * meeting per slot) and cannot loop back, because v has no b meeting.
 *
 * With seats a participant may hold several meetings in a slot; the chain
 * then stops at the first participant with a free seat in the colour it
 * receives, and gives up at one that would have to choose which of several
 * meetings to move (ejection chains handle those).
 */
import type { Search } from './search';

/** Tries every (a, b) pair for both orientations of r; the first valid swap wins. */
export function kempeRepair(search: Search, r: number): boolean {
  const { board } = search;
  const ends: Array<[number, number]> = [
    [board.from[r]!, board.to[r]!],
    [board.to[r]!, board.from[r]!],
  ];
  for (const [u, v] of ends) {
    for (let a = 0; a < board.S; a++) {
      if (!board.usable(r, a) || !board.hasRoom(u, a)) continue;
      // v free in a too means only a full hall blocks a: that is for ejection chains.
      if (board.hasRoom(v, a)) continue;
      for (let b = 0; b < board.S; b++) {
        if (b === a || !board.hasRoom(v, b)) continue;
        if (!search.step()) return false;
        if (swapChain(search, r, u, v, a, b)) return true;
      }
    }
  }
  return false;
}

function swapChain(search: Search, r: number, u: number, v: number, a: number, b: number): boolean {
  const { board } = search;
  const path: number[] = [];
  let x = v;
  let colour = a;
  for (;;) {
    if (board.hasRoom(x, colour)) break;
    if (board.capacityOf(x, a) > 1 || board.capacityOf(x, b) > 1) return false;
    const e = board.meetingOf(x, colour);
    const y = board.other(e, x);
    const next = colour === a ? b : a;
    // Reaching u would take slot a from u as well; a pin must stay; busy slots stay busy.
    if (y === u || board.fixed[e] === 1 || !board.usable(e, next)) return false;
    if (!search.step()) return false;
    path.push(e);
    x = y;
    colour = next;
  }
  // Path meetings alternate a, b, a, ...: an odd path moves one meeting from a to b, then r refills a.
  const grows = path.length % 2 === 1 ? b : a;
  if (board.load[grows]! >= board.T) return false;
  for (const e of path) board.unplace(e);
  path.forEach((e, i) => board.place(e, i % 2 === 0 ? b : a));
  board.place(r, a);
  return true;
}
