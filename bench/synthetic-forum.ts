/**
 * A forum-sized synthetic programme in a temporary SQLite file, for the
 * conflicts benchmark: 20,000 meetings over 3 days, 5,000 people, 300 rooms in
 * 10 venues with a full travel matrix and opening hours, 2–8 participants per
 * meeting, delegations, signing documents and availability blocks.
 *
 * Realistic rather than random: rooms are filled back to back with short
 * gaps, people are mostly booked at "their" venue and only when free (travel
 * included), so conflicts are the exception a planner would see (a few
 * percent), not a meeting-per-meeting clash that no real programme has.
 * Seeded, so every run builds the same forum.
 *
 * Rows go in through prepared statements in one transaction: building the
 * forum through the services would take minutes and measure nothing we want.
 * The building runs in a child process, so the benchmark process's peak RSS
 * is that of a process serving the forum, not of the generator's arrays and
 * SQLite's buffers for a 150,000-row transaction. A built file is kept in the
 * system's temporary folder, named by a hash of the shape, this generator and
 * the migrations, so the next run (or the next bench in the same run) copies
 * it instead of building it again.
 */
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../src/app';
import { SYSTEM_ACTOR } from '../src/services/actor';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { localDateTimeOf } from '../src/domain/time';
import type { MeetingKind, MeetingStatus } from '../src/domain/types';
import { createServices, type Services } from '../src/services';
import { createStore } from '../src/store';
import { openDatabase, type Db } from '../src/store/database';
import { migrate } from '../src/store/migrate';
import { mulberry32 } from '../src/domain/random';

export interface ForumShape {
  seed: number;
  meetings: number;
  people: number;
  venues: number;
  roomsPerVenue: number;
  days: number;
  delegations: number;
  personBlocks: number;
  roomBlocks: number;
}

export const FORUM_SHAPE: ForumShape = { seed: 20190607, meetings: 20_000, people: 5_000, venues: 10, roomsPerVenue: 30, days: 3, delegations: 40, personBlocks: 600, roomBlocks: 60 };

/**
 * FORUM_SHAPE grown or shrunk to `meetings` by adding venues, rooms, people
 * and delegations, not by packing more into each: a room's day, a venue's
 * rooms (30, from 5k up) and a delegation's meetings (about 500) stay the same
 * size, so a page of one venue or one delegation is a page of fixed size at
 * every scale. Equal to FORUM_SHAPE at 20,000.
 */
export function scaledShape(meetings: number): ForumShape {
  const f = meetings / FORUM_SHAPE.meetings;
  const rooms = Math.round(FORUM_SHAPE.venues * FORUM_SHAPE.roomsPerVenue * f);
  const venues = Math.max(1, Math.round(FORUM_SHAPE.venues * f));
  return {
    ...FORUM_SHAPE,
    meetings,
    people: Math.round(FORUM_SHAPE.people * f),
    venues,
    roomsPerVenue: Math.round(rooms / venues),
    delegations: Math.max(2, Math.round(FORUM_SHAPE.delegations * f)),
    personBlocks: Math.round(FORUM_SHAPE.personBlocks * f),
    roomBlocks: Math.round(FORUM_SHAPE.roomBlocks * f),
  };
}

export interface SyntheticForum {
  db: Db;
  services: Services;
  forumId: number;
  timeZone: string;
  /** The busiest forum-local hour of the second day, e.g. '2019-06-07T11:00', for the save benchmark. */
  busyHour: string;
  roomIds: number[];
  personIds: number[];
  counts: { meetings: number; participants: number; blocks: number };
  /** The SQLite file, a copy of its own for this benchmark. */
  file: string;
  /** Wall-clock time the child process took to build the file, or null when a kept one was copied. */
  buildMs: number | null;
  close(): void;
}

