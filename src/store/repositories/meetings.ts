import type { Db } from '../database';
import type { Id, Instant, Meeting, MeetingDocument, MeetingKind, MeetingStatus, Participant } from '../../domain/types';

export interface MeetingFilter {
  forumId: Id;
  /** Meetings that overlap [fromUtc, toUtc). */
  fromUtc?: Instant;
  toUtc?: Instant;
  personId?: Id;
  roomId?: Id;
  delegationId?: Id;
  /** Meetings where someone of this organization takes part. */
  organizationId?: Id;
  isPublic?: boolean;
  kind?: MeetingKind;
  status?: MeetingStatus;
  ids?: Id[];
}

/** What a write stores: the meeting without its identity and bookkeeping. */
export type MeetingValues = Omit<Meeting, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'cancelledAt' | 'documents'> & {
  documents: Omit<MeetingDocument, 'id'>[];
};

const COLUMNS = `m.id, m.forum_id AS forumId, m.title, m.kind, m.status, m.start_local AS start, m.end_local AS "end",
  m.time_zone AS timeZone, m.start_utc AS startUtc, m.end_utc AS endUtc, m.room_id AS roomId, m.place,
  m.is_public AS isPublic, m.briefing, m.outcome, m.sequence, m.cancelled_at AS cancelledAt, m.version, m.created_at AS createdAt, m.updated_at AS updatedAt`;

type Row = Omit<Meeting, 'isPublic' | 'participants' | 'delegationIds' | 'documents'> & { isPublic: number };

/**
 * Meetings with their participants, delegations and documents. Lists load the
 * children for all listed meetings in three queries (not one per meeting).
 */
