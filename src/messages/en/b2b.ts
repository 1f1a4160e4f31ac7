/**
 * What the B2B engine tells a planner, in words a planner can act on. One file,
 * so that a pin warning and an unplaced-request explanation call the same slot
 * and the same company the same way.
 */
import type { B2BMessages, SlotRef } from '../b2b';
import type { Catalogue } from '../message';

function quote(label: string): string {
  return `'${label}'`;
}

/** 'the 10:25 slot'; without a zone, 'slot 3'. */
function slot(at: SlotRef): string {
  return 'time' in at ? `the ${at.time} slot` : `slot ${at.number}`;
}

/** Up to three distinct labels, quoted, with a count of the rest; '' when there are none. */
function listLabels(labels: readonly string[]): string {
  const distinct = [...new Set(labels.filter((l) => !!l))];
  if (distinct.length === 0) return '';
  const shown = distinct.slice(0, 3).map(quote).join(', ');
  return distinct.length > 3 ? `${shown} and ${distinct.length - 3} more` : shown;
}

function because(labels: readonly string[]): string {
  const listed = listLabels(labels);
  return listed ? ` (${listed})` : '';
}

export const b2b = {
  'b2b.unplaced.participant-busy': ({ a, b, neither, who, labels }) =>
    `${a} and ${b} cannot meet in this session: ${neither ? `Neither ${a} nor ${b} has` : `${who} has`} a free slot in it${because(labels)}. ` +
    'Free one of its representatives or move the meeting to another session.',
  'b2b.unplaced.no-common-free-slot': ({ a, b, slots, busyA, labelsA, busyB, labelsB }) =>
    `${a} and ${b} have no free slot in common: ${a} is busy in ${busyA} of ${slots} slots${because(labelsA)}, ` +
    `${b} in ${busyB}${because(labelsB)}. Move one of those meetings or meet outside the session.`,
  'b2b.unplaced.no-free-table': ({ a, b, at, otherSlots, tables }) =>
    `${a} and ${b} are both free at ${slot(at)}` +
    `${otherSlots > 0 ? ` and ${otherSlots} other slot(s)` : ''}, but all ${tables} tables are taken then. ` +
    'Add tables, or raise the priority of this request.',
  'b2b.unplaced.participants-booked': ({ a, b, common, meetings }) => {
    const partners = meetings.map((m) => `${m.who} meets ${m.meets} at ${slot(m.at)}`);
    const shown = partners.slice(0, 2).join('; ') + (partners.length > 2 ? `; and ${partners.length - 2} more` : '');
    return (
      `${a} and ${b} are both free in ${common} slot(s), but in each of them one already has another B2B meeting ` +
      `(${shown}). Raise the priority of this request, or pin it and let the others move.`
    );
  },
  'b2b.request.self': ({ name }) => `${name} cannot meet itself; correct the request's counterpart.`,
  'b2b.pin.refused': ({ problem }, say) => `${say(problem)} Move or remove the pin.`,
  'b2b.pin.no-such-slot': ({ a, b, slotIndex, slots }) => `The meeting ${a} – ${b} is pinned to slot index ${slotIndex}, which this session (${slots} slots) does not have.`,
  'b2b.pin.no-such-table': ({ a, b, table, tables }) => `The meeting ${a} – ${b} is pinned to table ${table}, but the hall has tables 1 to ${tables}.`,
  'b2b.pin.busy': ({ a, b, at, busy, label }) => `The meeting ${a} – ${b} is pinned to ${slot(at)}, but ${busy} is busy then${label ? ` (${quote(label)})` : ''}.`,
  'b2b.pin.booked': ({ a, b, at, booked, other }) => `The meeting ${a} – ${b} is pinned to ${slot(at)}, but ${booked} is already pinned to meet ${other} then.`,
  'b2b.pin.table-taken': ({ a, b, table, at }) => `The meeting ${a} – ${b} is pinned to table ${table} at ${slot(at)}, which another pinned meeting already uses.`,
  'b2b.input.no-tables': () => 'The hall needs at least one table; set the number of tables to 1 or more.',
  'b2b.input.busy-reversed': ({ name }) => `A busy time of ${name} ends before it starts.`,
  'b2b.input.unknown-participant': ({ request, participant }) => `Request ${request} names participant ${participant}, who is not in the session.`,
  'b2b.input.pinned-twice': ({ request }) => `Request ${request} is pinned twice; keep one pin.`,
  'b2b.input.pin-not-accepted': ({ request }) => `Request ${request} is pinned but is not an accepted request of this session.`,
  'b2b.input.duplicate': ({ what, value }) => `The ${what} ${value} appears twice; each must be unique.`,
  'b2b.grid.needs-times': () => 'The session needs a start and an end time.',
  'b2b.grid.end-before-start': () => 'The session must end after it starts.',
  'b2b.grid.slot-length': () => 'Slot length must be a positive number of minutes, e.g. 20.',
  'b2b.grid.changeover': () => 'Changeover must be zero or a positive number of minutes, e.g. 5.',
  'b2b.grid.break-reversed': ({ number }) => `Break ${number} must end after it starts.`,
  'b2b.grid.needs-attention': ({ problems }, say) => 'The B2B session time grid needs attention: ' + problems.map(say).join(' '),
} satisfies Pick<Catalogue, keyof B2BMessages>;
