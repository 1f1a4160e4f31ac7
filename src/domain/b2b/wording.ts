/**
 * How the B2B engine names things in the messages it returns for planners
 * (the sentences are in src/messages/catalogues/<locale>/domain-b2b.json). Kept in one place so that a
 * pin warning and an unplaced-request explanation call the same slot and the
 * same company the same way.
 */
import { DateTime } from 'luxon';
import type { SlotRef } from '../../messages/b2b';
import type { B2BParticipant } from './model';
import type { B2BSlot } from './slots';

export function nameOf(participant: Pick<B2BParticipant, 'id' | 'name'>): string {
  return participant.name?.trim() || `participant #${participant.id}`;
}

/** The slot's start in the forum's zone; without a zone, the slot's number as planners count (from 1). */
export function slotRef(slot: B2BSlot, timeZone?: string): SlotRef {
  if (timeZone) {
    const local = DateTime.fromMillis(slot.startUtc, { zone: timeZone });
    if (local.isValid) return { time: local.toFormat('HH:mm') };
  }
  return { number: slot.index + 1 };
}
