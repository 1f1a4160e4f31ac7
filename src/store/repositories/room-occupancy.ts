import type { Db } from '../database';
import { inList, prepared } from '../statements';
import type { ProgrammeMeeting } from '../../domain/conflicts';
import type { Id, Instant } from '../../domain/types';

type TimeRow = [Id, Id, Instant, Instant, ProgrammeMeeting['status']];
type FullRow = [...TimeRow, string, ProgrammeMeeting['kind'], string, string];

/**
 * When rooms are taken: their live meetings in a window, as the conflict
 * engine reads them but without who takes part. The time finder asks this
 * for every room a meeting could go to (any room with ten seats is two
 * hundred rooms, 12,000 meetings over three days of a large forum). A room's
 * other meetings conflict with a candidate by their time and status alone,
 * so by default only those are read (`times`: no title, kind or place, the
 * forum's zone), which halves the cost; `full` reads what a warning's
 * sentence names, for the few rooms the finder offers. Meetings with the
 * candidate's people are read in full, participants too, by the meetings repository.
 */
export class RoomOccupancyRepository {
  constructor(private readonly db: Db) {}

  /** The rooms' meetings that overlap any of the windows, each once. */
  inWindows(w: { roomIds: readonly Id[]; windows: readonly { startUtc: Instant; endUtc: Instant }[] }, read: 'times' | 'full' = 'times'): ProgrammeMeeting[] {
    if (!w.roomIds.length || !w.windows.length) return [];
    const rooms = inList(w.roomIds);
    const full = read === 'full';
    // The room span index (migration 0012) holds everything `times` reads, so those rows never open the table.
    // No forum check: a meeting's room is one of its forum's (MeetingService refuses another), and the caller names the forum's rooms.
    const statement = prepared(
      this.db,
      `SELECT m.id, m.room_id, m.start_utc, m.end_utc, m.status${full ? ', m.title, m.kind, m.place, m.time_zone' : ''}
         FROM meeting m
        WHERE m.room_id IN ${rooms.sql} AND m.start_utc < ? AND m.start_utc >= ? AND m.end_utc > ? AND m.status <> 'cancelled'`,
      'raw',
    );
    // The index orders a room's meetings by start: bounding the start from below too (by the rooms' longest
    // meeting) makes each window a short range, not every meeting since the forum began.
    const longest = (prepared(this.db, `SELECT coalesce(max(end_utc - start_utc), 0) FROM meeting WHERE room_id IN ${rooms.sql}`, 'pluck').get(...rooms.params) as number) ?? 0;
    const found = new Map<Id, ProgrammeMeeting>();
    for (const window of w.windows) {
      const rows = statement.all(...rooms.params, window.endUtc, window.startUtc - longest, window.startUtc) as FullRow[];
      for (const [id, roomId, startUtc, endUtc, status, title = '', kind, place = '', timeZone = ''] of rows) {
        if (!found.has(id)) found.set(id, { id, roomId, startUtc, endUtc, status, title, kind, place, timeZone, participants: [] });
      }
    }
    return [...found.values()];
  }
}
