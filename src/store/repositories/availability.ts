import type { Statement } from 'better-sqlite3';
import type { Db } from '../database';
import { RecordTable } from '../record-table';
import type { AvailabilityBlock, Id, Instant } from '../../domain/types';

export interface StoredAvailabilityBlock extends AvailabilityBlock {
  start: string;
  end: string;
  timeZone: string;
  version: number;
}

export class AvailabilityRepository extends RecordTable<StoredAvailabilityBlock> {
  constructor(db: Db) {
    super(db, {
      table: 'availability_block',
      columns: {
        forumId: 'forum_id',
        subject: 'subject',
        subjectId: 'subject_id',
        start: 'start_local',
        end: 'end_local',
        timeZone: 'time_zone',
        startUtc: 'start_utc',
        endUtc: 'end_utc',
        reason: 'reason',
      },
      orderBy: 'start_utc, id',
      timestamps: true,
    });
  }

  /** Blocks of the forum that overlap [fromUtc, toUtc). */
  inWindow(forumId: Id, fromUtc: Instant, toUtc: Instant): StoredAvailabilityBlock[] {
    return this.db.prepare(`${this.selectBlocks} WHERE forum_id = ? AND end_utc > ? AND start_utc < ? ORDER BY start_utc, id`).all(forumId, fromUtc, toUtc) as StoredAvailabilityBlock[];
  }

  /** The blocks of these people and rooms that overlap [fromUtc, toUtc): what a save's conflict check needs, found by the subject index. */
  ofSubjectsInWindow(w: { forumId: Id; fromUtc: Instant; toUtc: Instant; personIds: readonly Id[]; roomIds: readonly Id[] }): StoredAvailabilityBlock[] {
    this.subjectsInWindow ??= this.db.prepare(
      `${this.selectBlocks} WHERE forum_id = ? AND end_utc > ? AND start_utc < ?
         AND ((subject = 'person' AND subject_id IN (SELECT value FROM json_each(?))) OR (subject = 'room' AND subject_id IN (SELECT value FROM json_each(?))))
       ORDER BY start_utc, id`,
    );
    return this.subjectsInWindow.all(w.forumId, w.fromUtc, w.toUtc, JSON.stringify(w.personIds), JSON.stringify(w.roomIds)) as StoredAvailabilityBlock[];
  }

  private subjectsInWindow: Statement | undefined;

  private get selectBlocks(): string {
    return `SELECT id, version, ${Object.entries(this.spec.columns).map(([field, column]) => `${column} AS "${field}"`).join(', ')} FROM availability_block`;
  }
}
