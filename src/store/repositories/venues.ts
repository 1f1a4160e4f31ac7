import type { Db } from '../database';
import { RecordTable } from '../record-table';
import { inList, prepared } from '../statements';
import { AVAILABILITY_LABEL, MEETING_LABEL, referencesBy, type References } from '../references';
import type { Id, Room, RoomKind, TravelTime, Venue } from '../../domain/types';

export class VenueRepository extends RecordTable<Venue> {
  constructor(db: Db) {
    super(db, {
      table: 'venue',
      columns: { forumId: 'forum_id', name: 'name', address: 'address', opensAt: 'opens_at', closesAt: 'closes_at', latitude: 'latitude', longitude: 'longitude' },
      orderBy: 'name COLLATE NOCASE, id',
      timestamps: true,
    });
  }

  usage(id: number): References[] {
    return [referencesBy(this.db, 'SELECT name FROM room WHERE venue_id = ? ORDER BY name', id, 'room')];
  }

  travelTimes(forumId: number): TravelTime[] {
    return prepared(
      this.db,
      `SELECT t.from_venue_id AS fromVenueId, t.to_venue_id AS toVenueId, t.minutes
         FROM travel_time t JOIN venue v ON v.id = t.from_venue_id
        WHERE v.forum_id = ? ORDER BY t.from_venue_id, t.to_venue_id`,
    ).all(forumId) as TravelTime[];
  }

  /** The longest travel time between two of the forum's venues, in minutes (0 without any). */
  longestTravel(forumId: number): number {
    return prepared(this.db, 'SELECT coalesce(max(t.minutes), 0) FROM travel_time t JOIN venue v ON v.id = t.from_venue_id WHERE v.forum_id = ?', 'pluck').get(forumId) as number;
  }

  /**
   * The forum's travel times between these venues only, in the order of
   * travelTimes: what a check of a few meetings can look up, without reading
   * and indexing the whole matrix of a forum with dozens of venues.
   */
  travelTimesBetween(forumId: number, venueIds: readonly number[]): TravelTime[] {
    if (venueIds.length < 2) return [];
    const venues = inList(venueIds);
    return prepared(
      this.db,
      `SELECT t.from_venue_id AS fromVenueId, t.to_venue_id AS toVenueId, t.minutes
         FROM travel_time t JOIN venue v ON v.id = t.from_venue_id
        WHERE v.forum_id = ? AND t.from_venue_id IN ${venues.sql} AND t.to_venue_id IN ${venues.sql}
        ORDER BY t.from_venue_id, t.to_venue_id`,
    ).all(forumId, ...venues.params, ...venues.params) as TravelTime[];
  }

  /** Replaces the forum's whole travel matrix (both directions are stored). */
  replaceTravelTimes(forumId: number, times: TravelTime[]): void {
    prepared(this.db, 'DELETE FROM travel_time WHERE from_venue_id IN (SELECT id FROM venue WHERE forum_id = ?)').run(forumId);
    const insert = prepared(this.db, 'INSERT INTO travel_time (from_venue_id, to_venue_id, minutes) VALUES (?, ?, ?)');
    for (const t of times) insert.run(t.fromVenueId, t.toVenueId, t.minutes);
  }
}

export class RoomRepository extends RecordTable<Room> {
  private readonly byForum: string;
  private readonly inForum: string;
  private readonly byVenue: string;

  constructor(db: Db) {
    super(db, {
      table: 'room',
      columns: { venueId: 'venue_id', name: 'name', capacity: 'capacity', kind: 'kind' },
      orderBy: 'name COLLATE NOCASE, id',
      timestamps: true,
    });
    this.byForum = `${this.selectFrom('room')} JOIN venue ON venue.id = room.venue_id WHERE venue.forum_id = ? ORDER BY venue.name, room.name, room.id`;
    this.byVenue = `${this.selectFrom('room')} WHERE room.venue_id = ? ORDER BY room.name, room.id`;
    this.inForum = `${this.selectFrom('room')} JOIN venue ON venue.id = room.venue_id WHERE room.id = ? AND venue.forum_id = ?`;
  }

  /** The room, if it is in one of the forum's venues: what a meeting may be booked into. */
  findInForum(id: number, forumId: number): Room | undefined {
    const row = prepared(this.db, this.inForum).get(id, forumId) as Record<string, unknown> | undefined;
    return row && this.toRecord(row);
  }

  /**
   * These rooms and the venues they are in, each venue once: what a save's
   * conflict check needs of the few rooms around it, in one query rather
   * than two (a query is a measurable share of a check).
   */
  findManyWithVenues(ids: readonly number[]): { rooms: Room[]; venues: Venue[] } {
    if (!ids.length) return { rooms: [], venues: [] };
    const list = inList(ids);
    const rows = prepared(
      this.db,
      `SELECT room.id, room.version, room.venue_id, room.name, room.capacity, room.kind,
              venue.version, venue.forum_id, venue.name, venue.address, venue.opens_at, venue.closes_at, venue.latitude, venue.longitude
         FROM room JOIN venue ON venue.id = room.venue_id WHERE room.id IN ${list.sql}`,
      'raw',
    ).all(...list.params) as RoomWithVenueRow[];
    const rooms: Room[] = [];
    const venues = new Map<Id, Venue>();
    for (const [id, version, venueId, name, capacity, kind, venueVersion, forumId, venueName, address, opensAt, closesAt, latitude, longitude] of rows) {
      rooms.push({ id, version, venueId, name, capacity, kind });
      if (!venues.has(venueId)) venues.set(venueId, { id: venueId, version: venueVersion, forumId, name: venueName, address, opensAt, closesAt, latitude, longitude });
    }
    return { rooms, venues: [...venues.values()] };
  }

  /** The forum's rooms by venue name, then room name: in one query, where a find per room made hundreds. */
  listByForum(forumId: number): Room[] {
    return (prepared(this.db, this.byForum).all(forumId) as Record<string, unknown>[]).map((row) => this.toRecord(row));
  }

  /** One venue's rooms in listByForum's order (by the room_venue index): what a page of one venue lists, whatever the forum's size. */
  listByVenue(venueId: number): Room[] {
    return (prepared(this.db, this.byVenue).all(venueId) as Record<string, unknown>[]).map((row) => this.toRecord(row));
  }

  /** These rooms, in the order asked, those of the forum's venues only (others, and unknown ids, left out). */
  findManyInForum(forumId: number, ids: readonly number[]): Room[] {
    const { rooms, venues } = this.findManyWithVenues(ids);
    const ours = new Set(venues.filter((v) => v.forumId === forumId).map((v) => v.id));
    const byId = new Map(rooms.filter((r) => ours.has(r.venueId)).map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  usage(id: number): References[] {
    return [
      referencesBy(this.db, `SELECT ${MEETING_LABEL} FROM meeting WHERE room_id = ? ORDER BY start_utc`, id, 'meeting'),
      referencesBy(this.db, `SELECT ${AVAILABILITY_LABEL} FROM availability_block WHERE subject = 'room' AND subject_id = ? ORDER BY start_utc`, id, 'unavailability block'),
    ];
  }
}

type RoomWithVenueRow = [Id, number, Id, string, number, RoomKind, number, Id, string, string, string | null, string | null, number | null, number | null];
