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

  /** The imported blocks of one subject from one named source (hand-entered blocks have source ''). */
  ofSource(forumId: Id, subject: 'person' | 'room', subjectId: Id, source: string): StoredAvailabilityBlock[] {
    return prepared(this.db, `${this.select} WHERE forum_id = ? AND subject = ? AND subject_id = ? AND source = ? ORDER BY start_utc, id`).all(forumId, subject, subjectId, source) as StoredAvailabilityBlock[];
  }

  /** The names of the calendars imported for one subject, with how many blocks each gave. */
  sourcesOf(forumId: Id, subject: 'person' | 'room', subjectId: Id): { source: string; blocks: number }[] {
    return prepared(this.db, "SELECT source, COUNT(*) AS blocks FROM availability_block WHERE forum_id = ? AND subject = ? AND subject_id = ? AND source <> '' GROUP BY source ORDER BY source").all(forumId, subject, subjectId) as { source: string; blocks: number }[];
  }

  /** Marks a block as read from the named calendar. */
  markSource(id: Id, source: string): void {
    prepared(this.db, 'UPDATE availability_block SET source = ? WHERE id = ?').run(source, id);
  }
}
