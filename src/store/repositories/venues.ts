import type { Db } from '../database';
import { RecordTable } from '../record-table';
import { AVAILABILITY_LABEL, MEETING_LABEL, referencesBy, type References } from '../references';
import type { Room, TravelTime, Venue } from '../../domain/types';

export class VenueRepository extends RecordTable<Venue> {
  constructor(db: Db) {
    super(db, {
      table: 'venue',
      columns: { forumId: 'forum_id', name: 'name', address: 'address', opensAt: 'opens_at', closesAt: 'closes_at' },
      orderBy: 'name COLLATE NOCASE, id',
      timestamps: true,
    });
  }

  usage(id: number): References[] {
    return [referencesBy(this.db, 'SELECT name FROM room WHERE venue_id = ? ORDER BY name', id, 'room')];
  }

  travelTimes(forumId: number): TravelTime[] {
    return this.db
      .prepare(
        `SELECT t.from_venue_id AS fromVenueId, t.to_venue_id AS toVenueId, t.minutes
           FROM travel_time t JOIN venue v ON v.id = t.from_venue_id
          WHERE v.forum_id = ? ORDER BY t.from_venue_id, t.to_venue_id`,
      )
      .all(forumId) as TravelTime[];
  }

  /** Replaces the forum's whole travel matrix (both directions are stored). */
  replaceTravelTimes(forumId: number, times: TravelTime[]): void {
    this.db
      .prepare('DELETE FROM travel_time WHERE from_venue_id IN (SELECT id FROM venue WHERE forum_id = ?)')
      .run(forumId);
    const insert = this.db.prepare('INSERT INTO travel_time (from_venue_id, to_venue_id, minutes) VALUES (?, ?, ?)');
    for (const t of times) insert.run(t.fromVenueId, t.toVenueId, t.minutes);
  }
}

export class RoomRepository extends RecordTable<Room> {
  constructor(db: Db) {
    super(db, {
      table: 'room',
      columns: { venueId: 'venue_id', name: 'name', capacity: 'capacity', kind: 'kind' },
      orderBy: 'name COLLATE NOCASE, id',
      timestamps: true,
    });
  }

  listByForum(forumId: number): Room[] {
    const ids = this.db
      .prepare('SELECT room.id FROM room JOIN venue ON venue.id = room.venue_id WHERE venue.forum_id = ? ORDER BY venue.name, room.name')
      .pluck()
      .all(forumId) as number[];
    return ids.map((id) => this.find(id)!);
  }

  usage(id: number): References[] {
    return [
      referencesBy(this.db, `SELECT ${MEETING_LABEL} FROM meeting WHERE room_id = ? ORDER BY start_utc`, id, 'meeting'),
      referencesBy(this.db, `SELECT ${AVAILABILITY_LABEL} FROM availability_block WHERE subject = 'room' AND subject_id = ? ORDER BY start_utc`, id, 'unavailability block'),
    ];
  }
}
