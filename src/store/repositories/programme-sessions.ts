import type { Db } from '../database';
import { prepared } from '../statements';
import { keyedPage, type KeyedPage, type Keyset } from '../../domain/keyset';
import { SESSION_MARKS, type ProgrammeSession, type SessionInput, type SessionMark } from '../../domain/forum-programme';
import type { Id, Instant } from '../../domain/types';

const SELECT = `SELECT id, forum_id AS forumId, source, uid, occurrence, title, description, location, start_local AS start, end_local AS "end",
  time_zone AS timeZone, start_utc AS startUtc, end_utc AS endUtc, all_day AS allDay, cancelled, changes, changed_at AS changedAt,
  was_start_utc AS wasStartUtc, was_end_utc AS wasEndUtc FROM programme_session`;

type Row = Omit<ProgrammeSession, 'allDay' | 'cancelled' | 'changes'> & { allDay: number; cancelled: number; changes: string };

const toSession = (r: Row): ProgrammeSession => ({
  ...r,
  allDay: r.allDay === 1,
  cancelled: r.cancelled === 1,
  changes: r.changes.split(' ').filter((m): m is SessionMark => (SESSION_MARKS as readonly string[]).includes(m)),
});

export interface SessionFilter {
  forumId: Id;
  /** Sessions overlapping [fromUtc, toUtc). */
  fromUtc?: Instant;
  toUtc?: Instant;
  /** Only those the forum's latest import changed. */
  changedAt?: Instant;
}

