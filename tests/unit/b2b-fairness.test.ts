import fc from 'fast-check';
import type { B2BInput, B2BRequest, B2BSchedule } from '../../src/domain/b2b';
import { buildSlots, scheduleB2B } from '../../src/domain/b2b';
import { mulberry32 } from '../../src/domain/random';

// 10:00 Moscow = 07:00 UTC; slots of 20 minutes with 5 minutes changeover.
const START = Date.UTC(2019, 5, 7, 7, 0);
const MIN = 60_000;
const slotsOf = (count: number) => buildSlots({ startUtc: START, endUtc: START + count * 25 * MIN, slotMinutes: 20, changeoverMinutes: 5, breaks: [] });
const NAMES: Record<string, number> = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6 };
/** 'A-B' with request id n; priority 1 unless given. */
const req = (id: number, pair: string, priority = 1): B2BRequest => {
  const [from, to] = pair.split('-') as [string, string];
  return { id, fromId: NAMES[from]!, toId: NAMES[to]!, priority };
};
const session = (slots: number, tableCount: number, requests: B2BRequest[]): B2BInput => ({
  slots: slotsOf(slots),
  tableCount,
  participants: Object.entries(NAMES).map(([name, id]) => ({ id, name, busy: [] })),
  requests,
  pinned: [],
});
const placedIds = (schedule: B2BSchedule) => schedule.placements.map((p) => p.requestId).sort((a, b) => a - b);
/** Companies with an accepted request and no meeting in the schedule, by name. */
const withoutMeeting = (input: B2BInput, schedule: B2BSchedule): string[] => {
  const placed = new Set(schedule.placements.map((p) => p.requestId));
  const asking = new Set(input.requests.flatMap((r) => [r.fromId, r.toId]));
  const meeting = new Set(input.requests.filter((r) => placed.has(r.id)).flatMap((r) => [r.fromId, r.toId]));
  return Object.keys(NAMES).filter((name) => asking.has(NAMES[name]!) && !meeting.has(NAMES[name]!));
};

describe('scheduleB2B: fairness at the same count', () => {
  it.each([
    {
      // A-C asks for the busiest pair, so the most-constrained-first greedy places it first and then only one of A-B, C-D fits.
      name: 'a company greedy leaves with no meeting gets one when a schedule as large allows it',
      input: session(2, 1, [req(1, 'A-B'), req(2, 'C-D'), req(3, 'A-C')]),
      placed: [1, 2],
      without: [],
    },
    {
      name: 'fairness comes before priority: a higher-priority request gives way so that two companies are not left out',
      input: session(2, 1, [req(1, 'A-B'), req(2, 'C-D'), req(3, 'A-C', 3)]),
      placed: [1, 2],
      without: [],
    },
    {
      name: 'priority breaks the tie when every schedule as large leaves as many companies out',
      input: session(1, 1, [req(1, 'A-B', 1), req(2, 'C-D', 3)]),
      placed: [2],
      without: ['A', 'B'],
    },
    {
      // A-B and A-C place as many as A-C and E-F, but leave two companies out rather than one.
      name: 'one company left out beats two at the same count',
      input: session(2, 1, [req(1, 'A-B'), req(2, 'A-C'), req(3, 'E-F')]),
      placed: [2, 3],
      without: ['B'],
    },
  ])('$name', ({ input, placed, without }) => {
    const schedule = scheduleB2B(input);
    expect(placedIds(schedule)).toEqual(placed);
    expect(withoutMeeting(input, schedule)).toEqual(without);
  });

  it.each([
    { name: 'three meetings of one company in six slots sit back to back', input: session(6, 5, [req(1, 'A-B'), req(2, 'A-C'), req(3, 'A-D')]), idle: 0 },
    { name: 'four meetings in a one-table hall of three slots leave no gap', input: session(3, 1, [req(1, 'A-B'), req(2, 'C-D'), req(3, 'A-C'), req(4, 'A-D')]), idle: 0 },
  ])('fewest idle slots: $name', ({ input, idle }) => {
    expect(scheduleB2B(input).stats.idleSlots).toBe(idle);
  });
});

