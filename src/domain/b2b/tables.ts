/**
 * Third objective: which table each meeting gets. Any assignment is valid once
 * a slot holds at most `tableCount` meetings; this one is chosen for the hall
 * plan, so that a company with several talks in a row keeps its table and
 * only its visitors walk.
 */
import { NONE, type Board } from './board';

/**
 * Returns table numbers (0-based) per request, NONE when unplaced. Reserved
 * tables (a pin's, or a published meeting's when it kept its slot) are taken
 * first. Then, slot by slot, a meeting claims the table one of
 * its participants sat at in the previous slot, falling back to that
 * participant's last table earlier in the day, then to the lowest free table.
 * When two meetings claim the same table, the participant with more meetings
 * in the session keeps it, since it would otherwise move more often.
 */
export function assignTables(board: Board, reserved: Int32Array): Int32Array {
  const { S, T, P } = board;
  const tableOf = new Int32Array(board.R).fill(NONE);
  const meetings = new Int32Array(P);
  for (let r = 0; r < board.R; r++) {
    if (board.slotOf[r] === NONE) continue;
    meetings[board.from[r]!]!++;
    meetings[board.to[r]!]!++;
  }
  const lastTable = new Int32Array(P).fill(NONE);
  const lastSlot = new Int32Array(P).fill(NONE);

  for (let s = 0; s < S; s++) {
    const taken = new Uint8Array(T);
    const inSlot: number[] = [];
    for (let k = 0; k < board.load[s]!; k++) inSlot.push(board.members[s * T + k]!);
    inSlot.sort((x, y) => x - y);
    const open: number[] = [];
    for (const r of inSlot) {
      const wanted = reserved[r]!;
      if (wanted !== NONE && taken[wanted] === 0) {
        tableOf[r] = wanted;
        taken[wanted] = 1;
      } else {
        open.push(r);
      }
    }

    for (const consecutiveOnly of [true, false]) {
      const claims: Array<{ r: number; table: number; weight: number; p: number }> = [];
      for (const r of open) {
        if (tableOf[r] !== NONE) continue;
        for (const p of [board.from[r]!, board.to[r]!]) {
          if (lastTable[p] === NONE || (consecutiveOnly && lastSlot[p] !== s - 1)) continue;
          claims.push({ r, table: lastTable[p]!, weight: meetings[p]!, p });
        }
      }
      claims.sort((x, y) => y.weight - x.weight || x.p - y.p || x.r - y.r);
      for (const claim of claims) {
        if (tableOf[claim.r] !== NONE || taken[claim.table] === 1) continue;
        tableOf[claim.r] = claim.table;
        taken[claim.table] = 1;
      }
    }

    let next = 0;
    for (const r of open) {
      if (tableOf[r] !== NONE) continue;
      while (taken[next] === 1) next++;
      tableOf[r] = next;
      taken[next] = 1;
    }

    for (const r of inSlot) {
      for (const p of [board.from[r]!, board.to[r]!]) {
        lastTable[p] = tableOf[r]!;
        lastSlot[p] = s;
      }
    }
  }
  return tableOf;
}
