/**
 * Conflict engine benchmark on a synthetic forum (bench/synthetic-forum.ts):
 * every figure is a ratio against a baseline measured in the same run, so the
 * machine's speed cancels out. Targets from issue 4; baselines made honest by
 * issue 12 (each line says what it divides by what):
 *
 * (a) whole-programme conflict report, made anew, ÷ the queries the report itself runs,
 *     read raw, <= 2. The report is services.meetings.conflicts(forumId): the
 *     repository's load plus the engine. The baseline is every SELECT that one
 *     report call sends to SQLite, recorded from a call on a second handle
 *     (same SQL text, same parameters) and run here as fresh statements in
 *     raw mode (bare arrays, no row objects): what reading the programme
 *     costs the app's own queries, so a slow query is not hidden and a cheap
 *     one is not flattered by a slower JOIN. The engine's share is printed
 *     beside it. The app keeps the report until the programme changes
 *     (services/derived-cache.ts); the figure is the report made anew, as the
 *     first planner after each save meets it, through a MeetingService whose
 *     cache keeps nothing. The kept report's time is printed beside it.
 * (b) save with the conflict check ÷ a raw INSERT <= 1.5. With: a
 *     MeetingService.create of a tentative meeting in the busiest hour (a
 *     tentative one is never refused, so every repetition runs the whole
 *     check and writes). Without: the meeting row, its participant rows and
 *     the audit row as plain INSERTs in one write transaction, on the same
 *     handle (the app's pragmas). Both pay the durable commit
 *     (synchronous=FULL), as a planner's save does, and the fsync is most of
 *     both; so the same pair is also timed with synchronous=OFF on the
 *     handle, the CPU-only figure: what the check and the service cost
 *     against the least a write can cost.
 * (c) peak RSS of this process, printed for information only: no forced gc
 *     (a server gets none), but it is the bench process, not a server under
 *     load; the real server's peak under HTTP load is in the HTTP bench.
 *
 * Run alone: npx tsx bench/conflicts.ts
 */
import { performance } from 'node:perf_hooks';
import { findConflicts } from '../src/domain/conflicts';
import { resolveLocalTime } from '../src/domain/time';
import { createServices } from '../src/services';
import { programmeCache } from '../src/services/derived-cache';
import { MeetingService } from '../src/services/meetings';
import { createStore } from '../src/store';
import { inWriteTransaction, openDatabase, type Db } from '../src/store/database';
import { mulberry32 } from '../src/domain/random';
import { buildSyntheticForum, type SyntheticForum } from './synthetic-forum';
import { render } from '../src/messages';

const REPORT_REPETITIONS = 7;
const SAVE_REPETITIONS = 41;
const TARGETS = { report: 2, save: 1.5 };

export async function benchConflicts(): Promise<{ lines: string[] }> {
  const forum = await buildSyntheticForum();
  try {
    const { counts } = forum;
    const lines = [
      `Conflicts: synthetic forum of ${counts.meetings.toLocaleString('en')} meetings (${counts.participants.toLocaleString('en')} participations), ${forum.personIds.length.toLocaleString('en')} people, ${forum.roomIds.length} rooms, ${counts.blocks} availability blocks, ${forum.buildMs === null ? 'copied from a kept build' : `built in ${ms(forum.buildMs)} (in a child process)`}`,
      ...reportLines(forum),
      ...saveLines(forum),
    ];
    const rssMb = process.resourceUsage().maxRSS / 1024;
    lines.push(`  peak RSS of this bench process, no forced gc: ${rssMb.toFixed(0)} MB (information, not a target: the app's server process under load is measured in the HTTP bench)`);
    return { lines };
  } finally {
    forum.close();
  }
}

interface RecordedQuery {
  sql: string;
  params: unknown[];
}

/**
 * The SELECTs one call of `run` sends to SQLite, in order, with their
 * parameters: recorded on a handle of its own (so the measured handle's
 * statements stay unwrapped), by wrapping the statements it prepares.
 */
