import type { Db } from '../database';
import { RecordTable } from '../record-table';
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

  usage(id: number): Record<string, number> {
    const q = (sql: string) => this.db.prepare(sql).pluck().get(id) as number;
    return {
      venue: q('SELECT count(*) FROM venue WHERE forum_id = ?'),
      delegation: q('SELECT count(*) FROM delegation WHERE forum_id = ?'),
      meeting: q('SELECT count(*) FROM meeting WHERE forum_id = ?'),
    };
  }

  /** Counts for the forum's home page. */
  counts(id: number): Record<'venues' | 'rooms' | 'delegations' | 'meetings', number> {
    const q = (sql: string) => this.db.prepare(sql).pluck().get(id) as number;
    return {
      venues: q('SELECT count(*) FROM venue WHERE forum_id = ?'),
      rooms: q('SELECT count(*) FROM room JOIN venue ON venue.id = room.venue_id WHERE venue.forum_id = ?'),
      delegations: q('SELECT count(*) FROM delegation WHERE forum_id = ?'),
      meetings: q("SELECT count(*) FROM meeting WHERE forum_id = ? AND status <> 'cancelled'"),
    };
  }
}
