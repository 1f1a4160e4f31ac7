import type { Db } from '../database';
import { inList, prepared } from '../statements';
import type { ProgrammeMeeting } from '../../domain/conflicts';
import type { Id, Instant } from '../../domain/types';

type Row = [Id, string, ProgrammeMeeting['kind'], ProgrammeMeeting['status'], Instant, Instant, Id, string, string];

/**
 * When rooms are taken: their live meetings in a window, as the conflict
 * engine reads them but without who takes part. The time finder asks this
 * for every room a meeting could go to (any room with ten seats is two
 * hundred rooms of a large forum); a room's other meetings conflict with a
 * candidate by their time alone, so their participants are not read, which
 * is most of the cost of reading a programme. Meetings with the candidate's
 * people are read in full through the meetings repository.
 */
export class RoomOccupancyRepository {
  constructor(private readonly db: Db) {}

  inWindow(w: { forumId: Id; roomIds: readonly Id[]; fromUtc: Instant; toUtc: Instant }): ProgrammeMeeting[] {
    if (!w.roomIds.length) return [];
    const rooms = inList(w.roomIds);
    // The room span index (migration 0008) answers each room's window; the forum check keeps another forum's room out.
    const rows = prepared(
      this.db,
      `SELECT m.id, m.title, m.kind, m.status, m.start_utc, m.end_utc, m.room_id, m.place, m.time_zone
         FROM meeting m
        WHERE m.room_id IN ${rooms.sql} AND m.start_utc < ? AND m.end_utc > ? AND m.forum_id = ? AND m.status <> 'cancelled'
        ORDER BY m.start_utc, m.end_utc, m.id`,
      'raw',
    ).all(...rooms.params, w.toUtc, w.fromUtc, w.forumId) as Row[];
    return rows.map(([id, title, kind, status, startUtc, endUtc, roomId, place, timeZone]) => ({ id, title, kind, status, startUtc, endUtc, roomId, place, timeZone, participants: [] }));
  }
}