function queriesOf(file: string, run: (db: Db) => void): RecordedQuery[] {
  const db = openDatabase(file);
  const recorded: RecordedQuery[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    if (statement.reader) {
      for (const method of ['all', 'get', 'iterate'] as const) {
        const original = statement[method].bind(statement) as (...params: unknown[]) => unknown;
        (statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
          recorded.push({ sql, params });
          return original(...params);
        };
      }
    }
    return statement;
  }) as typeof db.prepare;
  try {
    run(db);
  } finally {
    db.close();
  }
  return recorded;
}

function reportLines({ db, file, services, forumId }: SyntheticForum): string[] {
  const queries = queriesOf(file, (other) => {
    createServices(createStore(other), { config: { feedRefreshMinutes: 15, feedCancelledDays: 30, publicUrl: 'https://planner.example.org' } }).meetings.conflicts(forumId);
  });
  const statements = queries.map((q) => ({ statement: db.prepare(q.sql).raw(), params: q.params }));
  const select = () => statements.map(({ statement, params }) => statement.all(...params));
  // Made anew every time: a cache that keeps nothing (a value over its budget is served once and dropped).
  const uncached = new MeetingService(services.store, Date.now, programmeCache(services.store, { entries: 0, bytes: 0 }));
  const report = () => uncached.conflicts(forumId);
  const kept = () => services.meetings.conflicts(forumId);

  const conflicts = report();
  kept();
  const times = interleavedMedians({ report, select, kept }, REPORT_REPETITIONS);
  const engineMs = engineAlone({ services, forumId });
  const errors = conflicts.filter((c) => c.severity === 'error').length;
  const ratio = times.report / times.select;
  return [
    `  ${conflicts.length.toLocaleString('en')} conflicts (${errors.toLocaleString('en')} errors); report ${ms(times.report)}, of which the engine ${ms(engineMs)}; the report's own ${queries.length} SELECTs read raw ${ms(times.select)}; the kept report (until the next save) ${ms(times.kept)} (medians of ${REPORT_REPETITIONS})`,
    ...(times.report < times.select ? ['  the report made anew took less than reading its rows: something kept it after all, and this ratio does not measure the engine'] : []),
    verdict("conflict report made anew ÷ the report's own queries read raw", ratio.toFixed(2), ratio <= TARGETS.report, `≤ ${TARGETS.report}`),
  ];
}

/**
 * The engine alone, on a programme loaded once the way the report loads it:
 * the part of the report no query can speed up.
 */
function engineAlone({ services, forumId }: Pick<SyntheticForum, 'services' | 'forumId'>): number {
  const store = services.store;
  const meetings = store.meetings.programme({ forumId });
  const programme = {
    meetings,
    rooms: store.rooms.listByForum(forumId),
    venues: store.venues.list({ forumId }),
    people: store.meetings.participantNames([...new Set(meetings.flatMap((m) => m.participants.map((p) => p.personId)))]),
    availability: store.availability.list({ forumId }),
    travelTimes: store.venues.travelTimes(forumId),
    forumTimeZone: store.forums.find(forumId)!.timeZone,
  };
  return interleavedMedians({ engine: () => findConflicts(programme) }, REPORT_REPETITIONS).engine;
}

