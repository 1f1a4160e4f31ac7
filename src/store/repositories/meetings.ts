import type { Statement } from 'better-sqlite3';
import type { Db } from '../database';
import { inList } from '../statements';
import { compareKeys, keyedPage, pageOfSorted, type Key, type KeyedPage, type Keyset } from '../../domain/keyset';
import type { ProgrammeMeeting } from '../../domain/conflicts';
import type { Id, Instant, LocalDate, Meeting, MeetingDocument, MeetingKind, MeetingStatus, Participant, Person } from '../../domain/types';
import { kindFromTitle, type AgreementStatus } from '../../domain/agreements';

export interface MeetingFilter {
  forumId: Id;
  /** Meetings that overlap [fromUtc, toUtc). */
  fromUtc?: Instant;
  toUtc?: Instant;
  personId?: Id;
  roomId?: Id;
  /** Meetings with no room (a free-text place): the grid's "Elsewhere" column. */
  withoutRoom?: boolean;
  delegationId?: Id;
  /** Meetings where someone of this organization takes part. */
  organizationId?: Id;
  isPublic?: boolean;
  kind?: MeetingKind;
  status?: MeetingStatus;
  ids?: Id[];
  /** Meetings in these rooms or with any of these people: the only ones that can conflict with meetings that have them. */
  sharingWith?: { roomIds: readonly Id[]; personIds: readonly Id[] };
  /**
   * Meetings near given spans: in a room during a span ([roomId, fromUtc, toUtc]) or with a person during a
   * span ([personId, fromUtc, toUtc]). Each target of a conflict check asks for its own neighbourhood, so a
   * delegation's day reads what could clash with each of its meetings, not every meeting of their rooms all day.
   */
  near?: { rooms: readonly (readonly [Id, Instant, Instant])[]; people: readonly (readonly [Id, Instant, Instant])[] };
}

/** What a write stores: the meeting without its identity and bookkeeping. */
export type MeetingValues = Omit<Meeting, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'cancelledAt' | 'heldAt' | 'documents'> & {
  /** With the register's id when it is one already there (kept in place), without for a new one. */
  documents: DocumentValues[];
};

/** A document as the meeting form and the API write it: an agreement of the register, by id when it is one. */
export interface DocumentValues {
  id?: Id | null;
  title: string;
  parties: string;
  signedOn: LocalDate | null;
}

const COLUMNS = `m.id, m.forum_id AS forumId, m.title, m.kind, m.status, m.start_local AS start, m.end_local AS "end",
  m.time_zone AS timeZone, m.start_utc AS startUtc, m.end_utc AS endUtc, m.room_id AS roomId, m.place,
  m.is_public AS isPublic, m.briefing, m.outcome, m.outcome_public AS outcomePublic, m.sequence, m.cancelled_at AS cancelledAt, m.held_at AS heldAt, m.version, m.created_at AS createdAt, m.updated_at AS updatedAt`;

/** A meeting's documents: the agreements of the register it signs. */
const DOCUMENT_COLUMNS = 'id, title, parties, signed_on AS signedOn, status';

type Row = Omit<Meeting, 'isPublic' | 'outcomePublic' | 'participants' | 'delegationIds' | 'documents'> & { isPublic: number; outcomePublic: number };

/**
 * Meetings with their participants, delegations and documents. Lists load the
 * children for all listed meetings in three queries (not one per meeting).
 */
export class MeetingRepository {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Db,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * better-sqlite3 compiles the SQL on every prepare(), which costs more than
   * running these small queries; a save runs the same dozen over and over.
   * Filters combine into a bounded set of texts, so the cache stays small.
   */
  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /**
   * One meeting, its row and children each read by key. A save reads its
   * meeting back, and a page opens one: going through list's id set (a JSON
   * array) costs a third more per call for nothing.
   */
  find(id: Id): Meeting | undefined {
    const row = this.sql(`SELECT ${COLUMNS} FROM meeting m WHERE m.id = ?`).get(id) as Row | undefined;
    if (!row) return undefined;
    return {
      ...row,
      isPublic: row.isPublic === 1,
      outcomePublic: row.outcomePublic === 1,
      participants: this.sql('SELECT person_id AS personId, role FROM meeting_participant WHERE meeting_id = ? ORDER BY rowid').all(id) as Participant[],
      delegationIds: this.sql('SELECT delegation_id FROM meeting_delegation WHERE meeting_id = ? ORDER BY delegation_id').pluck().all(id) as Id[],
      documents: this.sql(`SELECT ${DOCUMENT_COLUMNS} FROM agreement WHERE meeting_id = ? ORDER BY id`).all(id) as MeetingDocument[],
    };
  }

