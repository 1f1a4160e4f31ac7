import type { Db } from '../database';
import { prepared } from '../statements';
import type { Agreement, AgreementKind, AgreementSignatory, AgreementStatus } from '../../domain/agreements';
import type { Id, LocalDate } from '../../domain/types';

/** What the register's rows are filtered by in SQL; text search and order are the service's. */
export interface AgreementFilter {
  forumId: Id;
  status?: AgreementStatus;
  kind?: AgreementKind;
  meetingId?: Id;
  /** Agreements with this organization of the directory among their parties. */
  organizationId?: Id;
  ids?: readonly Id[];
}

/** What a write stores: the agreement without its identity and bookkeeping. */
export type AgreementValues = Omit<Agreement, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

const COLUMNS = `a.id, a.forum_id AS forumId, a.meeting_id AS meetingId, a.kind, a.title, a.title_ru AS titleRu, a.title_az AS titleAz,
  a.parties, a.status, a.signed_on AS signedOn, a.signed_place AS signedPlace, a.note, a.version, a.created_at AS createdAt, a.updated_at AS updatedAt`;

type Row = Omit<Agreement, 'partyIds' | 'signatories'>;

/**
 * The agreements register (migration 0023): agreements with their parties
 * from the directory and their signatories. A meeting's documents are these
 * rows too; the meetings repository writes the fields its form has.
 */
export class AgreementRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Every agreement of the forum, in id order, with its party organization ids and signatories. */
  ofForum(forumId: Id): Agreement[] {
    return this.list({ forumId });
  }

  list(f: AgreementFilter): Agreement[] {
    const where: string[] = ['a.forum_id = ?'];
    const params: unknown[] = [f.forumId];
    if (f.status) {
      where.push('a.status = ?');
      params.push(f.status);
    }
    if (f.kind) {
      where.push('a.kind = ?');
      params.push(f.kind);
    }
    if (f.meetingId !== undefined) {
      where.push('a.meeting_id = ?');
      params.push(f.meetingId);
    }
    if (f.organizationId !== undefined) {
      where.push('a.id IN (SELECT agreement_id FROM agreement_party WHERE organization_id = ?)');
      params.push(f.organizationId);
    }
    if (f.ids) {
      where.push('a.id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(f.ids));
    }
    const rows = prepared(this.db, `SELECT ${COLUMNS} FROM agreement a WHERE ${where.join(' AND ')} ORDER BY a.id`).all(...params) as Row[];
    return this.withChildren(rows);
  }

  find(id: Id): Agreement | undefined {
    const row = prepared(this.db, `SELECT ${COLUMNS} FROM agreement a WHERE a.id = ?`).get(id) as Row | undefined;
    return row ? this.withChildren([row])[0] : undefined;
  }

  /** How many of the forum's agreements are in each status. */
  countByStatus(forumId: Id): Partial<Record<AgreementStatus, number>> {
    const rows = prepared(this.db, 'SELECT status, count(*) AS n FROM agreement WHERE forum_id = ? GROUP BY status').all(forumId) as { status: AgreementStatus; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  insert(v: AgreementValues): Id {
    const now = this.clock();
    const id = Number(
      prepared(
        this.db,
        `INSERT INTO agreement (forum_id, meeting_id, kind, title, title_ru, title_az, parties, status, signed_on, signed_place, note, version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
      ).run(v.forumId, v.meetingId, v.kind, v.title, v.titleRu, v.titleAz, v.parties, v.status, v.signedOn, v.signedPlace, v.note, now, now).lastInsertRowid,
    );
    this.replaceChildren(id, v);
    return id;
  }

  /** Writes only if the stored version is still expectedVersion; false when it moved on. */
  update(id: Id, expectedVersion: number, v: AgreementValues): boolean {
    const info = prepared(
      this.db,
      `UPDATE agreement SET meeting_id = ?, kind = ?, title = ?, title_ru = ?, title_az = ?, parties = ?, status = ?, signed_on = ?, signed_place = ?, note = ?,
         version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
    ).run(v.meetingId, v.kind, v.title, v.titleRu, v.titleAz, v.parties, v.status, v.signedOn, v.signedPlace, v.note, this.clock(), id, expectedVersion);
    if (info.changes !== 1) return false;
    this.replaceChildren(id, v);
    return true;
  }

  /** Signs it as it stands (mark held): status, date, place and the signatories with their positions. */
  sign(id: Id, expectedVersion: number, signedOn: LocalDate, signedPlace: string, signatories: readonly AgreementSignatory[]): boolean {
    const info = prepared(this.db, `UPDATE agreement SET status = 'signed', signed_on = ?, signed_place = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`).run(
      signedOn,
      signedPlace,
      this.clock(),
      id,
      expectedVersion,
    );
    if (info.changes !== 1) return false;
    this.writeSignatories(id, signatories);
    return true;
  }

  private replaceChildren(id: Id, v: Pick<AgreementValues, 'partyIds' | 'signatories'>): void {
    prepared(this.db, 'DELETE FROM agreement_party WHERE agreement_id = ?').run(id);
    const party = prepared(this.db, 'INSERT INTO agreement_party (agreement_id, organization_id) VALUES (?, ?)');
    for (const organizationId of new Set(v.partyIds)) party.run(id, organizationId);
    this.writeSignatories(id, v.signatories);
  }

  private writeSignatories(id: Id, signatories: readonly AgreementSignatory[]): void {
    prepared(this.db, 'DELETE FROM agreement_signatory WHERE agreement_id = ?').run(id);
    const signatory = prepared(this.db, 'INSERT INTO agreement_signatory (agreement_id, person_id, position) VALUES (?, ?, ?)');
    const seen = new Set<Id>();
    for (const s of signatories) {
      if (seen.has(s.personId)) continue;
      seen.add(s.personId);
      signatory.run(id, s.personId, s.position);
    }
  }

  private withChildren(rows: Row[]): Agreement[] {
    if (!rows.length) return [];
    const ids = JSON.stringify(rows.map((r) => r.id));
    const parties = new Map<Id, Id[]>();
    for (const p of prepared(this.db, 'SELECT agreement_id AS agreementId, organization_id AS organizationId FROM agreement_party WHERE agreement_id IN (SELECT value FROM json_each(?)) ORDER BY rowid').all(ids) as {
      agreementId: Id;
      organizationId: Id;
    }[]) {
      const list = parties.get(p.agreementId);
      if (list) list.push(p.organizationId);
      else parties.set(p.agreementId, [p.organizationId]);
    }
    const signatories = new Map<Id, AgreementSignatory[]>();
    for (const s of prepared(this.db, 'SELECT agreement_id AS agreementId, person_id AS personId, position FROM agreement_signatory WHERE agreement_id IN (SELECT value FROM json_each(?)) ORDER BY rowid').all(ids) as {
      agreementId: Id;
      personId: Id;
      position: string;
    }[]) {
      const list = signatories.get(s.agreementId);
      const entry = { personId: s.personId, position: s.position };
      if (list) list.push(entry);
      else signatories.set(s.agreementId, [entry]);
    }
    return rows.map((r) => ({ ...r, partyIds: parties.get(r.id) ?? [], signatories: signatories.get(r.id) ?? [] }));
  }
}

