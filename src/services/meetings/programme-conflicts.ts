/**
 * The whole programme's conflicts, read and found in one read transaction
 * together with the version they belong to (the audit log's head), so a
 * result made on another thread can be kept under the right version.
 * Shared by MeetingService (in process) and the conflict worker (off the
 * request path, conflict-worker.ts).
 */
import { findConflicts, type Conflict } from '../../domain/conflicts';
import { localDateOf } from '../../domain/time';
import type { Forum, Id, Instant } from '../../domain/types';
import type { Store } from '../../store';
import { inReadTransaction } from '../../store/database';

/** A conflict of the whole report with the start of its earliest meeting and that start's forum-local day ('' when none). */
export interface DatedConflict {
  conflict: Conflict;
  start: Instant;
  date: string;
}

export interface ProgrammeConflicts {
  version: number;
  conflicts: Conflict[];
  dated: DatedConflict[];
}

export function programmeConflicts(store: Store, forum: Forum): ProgrammeConflicts {
  return inReadTransaction(store.db, () => {
    const version = store.feedTokens.auditHeadId();
    const programme = store.meetings.programmeWithNames({ forumId: forum.id });
    const conflicts = findConflicts({
      venues: store.venues.list({ forumId: forum.id }),
      travelTimes: store.venues.travelTimes(forum.id),
      forumTimeZone: forum.timeZone,
      meetings: programme.meetings,
      rooms: store.rooms.listByForum(forum.id),
      people: programme.people,
      availability: store.availability.list({ forumId: forum.id }),
    });
    const starts = new Map<Id, Instant>(programme.meetings.map((m) => [m.id, m.startUtc]));
    const dated = conflicts.map((conflict) => {
      const start = Math.min(...conflict.meetingIds.map((id) => starts.get(id) ?? Number.MAX_SAFE_INTEGER));
      return { conflict, start, date: start === Number.MAX_SAFE_INTEGER ? '' : localDateOf(start, forum.timeZone) };
    });
    return { version, conflicts, dated };
  });
}