  list(f: MeetingFilter, opts: { anyForum?: boolean } = {}): Meeting[] {
    const { where, params } = this.conditions(f, opts);
    const rows = this.sql(`SELECT ${COLUMNS} FROM meeting m ${where} ORDER BY m.start_utc, m.end_utc, m.id`).all(...params) as Row[];
    return this.withChildren(rows);
  }

  /**
   * One page of the list, in the list's order (start, end, id), by keyset on
   * that triple. Without a search the page is an index range and two counts;
   * with one (`matches` over each meeting's title, room, venue, place and
   * people's names, one text per meeting) the filter's meetings are read as
   * (key, text) only, matched, and the page's few loaded whole.
   */
  page(f: MeetingFilter, ks: Keyset, matches?: (text: string) => boolean): KeyedPage<Meeting> {
    const { where, params } = this.conditions(f);
    if (matches) return this.searchedPage(where, params, ks, matches);
    const and = where ? `${where} AND` : 'WHERE';
    const total = this.sql(`SELECT count(*) FROM meeting m ${where}`).pluck().get(...params) as number;
    let rows: Row[];
    if (ks.before) {
      rows = (this.sql(`SELECT ${COLUMNS} FROM meeting m ${and} (m.start_utc, m.end_utc, m.id) < (?, ?, ?) ORDER BY m.start_utc DESC, m.end_utc DESC, m.id DESC LIMIT ?`).all(...params, ...ks.before, ks.limit) as Row[]).reverse();
    } else if (ks.after) {
      rows = this.sql(`SELECT ${COLUMNS} FROM meeting m ${and} (m.start_utc, m.end_utc, m.id) > (?, ?, ?) ORDER BY m.start_utc, m.end_utc, m.id LIMIT ?`).all(...params, ...ks.after, ks.limit) as Row[];
    } else {
      rows = this.sql(`SELECT ${COLUMNS} FROM meeting m ${where} ORDER BY m.start_utc, m.end_utc, m.id LIMIT ?`).all(...params, ks.limit) as Row[];
    }
    const first = rows[0];
    const edge: Key | undefined = first ? [first.startUtc, first.endUtc, first.id] : (ks.after ?? undefined);
    const countBefore = (key: Key, op: '<' | '<=') => this.sql(`SELECT count(*) FROM meeting m ${and} (m.start_utc, m.end_utc, m.id) ${op} (?, ?, ?)`).pluck().get(...params, ...key) as number;
    const before = edge === undefined ? 0 : countBefore(edge, first ? '<' : '<=');
    return keyedPage(this.withChildren(rows), total, before);
  }

  private searchedPage(where: string, params: unknown[], ks: Keyset, matches: (text: string) => boolean): KeyedPage<Meeting> {
    const candidates = this.sql(
      `SELECT m.id, m.start_utc, m.end_utc,
              m.title || char(10) || coalesce(r.name, '') || char(10) || coalesce(v.name, '') || char(10) || m.place || char(10) ||
              coalesce((SELECT group_concat(p.full_name || char(10) || p.name_ru || char(10) || p.name_az, char(10))
                          FROM meeting_participant mp JOIN person p ON p.id = mp.person_id WHERE mp.meeting_id = m.id), '')
         FROM meeting m LEFT JOIN room r ON r.id = m.room_id LEFT JOIN venue v ON v.id = r.venue_id
         ${where} ORDER BY m.start_utc, m.end_utc, m.id`,
    )
      .raw()
      .all(...params) as [Id, Instant, Instant, string][];
    const found = candidates.filter((c) => matches(c[3]));
    const page = pageOfSorted(found, (c) => [c[1], c[2], c[0]], compareKeys, ks);
    const byId = new Map(this.list({ forumId: 0, ids: page.rows.map((c) => c[0]) }, { anyForum: true }).map((m) => [m.id, m]));
    return { ...page, rows: page.rows.map((c) => byId.get(c[0])!).filter(Boolean) };
  }

