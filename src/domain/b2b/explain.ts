/**
 * Why a request ended up without a table, as a message a planner can act on.
 * The reason is decided from the final schedule, most fundamental first: a side
 * that is never free, then no common free time, then booked participants or a
 * full hall.
 */
import { message } from '../../messages/message';
import type { Board } from './board';
import type { B2BUnplaced } from './model';
import type { Problem } from './problem';
import { slotRef } from './wording';

/** `board` is the final schedule; the problem only knows the pins. */
export function explainUnplaced(problem: Problem, board: Board, r: number): Omit<B2BUnplaced, 'requestId'> {
  const { names, slots } = problem;
  const { S } = board;
  const u = board.from[r]!;
  const v = board.to[r]!;
  const [a, b] = [names[u]!, names[v]!];
  const busySlots = (p: number) => Array.from({ length: S }, (_, s) => s).filter((s) => board.isBusy(p, s));
  const labelsOf = (p: number, inSlots: number[]) => inSlots.map((s) => problem.busyLabel[p * S + s]).filter((l): l is string => !!l);
  const at = (s: number) => slotRef(slots[s]!, problem.input.timeZone);

  const busyU = busySlots(u);
  const busyV = busySlots(v);
  if (busyU.length === S || busyV.length === S) {
    const who = busyU.length === S ? u : v;
    const whoSlots = busyU.length === S ? busyU : busyV;
    return {
      reason: 'participant_busy',
      message: message('b2b.unplaced.participant-busy', { a, b, neither: busyU.length === S && busyV.length === S, who: names[who]!, labels: labelsOf(who, whoSlots) }),
    };
  }

  const common = Array.from({ length: S }, (_, s) => s).filter((s) => board.usable(r, s));
  if (common.length === 0) {
    return {
      reason: 'no_common_free_slot',
      message: message('b2b.unplaced.no-common-free-slot', { a, b, slots: S, busyA: busyU.length, labelsA: labelsOf(u, busyU), busyB: busyV.length, labelsB: labelsOf(v, busyV) }),
    };
  }

  const bothOpen = common.filter((s) => board.hasRoom(u, s) && board.hasRoom(v, s));
  if (bothOpen.length > 0) {
    return {
      reason: 'no_free_table',
      message: message('b2b.unplaced.no-free-table', { a, b, at: at(bothOpen[0]!), otherSlots: bothOpen.length - 1, tables: board.T }),
    };
  }

  const meetings = common.map((s) => {
    const p = board.hasRoom(u, s) ? v : u;
    return { who: names[p]!, meets: names[board.other(board.meetingOf(p, s), p)]!, at: at(s) };
  });
  return {
    reason: 'participants_booked',
    message: message('b2b.unplaced.participants-booked', { a, b, common: common.length, meetings }),
  };
}
