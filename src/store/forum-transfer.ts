import type { Db } from './database';
import { prepared } from './statements';

/**
 * The rows a forum's programme consists of, read and written table by table
 * for moving a forum between installations (services/forum-transfer). One
 * map names every table's columns under the document's names, so reading and
 * writing cannot disagree. Accounts, sessions, secret links, print snapshots,
 * feed state and the audit log are not in it: they belong to an installation.
 */
interface TableMap {
  table: string;
  /** Document name -> column. */
  columns: Readonly<Record<string, string>>;
  /** True when the table has its own AUTOINCREMENT id (returned by insert, exported as `id`). */
  ownId: boolean;
  /** True when the table has created_at / updated_at (stamped now on import). */
  stamped: boolean;
  /** The FROM ... WHERE that selects a forum's rows (@forum: the forum id) and their order. */
  ofForum: string;
}

const MAPS = {
  forum: { table: 'forum', ownId: true, stamped: true, ofForum: 'FROM forum t WHERE t.id = @forum', columns: { name: 'name', shortName: 'short_name', startDate: 'start_date', endDate: 'end_date', timeZone: 'time_zone', city: 'city' } },
  venues: {
    table: 'venue',
    ownId: true,
    stamped: true,
    ofForum: 'FROM venue t WHERE t.forum_id = @forum ORDER BY t.id',
    columns: { forum: 'forum_id', name: 'name', address: 'address', opensAt: 'opens_at', closesAt: 'closes_at', latitude: 'latitude', longitude: 'longitude' },
  },
  rooms: { table: 'room', ownId: true, stamped: true, ofForum: 'FROM room t JOIN venue v ON v.id = t.venue_id WHERE v.forum_id = @forum ORDER BY t.id', columns: { venue: 'venue_id', name: 'name', capacity: 'capacity', kind: 'kind' } },
  travel: {
    table: 'travel_time',
    ownId: false,
    stamped: false,
    ofForum: 'FROM travel_time t JOIN venue v ON v.id = t.from_venue_id WHERE v.forum_id = @forum ORDER BY t.from_venue_id, t.to_venue_id',
    columns: { from: 'from_venue_id', to: 'to_venue_id', minutes: 'minutes' },
  },
  organizations: { table: 'organization', ownId: true, stamped: true, ofForum: 'FROM organization t WHERE t.id IN (SELECT organization_id FROM person WHERE id IN (PEOPLE) UNION SELECT b.organization_id FROM b2b_participant b JOIN b2b_session s ON s.id = b.session_id WHERE s.forum_id = @forum UNION SELECT ap.organization_id FROM agreement_party ap JOIN agreement a ON a.id = ap.agreement_id WHERE a.forum_id = @forum) ORDER BY t.id', columns: { name: 'name', nameRu: 'name_ru', nameAz: 'name_az', country: 'country', kind: 'kind' } },
  people: {
    table: 'person',
    ownId: true,
    stamped: true,
    ofForum: 'FROM person t WHERE t.id IN (PEOPLE) ORDER BY t.id',
    columns: {
      fullName: 'full_name',
      nameRu: 'name_ru',
      nameAz: 'name_az',
      patronymicRu: 'patronymic_ru',
      position: 'position',
      positionRu: 'position_ru',
      positionAz: 'position_az',
      organization: 'organization_id',
      email: 'email',
      phone: 'phone',
      languages: 'languages',
      notes: 'notes',
    },
  },
  delegations: { table: 'delegation', ownId: true, stamped: true, ofForum: 'FROM delegation t WHERE t.forum_id = @forum ORDER BY t.id', columns: { forum: 'forum_id', name: 'name', country: 'country', homeTimeZone: 'home_time_zone', head: 'head_person_id' } },
  members: { table: 'delegation_member', ownId: false, stamped: false, ofForum: 'FROM delegation_member t JOIN delegation d ON d.id = t.delegation_id WHERE d.forum_id = @forum ORDER BY t.delegation_id, t.rowid', columns: { delegation: 'delegation_id', person: 'person_id', role: 'role' } },
  programmeSessions: {
    table: 'programme_session',
    ownId: true,
    stamped: true,
    ofForum: 'FROM programme_session t WHERE t.forum_id = @forum ORDER BY t.id',
    columns: {
      forum: 'forum_id',
      source: 'source',
      uid: 'uid',
      occurrence: 'occurrence',
      title: 'title',
      description: 'description',
      location: 'location',
      start: 'start_local',
      end: 'end_local',
      timeZone: 'time_zone',
      startUtc: 'start_utc',
      endUtc: 'end_utc',
      allDay: 'all_day',
      cancelled: 'cancelled',
      changes: 'changes',
      changedAt: 'changed_at',
      wasStartUtc: 'was_start_utc',
      wasEndUtc: 'was_end_utc',
    },
  },
  meetings: {
    table: 'meeting',
    ownId: true,
    stamped: true,
    ofForum: 'FROM meeting t WHERE t.forum_id = @forum ORDER BY t.id',
    columns: {
      forum: 'forum_id',
      uid: 'uid',
      title: 'title',
      kind: 'kind',
      status: 'status',
      start: 'start_local',
      end: 'end_local',
      timeZone: 'time_zone',
      startUtc: 'start_utc',
      endUtc: 'end_utc',
      room: 'room_id',
      place: 'place',
      isPublic: 'is_public',
      briefing: 'briefing',
      outcome: 'outcome',
      outcomePublic: 'outcome_public',
      sequence: 'sequence',
      cancelledAt: 'cancelled_at',
      externalId: 'external_id',
      programmeSession: 'programme_session_id',
      heldAt: 'held_at',
    },
  },
  participants: { table: 'meeting_participant', ownId: false, stamped: false, ofForum: 'FROM meeting_participant t JOIN meeting m ON m.id = t.meeting_id WHERE m.forum_id = @forum ORDER BY t.meeting_id, t.rowid', columns: { meeting: 'meeting_id', person: 'person_id', role: 'role' } },
  meetingDelegations: { table: 'meeting_delegation', ownId: false, stamped: false, ofForum: 'FROM meeting_delegation t JOIN meeting m ON m.id = t.meeting_id WHERE m.forum_id = @forum ORDER BY t.meeting_id, t.delegation_id', columns: { meeting: 'meeting_id', delegation: 'delegation_id' } },
  /** The agreements register (migration 0023): the documents to sign, with or without a meeting. */
  documents: {
    table: 'agreement',
    ownId: true,
    stamped: true,
    ofForum: 'FROM agreement t WHERE t.forum_id = @forum ORDER BY t.id',
    columns: { forum: 'forum_id', meeting: 'meeting_id', kind: 'kind', title: 'title', titleRu: 'title_ru', titleAz: 'title_az', parties: 'parties', status: 'status', signedOn: 'signed_on', signedPlace: 'signed_place', note: 'note' },
  },
  agreementParties: { table: 'agreement_party', ownId: false, stamped: false, ofForum: 'FROM agreement_party t JOIN agreement a ON a.id = t.agreement_id WHERE a.forum_id = @forum ORDER BY t.agreement_id, t.organization_id', columns: { agreement: 'agreement_id', organization: 'organization_id' } },
  agreementSignatories: {
    table: 'agreement_signatory',
    ownId: false,
    stamped: false,
    ofForum: 'FROM agreement_signatory t JOIN agreement a ON a.id = t.agreement_id WHERE a.forum_id = @forum ORDER BY t.agreement_id, t.rowid',
    columns: { agreement: 'agreement_id', person: 'person_id', position: 'position' },
  },
  unavailability: {
    table: 'availability_block',
    ownId: true,
    stamped: true,
    ofForum: 'FROM availability_block t WHERE t.forum_id = @forum ORDER BY t.id',
    columns: { forum: 'forum_id', subject: 'subject', subjectId: 'subject_id', start: 'start_local', end: 'end_local', timeZone: 'time_zone', startUtc: 'start_utc', endUtc: 'end_utc', reason: 'reason', source: 'source' },
  },
  b2bSessions: {
    table: 'b2b_session',
    ownId: true,
    stamped: true,
    ofForum: 'FROM b2b_session t WHERE t.forum_id = @forum ORDER BY t.id',
    columns: {
      forum: 'forum_id',
      title: 'title',
      room: 'room_id',
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
  },
  b2bParticipants: {
    table: 'b2b_participant',
    ownId: true,
    stamped: true,
    ofForum: 'FROM b2b_participant t JOIN b2b_session s ON s.id = t.session_id WHERE s.forum_id = @forum ORDER BY t.id',
    columns: { session: 'session_id', organization: 'organization_id', side: 'side', sector: 'sector', offers: 'offers', seeks: 'seeks', notes: 'notes', unavailable: 'unavailable', seats: 'seats' },
  },
  b2bRepresentatives: { table: 'b2b_representative', ownId: false, stamped: false, ofForum: 'FROM b2b_representative t JOIN b2b_session s ON s.id = t.session_id WHERE s.forum_id = @forum ORDER BY t.participant_id, t.rowid', columns: { participant: 'participant_id', session: 'session_id', person: 'person_id' } },
  b2bRequests: {
    table: 'b2b_request',
    ownId: true,
    stamped: true,
    ofForum: 'FROM b2b_request t JOIN b2b_session s ON s.id = t.session_id WHERE s.forum_id = @forum ORDER BY t.id',
    columns: { session: 'session_id', from: 'from_id', to: 'to_id', message: 'message', priority: 'priority', state: 'state', createdBy: 'created_by', answeredAt: 'answered_at', pinSlot: 'pin_slot_index', pinTable: 'pin_table', meeting: 'meeting_id' },
  },
  b2bPlacements: {
    table: 'b2b_placement',
    ownId: false,
    stamped: false,
    ofForum: 'FROM b2b_placement t JOIN b2b_session s ON s.id = t.session_id WHERE s.forum_id = @forum ORDER BY t.request_id',
    columns: { request: 'request_id', session: 'session_id', slot: 'slot_index', table: 'table_no', pinned: 'pinned', fromSeat: 'from_seat', toSeat: 'to_seat' },
  },
  b2bUnplaced: { table: 'b2b_unplaced', ownId: false, stamped: false, ofForum: 'FROM b2b_unplaced t JOIN b2b_session s ON s.id = t.session_id WHERE s.forum_id = @forum ORDER BY t.request_id', columns: { request: 'request_id', session: 'session_id', reason: 'reason', message: 'message' } },
  b2bRuns: {
    table: 'b2b_run',
    ownId: false,
    stamped: false,
    ofForum: 'FROM b2b_run t JOIN b2b_session s ON s.id = t.session_id WHERE s.forum_id = @forum ORDER BY t.session_id',
    columns: { session: 'session_id', ranAt: 'ran_at', ranBy: 'ran_by', placed: 'placed', upperBound: 'upper_bound', idleSlots: 'idle_slots', inputHash: 'input_hash' },
  },
  b2bPublications: { table: 'b2b_publication', ownId: false, stamped: false, ofForum: 'FROM b2b_publication t JOIN b2b_session s ON s.id = t.session_id WHERE s.forum_id = @forum ORDER BY t.session_id', columns: { session: 'session_id', publishedAt: 'published_at', publishedBy: 'published_by' } },
} as const satisfies Record<string, TableMap>;

export type TransferTable = keyof typeof MAPS;
export type TransferRow = Record<string, string | number | null>;
export type ForumRows = { [K in TransferTable]: TransferRow[] };

/** Every person the forum names: delegations (heads, members), meetings, unavailability, B2B representatives, signatories. */
const PEOPLE = `SELECT head_person_id FROM delegation WHERE forum_id = @forum AND head_person_id IS NOT NULL
  UNION SELECT dm.person_id FROM delegation_member dm JOIN delegation d ON d.id = dm.delegation_id WHERE d.forum_id = @forum
  UNION SELECT mp.person_id FROM meeting_participant mp JOIN meeting m ON m.id = mp.meeting_id WHERE m.forum_id = @forum
  UNION SELECT subject_id FROM availability_block WHERE forum_id = @forum AND subject = 'person'
  UNION SELECT r.person_id FROM b2b_representative r JOIN b2b_session s ON s.id = r.session_id WHERE s.forum_id = @forum
  UNION SELECT g.person_id FROM agreement_signatory g JOIN agreement a ON a.id = g.agreement_id WHERE a.forum_id = @forum`;

function selectOf(map: TableMap): string {
  const columns = Object.entries(map.columns).map(([name, column]) => `t.${column} AS "${name}"`);
  if (map.ownId) columns.unshift('t.id AS id');
  return `SELECT ${columns.join(', ')} ${map.ofForum.replaceAll('PEOPLE', PEOPLE)}`;
}

export class ForumTransferRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Every row of the forum's programme, by table, in id order; ids as stored. */
  read(forumId: number): ForumRows {
    const out = {} as ForumRows;
    for (const [key, map] of Object.entries(MAPS) as [TransferTable, TableMap][]) {
      out[key] = prepared(this.db, selectOf(map)).all({ forum: forumId }) as TransferRow[];
    }
    return out;
  }

  /** Writes one row (document names as in the map; ids already this installation's). Returns the new id, or 0 for a table without one. */
  insert(key: TransferTable, row: TransferRow): number {
    const map: TableMap = MAPS[key];
    const names = Object.keys(map.columns).filter((name) => row[name] !== undefined);
    const columns = names.map((name) => map.columns[name]!);
    const values: unknown[] = names.map((name) => row[name]);
    if (map.stamped) {
      const now = this.clock();
      columns.push('created_at', 'updated_at');
      values.push(now, now);
    }
    const sql = `INSERT INTO ${map.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    const info = prepared(this.db, sql).run(...values);
    return map.ownId ? Number(info.lastInsertRowid) : 0;
  }

  /** A forum of this name and these dates, if this installation has one. */
  findForum(name: string, startDate: string, endDate: string): number | undefined {
    return prepared(this.db, 'SELECT id FROM forum WHERE name = ? AND start_date = ? AND end_date = ? ORDER BY id LIMIT 1', 'pluck').get(name, startDate, endDate) as number | undefined;
  }

  /** An organization whose English name is exactly this one. */
  findOrganization(name: string): number | undefined {
    return prepared(this.db, 'SELECT id FROM organization WHERE name = ? ORDER BY id LIMIT 1', 'pluck').get(name) as number | undefined;
  }

  /** A person of exactly this English name, in this organization (or in none). */
  findPerson(fullName: string, organizationId: number | null): number | undefined {
    return prepared(this.db, 'SELECT id FROM person WHERE full_name = ? AND organization_id IS ? ORDER BY id LIMIT 1', 'pluck').get(fullName, organizationId) as number | undefined;
  }

  /** Meeting UIDs of this list that another meeting here already has. */
  takenUids(uids: readonly string[]): Set<string> {
    const taken = new Set<string>();
    const probe = prepared(this.db, 'SELECT 1 FROM meeting WHERE uid = ?', 'pluck');
    for (const uid of uids) if (probe.get(uid) !== undefined) taken.add(uid);
    return taken;
  }
}
