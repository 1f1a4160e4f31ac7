import type { Db } from '../database';
import { prepared } from '../statements';
import { RecordTable } from '../record-table';
import type { B2BRequestRecord } from '../../domain/b2b';
import type { Id } from '../../domain/types';

export class B2BRequestRepository extends RecordTable<B2BRequestRecord> {
  constructor(db: Db) {
    super(db, {
      table: 'b2b_request',
      columns: {
        sessionId: 'session_id',
        fromId: 'from_id',
        toId: 'to_id',
        message: 'message',
        priority: 'priority',
        state: 'state',
        createdBy: 'created_by',
        answeredAt: 'answered_at',
        pinSlotIndex: 'pin_slot_index',
        pinTable: 'pin_table',
        meetingId: 'meeting_id',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
      // Kept by the service, not the table: a participant's answer dates the request.
      timestamps: false,
    });
  }

  /** The request between two participants of a session, in either direction. */
  findPair(sessionId: Id, a: Id, b: Id): B2BRequestRecord | undefined {
    const id = prepared(this.db, 'SELECT id FROM b2b_request WHERE session_id = ? AND min(from_id, to_id) = min(?, ?) AND max(from_id, to_id) = max(?, ?)', 'pluck').get(sessionId, a, b, a, b) as Id | undefined;
    return id === undefined ? undefined : this.find(id);
  }

  /** Remembers the meeting a request became. Bookkeeping, not an edit: the version stays. */
  linkMeeting(id: Id, meetingId: Id): void {
    prepared(this.db, 'UPDATE b2b_request SET meeting_id = ? WHERE id = ?').run(meetingId, id);
  }

  /** Every meeting a participant's requests became (all sessions' meetings carry their own ids). */
  meetingIdsOf(participantId: Id): Id[] {
    return prepared(this.db, 'SELECT meeting_id FROM b2b_request WHERE (from_id = ? OR to_id = ?) AND meeting_id IS NOT NULL ORDER BY id', 'pluck').all(participantId, participantId) as Id[];
  }
}