const ZONE = 'Europe/Moscow';
const FIRST_DAY_UTC = Date.UTC(2019, 5, 6, 5, 0); // 08:00 in Moscow (UTC+3) on 6 June 2019
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const DURATIONS = [15, 20, 30, 30, 30, 45, 60, 90];
const GAPS = [0, 0, 5, 10, 15, 30];
const KIND_WEIGHTS: [MeetingKind, number][] = [['bilateral', 40], ['b2b', 25], ['multilateral', 10], ['briefing', 8], ['signing', 5], ['panel', 5], ['press', 4], ['reception', 2], ['travel', 1]];
const STATUS_WEIGHTS: [MeetingStatus, number][] = [['confirmed', 70], ['tentative', 18], ['proposed', 7], ['cancelled', 5]];
const ROLES = ['principal', 'required', 'required', 'optional', 'interpreter', 'note_taker', 'counterpart', 'counterpart'] as const;
const BRIEFING = 'Objectives: agree the next steps of the joint project. Talking points: trade figures, the working group calendar, financing. '.repeat(2);

interface Draft {
  startUtc: number;
  endUtc: number;
  roomId: number | null;
  venue: number | null;
}

/**
 * A copy of the forum in a new temporary folder, for one benchmark to write
 * to: built in a child process on first use, copied from the kept file after.
 * `buildMs` is the build's time, or null when the kept file was copied.
 */
