/**
 * How the B2B engine names things in the sentences it writes for planners.
 * Kept in one place so that a pin warning and an unplaced-request explanation
 * call the same slot and the same company the same way.
 */
import { DateTime } from 'luxon';
import type { B2BParticipant } from './b2b-model';
import type { B2BSlot } from './b2b-slots';

export function nameOf(participant: Pick<B2BParticipant, 'id' | 'name'>): string {
  return participant.name?.trim() || `participant #${participant.id}`;
}

export function quote(label: string): string {
  return `'${label}'`;
}

/** "the 10:25 slot" in the forum's zone; without a zone, the slot's number as planners count (from 1). */
export function describeSlot(slot: B2BSlot, timeZone?: string): string {
  if (timeZone) {
    const local = DateTime.fromMillis(slot.startUtc, { zone: timeZone });
    if (local.isValid) return `the ${local.toFormat('HH:mm')} slot`;
  }
  return `slot ${slot.index + 1}`;
}

/** Up to three distinct labels, quoted, with a count of the rest; '' when there are none. */
export function listLabels(labels: ReadonlyArray<string | null | undefined>): string {
  const distinct = [...new Set(labels.filter((l): l is string => !!l))];
  if (distinct.length === 0) return '';
  const shown = distinct.slice(0, 3).map(quote).join(', ');
  return distinct.length > 3 ? `${shown} and ${distinct.length - 3} more` : shown;
}
