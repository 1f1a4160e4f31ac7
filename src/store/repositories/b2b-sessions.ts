import type { Db } from '../database';
import type { RecordValues } from '../record-table';
import { JsonRecordTable } from './b2b-json-table';
import type { B2BSession } from '../../domain/b2b';

export type B2BSessionValues = RecordValues<B2BSession>;

/** B2B sessions; breaks travel with their session as a JSON array. */
export class B2BSessionRepository extends JsonRecordTable<B2BSession, 'breaks'> {
  constructor(db: Db) {
    super(
      db,
      {
        table: 'b2b_session',
        columns: {
          forumId: 'forum_id',
          title: 'title',
          roomId: 'room_id',
          start: 'start_local',
          end: 'end_local',
          timeZone: 'time_zone',
          startUtc: 'start_utc',
          endUtc: 'end_utc',
          slotMinutes: 'slot_minutes',
          changeoverMinutes: 'changeover_minutes',
          breaks: 'breaks',
          tableCount: 'table_count',
          sideALabel: 'side_a_label',
          sideBLabel: 'side_b_label',
          description: 'description',
        },
        orderBy: 'start_utc, id',
        timestamps: true,
      },
      ['breaks'],
    );
  }
}