export async function syntheticForumCopy(shape: ForumShape = FORUM_SHAPE): Promise<{ file: string; dir: string; buildMs: number | null }> {
  const kept = path.join(os.tmpdir(), 'fp-bench-forums', `${forumKey(shape)}.db`);
  let buildMs: number | null = null;
  if (!fs.existsSync(kept)) {
    fs.mkdirSync(path.dirname(kept), { recursive: true });
    // Built under a name of its own and renamed when complete: an interrupted build leaves no half file under the kept name.
    const partial = `${kept}.${process.pid}.partial`;
    const began = performance.now();
    try {
      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [...process.execArgv, __filename, partial, JSON.stringify(shape)], { stdio: 'inherit' });
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`building the synthetic forum failed (exit ${code})`))));
      });
      fs.renameSync(partial, kept);
    } finally {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${partial}${suffix}`, { force: true });
    }
    buildMs = performance.now() - began;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-bench-'));
  const file = path.join(dir, 'forum.db');
  fs.copyFileSync(kept, file);
  return { file, dir, buildMs };
}

/** Names a built forum by what decides its bytes: the shape, this generator and the schema's migrations. */
function forumKey(shape: ForumShape): string {
  const hash = crypto.createHash('sha256').update(JSON.stringify(shape)).update(fs.readFileSync(__filename));
  const migrations = path.join(__dirname, '..', 'db', 'migrations');
  for (const name of fs.readdirSync(migrations).sort()) hash.update(name).update(fs.readFileSync(path.join(migrations, name)));
  return `${shape.meetings}-${shape.seed}-${hash.digest('hex').slice(0, 16)}`;
}

/** Builds the forum in a child process (or copies the kept one), then opens it here with the app's own store and services. */
export async function buildSyntheticForum(shape: ForumShape = FORUM_SHAPE): Promise<SyntheticForum> {
  const { file, dir, buildMs } = await syntheticForumCopy(shape);
  const db = openDatabase(file);
  const ids = (sql: string) => db.prepare(sql).pluck().all() as number[];
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const forumId = ids('SELECT id FROM forum')[0]!;
  return {
    db,
    services: createServices(createStore(db), { config: { feedRefreshMinutes: 15, feedCancelledDays: 30, publicUrl: 'https://planner.example.org' } }),
    forumId,
    timeZone: ZONE,
    busyHour: busiestHour(db, forumId, FIRST_DAY_UTC + DAY),
    roomIds: ids('SELECT id FROM room ORDER BY id'),
    personIds: ids('SELECT id FROM person ORDER BY id'),
    counts: { meetings: count('SELECT count(*) FROM meeting'), participants: count('SELECT count(*) FROM meeting_participant'), blocks: count('SELECT count(*) FROM availability_block') },
    file,
    buildMs,
    close: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes the synthetic forum into a new SQLite file. */
export function writeSyntheticForum(file: string, shape: ForumShape = FORUM_SHAPE): void {
  const rand = mulberry32(shape.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const weighted = <T>(weights: [T, number][]): T => {
    let r = rand() * weights.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of weights) if ((r -= w) < 0) return value;
    return weights[0]![0];
  };

  const db = openDatabase(file);
  migrate(db);
  const now = Date.now();
  const sql = (text: string) => db.prepare(text);

  db.transaction(() => {
    const forumId = Number(sql(`INSERT INTO forum (name, short_name, start_date, end_date, time_zone, city, created_at, updated_at) VALUES ('Synthetic Economic Forum', 'SYN', '2019-06-06', '2019-06-08', ?, 'St. Petersburg', ?, ?)`).run(ZONE, now, now).lastInsertRowid);

    // Venues: the congress centres keep hours, the hotels do not; travel between any two takes 10–60 minutes.
    const venueIds: number[] = [];
    const addVenue = sql('INSERT INTO venue (forum_id, name, address, opens_at, closes_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (let v = 0; v < shape.venues; v += 1) {
      const hotel = v >= shape.venues - 2;
      venueIds.push(Number(addVenue.run(forumId, `Venue ${v + 1}`, `Street ${v + 1}`, hotel ? null : '08:00', hotel ? null : '21:00', now, now).lastInsertRowid));
    }
    const travel: number[][] = venueIds.map(() => venueIds.map(() => 0));
    const addTravel = sql('INSERT INTO travel_time (from_venue_id, to_venue_id, minutes) VALUES (?, ?, ?)');
    for (let a = 0; a < venueIds.length; a += 1) {
      for (let b = a + 1; b < venueIds.length; b += 1) {
        const minutes = 10 + 5 * Math.floor(rand() * 11);
        travel[a]![b] = travel[b]![a] = minutes;
        addTravel.run(venueIds[a], venueIds[b], minutes);
        addTravel.run(venueIds[b], venueIds[a], minutes);
      }
    }

    const roomIds: number[] = [];
    const roomVenue: number[] = [];
    const addRoom = sql('INSERT INTO room (venue_id, name, capacity, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    venueIds.forEach((venueId, v) => {
      for (let r = 0; r < shape.roomsPerVenue; r += 1) {
        const kind = r === 0 ? 'hall' : r === 1 ? 'b2b_area' : r < 4 ? 'stand' : 'meeting_room';
        const capacity = kind === 'hall' ? 400 : kind === 'b2b_area' ? 120 : kind === 'stand' ? 15 : pick([6, 8, 10, 12, 20]);
        roomIds.push(Number(addRoom.run(venueId, `Room ${v + 1}.${r + 1}`, capacity, kind, now, now).lastInsertRowid));
        roomVenue.push(v);
      }
    });

    const orgIds: number[] = [];
    const addOrg = sql('INSERT INTO organization (name, country, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    for (let o = 0; o < shape.people / 25; o += 1) orgIds.push(Number(addOrg.run(`Organization ${o + 1}`, pick(['Azerbaijan', 'Russia', 'Kazakhstan', 'China', 'Germany']), pick(['company', 'ministry', 'agency', 'bank']), now, now).lastInsertRowid));
    const personIds: number[] = [];
    const addPerson = sql('INSERT INTO person (full_name, name_ru, position, organization_id, languages, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (let p = 0; p < shape.people; p += 1) personIds.push(Number(addPerson.run(`Person ${p + 1}`, `Персона ${p + 1}`, pick(['Minister', 'Director', 'Adviser', 'Head of unit', 'Interpreter']), pick(orgIds), 'ru, en', now, now).lastInsertRowid));

    const delegationIds: number[] = [];
    const addDelegation = sql('INSERT INTO delegation (forum_id, name, country, home_time_zone, head_person_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const addMember = sql('INSERT INTO delegation_member (delegation_id, person_id, role) VALUES (?, ?, ?)');
    const membersPer = Math.floor(shape.people / 5 / shape.delegations);
    for (let d = 0; d < shape.delegations; d += 1) {
      const members = personIds.slice(d * membersPer, (d + 1) * membersPer);
      const id = Number(addDelegation.run(forumId, `Delegation ${d + 1}`, 'Azerbaijan', pick(['Asia/Baku', 'Europe/Moscow', 'Asia/Almaty']), members[0], now, now).lastInsertRowid);
      members.forEach((personId, i) => addMember.run(id, personId, i === 0 ? 'head' : 'member'));
      delegationIds.push(id);
    }

    // Rooms back to back from about 08:00, a few starting early enough to overlap the one before.
    const drafts: Draft[] = [];
    const inRooms = Math.round(shape.meetings * 0.95);
    const perRoomDay = Math.ceil(inRooms / (roomIds.length * shape.days));
    for (let day = 0; day < shape.days && drafts.length < inRooms; day += 1) {
      for (let r = 0; r < roomIds.length && drafts.length < inRooms; r += 1) {
        let t = FIRST_DAY_UTC + day * DAY + pick(GAPS) * MINUTE;
        for (let k = 0; k < perRoomDay && drafts.length < inRooms; k += 1) {
          const start = rand() < 0.015 ? t - 10 * MINUTE : t;
          const end = start + pick(DURATIONS) * MINUTE;
          drafts.push({ startUtc: start, endUtc: end, roomId: roomIds[r]!, venue: roomVenue[r]! });
          t = end + pick(GAPS) * MINUTE;
        }
      }
    }
    // The rest are outside the venues (a restaurant, an embassy): no room, no travel check.
    while (drafts.length < shape.meetings) {
      const start = FIRST_DAY_UTC + Math.floor(rand() * shape.days) * DAY + Math.floor(rand() * 48) * 15 * MINUTE;
      drafts.push({ startUtc: start, endUtc: start + pick(DURATIONS) * MINUTE, roomId: null, venue: null });
    }
    drafts.sort((a, b) => a.startUtc - b.startUtc);

    const addMeeting = sql(
      `INSERT INTO meeting (forum_id, title, kind, status, start_local, end_local, time_zone, start_utc, end_utc, room_id, place, is_public, briefing, outcome, sequence, cancelled_at, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0, ?, 1, ?, ?)`,
    );
    const addParticipant = sql('INSERT INTO meeting_participant (meeting_id, person_id, role) VALUES (?, ?, ?)');
    const addMeetingDelegation = sql('INSERT INTO meeting_delegation (meeting_id, delegation_id) VALUES (?, ?)');
    const addDocument = sql("INSERT INTO agreement (forum_id, meeting_id, kind, title, parties, created_at, updated_at) VALUES (?, ?, 'memorandum', ?, ?, 0, 0)");

    // People: most of a person's meetings are at one venue, and they are booked only when free (travel included), bar a few deliberate clashes.
    const busyUntil = new Float64Array(personIds.length);
    const lastVenue = new Int32Array(personIds.length).fill(-1);
    const homePool = (venue: number) => Math.floor(rand() * Math.floor(personIds.length / shape.venues)) * shape.venues + venue;
    drafts.forEach((d, i) => {
      const status = weighted(STATUS_WEIGHTS);
      const kind = weighted(KIND_WEIGHTS);
      const local = (instant: number) => localDateTimeOf(instant, ZONE);
      const id = Number(
        addMeeting.run(forumId, `${kind === 'b2b' ? 'B2B' : 'Meeting'} ${i + 1}`, kind, status, local(d.startUtc), local(d.endUtc), ZONE, d.startUtc, d.endUtc, d.roomId, d.roomId === null ? 'Restaurant on Nevsky' : '', rand() < 0.1 ? 1 : 0, BRIEFING, status === 'cancelled' ? now : null, now, now).lastInsertRowid,
      );
      const wanted = 2 + Math.floor(rand() * 7);
      const chosen = new Set<number>();
      for (let attempt = 0; attempt < wanted * 12 && chosen.size < wanted; attempt += 1) {
        const p = d.venue !== null && rand() < 0.85 ? homePool(d.venue) : Math.floor(rand() * personIds.length);
        if (chosen.has(p)) continue;
        const travelMs = d.venue !== null && lastVenue[p]! >= 0 && lastVenue[p] !== d.venue ? travel[lastVenue[p]!]![d.venue]! * MINUTE : 0;
        if (busyUntil[p]! + travelMs > d.startUtc && rand() > 0.01) continue;
        chosen.add(p);
      }
      [...chosen].forEach((p, k) => {
        addParticipant.run(id, personIds[p], k === 0 ? 'principal' : pick(ROLES));
        busyUntil[p] = Math.max(busyUntil[p]!, d.endUtc);
        if (d.venue !== null) lastVenue[p] = d.venue;
      });
      addMeetingDelegation.run(id, pick(delegationIds));
      if (kind === 'signing') addDocument.run(forumId, id, `Memorandum ${i + 1}`, 'Party A; Party B');
    });

    const addBlock = sql('INSERT INTO availability_block (forum_id, subject, subject_id, start_local, end_local, time_zone, start_utc, end_utc, reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const block = (subject: 'person' | 'room', subjectId: number, reason: string) => {
      const start = FIRST_DAY_UTC + Math.floor(rand() * shape.days) * DAY + Math.floor(rand() * 40) * 15 * MINUTE;
      const end = start + (1 + Math.floor(rand() * 3)) * 60 * MINUTE;
      addBlock.run(forumId, subject, subjectId, localDateTimeOf(start, ZONE), localDateTimeOf(end, ZONE), ZONE, start, end, reason, now, now);
    };
    for (let b = 0; b < shape.personBlocks; b += 1) block('person', pick(personIds), 'Flight');
    for (let b = 0; b < shape.roomBlocks; b += 1) block('room', pick(roomIds), 'Set-up');

  })();

  db.pragma('optimize');
  db.close();
}

/** The forum-local hour of the given day with the most meetings starting in it. */
function busiestHour(db: Db, forumId: number, dayStartUtc: number): string {
  const hour = db
    .prepare('SELECT (start_utc / 3600000) * 3600000 AS h FROM meeting WHERE forum_id = ? AND start_utc >= ? AND start_utc < ? GROUP BY h ORDER BY count(*) DESC, h LIMIT 1')
    .pluck()
    .get(forumId, dayStartUtc, dayStartUtc + 13 * 3_600_000) as number;
  return localDateTimeOf(hour, ZONE);
}

if (require.main === module) writeSyntheticForum(process.argv[2]!, process.argv[3] ? (JSON.parse(process.argv[3]) as ForumShape) : FORUM_SHAPE);

/**
 * The app in process over a copy of the 5,000-meeting synthetic forum with the page and derived caches off,
 * so every request builds its page (the languages and exports benches), and an API token to ask with.
 */
export async function uncachedAppOnForum(name: string) {
  const { file, dir } = await syntheticForumCopy(scaledShape(5_000));
  const db = openDatabase(file);
  migrate(db);
  const services = createServices(createStore(db), {
    config: { feedRefreshMinutes: 15, feedCancelledDays: 30, publicUrl: 'https://planner.example.org', cacheBytes: 1 },
    derivedLimits: { entries: 0, bytes: 0 },
  });
  services.accounts.createUser(SYSTEM_ACTOR, { username: name, role: 'planner', password: `${name}-password` });
  const { token } = services.accounts.createApiToken(SYSTEM_ACTOR, name, 'bench');
  const app = createApp({ services, logger: pino({ level: 'silent' }), sessionSecret: `${name}-secret-${name}-secret`, cookieSecure: false, viewCache: true });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  const close = () => {
    server.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { db, services, token, port, close };
}
