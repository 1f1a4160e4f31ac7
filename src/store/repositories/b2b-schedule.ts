import type { Db } from '../database';
import { prepared } from '../statements';
import type { B2BPlacement, B2BUnplaced, UnplacedReason, B2BRun, B2BStoredSchedule } from '../../domain/b2b';
import type { Id } from '../../domain/types';
import { messageFromStore, storedMessage } from '../../messages/stored';

/** A session's last schedule: replaced as a whole by each run. */
export class B2BScheduleRepository {
  constructor(private readonly db: Db) {}

  load(sessionId: Id): B2BStoredSchedule {
    const run = prepared(this.db, 'SELECT session_id AS sessionId, ran_at AS ranAt, ran_by AS ranBy, placed, upper_bound AS upperBound, idle_slots AS idleSlots, input_hash AS inputHash FROM b2b_run WHERE session_id = ?').get(sessionId) as B2BRun | undefined;
    const placements = (
      prepared(this.db, 'SELECT request_id AS requestId, slot_index AS slotIndex, table_no AS "table", from_seat AS fromSeat, to_seat AS toSeat, pinned FROM b2b_placement WHERE session_id = ? ORDER BY slot_index, table_no').all(sessionId) as (Omit<B2BPlacement, 'pinned'> & { pinned: number })[]
    ).map((p) => ({ ...p, pinned: p.pinned === 1 }));
    const unplaced = (
      prepared(this.db, 'SELECT request_id AS requestId, reason, message FROM b2b_unplaced WHERE session_id = ? ORDER BY rowid').all(sessionId) as { requestId: Id; reason: UnplacedReason; message: string }[]
    ).map((u) => ({ ...u, message: messageFromStore(u.message) }));
    return { run: run ?? null, placements, unplaced };
  }

  save(sessionId: Id, schedule: { run: B2BRun; placements: B2BPlacement[]; unplaced: B2BUnplaced[] }): void {
    this.clear(sessionId);
    const place = prepared(this.db, 'INSERT INTO b2b_placement (request_id, session_id, slot_index, table_no, from_seat, to_seat, pinned) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const p of schedule.placements) place.run(p.requestId, sessionId, p.slotIndex, p.table, p.fromSeat ?? 0, p.toSeat ?? 0, p.pinned ? 1 : 0);
    const explain = prepared(this.db, 'INSERT INTO b2b_unplaced (request_id, session_id, reason, message) VALUES (?, ?, ?, ?)');
    for (const u of schedule.unplaced) explain.run(u.requestId, sessionId, u.reason, storedMessage(u.message));
    const r = schedule.run;
    prepared(this.db, 'INSERT INTO b2b_run (session_id, ran_at, ran_by, placed, upper_bound, idle_slots, input_hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(sessionId, r.ranAt, r.ranBy, r.placed, r.upperBound, r.idleSlots, r.inputHash);
  }

  /** A request that leaves the schedule (declined, cancelled) leaves its row too. */
  removeRequest(requestId: Id): void {
    prepared(this.db, 'DELETE FROM b2b_placement WHERE request_id = ?').run(requestId);
    prepared(this.db, 'DELETE FROM b2b_unplaced WHERE request_id = ?').run(requestId);
  }

  unpin(requestId: Id): void {
    prepared(this.db, 'UPDATE b2b_placement SET pinned = 0 WHERE request_id = ?').run(requestId);
  }

  private clear(sessionId: Id): void {
    for (const table of ['b2b_placement', 'b2b_unplaced', 'b2b_run']) prepared(this.db, `DELETE FROM ${table} WHERE session_id = ?`).run(sessionId);
  }
}
