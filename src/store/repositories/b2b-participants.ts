import type { Db } from '../database';
import { prepared } from '../statements';
import type { RecordValues } from '../record-table';
import { JsonRecordTable } from './b2b-json-table';
import type { Id } from '../../domain/types';
import type { B2BParticipantRecord } from '../../domain/b2b';

type ParticipantRow = Omit<B2BParticipantRecord, 'representativeIds'>;
export type B2BParticipantValues = RecordValues<B2BParticipantRecord>;

/**
 * Participants and their representatives. Lists load the representatives of
 * every listed participant in one query.
 */
export class B2BParticipantRepository {
  private readonly table: JsonRecordTable<ParticipantRow, 'unavailable'>;

  constructor(private readonly db: Db) {
    this.table = new JsonRecordTable<ParticipantRow, 'unavailable'>(
      db,
      {
        table: 'b2b_participant',
        columns: {
          sessionId: 'session_id',
          organizationId: 'organization_id',
          side: 'side',
          sector: 'sector',
          offers: 'offers',
          seeks: 'seeks',
          notes: 'notes',
          unavailable: 'unavailable',
          seats: 'seats',
        },
        timestamps: true,
      },
      ['unavailable'],
    );
  }

  find(id: Id): B2BParticipantRecord | undefined {
    const row = this.table.find(id);
    return row && this.withRepresentatives([row])[0];
  }

  list(sessionId: Id): B2BParticipantRecord[] {
    return this.withRepresentatives(this.table.list({ sessionId }));
  }

  insert(values: B2BParticipantValues): B2BParticipantRecord {
    const { representativeIds, ...row } = values;
    const created = this.table.insert(row);
    this.replaceRepresentatives(created.id, values.sessionId, representativeIds);
    return this.find(created.id)!;
  }

  /** Undefined when the stored version moved on. */
  update(id: Id, expectedVersion: number, values: B2BParticipantValues): B2BParticipantRecord | undefined {
    const { representativeIds, ...row } = values;
    if (!this.table.update(id, expectedVersion, row)) return undefined;
    this.replaceRepresentatives(id, values.sessionId, representativeIds);
    return this.find(id);
  }

  /** Which participant of the session a person already represents, if any. */
  representing(sessionId: Id, personId: Id): Id | undefined {
    return prepared(this.db, 'SELECT participant_id FROM b2b_representative WHERE session_id = ? AND person_id = ?', 'pluck').get(sessionId, personId) as Id | undefined;
  }

  private replaceRepresentatives(participantId: Id, sessionId: Id, personIds: Id[]): void {
    prepared(this.db, 'DELETE FROM b2b_representative WHERE participant_id = ?').run(participantId);
    const insert = prepared(this.db, 'INSERT INTO b2b_representative (participant_id, session_id, person_id) VALUES (?, ?, ?)');
    for (const personId of personIds) insert.run(participantId, sessionId, personId);
  }

  private withRepresentatives(rows: ParticipantRow[]): B2BParticipantRecord[] {
    if (!rows.length) return [];
    const links = prepared(this.db, 'SELECT participant_id AS participantId, person_id AS personId FROM b2b_representative WHERE participant_id IN (SELECT value FROM json_each(?)) ORDER BY rowid').all(JSON.stringify(rows.map((r) => r.id))) as { participantId: Id; personId: Id }[];
    return rows.map((row) => ({ ...row, representativeIds: links.filter((l) => l.participantId === row.id).map((l) => l.personId) }));
  }
}
