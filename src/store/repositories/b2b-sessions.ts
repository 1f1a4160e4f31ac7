import type { Db } from '../database';
import type { RecordValues } from '../record-table';
import { JsonRecordTable } from './b2b-json-table';
import type { Id, Instant, LocalDateTime } from '../../domain/types';

/**
 * A stretch of time inside a B2B session: a break for everyone, or a time one
 * participant cannot sit at a table. Local wall-clock as entered, UTC derived.
 */
export interface B2BTimeBlock {
  start: LocalDateTime;
  end: LocalDateTime;
  startUtc: Instant;
  endUtc: Instant;
  label: string;
}

export type B2BSide = 'a' | 'b';

/** A hall with numbered tables and fixed slots, on one forum day. */
export interface B2BSession {
  id: Id;
  forumId: Id;
  title: string;
  roomId: Id;
  start: LocalDateTime;
  end: LocalDateTime;
  timeZone: string;
  startUtc: Instant;
  endUtc: Instant;
  slotMinutes: number;
  changeoverMinutes: number;
  breaks: B2BTimeBlock[];
  tableCount: number;
  /** Both null: anyone meets anyone. Both set: side a meets side b only. */
  sideALabel: string | null;
  sideBLabel: string | null;
  description: string;
  version: number;
}

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