/** Small random sessions with busy times, seats, pins and published placements, all of which the input lists in some order. */
const sessions: fc.Arbitrary<B2BInput> = fc
  .record({ slotCount: fc.integer({ min: 1, max: 5 }), tableCount: fc.integer({ min: 1, max: 3 }), participantCount: fc.integer({ min: 2, max: 7 }) })
  .chain(({ slotCount, tableCount, participantCount }) =>
    fc.record({
      slotCount: fc.constant(slotCount),
      tableCount: fc.constant(tableCount),
      busy: fc.array(fc.array(fc.record({ slot: fc.nat(slotCount - 1), label: fc.constantFrom('Panel', 'Lunch', 'Signing') }), { maxLength: 3 }), {
        minLength: participantCount,
        maxLength: participantCount,
      }),
      requests: fc.array(fc.record({ from: fc.nat(participantCount - 1), to: fc.nat(participantCount - 1), priority: fc.integer({ min: 1, max: 3 }) }), { maxLength: 16 }),
      pins: fc.array(fc.record({ request: fc.nat(15), slot: fc.nat(slotCount), table: fc.integer({ min: 1, max: tableCount }) }), { maxLength: 3 }),
      mode: fc.constantFrom<'replan' | 'place-new'>('replan', 'place-new'),
      current: fc.array(fc.record({ request: fc.nat(15), slot: fc.nat(slotCount - 1), table: fc.integer({ min: 1, max: tableCount }) }), { maxLength: 5 }),
    }),
  )
  .map(({ slotCount, tableCount, busy, requests, pins, mode, current }) => {
    const slots = slotsOf(slotCount);
    const firstOf = <T extends { request: number }>(list: T[]) => list.filter((x, i) => x.request < requests.length && list.findIndex((y) => y.request === x.request) === i);
    return {
      slots,
      tableCount,
      participants: busy.map((intervals, p) => ({
        id: 100 + p,
        name: `Company ${p}`,
        busy: intervals.map(({ slot, label }) => ({ startUtc: slots[slot]!.startUtc, endUtc: slots[slot]!.endUtc, label })),
      })),
      // Ids deliberately not in input order, so that a sort by position would differ from one by id.
      requests: requests.map((r, i) => ({ id: 1000 - 7 * i, fromId: 100 + r.from, toId: 100 + r.to, priority: r.priority })),
      pinned: firstOf(pins).map((p) => ({ requestId: 1000 - 7 * p.request, slotIndex: p.slot, table: p.table })),
      mode,
      current: firstOf(current).map((c) => ({ requestId: 1000 - 7 * c.request, slotIndex: c.slot, table: c.table })),
      moveLimit: 2,
    } satisfies B2BInput;
  });

/** The same list in an order drawn from the seed. */
const shuffled = <T>(list: readonly T[], seed: number): T[] => {
  const random = mulberry32(seed);
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
};

describe('scheduleB2B: the order of the input does not matter', () => {
  it('shuffling requests, participants, their busy times, slots, pins and published placements gives the identical schedule', () => {
    fc.assert(
      fc.property(sessions, fc.integer(), (input, seed) => {
        const reordered: B2BInput = {
          ...input,
          slots: shuffled(input.slots, seed),
          requests: shuffled(input.requests, seed + 1),
          participants: shuffled(input.participants, seed + 2).map((p, i) => ({ ...p, busy: shuffled(p.busy, seed + 3 + i) })),
          pinned: shuffled(input.pinned ?? [], seed - 1),
          current: shuffled(input.current ?? [], seed - 2),
        };
        expect(scheduleB2B(reordered)).toEqual(scheduleB2B(input));
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * 20 companies, anyone may ask anyone, 80 requests into 8 slots of 10 tables,
 * from a fixed seed. The repair moves (Kempe chains, ejection chains, priority
 * exchanges) stop at 75; the tabu search reaches 76, the upper bound. Without
 * a clock the run is counted in steps, so this holds on any machine.
 */
function tabuInstance(): B2BInput {
  const random = mulberry32(2);
  const pick = (n: number) => Math.floor(random() * n);
  const seen = new Set<string>();
  const requests: B2BRequest[] = [];
  while (requests.length < 80) {
    const a = pick(20) + 1;
    const b = pick(20) + 1;
    const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    requests.push({ id: requests.length + 1, fromId: a, toId: b, priority: 1 });
  }
  return {
    slots: slotsOf(8),
    tableCount: 10,
    participants: Array.from({ length: 20 }, (_, i) => ({ id: i + 1, name: `C${i + 1}`, busy: [] })),
    requests,
    pinned: [],
  };
}

describe('scheduleB2B: what the tabu search adds', () => {
  it('reaches the bound (76) on an instance where the repair moves alone stop at 75', () => {
    const { stats } = scheduleB2B(tabuInstance());
    expect(stats.upperBound).toBe(76);
    expect(stats.placed).toBe(76);
  });
});
