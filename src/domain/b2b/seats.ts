/**
 * Which seat of each company sits at each meeting. The search only counts
 * free seats per slot, and free seats of one slot are interchangeable, so any
 * assignment that gives each meeting a distinct free seat is valid; this one
 * takes the lowest free seat, keeping a seat that sat at the previous slot's
 * meeting on the same table when it can, so a delegation does not swap chairs
 * for nothing.
 */
import { NONE, type Board } from './board';

/** Seat per request and side (0-based; 0 for a company without seats), NONE when unplaced. */
export function assignSeats(board: Board, seatFree: ReadonlyArray<Uint8Array | null>, tableOf: Int32Array): { fromSeat: Int32Array; toSeat: Int32Array } {
  const { S, P } = board;
  const fromSeat = new Int32Array(board.R).fill(NONE);
  const toSeat = new Int32Array(board.R).fill(NONE);
  for (let r = 0; r < board.R; r++) {
    if (board.slotOf[r] === NONE) continue;
    fromSeat[r] = 0;
    toSeat[r] = 0;
  }
  for (let p = 0; p < P; p++) {
    const free = seatFree[p];
    if (!free) continue;
    const seatCount = free.length / S;
    // The table each seat sat at in the previous slot, to keep a seat where its table stays.
    let lastTable = new Int32Array(seatCount).fill(NONE);
    for (let s = 0; s < S; s++) {
      const meetings: number[] = [];
      for (let k = 0; k < board.meetingsIn(p, s); k++) meetings.push(board.meetingAt(p, s, k));
      meetings.sort((x, y) => x - y);
      const taken = new Uint8Array(seatCount);
      const seatOf = new Map<number, number>();
      for (const r of meetings) {
        for (let k = 0; k < seatCount; k++) {
          if (free[k * S + s] === 1 && taken[k] === 0 && lastTable[k] === tableOf[r]) {
            taken[k] = 1;
            seatOf.set(r, k);
            break;
          }
        }
      }
      for (const r of meetings) {
        if (seatOf.has(r)) continue;
        for (let k = 0; k < seatCount; k++) {
          if (free[k * S + s] === 1 && taken[k] === 0) {
            taken[k] = 1;
            seatOf.set(r, k);
            break;
          }
        }
      }
      const next = new Int32Array(seatCount).fill(NONE);
      for (const [r, k] of seatOf) {
        next[k] = tableOf[r]!;
        if (board.from[r] === p) fromSeat[r] = k;
        else toSeat[r] = k;
      }
      lastTable = next;
    }
  }
  return { fromSeat, toSeat };
}