  /** The WHERE clause (and its parameters) a filter stands for; list and programme read the same meetings. */
  private conditions(f: MeetingFilter, opts: { anyForum?: boolean } = {}): { where: string; params: unknown[] } {
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
    if (f.withoutRoom) where.push('m.room_id IS NULL');
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
    if (f.sharingWith) {
      // Both branches read a span index (the room's meetings / the participations' copies of their meetings'
      // spans, migration 0008), so a save check opens only the meetings in its window, not every meeting of its
      // room and people on every day. Each bound applies only where the filter has it.
      const people = inList(f.sharingWith.personIds);
      const rooms = inList(f.sharingWith.roomIds);
      const until = f.toUtc === undefined ? [] : [f.toUtc];
      const from = f.fromUtc === undefined ? [] : [f.fromUtc];
      const roomSpan = `${until.length ? ' AND start_utc < ?' : ''}${from.length ? ' AND end_utc > ?' : ''}`;
      const meetingSpan = `${until.length ? ' AND meeting_start_utc < ?' : ''}${from.length ? ' AND meeting_end_utc > ?' : ''}`;
      where.push(`m.id IN (SELECT id FROM meeting WHERE room_id IN ${rooms.sql}${roomSpan} UNION SELECT meeting_id FROM meeting_participant WHERE person_id IN ${people.sql}${meetingSpan})`);
      params.push(...rooms.params, ...until, ...from, ...people.params, ...until, ...from);
    }
    if (f.near) {
      // One row per span, joined on the same span indexes as sharingWith (the room's meetings, the participations' copies of their spans).
      where.push(`m.id IN (SELECT r.id FROM json_each(?) s JOIN meeting r ON r.room_id = json_extract(s.value, '$[0]') AND r.start_utc < json_extract(s.value, '$[2]') AND r.end_utc > json_extract(s.value, '$[1]')
                            UNION SELECT p.meeting_id FROM json_each(?) s JOIN meeting_participant p ON p.person_id = json_extract(s.value, '$[0]') AND p.meeting_start_utc < json_extract(s.value, '$[2]') AND p.meeting_end_utc > json_extract(s.value, '$[1]'))`);
      params.push(JSON.stringify(f.near.rooms), JSON.stringify(f.near.people));
    }
    return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  }

  /**
   * Meetings as the conflict engine reads them: the fields its rules use and
   * who takes part, without the briefings, documents and delegations that a
   * conflict check never looks at. One query: each meeting's people come as
   * one list read off the participant key, a fraction of the cost of joining
   * 100,000 participant rows. Rows arrive as arrays and repeated values
   * (zone, kind, status, and each person's participant entry) are shared,
   * since a forum-sized programme is held in memory whole while the engine
   * runs; the entries are frozen because every meeting of a person holds the same one.
   */
  programme(f: MeetingFilter): ProgrammeMeeting[] {
    return this.readProgramme(f).meetings;
  }

  /**
   * The programme with the names its conflict messages give its people, for
   * the whole-forum report. The people are those the read just met, each
   * once, so a forum-sized programme is not walked again (100,000
   * participations) to find out who is in it.
   */
  programmeWithNames(f: MeetingFilter): { meetings: ProgrammeMeeting[]; people: Pick<Person, 'id' | 'fullName'>[] } {
    const { meetings, personIds } = this.readProgramme(f);
    return { meetings, people: this.participantNames(personIds) };
  }

  private readProgramme(f: MeetingFilter): { meetings: ProgrammeMeeting[]; personIds: Id[] } {
    const { where, params } = this.conditions(f);
    const statement = this.sql(
      `SELECT m.id, m.title, m.kind, m.status, m.start_utc, m.end_utc, m.room_id, m.place, m.time_zone,
              (SELECT group_concat(person_id) FROM meeting_participant WHERE meeting_id = m.id) AS people
         FROM meeting m ${where} ORDER BY m.start_utc, m.end_utc, m.id`,
    ).raw();
    const shared = new Map<string, string>();
    const share = <T extends string>(value: T): T => {
      const known = shared.get(value);
      if (known !== undefined) return known as T;
      shared.set(value, value);
      return value;
    };
    const participants = new Map<Id, ProgrammeParticipant>();
    const participant = (personId: Id): ProgrammeParticipant => {
      let known = participants.get(personId);
      if (known === undefined) {
        known = Object.freeze({ personId });
        participants.set(personId, known);
      }
      return known;
    };
    const meetings: ProgrammeMeeting[] = [];
    // Row by row, so that each raw row is garbage at once rather than all 20,000 held until the last is read.
    for (const [id, title, kind, status, startUtc, endUtc, roomId, place, timeZone, people] of statement.iterate(...params) as IterableIterator<ProgrammeRow>) {
      meetings.push({
        id,
        title,
        kind: share(kind),
        status: share(status),
        startUtc,
        endUtc,
        roomId,
        place: share(place),
        timeZone: share(timeZone),
        participants: people === null ? [] : participantsIn(people, participant),
      });
    }
    return { meetings, personIds: [...participants.keys()] };
  }

