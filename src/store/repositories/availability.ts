import type { Db } from '../database';
import { RecordTable } from '../record-table';
import { inList, prepared } from '../statements';
import type { Id, Instant, StoredAvailabilityBlock } from '../../domain/types';

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
    return prepared(this.db, `${this.select} WHERE forum_id = ? AND end_utc > ? AND start_utc < ? ORDER BY start_utc, id`).all(forumId, fromUtc, toUtc) as StoredAvailabilityBlock[];
  }

  /**
   * The blocks of these people and rooms that overlap [fromUtc, toUtc): what a
   * save's conflict check needs. One branch per kind of subject, so each reads
   * only its subjects' blocks off the subject index; asked as one OR, SQLite
   * walks every block of the forum that starts before the window ends.
   */
  ofSubjectsInWindow(w: { forumId: Id; fromUtc: Instant; toUtc: Instant; personIds: readonly Id[]; roomIds: readonly Id[] }): StoredAvailabilityBlock[] {
    const people = inList(w.personIds);
    const rooms = inList(w.roomIds);
    const ofSubject = (subject: 'person' | 'room', ids: string) =>
      `${this.select} WHERE subject = '${subject}' AND subject_id IN ${ids} AND start_utc < ? AND end_utc > ? AND forum_id = ?`;
    return prepared(this.db, `${ofSubject('person', people.sql)} UNION ALL ${ofSubject('room', rooms.sql)} ORDER BY "startUtc", id`).all(
      ...people.params,
      w.toUtc,
      w.fromUtc,
      w.forumId,
      ...rooms.params,
      w.toUtc,
      w.fromUtc,
      w.forumId,
    ) as StoredAvailabilityBlock[];
  }
}
