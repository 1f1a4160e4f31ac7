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
  /** Companies in all (default 200); with sides, half on each. */
  companies?: number;
  /** false: any company may meet any other (no sides). */
  sides?: boolean;
  /** Slots of 20 + 5 minutes (default 24). */
  slots?: number;
  /** Share of companies with two representatives sitting separately (two seats), each busy apart. */
  twoSeatShare?: number;
}

const STANDARD: SessionShape = { seed: SEED, requests: REQUESTS, tables: TABLES, busyShare: BUSY_SHARE };
const DENSE: SessionShape = { seed: 2, requests: 1_200, tables: TABLES, busyShare: 0.2 };

export function syntheticSession(shape: SessionShape = STANDARD): B2BInput {
  const random = mulberry32(shape.seed);
  const pick = (n: number) => Math.floor(random() * n);
  const companies = shape.companies ?? 2 * SIDE;
  const half = companies / 2;
  const slotCount = shape.slots ?? 24;
  // 10:00-21:00 Moscow time on 7 June 2019 with a lunch hour: 24 slots of 20 + 5 minutes.
  const start = Date.UTC(2019, 5, 7, 7, 0);
  const hour = 3_600_000;
  const slots = buildSlots({
    startUtc: start,
    endUtc: start + 2 * hour + Math.ceil((slotCount * 25) / 60) * hour,
    slotMinutes: 20,
    changeoverMinutes: 5,
    breaks: [{ startUtc: start + 5 * hour, endUtc: start + 6 * hour }],
  }).slice(0, slotCount);

  const participants: B2BParticipant[] = Array.from({ length: companies }, (_, i) => ({
    id: i + 1,
    name: shape.sides === false ? `Company ${i + 1}` : `${i < half ? 'AZ' : 'RU'} Company ${(i % half) + 1}`,
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
  // Two seats: the other meetings fall to one representative or the other, so each blocks one seat only.
  for (const p of participants) {
    if (random() >= (shape.twoSeatShare ?? 0)) continue;
    const seats = [
      { representativeIds: [p.id * 10], busy: [] as B2BParticipant['busy'] },
      { representativeIds: [p.id * 10 + 1], busy: [] as B2BParticipant['busy'] },
    ];
    for (const b of p.busy) seats[pick(2)]!.busy.push(b);
    p.seats = seats;
    p.busy = [];
  }

  // Some companies are more sought after than others: partner i is chosen with weight 1 / (1 + i / 25).
  const pool = shape.sides === false ? companies : half;
  const weights = Array.from({ length: pool }, (_, i) => 1 / (1 + i / 25));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const popular = () => {
    let x = random() * totalWeight;
    for (let i = 0; i < pool; i++) if ((x -= weights[i]!) <= 0) return i;
    return pool - 1;
  };
  const requests: B2BRequest[] = [];
  const pairs = new Set<string>();
  while (requests.length < shape.requests) {
    const az = pick(pool);
    const ru = shape.sides === false ? popular() : half + popular();
    if (az === ru || pairs.has(`${az}:${ru}`) || pairs.has(`${ru}:${az}`)) continue;
    pairs.add(`${az}:${ru}`);
    const [fromId, toId] = random() < 0.5 ? [az + 1, ru + 1] : [ru + 1, az + 1];
    requests.push({ id: requests.length + 1, fromId, toId, priority: 1 + pick(3) });
  }
  return { slots, tableCount: shape.tables, participants, requests, pinned: [], timeZone: 'Europe/Moscow' };
}

let provenOptimal = 0;
let scheduled = 0;

/** Times one cold run, as the planner's first click after a server start would see it. */
function measure(name: string, run: () => B2BSchedule): string {
  const started = performance.now();
  const { stats } = run();
  const ms = performance.now() - started;
  const ratio = stats.upperBound === 0 ? 1 : stats.placed / stats.upperBound;
  if (name.trim() === 'scheduleB2B') {
    scheduled++;
    if (stats.placed === stats.upperBound) provenOptimal++;
  }
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
  provenOptimal = 0;
  scheduled = 0;
  const families: Array<[string, SessionShape, (input: B2BInput) => B2BInput]> = [
    ['standard', STANDARD, (i) => i],
    ['dense', DENSE, (i) => i],
    ['dense without sides', { seed: 3, requests: 900, tables: 50, busyShare: 0.1, companies: 120, sides: false, slots: 16 }, (i) => i],
    ['over-subscribed with 40 pins', { seed: 4, requests: 1_200, tables: 30, busyShare: 0.15 }, withPins(40)],
    ['with two seats for a third of companies', { seed: 5, requests: 1_200, tables: TABLES, busyShare: 0.2, twoSeatShare: 0.33 }, (i) => i],
    ['large', { seed: 6, requests: 3_000, tables: 120, busyShare: 0.1, companies: 500, slots: 30 }, (i) => i],
  ];
  for (const [title, shape, prepare] of families) {
    const input = prepare(syntheticSession(shape));
    lines.push(
      `B2B ${title}: ${input.participants.length} companies (${shape.sides === false ? 'no sides' : '2 sides'}), ${input.requests.length} requests, ` +
        `${input.slots.length} slots x ${input.tableCount} tables, ${Math.round(shape.busyShare * 100)}% company-slots busy (seed ${shape.seed})`,
      measure('  scheduleB2B', () => scheduleB2B(input, CLOCK)),
      measure('  greedyFirstFit', () => greedyFirstFit(input)),
    );
  }
  lines.push(`B2B proven optimal (placed = bound): ${provenOptimal} of ${scheduled} instances`);
  lines.push(...stability());
  return { lines };
}

/** The first `count` placements of a first run, pinned where it put them. */
function withPins(count: number): (input: B2BInput) => B2BInput {
  return (input) => {
    const first = scheduleB2B({ ...input, timeBudgetMs: 200 }, CLOCK);
    return { ...input, pinned: first.placements.slice(0, count).map(({ requestId, slotIndex, table }) => ({ requestId, slotIndex, table })) };
  };
}

/**
 * What a company was told stays true: the standard session is scheduled and
 * published, then one more request is accepted; "place new" keeps every
 * published meeting (moved ÷ published), "re-plan" shows what the old
 * behaviour moved.
 */
function stability(): string[] {
  const input = syntheticSession(STANDARD);
  const first = scheduleB2B(input, CLOCK);
  const current = first.placements.map(({ requestId, slotIndex, table }) => ({ requestId, slotIndex, table }));
  const placedIds = new Set(current.map((c) => c.requestId));
  const waiting = input.requests.find((r) => !placedIds.has(r.id));
  const extra = { id: input.requests.length + 1, fromId: 1, toId: 2 * SIDE, priority: 3 };
  const next = { ...input, requests: [...input.requests, extra], current };
  const placeNew = scheduleB2B({ ...next, mode: 'place-new', moveLimit: 0 }, CLOCK);
  const replan = scheduleB2B({ ...next, mode: 'replan' }, CLOCK);
  return [
    `B2B stability: ${current.length} published, one more request accepted${waiting ? ` (${input.requests.length - current.length} were already waiting)` : ''}`,
    `  place-new moved ${placeNew.stats.moved} of ${current.length} published = ${(placeNew.stats.moved / current.length).toFixed(3)} (placed ${placeNew.stats.placed})`,
    `  replan    moved ${replan.stats.moved} of ${current.length} published = ${(replan.stats.moved / current.length).toFixed(3)} (placed ${replan.stats.placed})`,
  ];
}

if (require.main === module) {
  benchB2B().then(({ lines }) => console.log(lines.join('\n')));
}