function saveLines({ db, services, forumId, busyHour, roomIds, personIds, timeZone }: SyntheticForum): string[] {
  const store = services.store;
  const rand = mulberry32(7);
  const actor = { userId: null, username: 'bench', role: 'planner' as const };
  const start = `${busyHour.slice(0, 14)}10`;
  const end = `${busyHour.slice(0, 14)}40`;
  const startUtc = instant(start, timeZone);
  const endUtc = instant(end, timeZone);
  let n = 0;
  // A different room and people each time, so the saves do not pile onto each other.
  const nextInput = () => {
    n += 1;
    const participants = [0, 1, 2, 3].map((k) => ({ personId: personIds[Math.floor(rand() * personIds.length)]!, role: k === 0 ? ('principal' as const) : ('required' as const) }));
    return { title: `Bench save ${n}`, kind: 'bilateral' as const, status: 'tentative' as const, start, end, roomId: roomIds[n % roomIds.length]!, participants: [...new Map(participants.map((p) => [p.personId, p])).values()] };
  };

  const withCheck = () => services.meetings.create(actor, forumId, nextInput());
  // The least a save writes: the meeting row, its people and the audit row, as plain INSERTs in one write transaction.
  const insertMeeting = db.prepare(
    `INSERT INTO meeting (forum_id, title, kind, status, start_local, end_local, time_zone, start_utc, end_utc, room_id, place, is_public, briefing, outcome, sequence, cancelled_at, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0, '', '', 0, NULL, 1, ?, ?)`,
  );
  const insertParticipant = db.prepare('INSERT INTO meeting_participant (meeting_id, person_id, role) VALUES (?, ?, ?)');
  const insertAudit = db.prepare(`INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, forum_id, summary, before_json, after_json) VALUES (?, NULL, 'bench', 'create', 'meeting', ?, ?, ?, NULL, ?)`);
  const rawInsert = () =>
    inWriteTransaction(db, () => {
      const input = nextInput();
      const now = Date.now();
      const id = Number(insertMeeting.run(forumId, input.title, input.kind, input.status, input.start, input.end, timeZone, startUtc, endUtc, input.roomId, now, now).lastInsertRowid);
      for (const p of input.participants) insertParticipant.run(id, p.personId, p.role);
      insertAudit.run(now, id, forumId, `${input.title} (${input.status})`, JSON.stringify({ id, ...input }));
    });

  const nearby = store.meetings.programme({ forumId, fromUtc: startUtc - 3_600_000, toUtc: endUtc + 3_600_000 }).length;
  const durable = interleavedMedians({ withCheck, rawInsert }, SAVE_REPETITIONS);
  const synchronous = db.pragma('synchronous', { simple: true });
  db.pragma('synchronous = OFF');
  let cpu: typeof durable;
  try {
    cpu = interleavedMedians({ withCheck, rawInsert }, SAVE_REPETITIONS);
  } finally {
    db.pragma(`synchronous = ${synchronous}`);
  }
  const ratio = durable.withCheck / durable.rawInsert;
  return [
    `  save in the busiest hour (${busyHour}, ${nearby} meetings within an hour of it), medians of ${SAVE_REPETITIONS}: durable (synchronous=FULL) with check ${ms(durable.withCheck)}, raw INSERT ${ms(durable.rawInsert)}; CPU only (synchronous=OFF on both) with check ${ms(cpu.withCheck)}, raw INSERT ${ms(cpu.rawInsert)}`,
    verdict('save with check ÷ raw INSERT, durable', ratio.toFixed(2), ratio <= TARGETS.save, `≤ ${TARGETS.save}`),
    `  save with check ÷ raw INSERT, CPU only: ${(cpu.withCheck / cpu.rawInsert).toFixed(2)} (no target: the check and the service against the least a write costs, without the fsync both share)`,
  ];
}

/**
 * Median time of each function, running them in turn within each repetition
 * (after one warm-up round) so that drift (other load on the machine, the
 * page cache of the SQLite file) falls on all of them alike. No forced gc:
 * each call pays for the garbage it and the one before leave, as in a server.
 */
function interleavedMedians<K extends string>(fns: Record<K, () => unknown>, repetitions: number): Record<K, number> {
  const names = Object.keys(fns) as K[];
  const samples = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let rep = -1; rep < repetitions; rep += 1) {
    for (const name of names) {
      const t = performance.now();
      fns[name]();
      if (rep >= 0) samples.get(name)!.push(performance.now() - t);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples.get(name)!)])) as Record<K, number>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function instant(local: string, timeZone: string): number {
  const r = resolveLocalTime({ local, timeZone });
  if (!r.ok) throw new Error(render(r.message));
  return r.instant;
}

/** One result line in the shared format: "name: value (target ...) PASS|MISS". */
function verdict(name: string, value: string, pass: boolean, target: string): string {
  return `${name}: ${value} (target ${target}) ${pass ? 'PASS' : 'MISS'}`;
}

function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

if (require.main === module) {
  benchConflicts().then(({ lines }) => console.log(lines.join('\n')));
}