/** The forum's official programme sessions (migration 0025), and the meetings of ours that attend them. */
export class ProgrammeSessionRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number = Date.now,
  ) {}

  find(id: Id): ProgrammeSession | undefined {
    const row = prepared(this.db, `${SELECT} WHERE id = ?`).get(id) as Row | undefined;
    return row && toSession(row);
  }

  /** Every session of the forum (what an import compares against). */
  ofForum(forumId: Id): ProgrammeSession[] {
    return (prepared(this.db, `${SELECT} WHERE forum_id = ? ORDER BY start_utc, id`).all(forumId) as Row[]).map(toSession);
  }

  /** The forum's sessions overlapping [fromUtc, toUtc), by start (the grids' and the board's read). */
  inWindow(forumId: Id, fromUtc: Instant, toUtc: Instant): ProgrammeSession[] {
    return (prepared(this.db, `${SELECT} WHERE forum_id = ? AND start_utc < ? AND end_utc > ? ORDER BY start_utc, id`).all(forumId, toUtc, fromUtc) as Row[]).map(toSession);
  }

  /** When the forum's latest import that changed anything ran, or null before any. */
  latestChange(forumId: Id): Instant | null {
    return prepared(this.db, 'SELECT max(changed_at) FROM programme_session WHERE forum_id = ?', 'pluck').get(forumId) as Instant | null;
  }

  /** The sources imported into the forum, with their session counts. */
  sources(forumId: Id): { source: string; sessions: number }[] {
    return prepared(this.db, 'SELECT source, count(*) AS sessions FROM programme_session WHERE forum_id = ? GROUP BY source ORDER BY source').all(forumId) as { source: string; sessions: number }[];
  }

  /** One keyset page by (start, id): the key is [startUtc, id]. */
  page(f: SessionFilter, ks: Keyset): KeyedPage<ProgrammeSession> {
    const where = ['forum_id = ?'];
    const params: unknown[] = [f.forumId];
    if (f.fromUtc !== undefined && f.toUtc !== undefined) {
      where.push('start_utc < ? AND end_utc > ?');
      params.push(f.toUtc, f.fromUtc);
    }
    if (f.changedAt !== undefined) {
      where.push("changed_at = ? AND changes <> ''");
      params.push(f.changedAt);
    }
    const w = ` WHERE ${where.join(' AND ')}`;
    const total = prepared(this.db, `SELECT count(*) FROM programme_session${w}`, 'pluck').get(...params) as number;
    let rows: Row[];
    if (ks.before) rows = (prepared(this.db, `${SELECT}${w} AND (start_utc, id) < (?, ?) ORDER BY start_utc DESC, id DESC LIMIT ?`).all(...params, ks.before[0], ks.before[1], ks.limit) as Row[]).reverse();
    else if (ks.after) rows = prepared(this.db, `${SELECT}${w} AND (start_utc, id) > (?, ?) ORDER BY start_utc, id LIMIT ?`).all(...params, ks.after[0], ks.after[1], ks.limit) as Row[];
    else rows = prepared(this.db, `${SELECT}${w} ORDER BY start_utc, id LIMIT ?`).all(...params, ks.limit) as Row[];
    const first = rows[0];
    const edge = first ? [first.startUtc, first.id] : ks.after ? [ks.after[0], ks.after[1]] : null;
    const before = edge === null ? 0 : (prepared(this.db, `SELECT count(*) FROM programme_session${w} AND (start_utc, id) ${first ? '<' : '<='} (?, ?)`, 'pluck').get(...params, edge[0], edge[1]) as number);
    return keyedPage(rows.map(toSession), total, before);
  }

  insert(forumId: Id, source: string, s: SessionInput, marks: readonly SessionMark[], at: Instant): Id {
    const now = this.clock();
    return Number(
      prepared(
        this.db,
        `INSERT INTO programme_session (forum_id, source, uid, occurrence, title, description, location, start_local, end_local, time_zone,
           start_utc, end_utc, all_day, cancelled, changes, changed_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(forumId, source, s.uid, s.occurrence, s.title, s.description, s.location, s.start, s.end, s.timeZone, s.startUtc, s.endUtc, s.allDay ? 1 : 0, s.cancelled ? 1 : 0, marks.join(' '), at, now, now).lastInsertRowid,
    );
  }

  /** Writes the calendar's values; marks (when any) replace the last import's, with `was` the time before a move. */
  update(id: Id, source: string, s: SessionInput, change: { marks: readonly SessionMark[]; at: Instant; was: { startUtc: Instant; endUtc: Instant } | null } | null): void {
    prepared(
      this.db,
      `UPDATE programme_session SET source = ?, title = ?, description = ?, location = ?, start_local = ?, end_local = ?, time_zone = ?,
         start_utc = ?, end_utc = ?, all_day = ?, cancelled = ?, updated_at = ?,
         changes = coalesce(?, changes), changed_at = coalesce(?, changed_at),
         was_start_utc = CASE WHEN ? IS NULL THEN was_start_utc ELSE ? END, was_end_utc = CASE WHEN ? IS NULL THEN was_end_utc ELSE ? END
       WHERE id = ?`,
    ).run(
      source,
      s.title,
      s.description,
      s.location,
      s.start,
      s.end,
      s.timeZone,
      s.startUtc,
      s.endUtc,
      s.allDay ? 1 : 0,
      s.cancelled ? 1 : 0,
      this.clock(),
      change ? change.marks.join(' ') : null,
      change ? change.at : null,
      change ? 1 : null,
      change?.was?.startUtc ?? null,
      change ? 1 : null,
      change?.was?.endUtc ?? null,
      id,
    );
  }

  /** Gone from its calendar: kept, marked cancelled. */
  markCancelled(id: Id, at: Instant): void {
    prepared(this.db, "UPDATE programme_session SET cancelled = 1, changes = 'cancelled', changed_at = ?, was_start_utc = NULL, was_end_utc = NULL, updated_at = ? WHERE id = ?").run(at, this.clock(), id);
  }

  /** Ties a meeting of ours to the session it attends. */
  link(meetingId: Id, sessionId: Id): void {
    prepared(this.db, 'UPDATE meeting SET programme_session_id = ? WHERE id = ?').run(sessionId, meetingId);
  }

  /** The meetings attending these sessions: [meetingId, sessionId]. */
  meetingsOf(sessionIds: readonly Id[]): { meetingId: Id; sessionId: Id }[] {
    if (!sessionIds.length) return [];
    return prepared(this.db, 'SELECT id AS meetingId, programme_session_id AS sessionId FROM meeting WHERE programme_session_id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(sessionIds)) as { meetingId: Id; sessionId: Id }[];
  }

  /** The session each of these meetings attends, for those that attend one. */
  sessionsOfMeetings(meetingIds: readonly Id[]): Map<Id, ProgrammeSession> {
    if (!meetingIds.length) return new Map();
    const rows = prepared(this.db, `SELECT m.id AS meetingId, s.* FROM meeting m JOIN (${SELECT}) s ON s.id = m.programme_session_id WHERE m.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(meetingIds)) as (Row & { meetingId: Id })[];
    return new Map(rows.map(({ meetingId, ...r }) => [meetingId, toSession(r)]));
  }
}
