import { DateTime } from 'luxon';
import type { B2BUnplaced } from '../domain/b2b';
import type { Conflict } from '../domain/conflicts';
import type { Meeting } from '../domain/types';
import { render } from '../messages';
import type { Locale } from '../messages/catalogue';

/** A meeting as the JSON API shows it: local wall-clock times with their zone, and the UTC instants as ISO-8601 with Z. */
export function meetingJson(m: Meeting) {
  return {
    id: m.id,
    forumId: m.forumId,
    title: m.title,
    kind: m.kind,
    status: m.status,
    start: m.start,
    end: m.end,
    timeZone: m.timeZone,
    startUtc: isoUtc(m.startUtc),
    endUtc: isoUtc(m.endUtc),
    roomId: m.roomId,
    place: m.place,
    isPublic: m.isPublic,
    participants: m.participants.map(({ personId, role }) => ({ personId, role })),
    delegationIds: m.delegationIds,
    briefing: m.briefing,
    outcome: m.outcome,
    outcomePublic: m.outcomePublic,
    documents: m.documents,
    sequence: m.sequence,
    createdAt: isoUtc(m.createdAt),
    updatedAt: isoUtc(m.updatedAt),
    version: m.version,
  };
}

export function isoUtc(ms: number): string {
  return DateTime.fromMillis(ms, { zone: 'UTC' }).toISO({ suppressMilliseconds: true })!.replace('+00:00', 'Z');
}

/** A conflict as the JSON API and a flash show it: the engine's data with its sentence rendered (in English). */
export function conflictJson(c: Conflict): Omit<Conflict, 'message'> & { message: string } {
  return { ...c, message: render(c.message) };
}

/** The same for a page's own script (the grid's drag panel), which shows the sentence to its reader: in their language. */
export function conflictJsonIn(locale: Locale): (c: Conflict) => Omit<Conflict, 'message'> & { message: string } {
  return (c) => ({ ...c, message: render(c.message, locale) });
}

/** Why a B2B request has no table, as the JSON API shows it: the reason and its sentence. */
export function unplacedJson(u: B2BUnplaced): Omit<B2BUnplaced, 'message'> & { message: string } {
  return { ...u, message: render(u.message) };
}
