/**
 * Comparing a printout with the last one. Paper handed to a minister or a driver
 * cannot update itself, so each new sheet marks what differs from the previous
 * one and carries a stamp that tells two printouts apart at a glance.
 */
import { createHash } from 'node:crypto';
import type { Agenda, AgendaSource, ChangeMark, PrintSnapshot, SnapshotEntry } from './types';
import type { Id, Instant } from '../types';

export type { ChangeMark, PrintSnapshot, SnapshotEntry } from './types';

type Comparable = Pick<AgendaSource, 'startUtc' | 'endUtc' | 'title' | 'place' | 'status'>;

/**
 * The mark one meeting gets against its snapshot entry. Cancellation outranks a
 * move, and a move outranks a retitle, because that is the order in which a
 * reader must act on them (don't go; go at another time; note the detail).
 */
export function diffAgainstSnapshot(source: Comparable, previous: SnapshotEntry | undefined): ChangeMark {
  if (!previous) return 'new';
  const isCancelled = source.status === 'cancelled';
  const wasCancelled = previous.status === 'cancelled';
  if (isCancelled && !wasCancelled) return 'cancelled';
  // Both cancelled: nothing a reader can act on, whatever else changed.
  if (isCancelled) return null;
  if (source.startUtc !== previous.startUtc || source.endUtc !== previous.endUtc) return 'moved';
  if (source.title !== previous.title || source.place !== previous.place || source.status !== previous.status) {
    return 'changed';
  }
  return null;
}

function isAgenda(from: Agenda | readonly AgendaSource[]): from is Agenda {
  return !Array.isArray(from);
}

/**
 * Record what was printed. From an agenda, exactly its printed entries (struck
 * cancellations included, so the next print drops them). From sources, the whole
 * programme minus proposals, which are never printed: a proposal that later
 * becomes tentative must then read as 'new'.
 */
export function takeSnapshot(from: Agenda | readonly AgendaSource[], now: Instant): PrintSnapshot {
  const rows: SnapshotEntry[] = isAgenda(from)
    ? from.days.flatMap((day) => day.entries.map(toSnapshotEntry))
    : from.filter((s) => s.status !== 'proposed').map(toSnapshotEntry);
  const byId = new Map<Id, SnapshotEntry>();
  for (const row of rows) byId.set(row.meetingId, row);
  return { printedAt: now, entries: [...byId.values()].sort((a, b) => a.meetingId - b.meetingId) };
}

function toSnapshotEntry(e: SnapshotEntry): SnapshotEntry {
  return {
    meetingId: e.meetingId,
    startUtc: e.startUtc,
    endUtc: e.endUtc,
    title: e.title,
    place: e.place,
    status: e.status,
    sequence: e.sequence,
  };
}

/**
 * First 8 hex digits of a SHA-256 over 'meetingId:sequence:updatedAt', sorted by
 * meeting, so the stamp depends only on which meeting versions are on the sheet,
 * not on their order or on when the sheet was printed. Renaming a room does not
 * touch a meeting's version and so does not change the stamp.
 */
export function versionStamp(entries: readonly Pick<AgendaSource, 'meetingId' | 'sequence' | 'updatedAt'>[]): string {
  const lines = [...entries]
    .sort((a, b) => a.meetingId - b.meetingId)
    .map((e) => `${e.meetingId}:${e.sequence}:${e.updatedAt}`);
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 8);
}
