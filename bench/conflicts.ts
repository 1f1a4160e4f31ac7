/**
 * Conflict engine benchmark on a synthetic forum (bench/synthetic-forum.ts):
 * every figure is a ratio against a baseline measured in the same run, so the
 * machine's speed cancels out. Targets from issue 4:
 *
 * (a) whole-programme conflict report ÷ SELECT of the same meetings and
 *     participants <= 2. The report is services.meetings.conflicts(forumId):
 *     the repository's load plus the engine. The baseline is a raw SELECT of
 *     the same meeting rows and columns and of their participant rows, read
 *     as bare arrays: the least any implementation pays to read the
 *     programme. Not the repository's own load, which would hide a slow load
 *     by inflating both sides. The engine's share is printed beside it.
 * (b) save with the conflict check ÷ save without it <= 1.5. With: a
 *     MeetingService.create of a tentative meeting in the busiest hour (a
 *     tentative one is never refused, so every repetition runs the whole
 *     check and writes). Without: the repository insert, the read-back and the
 *     audit row in the same kind of transaction, nothing else: input
 *     validation is charged to the check side. Both pay the durable commit
 *     (synchronous=FULL), as a planner's save does.
 * (c) peak RSS of the process <= 200 MB. The forum is built in a child
 *     process; the heap is collected before each timed call, so a call is
 *     neither slowed by the garbage of the one before nor charged for it in
 *     memory, as in a server where requests are seconds apart. Without that,
 *     V8 lets the heap grow to ~200 MB of garbage before its first full
 *     collection and the peak says more about V8 than about this code.
 *
 * Run alone: npx tsx bench/conflicts.ts
 */
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { findConflicts } from '../src/domain/conflicts';
import { resolveLocalTime } from '../src/domain/time';
import { inWriteTransaction } from '../src/store/database';
import type { MeetingValues } from '../src/store/repositories/meetings';
import { mulberry32 } from './b2b';
import { buildSyntheticForum, type SyntheticForum } from './synthetic-forum';
import { render } from '../src/messages';

const REPORT_REPETITIONS = 7;
const SAVE_REPETITIONS = 41;
const TARGETS = { report: 2, save: 1.5, rssMb: 200 };

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

export async function benchConflicts(): Promise<{ lines: string[] }> {
  const forum = await buildSyntheticForum();
  try {
    const { counts } = forum;
    const lines = [
      `Conflicts: synthetic forum of ${counts.meetings.toLocaleString('en')} meetings (${counts.participants.toLocaleString('en')} participations), ${forum.personIds.length.toLocaleString('en')} people, ${forum.roomIds.length} rooms, ${counts.blocks} availability blocks, built in ${ms(forum.buildMs)} (in a child process)`,
      ...reportLines(forum),
      ...saveLines(forum),
    ];
    const rssMb = process.resourceUsage().maxRSS / 1024;
    lines.push(verdict('peak RSS', `${rssMb.toFixed(0)} MB`, rssMb <= TARGETS.rssMb, `≤ ${TARGETS.rssMb} MB`));
    return { lines };
  } finally {
    forum.close();
  }
}

function reportLines({ db, services, forumId }: SyntheticForum): string[] {
  const meetingRows = db.prepare('SELECT id, title, kind, status, start_utc, end_utc, room_id, place, time_zone FROM meeting WHERE forum_id = ? ORDER BY start_utc, end_utc, id').raw();
  const participantRows = db.prepare('SELECT p.meeting_id, p.person_id FROM meeting_participant p JOIN meeting m ON m.id = p.meeting_id WHERE m.forum_id = ?').raw();
  const select = () => [meetingRows.all(forumId), participantRows.all(forumId)];
  const report = () => services.meetings.conflicts(forumId);

  const conflicts = report();
  const times = interleavedMedians({ report, select }, REPORT_REPETITIONS);
  const engineMs = engineAlone({ services, forumId });
  const errors = conflicts.filter((c) => c.severity === 'error').length;
  const ratio = times.report / times.select;
  return [
    `  ${conflicts.length.toLocaleString('en')} conflicts (${errors.toLocaleString('en')} errors); report ${ms(times.report)}, of which the engine ${ms(engineMs)}; SELECT ${ms(times.select)} (medians of ${REPORT_REPETITIONS})`,
    verdict('conflict report ÷ SELECT', ratio.toFixed(2), ratio <= TARGETS.report, `≤ ${TARGETS.report}`),
  ];
}

/**
 * The engine alone, on a programme loaded once the way the report loads it:
 * the part of the report no query can speed up. Measured after the report so
 * that the second programme it holds does not add to the report's memory.
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
  const withoutCheck = () =>
    inWriteTransaction(db, () => {
      const input = nextInput();
      const values: MeetingValues = { ...input, forumId, timeZone, startUtc, endUtc, place: '', isPublic: false, delegationIds: [], briefing: '', outcome: '', documents: [], sequence: 0 };
      const id = store.meetings.insert(values);
      const meeting = store.meetings.find(id)!;
      store.audit.append({ at: Date.now(), userId: null, username: 'bench', action: 'create', entity: 'meeting', entityId: id, forumId, summary: `${meeting.title} (${meeting.status})`, before: null, after: meeting });
    });

  const nearby = store.meetings.programme({ forumId, fromUtc: startUtc - 3_600_000, toUtc: endUtc + 3_600_000 }).length;
  const times = interleavedMedians({ withCheck, withoutCheck }, SAVE_REPETITIONS);
  const ratio = times.withCheck / times.withoutCheck;
  return [
    `  save in the busiest hour (${busyHour}, ${nearby} meetings within an hour of it): with check ${ms(times.withCheck)}, without ${ms(times.withoutCheck)} (medians of ${SAVE_REPETITIONS})`,
    verdict('save with check ÷ without', ratio.toFixed(2), ratio <= TARGETS.save, `≤ ${TARGETS.save}`),
  ];
}

/**
 * Median time of each function, running them in turn within each repetition
 * (after one warm-up round) so that drift (other load on the machine, the
 * page cache of the SQLite file) falls on all of them alike. The heap is
 * collected before each call, outside the timing.
 */
function interleavedMedians<K extends string>(fns: Record<K, () => unknown>, repetitions: number): Record<K, number> {
  const names = Object.keys(fns) as K[];
  const samples = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let rep = -1; rep < repetitions; rep += 1) {
    for (const name of names) {
      collectGarbage();
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
