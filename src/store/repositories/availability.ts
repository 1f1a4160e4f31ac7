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
    const ids = this.db
      .prepare('SELECT id FROM availability_block WHERE forum_id = ? AND end_utc > ? AND start_utc < ? ORDER BY start_utc')
      .pluck()
      .all(forumId, fromUtc, toUtc) as Id[];
    return ids.map((id) => this.find(id)!);
  }
}