export class MeetingRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number = Date.now,
  ) {}

  find(id: Id): Meeting | undefined {
    return this.list({ forumId: -1, ids: [id] }, { anyForum: true })[0];
  }

  list(f: MeetingFilter, opts: { anyForum?: boolean } = {}): Meeting[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!opts.anyForum) {
      where.push('m.forum_id = ?');
      params.push(f.forumId);
    }
    if (f.fromUtc !== undefined) {
      where.push('m.end_utc > ?');
      params.push(f.fromUtc);
    }
    if (f.toUtc !== undefined) {
      where.push('m.start_utc < ?');
      params.push(f.toUtc);
    }
    if (f.roomId !== undefined) {
      where.push('m.room_id = ?');
      params.push(f.roomId);
    }
    if (f.kind) {
      where.push('m.kind = ?');
      params.push(f.kind);
    }
    if (f.status) {
      where.push('m.status = ?');
      params.push(f.status);
    }
    if (f.personId !== undefined) {
      where.push('m.id IN (SELECT meeting_id FROM meeting_participant WHERE person_id = ?)');
      params.push(f.personId);
    }
    if (f.delegationId !== undefined) {
      where.push('m.id IN (SELECT meeting_id FROM meeting_delegation WHERE delegation_id = ?)');
      params.push(f.delegationId);
    }
    if (f.organizationId !== undefined) {
      where.push('m.id IN (SELECT mp.meeting_id FROM meeting_participant mp JOIN person p ON p.id = mp.person_id WHERE p.organization_id = ?)');
      params.push(f.organizationId);
    }
    if (f.isPublic !== undefined) {
      where.push('m.is_public = ?');
      params.push(f.isPublic ? 1 : 0);
    }
    if (f.ids) {
      where.push(`m.id IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(f.ids));
    }
    const sql = `SELECT ${COLUMNS} FROM meeting m ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.start_utc, m.end_utc, m.id`;
    const rows = this.db.prepare(sql).all(...params) as Row[];
    return this.withChildren(rows);
  }

  insert(v: MeetingValues): Id {
    const now = this.clock();
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO meeting (forum_id, title, kind, status, start_local, end_local, time_zone, start_utc, end_utc, room_id, place,
             is_public, briefing, outcome, sequence, cancelled_at, version, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
        )
        .run(v.forumId, v.title, v.kind, v.status, v.start, v.end, v.timeZone, v.startUtc, v.endUtc, v.roomId, v.place, v.isPublic ? 1 : 0, v.briefing, v.outcome, v.sequence, v.status === 'cancelled' ? now : null, now, now).lastInsertRowid,
    );
    this.replaceChildren(id, v);
    return id;
  }

  /** Writes only if the stored version is still expectedVersion; false when it moved on. */
  update(id: Id, expectedVersion: number, v: MeetingValues): boolean {
    const now = this.clock();
    const info = this.db
      .prepare(
        `UPDATE meeting SET title = ?, kind = ?, status = ?, start_local = ?, end_local = ?, time_zone = ?, start_utc = ?, end_utc = ?,
           room_id = ?, place = ?, is_public = ?, briefing = ?, outcome = ?, sequence = ?,
           cancelled_at = CASE WHEN ? = 'cancelled' THEN coalesce(cancelled_at, ?) ELSE NULL END,
           version = version + 1, updated_at = ?
         WHERE id = ? AND version = ?`,
      )
      .run(v.title, v.kind, v.status, v.start, v.end, v.timeZone, v.startUtc, v.endUtc, v.roomId, v.place, v.isPublic ? 1 : 0, v.briefing, v.outcome, v.sequence, v.status, now, now, id, expectedVersion);
    if (info.changes !== 1) return false;
    this.replaceChildren(id, v);
    return true;
  }

  /** The longest travel time in the forum: how far around a meeting a save check must look. */
  maxTravelMinutes(forumId: Id): number {
    return (
      (this.db
        .prepare('SELECT max(t.minutes) FROM travel_time t JOIN venue v ON v.id = t.from_venue_id WHERE v.forum_id = ?')
        .pluck()
        .get(forumId) as number | null) ?? 0
    );
  }

  count(forumId: Id): number {
    return this.db.prepare('SELECT count(*) FROM meeting WHERE forum_id = ?').pluck().get(forumId) as number;
  }

  private replaceChildren(id: Id, v: MeetingValues): void {
    this.db.prepare('DELETE FROM meeting_participant WHERE meeting_id = ?').run(id);
    this.db.prepare('DELETE FROM meeting_delegation WHERE meeting_id = ?').run(id);
    this.db.prepare('DELETE FROM meeting_document WHERE meeting_id = ?').run(id);
    const p = this.db.prepare('INSERT INTO meeting_participant (meeting_id, person_id, role) VALUES (?, ?, ?)');
    for (const x of v.participants) p.run(id, x.personId, x.role);
    const d = this.db.prepare('INSERT INTO meeting_delegation (meeting_id, delegation_id) VALUES (?, ?)');
    for (const x of v.delegationIds) d.run(id, x);
    const doc = this.db.prepare('INSERT INTO meeting_document (meeting_id, title, parties, signed_on) VALUES (?, ?, ?, ?)');
    for (const x of v.documents) doc.run(id, x.title, x.parties, x.signedOn);
  }

  private withChildren(rows: Row[]): Meeting[] {
    if (!rows.length) return [];
    const ids = JSON.stringify(rows.map((r) => r.id));
    const participants = groupBy(
      this.db.prepare('SELECT meeting_id AS meetingId, person_id AS personId, role FROM meeting_participant WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY rowid').all(ids) as (Participant & { meetingId: Id })[],
    );
    const delegations = groupBy(
      this.db.prepare('SELECT meeting_id AS meetingId, delegation_id AS delegationId FROM meeting_delegation WHERE meeting_id IN (SELECT value FROM json_each(?))').all(ids) as { meetingId: Id; delegationId: Id }[],
    );
    const documents = groupBy(
      this.db.prepare('SELECT meeting_id AS meetingId, id, title, parties, signed_on AS signedOn FROM meeting_document WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY id').all(ids) as (MeetingDocument & { meetingId: Id })[],
    );
    return rows.map((r) => ({
      ...r,
      isPublic: r.isPublic === 1,
      participants: (participants.get(r.id) ?? []).map(({ personId, role }) => ({ personId, role })),
      delegationIds: (delegations.get(r.id) ?? []).map((d) => d.delegationId),
      documents: (documents.get(r.id) ?? []).map(({ id, title, parties, signedOn }) => ({ id, title, parties, signedOn })),
    }));
  }
}

function groupBy<T extends { meetingId: Id }>(items: T[]): Map<Id, T[]> {
  const map = new Map<Id, T[]>();
  for (const item of items) {
    const list = map.get(item.meetingId);
    if (list) list.push(item);
    else map.set(item.meetingId, [item]);
  }
  return map;
}
