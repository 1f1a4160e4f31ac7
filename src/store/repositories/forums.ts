import type { Db } from '../database';
import { prepared } from '../statements';
import { RecordTable } from '../record-table';
import { AVAILABILITY_LABEL, MEETING_LABEL, referencesBy, type References } from '../references';
import type { Forum } from '../../domain/types';

export class ForumRepository extends RecordTable<Forum> {
  constructor(db: Db) {
    super(db, {
      table: 'forum',
      columns: { name: 'name', shortName: 'short_name', startDate: 'start_date', endDate: 'end_date', timeZone: 'time_zone', city: 'city' },
      orderBy: 'start_date DESC, id',
      timestamps: true,
    });
  }

  usage(id: number): References[] {
    return [
      referencesBy(this.db, 'SELECT name FROM venue WHERE forum_id = ? ORDER BY name', id, 'venue'),
      referencesBy(this.db, 'SELECT name FROM delegation WHERE forum_id = ? ORDER BY name', id, 'delegation'),
      referencesBy(this.db, `SELECT ${MEETING_LABEL} FROM meeting WHERE forum_id = ? ORDER BY start_utc`, id, 'meeting'),
      referencesBy(this.db, `SELECT ${AVAILABILITY_LABEL} FROM availability_block WHERE forum_id = ? ORDER BY start_utc`, id, 'unavailability block'),
    ];
  }

  /** Counts for the forum's home page. */
  counts(id: number): Record<'venues' | 'rooms' | 'delegations' | 'meetings', number> {
    const q = (sql: string) => prepared(this.db, sql, 'pluck').get(id) as number;
    return {
      venues: q('SELECT count(*) FROM venue WHERE forum_id = ?'),
      rooms: q('SELECT count(*) FROM room JOIN venue ON venue.id = room.venue_id WHERE venue.forum_id = ?'),
      delegations: q('SELECT count(*) FROM delegation WHERE forum_id = ?'),
      meetings: q("SELECT count(*) FROM meeting WHERE forum_id = ? AND status <> 'cancelled'"),
    };
  }
}
