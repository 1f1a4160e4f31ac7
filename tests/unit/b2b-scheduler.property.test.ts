import fc from 'fast-check';
import { expectPinsKept, expectValidSchedule } from '../support/b2b-valid';
import type { B2BInput } from '../../src/domain/b2b';
import { buildSlots, greedyFirstFit, scheduleB2B } from '../../src/domain/b2b';

const START = Date.UTC(2019, 5, 7, 7, 0);
const MIN = 60_000;

/** Small random sessions: few slots and tables so that conflicts, full halls and invalid pins are common. */
const sessions = (options: { maxRequests: number; pins: boolean }): fc.Arbitrary<B2BInput> =>
  fc
    .record({ slotCount: fc.integer({ min: 1, max: 5 }), tableCount: fc.integer({ min: 1, max: 3 }), participantCount: fc.integer({ min: 2, max: 7 }) })
    .chain(({ slotCount, tableCount, participantCount }) =>
      fc.record({
        slotCount: fc.constant(slotCount),
        tableCount: fc.constant(tableCount),
        busy: fc.array(
          fc.array(fc.record({ slot: fc.nat(slotCount - 1), offset: fc.constantFrom(-10, 0, 5, 20), length: fc.constantFrom(0, 5, 25) }), { maxLength: 3 }),
          { minLength: participantCount, maxLength: participantCount },
        ),
        requests: fc.array(
          fc.record({ from: fc.nat(participantCount - 1), to: fc.nat(participantCount - 1), priority: fc.integer({ min: 0, max: 3 }) }),
          { maxLength: options.maxRequests },
        ),
        pins: options.pins
          ? fc.array(fc.record({ request: fc.nat(options.maxRequests), slot: fc.integer({ min: 0, max: slotCount }), table: fc.integer({ min: 0, max: tableCount + 1 }) }), { maxLength: 4 })
          : fc.constant<Array<{ request: number; slot: number; table: number }>>([]),
        timeBudgetMs: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      }),
    )
    .map(({ slotCount, tableCount, busy, requests, pins, timeBudgetMs }) => {
      const slots = buildSlots({ startUtc: START, endUtc: START + slotCount * 25 * MIN, slotMinutes: 20, changeoverMinutes: 5, breaks: [] });
      const pinnedRequests = new Set<number>();
      return {
        slots,
        tableCount,
        participants: busy.map((intervals, p) => ({
          id: 100 + p,
          name: `Company ${p}`,
          busy: intervals.map(({ slot, offset, length }) => {
            const startUtc = START + (slot * 25 + offset) * MIN;
            return { startUtc, endUtc: startUtc + length * MIN, label: `Meeting ${p}.${slot}` };
          }),
        })),
        requests: requests.map((r, i) => ({ id: 1 + i, fromId: 100 + r.from, toId: 100 + r.to, priority: r.priority })),
        pinned: pins
          .filter((p) => p.request < requests.length && !pinnedRequests.has(p.request) && pinnedRequests.add(p.request).size > 0)
          .map((p) => ({ requestId: 1 + p.request, slotIndex: p.slot, table: p.table })),
        timeBudgetMs,
      };
    });

const overlaps = (a: { startUtc: number; endUtc: number }, b: { startUtc: number; endUtc: number }) => a.startUtc < b.endUtc && b.startUtc < a.endUtc;

/** Exhaustive optimum for tiny sessions: every request goes to one of its slots or stays out. */
function bruteForceOptimum(input: B2BInput): number {
  const slots = input.slots;
  const busyAt = (id: number, s: number) => input.participants.find((p) => p.id === id)!.busy.some((b) => overlaps(b, slots[s]!));
  const requests = input.requests.filter((r) => r.fromId !== r.toId);
  const used = new Set<string>();
  const load = new Array<number>(slots.length).fill(0);
  let best = 0;
  const walk = (i: number, placed: number) => {
    if (placed + (requests.length - i) <= best) return;
    if (i === requests.length) {
      best = placed;
      return;
    }
    const r = requests[i]!;
    for (let s = 0; s < slots.length; s++) {
      const a = `${s}:${r.fromId}`;
      const b = `${s}:${r.toId}`;
      if (load[s]! >= input.tableCount || used.has(a) || used.has(b) || busyAt(r.fromId, s) || busyAt(r.toId, s)) continue;
      used.add(a).add(b);
      load[s]!++;
      walk(i + 1, placed + 1);
      used.delete(a);
      used.delete(b);
      load[s]!--;
    }
    walk(i + 1, placed);
  };
  walk(0, 0);
  return best;
}

describe('scheduleB2B properties', () => {
  it('never breaks a hard rule, and keeps valid pins where they are', () => {
    fc.assert(fc.property(sessions({ maxRequests: 16, pins: true }), (input) => {
          const schedule = scheduleB2B(input);
          expectValidSchedule(input, schedule);
          expectPinsKept(input, schedule);
        }), { numRuns: 300 });
  });

  it('greedyFirstFit, the baseline, never breaks a hard rule either', () => {
    fc.assert(fc.property(sessions({ maxRequests: 16, pins: true }), (input) => {
          const schedule = greedyFirstFit(input);
          expectValidSchedule(input, schedule);
          expectPinsKept(input, schedule);
        }), { numRuns: 150 });
  });

  it('places no more than the upper bound and no fewer than greedy first-fit', () => {
    fc.assert(
      fc.property(sessions({ maxRequests: 16, pins: true }), (input) => {
        const schedule = scheduleB2B(input);
        expect(schedule.stats.placed).toBeLessThanOrEqual(schedule.stats.upperBound);
        expect(schedule.stats.placed).toBeGreaterThanOrEqual(greedyFirstFit(input).stats.placed);
      }),
      { numRuns: 300 },
    );
  });

  it('the upper bound is never below the true optimum, which the scheduler reaches on tiny sessions', () => {
    fc.assert(
      fc.property(sessions({ maxRequests: 7, pins: false }), (input) => {
        const optimum = bruteForceOptimum(input);
        const schedule = scheduleB2B({ ...input, timeBudgetMs: undefined });
        expect(schedule.stats.upperBound).toBeGreaterThanOrEqual(optimum);
        expect(schedule.stats.placed).toBe(optimum);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(fc.property(sessions({ maxRequests: 16, pins: true }), (input) => expect(scheduleB2B(input)).toEqual(scheduleB2B(structuredClone(input)))), { numRuns: 100 });
  });
});
