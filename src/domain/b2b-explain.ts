/**
 * Why a request ended up without a table, in words a planner can act on. The
 * reason is decided from the final schedule, most fundamental first: a side
 * that is never free, then no common free time, then booked participants or a
 * full hall.
 */
import { NONE, type Board } from './b2b-board';
import type { B2BUnplaced } from './b2b-model';
import type { Problem } from './b2b-problem';
import { describeSlot, listLabels } from './b2b-wording';

/** `board` is the final schedule; the problem only knows the pins. */
export function explainUnplaced(problem: Problem, board: Board, r: number): Omit<B2BUnplaced, 'requestId'> {
  const { names, slots } = problem;
  const { S } = board;
  const u = board.from[r]!;
  const v = board.to[r]!;
  const [a, b] = [names[u]!, names[v]!];
  const busySlots = (p: number) => Array.from({ length: S }, (_, s) => s).filter((s) => board.isBusy(p, s));
  const labelsOf = (p: number, inSlots: number[]) => listLabels(inSlots.map((s) => problem.busyLabel[p * S + s]));
  const because = (p: number, inSlots: number[]) => {
    const labels = labelsOf(p, inSlots);
    return labels ? ` (${labels})` : '';
  };

  const busyU = busySlots(u);
  const busyV = busySlots(v);
  if (busyU.length === S || busyV.length === S) {
    const who = busyU.length === S ? u : v;
    const whoSlots = busyU.length === S ? busyU : busyV;
    const subject = busyU.length === S && busyV.length === S ? `Neither ${a} nor ${b} has` : `${names[who]} has`;
    return {
      reason: 'participant_busy',
      message:
        `${a} and ${b} cannot meet in this session: ${subject} a free slot in it${because(who, whoSlots)}. ` +
        'Free one of its representatives or move the meeting to another session.',
    };
  }

  const common = Array.from({ length: S }, (_, s) => s).filter((s) => board.usable(r, s));
  if (common.length === 0) {
    return {
      reason: 'no_common_free_slot',
      message:
        `${a} and ${b} have no free slot in common: ${a} is busy in ${busyU.length} of ${S} slots${because(u, busyU)}, ` +
        `${b} in ${busyV.length}${because(v, busyV)}. Move one of those meetings or meet outside the session.`,
    };
  }

  const bothOpen = common.filter((s) => board.meetingOf(u, s) === NONE && board.meetingOf(v, s) === NONE);
  if (bothOpen.length > 0) {
    return {
      reason: 'no_free_table',
      message:
        `${a} and ${b} are both free at ${describeSlot(slots[bothOpen[0]!]!, problem.input.timeZone)}` +
        `${bothOpen.length > 1 ? ` and ${bothOpen.length - 1} other slot(s)` : ''}, but all ${board.T} tables are taken then. ` +
        'Add tables, or raise the priority of this request.',
    };
  }

  const partners = common.map((s) => {
    const p = board.meetingOf(u, s) !== NONE ? u : v;
    return `${names[p]} meets ${names[board.other(board.meetingOf(p, s), p)]} at ${describeSlot(slots[s]!, problem.input.timeZone)}`;
  });
  const shown = partners.slice(0, 2).join('; ') + (partners.length > 2 ? `; and ${partners.length - 2} more` : '');
  return {
    reason: 'participants_booked',
    message:
      `${a} and ${b} are both free in ${common.length} slot(s), but in each of them one already has another B2B meeting ` +
      `(${shown}). Raise the priority of this request, or pin it and let the others move.`,
  };
}