  /**
   * The names conflict messages give the people of a programme. By id, from
   * the meetings already loaded: a lookup per person on the key, where asking
   * "everyone in the forum's meetings" would walk every participant row again.
   */
  participantNames(personIds: readonly Id[]): Pick<Person, 'id' | 'fullName'>[] {
    if (!personIds.length) return [];
    return this.sql('SELECT id, full_name AS fullName FROM person WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(personIds)) as Pick<Person, 'id' | 'fullName'>[];
  }

  insert(v: MeetingValues): Id {
    const now = this.clock();
    const id = Number(
      this.sql(
        `INSERT INTO meeting (forum_id, title, kind, status, start_local, end_local, time_zone, start_utc, end_utc, room_id, place,
           is_public, briefing, outcome, outcome_public, sequence, cancelled_at, version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
      ).run(v.forumId, v.title, v.kind, v.status, v.start, v.end, v.timeZone, v.startUtc, v.endUtc, v.roomId, v.place, v.isPublic ? 1 : 0, v.briefing, v.outcome, v.outcomePublic ? 1 : 0, v.sequence, v.status === 'cancelled' ? now : null, now, now).lastInsertRowid,
    );
    this.replaceChildren(id, v);
    this.writeDocuments(id, v, now);
    return id;
  }

  /** Writes only if the stored version is still expectedVersion; false when it moved on. */
  update(id: Id, expectedVersion: number, v: MeetingValues): boolean {
    const now = this.clock();
    const info = this.sql(
      `UPDATE meeting SET title = ?, kind = ?, status = ?, start_local = ?, end_local = ?, time_zone = ?, start_utc = ?, end_utc = ?,
         room_id = ?, place = ?, is_public = ?, briefing = ?, outcome = ?, outcome_public = ?, sequence = ?,
         cancelled_at = CASE WHEN ? = 'cancelled' THEN coalesce(cancelled_at, ?) ELSE NULL END,
         held_at = CASE WHEN ? = 'confirmed' THEN held_at ELSE NULL END,
         version = version + 1, updated_at = ?
       WHERE id = ? AND version = ?`,
    ).run(v.title, v.kind, v.status, v.start, v.end, v.timeZone, v.startUtc, v.endUtc, v.roomId, v.place, v.isPublic ? 1 : 0, v.briefing, v.outcome, v.outcomePublic ? 1 : 0, v.sequence, v.status, now, v.status, now, id, expectedVersion);
    if (info.changes !== 1) return false;
    this.replaceChildren(id, v);
    this.writeDocuments(id, v, now);
    return true;
  }

  /**
   * Marks the meeting held at `at`, or not held (null), if its stored version
   * is still expectedVersion; false when it moved on. Only a confirmed meeting
   * is marked held (the service says why not; the WHERE keeps it so).
   */
  setHeld(id: Id, expectedVersion: number, at: Instant | null): boolean {
    const now = this.clock();
    const info = this.sql(`UPDATE meeting SET held_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND (? IS NULL OR status = 'confirmed')`).run(at, now, id, expectedVersion, at);
    return info.changes === 1;
  }

  /** How many of the forum's meetings start in each [fromUtc, toUtc): one indexed count per range, never the meetings themselves. */
  countStartingIn(forumId: Id, ranges: readonly { fromUtc: Instant; toUtc: Instant }[]): number[] {
    const statement = this.sql('SELECT count(*) FROM meeting WHERE forum_id = ? AND start_utc >= ? AND start_utc < ?').pluck();
    return ranges.map((r) => statement.get(forumId, r.fromUtc, r.toUtc) as number);
  }

  /**
   * The venues whose rooms hold meetings overlapping [fromUtc, toUtc), busiest
   * first, counting only the meetings a delegation takes part in (ours) and
   * then all of them: where a planner's day grid opens.
   */
  venuesByActivity(forumId: Id, fromUtc: Instant, toUtc: Instant): { venueId: Id; ours: number; meetings: number }[] {
    return this.sql(
      `SELECT r.venue_id AS venueId, count(*) AS meetings,
              sum(EXISTS (SELECT 1 FROM meeting_delegation d WHERE d.meeting_id = m.id)) AS ours
         FROM meeting m JOIN room r ON r.id = m.room_id
        WHERE m.forum_id = ? AND m.end_utc > ? AND m.start_utc < ?
        GROUP BY r.venue_id ORDER BY ours DESC, meetings DESC, r.venue_id`,
    ).all(forumId, fromUtc, toUtc) as { venueId: Id; ours: number; meetings: number }[];
  }

  count(forumId: Id): number {
    return this.sql('SELECT count(*) FROM meeting WHERE forum_id = ?').pluck().get(forumId) as number;
  }

  /** What an import matches a row by, for every meeting of the forum: the file's id, else title, start and room. */
  importKeys(forumId: Id): { id: Id; title: string; startUtc: Instant; roomId: Id | null; externalId: string | null }[] {
    return this.sql('SELECT id, title, start_utc AS startUtc, room_id AS roomId, external_id AS externalId FROM meeting WHERE forum_id = ? ORDER BY id').all(forumId) as {
      id: Id;
      title: string;
      startUtc: Instant;
      roomId: Id | null;
      externalId: string | null;
    }[];
  }

  /** Ties a meeting to the id a file gave it (migration 0026), taking it from any other meeting of the forum first. */
  setExternalId(id: Id, externalId: string): void {
    this.sql('UPDATE meeting SET external_id = NULL WHERE external_id = ? AND id <> ? AND forum_id = (SELECT forum_id FROM meeting WHERE id = ?)').run(externalId, id, id);
    this.sql('UPDATE meeting SET external_id = ? WHERE id = ?').run(externalId, id);
  }

  private replaceChildren(id: Id, v: MeetingValues): void {
    this.sql('DELETE FROM meeting_participant WHERE meeting_id = ?').run(id);
    this.sql('DELETE FROM meeting_delegation WHERE meeting_id = ?').run(id);
    // With the meeting's span, which the database would otherwise copy over itself (migration 0008).
    const p = this.sql('INSERT INTO meeting_participant (meeting_id, person_id, role, meeting_start_utc, meeting_end_utc) VALUES (?, ?, ?, ?, ?)');
    for (const x of v.participants) p.run(id, x.personId, x.role, v.startUtc, v.endUtc);
    const d = this.sql('INSERT INTO meeting_delegation (meeting_id, delegation_id) VALUES (?, ?)');
    for (const x of v.delegationIds) d.run(id, x);
  }

  /**
   * The meeting's documents are agreements of the forum's register, which
   * hold more than the meeting form shows (parties from the directory,
   * signatories, titles by language, a note), so a save never deletes and
   * re-inserts them. A document with the id of one of the forum's agreements
   * is updated in place (title, parties, date; its status follows the date:
   * a date signs it, clearing the date of a signed one makes it agreed, a
   * withdrawn one stays withdrawn) and attached to this meeting; one without
   * (or with an id the forum does not have) is a new agreement. One the form
   * no longer lists is deleted when it is still only what a meeting form
   * wrote (a draft with nothing of the register's own), and otherwise
   * detached (meeting_id NULL), staying in the register.
   */
  private writeDocuments(meetingId: Id, v: MeetingValues, now: Instant): void {
    const listed = new Set<Id>();
    const stored = (id: Id) =>
      this.sql('SELECT id, meeting_id AS meetingId, title, parties, signed_on AS signedOn, status FROM agreement WHERE id = ? AND forum_id = ?').get(id, v.forumId) as
        | { id: Id; meetingId: Id | null; title: string; parties: string; signedOn: LocalDate | null; status: AgreementStatus }
        | undefined;
    const insert = this.sql(
      `INSERT INTO agreement (forum_id, meeting_id, kind, title, parties, status, signed_on, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    );
    const update = this.sql('UPDATE agreement SET meeting_id = ?, title = ?, parties = ?, signed_on = ?, status = ?, version = version + 1, updated_at = ? WHERE id = ?');
    for (const d of v.documents) {
      const current = d.id === undefined || d.id === null || listed.has(d.id) ? undefined : stored(d.id);
      if (!current) {
        const id = Number(insert.run(v.forumId, meetingId, kindFromTitle(d.title), d.title, d.parties, d.signedOn === null ? 'draft' : 'signed', d.signedOn, now, now).lastInsertRowid);
        listed.add(id);
        continue;
      }
      listed.add(current.id);
      const status: AgreementStatus = current.status === 'withdrawn' ? 'withdrawn' : d.signedOn !== null ? 'signed' : current.status === 'signed' ? 'agreed' : current.status;
      const same = current.meetingId === meetingId && current.title === d.title && current.parties === d.parties && current.signedOn === d.signedOn && current.status === status;
      if (!same) update.run(meetingId, d.title, d.parties, d.signedOn, status, now, current.id);
    }
    const attached = this.sql('SELECT id FROM agreement WHERE meeting_id = ?').pluck().all(meetingId) as Id[];
    for (const id of attached) {
      if (listed.has(id)) continue;
      const bare = this.sql(
        `SELECT status = 'draft' AND title_ru = '' AND title_az = '' AND note = '' AND signed_place = ''
                AND NOT EXISTS (SELECT 1 FROM agreement_party WHERE agreement_id = a.id) AND NOT EXISTS (SELECT 1 FROM agreement_signatory WHERE agreement_id = a.id)
           FROM agreement a WHERE id = ?`,
      )
        .pluck()
        .get(id);
      if (bare === 1) this.sql('DELETE FROM agreement WHERE id = ?').run(id);
      else this.sql('UPDATE agreement SET meeting_id = NULL, version = version + 1, updated_at = ? WHERE id = ?').run(now, id);
    }
  }

  private withChildren(rows: Row[]): Meeting[] {
    if (!rows.length) return [];
    const ids = JSON.stringify(rows.map((r) => r.id));
    const participants = groupBy(
      this.sql('SELECT meeting_id AS meetingId, person_id AS personId, role FROM meeting_participant WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY rowid').all(ids) as (Participant & { meetingId: Id })[],
    );
    const delegations = groupBy(
      this.sql('SELECT meeting_id AS meetingId, delegation_id AS delegationId FROM meeting_delegation WHERE meeting_id IN (SELECT value FROM json_each(?))').all(ids) as { meetingId: Id; delegationId: Id }[],
    );
    const documents = groupBy(
      this.sql(`SELECT meeting_id AS meetingId, ${DOCUMENT_COLUMNS} FROM agreement WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(ids) as (MeetingDocument & { meetingId: Id })[],
    );
    return rows.map((r) => ({
      ...r,
      isPublic: r.isPublic === 1,
      outcomePublic: r.outcomePublic === 1,
      participants: (participants.get(r.id) ?? []).map(({ personId, role }) => ({ personId, role })),
      delegationIds: (delegations.get(r.id) ?? []).map((d) => d.delegationId),
      documents: (documents.get(r.id) ?? []).map(({ id, title, parties, signedOn, status }) => ({ id, title, parties, signedOn, status })),
    }));
  }
}

type ProgrammeParticipant = ProgrammeMeeting['participants'][number];
type ProgrammeRow = [Id, string, MeetingKind, MeetingStatus, Instant, Instant, Id | null, string, string, string | null];

/**
 * The participants in a group_concat of person ids ('12,345,6789'). Read
 * digit by digit: splitting would make a string per participant only to turn
 * it into a number. Person ids are positive integers (the person key), so
 * the list holds nothing but digits and commas. The array is made to size:
 * grown by push, each of 20,000 meetings would hold room for about 17 people.
 */
function participantsIn(list: string, participant: (personId: Id) => ProgrammeParticipant): ProgrammeParticipant[] {
  let count = 1;
  for (let i = 0; i < list.length; i += 1) if (list.charCodeAt(i) === COMMA) count += 1;
  const found = new Array<ProgrammeParticipant>(count);
  let n = 0;
  let personId = 0;
  for (let i = 0; i < list.length; i += 1) {
    const code = list.charCodeAt(i);
    if (code === COMMA) {
      found[n++] = participant(personId);
      personId = 0;
    } else {
      personId = personId * 10 + (code - DIGIT_ZERO);
    }
  }
  found[n] = participant(personId);
  return found;
}

const COMMA = 0x2c;
const DIGIT_ZERO = 0x30;

function groupBy<T extends { meetingId: Id }>(items: T[]): Map<Id, T[]> {
  const map = new Map<Id, T[]>();
  for (const item of items) {
    const list = map.get(item.meetingId);
    if (list) list.push(item);
    else map.set(item.meetingId, [item]);
  }
  return map;
}
