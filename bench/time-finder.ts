/**
 * Time finder benchmark on the synthetic forum (bench/synthetic-forum.ts:
 * 20,000 meetings over 3 days, 300 rooms): three required participants over
 * the forum's 3 days, 08:00–20:00, 60 minutes, any room with at least 10
 * seats, 10 slots; once for the three busiest people (few free stretches,
 * many rooms tried for each) and once for three drawn at random (free most of
 * the day, so more of the rooms' meetings are read). Target from issue 13:
 * finder ÷ one checked save <= 10, the save being what a planner's "Save" costs
 * (MeetingService.create of a tentative meeting in the busiest hour, with its
 * conflict check and durable commit), measured in the same run, interleaved.
 *
 * Run alone: npx tsx bench/time-finder.ts
 */
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { mulberry32 } from '../src/domain/random';
import { buildSyntheticForum } from './synthetic-forum';

const REPETITIONS = 31;
const TARGET = 10;

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

export async function benchTimeFinder(): Promise<{ lines: string[] }> {
  const forum = await buildSyntheticForum();
  try {
    const { db, services, forumId, busyHour, roomIds, personIds } = forum;
    const busiest = db
      .prepare(
        `SELECT mp.person_id FROM meeting_participant mp JOIN meeting m ON m.id = mp.meeting_id
          WHERE m.forum_id = ? AND m.status <> 'cancelled' GROUP BY mp.person_id ORDER BY count(*) DESC, mp.person_id LIMIT 3`,
      )
      .pluck()
      .all(forumId) as number[];
    const rand = mulberry32(13);
    const anyThree = [0, 1, 2].map(() => personIds[Math.floor(rand() * personIds.length)]!);
    const [from, to] = db.prepare('SELECT start_date, end_date FROM forum WHERE id = ?').raw().get(forumId) as [string, string];
    const searchFor = (people: number[]) => ({ participants: people.map((personId) => ({ personId, required: true })), durationMinutes: 60, minSeats: 10, from, to, earliest: '08:00', latest: '20:00', limit: 10 });
    const finder = (people: number[]) => () => services.timeFinder.find(forumId, searchFor(people), 'Bench meeting');

    const actor = { userId: null, username: 'bench', role: 'planner' as const };
    const start = `${busyHour.slice(0, 14)}10`;
    const end = `${busyHour.slice(0, 14)}40`;
    let n = 0;
    // A different room and person each time, so the saves do not pile onto each other.
    const save = () => {
      n += 1;
      services.meetings.create(actor, forumId, {
        title: `Bench save ${n}`,
        kind: 'bilateral',
        status: 'tentative',
        start,
        end,
        roomId: roomIds[n % roomIds.length]!,
        participants: [{ personId: personIds[(n * 7919) % personIds.length]!, role: 'principal' }],
      });
    };

    const rooms = services.store.rooms.listByForum(forumId).filter((room) => room.capacity >= 10).length;
    const cases = { busiest: finder(busiest), anyThree: finder(anyThree) };
    const answers = { busiest: cases.busiest(), anyThree: cases.anyThree() };
    const times = interleavedMedians({ ...cases, save }, REPETITIONS);
    const lines = [`Time finder: 3 required people, ${from}–${to} 08:00–20:00, 60 min, any of ${rooms} rooms with ≥ 10 seats, 10 slots; one checked save ${ms(times.save)} (medians of ${REPETITIONS}, interleaved)`];
    const labels = { busiest: 'the 3 busiest people', anyThree: '3 people drawn at random' };
    for (const name of ['busiest', 'anyThree'] as const) {
      const { result } = answers[name];
      const ratio = times[name] / times.save;
      lines.push(
        `  ${labels[name]}: finder ${ms(times[name])}; ${result.candidates.length} slots (${result.candidates.filter((c) => c.warnings.length === 0).length} without warnings), ${result.checks} engine checks${result.stoppedEarly ? ', stopped at the bound' : ''}`,
        `finder ÷ one checked save (${labels[name]}): ${ratio.toFixed(2)} (target ≤ ${TARGET}) ${ratio <= TARGET ? 'PASS' : 'MISS'}`,
      );
    }
    return { lines };
  } finally {
    forum.close();
  }
}

/** Median time of each function, run in turn within each repetition after one warm-up round, the heap collected before each call. */
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
  return Object.fromEntries(
    names.map((name) => {
      const sorted = [...samples.get(name)!].sort((a, b) => a - b);
      return [name, sorted[Math.floor(sorted.length / 2)]!];
    }),
  ) as Record<K, number>;
}

function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

if (require.main === module) {
  benchTimeFinder().then(({ lines }) => console.log(lines.join('\n')));
}
