/**
 * B2B scheduler benchmark on a forum-sized session: 200 companies in two sides
 * of 100 (say Azerbaijani and Russian), 1,000 accepted requests, 24 slots, 50
 * tables, about 10% of company-slots busy with other meetings. Seeded, so every
 * run schedules the same instance and figures are comparable between commits.
 *
 * Targets: placed / upper bound >= 0.99, under 2 s.
 * Run alone: npx tsx bench/b2b.ts
 */
import { buildSlots, greedyFirstFit, scheduleB2B, type B2BInput, type B2BParticipant, type B2BRequest, type B2BSchedule, type ScheduleOptions } from '../src/domain/b2b';

const CLOCK: ScheduleOptions = { now: () => performance.now() };

const SEED = 20190606;
const SIDE = 100;
const REQUESTS = 1_000;
const TABLES = 50;
const BUSY_SHARE = 0.1;

/** mulberry32: a tiny 32-bit PRNG, enough for repeatable synthetic data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SessionShape {
  seed: number;
  requests: number;
  tables: number;
  busyShare: number;
}

const STANDARD: SessionShape = { seed: SEED, requests: REQUESTS, tables: TABLES, busyShare: BUSY_SHARE };
const DENSE: SessionShape = { seed: 2, requests: 1_200, tables: TABLES, busyShare: 0.2 };

export function syntheticSession(shape: SessionShape = STANDARD): B2BInput {
  const random = mulberry32(shape.seed);
  const pick = (n: number) => Math.floor(random() * n);
  // 10:00-21:00 Moscow time on 7 June 2019 with a lunch hour: 24 slots of 20 + 5 minutes.
  const start = Date.UTC(2019, 5, 7, 7, 0);
  const hour = 3_600_000;
  const slots = buildSlots({
    startUtc: start,
    endUtc: start + 11 * hour,
    slotMinutes: 20,
    changeoverMinutes: 5,
    breaks: [{ startUtc: start + 5 * hour, endUtc: start + 6 * hour }],
  }).slice(0, 24);

  const participants: B2BParticipant[] = Array.from({ length: 2 * SIDE }, (_, i) => ({
    id: i + 1,
    name: `${i < SIDE ? 'AZ' : 'RU'} Company ${(i % SIDE) + 1}`,
    busy: [],
  }));
  // Other meetings come in runs of 1-3 slots (a bilateral, a panel), not as scattered single slots.
  const busyTarget = Math.round(shape.busyShare * participants.length * slots.length);
  const busySlots = new Set<string>();
  while (busySlots.size < busyTarget) {
    const p = pick(participants.length);
    const first = pick(slots.length);
    const length = 1 + pick(3);
    for (let s = first; s < Math.min(slots.length, first + length); s++) {
      if (busySlots.size >= busyTarget || busySlots.has(`${p}:${s}`)) continue;
      busySlots.add(`${p}:${s}`);
      participants[p]!.busy.push({ startUtc: slots[s]!.startUtc, endUtc: slots[s]!.endUtc, label: 'Bilateral meeting' });
    }
  }

  // Some companies are more sought after than others: partner i is chosen with weight 1 / (1 + i / 25).
  const weights = Array.from({ length: SIDE }, (_, i) => 1 / (1 + i / 25));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const popular = () => {
    let x = random() * totalWeight;
    for (let i = 0; i < SIDE; i++) if ((x -= weights[i]!) <= 0) return i;
    return SIDE - 1;
  };
  const requests: B2BRequest[] = [];
  const pairs = new Set<string>();
  while (requests.length < shape.requests) {
    const az = pick(SIDE);
    const ru = SIDE + popular();
    if (pairs.has(`${az}:${ru}`)) continue;
    pairs.add(`${az}:${ru}`);
    const [fromId, toId] = random() < 0.5 ? [az + 1, ru + 1] : [ru + 1, az + 1];
    requests.push({ id: requests.length + 1, fromId, toId, priority: 1 + pick(3) });
  }
  return { slots, tableCount: shape.tables, participants, requests, pinned: [], timeZone: 'Europe/Moscow' };
}

/** Times one cold run, as the planner's first click after a server start would see it. */
function measure(name: string, run: () => B2BSchedule): string {
  const started = performance.now();
  const { stats } = run();
  const ms = performance.now() - started;
  const ratio = stats.upperBound === 0 ? 1 : stats.placed / stats.upperBound;
  return (
    `${name.padEnd(17)} placed ${String(stats.placed).padStart(4)} / bound ${stats.upperBound} = ${ratio.toFixed(3)}` +
    ` in ${ms.toFixed(0).padStart(5)} ms, idle slots ${stats.idleSlots}`
  );
}

/**
 * The standard instance, then a denser one in the same hall (more requests,
 * busier companies) where first-fit falls further behind.
 */
export async function benchB2B(): Promise<{ lines: string[] }> {
  const lines: string[] = [];
  for (const [title, shape] of [
    ['standard', STANDARD],
    ['dense', DENSE],
  ] as const) {
    const input = syntheticSession(shape);
    lines.push(
      `B2B ${title}: ${input.participants.length} companies (2 x ${SIDE}), ${input.requests.length} requests, ` +
        `${input.slots.length} slots x ${input.tableCount} tables, ${Math.round(shape.busyShare * 100)}% company-slots busy (seed ${shape.seed})`,
      measure('  scheduleB2B', () => scheduleB2B(input, CLOCK)),
      measure('  greedyFirstFit', () => greedyFirstFit(input)),
    );
  }
  return { lines };
}

if (require.main === module) {
  benchB2B().then(({ lines }) => console.log(lines.join('\n')));
}
