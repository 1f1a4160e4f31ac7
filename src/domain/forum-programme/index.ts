/**
 * The forum's official programme (issue 16): sessions the organiser publishes
 * as a calendar, read-only here. Pure: what a re-import changes and how a
 * session's location finds a room of ours.
 */
import type { Id, Instant, Room, Venue } from '../types';

/** What a re-import marks on a session: new (or back in the calendar), moved, another place, another title, gone from the calendar. */
export const SESSION_MARKS = ['new', 'time', 'place', 'title', 'cancelled'] as const;
export type SessionMark = (typeof SESSION_MARKS)[number];

/** A session as the calendar gives it. */
export interface SessionInput {
  uid: string;
  /** '' for a single event; an occurrence of a recurring one: its original start (UTC, ISO). */
  occurrence: string;
  title: string;
  description: string;
  location: string;
  /** Wall-clock times on the forum's clock ('2019-06-07T10:00'), the zone, and the instants. */
  start: string;
  end: string;
  timeZone: string;
  startUtc: Instant;
  endUtc: Instant;
  allDay: boolean;
  /** STATUS:CANCELLED in the calendar. */
  cancelled: boolean;
}

export interface ProgrammeSession extends SessionInput {
  id: Id;
  forumId: Id;
  source: string;
  /** The marks of the import that last changed it. */
  changes: SessionMark[];
  changedAt: Instant;
  /** Where it was before the import that moved it (null unless that import moved it). */
  wasStartUtc: Instant | null;
  wasEndUtc: Instant | null;
}

export interface SessionUpdate {
  before: ProgrammeSession;
  after: SessionInput;
  marks: SessionMark[];
}

export interface ImportPlan {
  created: SessionInput[];
  updated: SessionUpdate[];
  /** Sessions of this source no longer in its calendar, now marked cancelled. */
  removed: ProgrammeSession[];
  unchanged: number;
}

export const sessionKey = (s: { uid: string; occurrence: string }): string => `${s.uid}\u0000${s.occurrence}`;

/**
 * What importing `incoming` from `source` does to the forum's `existing`
 * sessions: matched by UID (and occurrence), new ones created, changed ones
 * updated with their marks, this source's sessions missing from the calendar
 * cancelled. Sessions of other sources are left alone unless the calendar
 * names their UID. The same calendar again plans nothing.
 */
export function planImport(existing: readonly ProgrammeSession[], incoming: readonly SessionInput[], source: string): ImportPlan {
  const byKey = new Map(existing.map((s) => [sessionKey(s), s]));
  const seen = new Set<string>();
  const plan: ImportPlan = { created: [], updated: [], removed: [], unchanged: 0 };
  for (const next of incoming) {
    const key = sessionKey(next);
    if (seen.has(key)) continue;
    seen.add(key);
    const before = byKey.get(key);
    if (!before) {
      plan.created.push(next);
      continue;
    }
    const marks: SessionMark[] = [];
    if (before.cancelled && !next.cancelled) marks.push('new');
    if (before.startUtc !== next.startUtc || before.endUtc !== next.endUtc || before.allDay !== next.allDay) marks.push('time');
    if (before.location !== next.location) marks.push('place');
    if (before.title !== next.title) marks.push('title');
    if (!before.cancelled && next.cancelled) marks.push('cancelled');
    const quiet = before.description !== next.description || before.source !== source || before.start !== next.start || before.end !== next.end || before.timeZone !== next.timeZone;
    if (marks.length || quiet) plan.updated.push({ before, after: next, marks });
    else plan.unchanged += 1;
  }
  for (const s of existing) if (s.source === source && !s.cancelled && !seen.has(sessionKey(s))) plan.removed.push(s);
  return plan;
}

const normal = (text: string) => text.normalize('NFC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();

/**
 * The room of ours a session's location names, else the venue it names:
 * the location, or one of its comma-separated parts, is the room's (or the
 * venue's) name. A room name two venues share goes to the one whose venue
 * the location names too.
 */
export function placeOf(location: string, rooms: readonly Pick<Room, 'id' | 'venueId' | 'name'>[], venues: readonly Pick<Venue, 'id' | 'name'>[]): { roomId: Id | null; venueId: Id | null } {
  const parts = new Set([location, ...location.split(/[,;|–—]/)].map(normal).filter(Boolean));
  if (!parts.size) return { roomId: null, venueId: null };
  const venueHit = venues.find((v) => parts.has(normal(v.name)));
  const roomHits = rooms.filter((r) => parts.has(normal(r.name)));
  const room = roomHits.find((r) => venueHit && r.venueId === venueHit.id) ?? roomHits[0];
  return { roomId: room?.id ?? null, venueId: room?.venueId ?? venueHit?.id ?? null };
}
