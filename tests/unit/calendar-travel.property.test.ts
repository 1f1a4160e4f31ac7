/**
 * travelBefore against a model written the plain way: for each attended
 * located meeting, look at every other meeting of the same forum day that
 * shares a person and ends by its start; per person take the latest ending
 * (a transfer counts as one), and a move from another venue is the matrix's
 * minutes. The binary searches must agree with it on any programme.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { travelBefore, type TravelStop } from '../../src/domain/calendar';
import type { TravelTime } from '../../src/domain/types';

const ZONE = 'Europe/Moscow';
const DAY0 = Date.UTC(2019, 5, 6, 5, 0); // 08:00 in Moscow

function model(stops: TravelStop[], matrix: TravelTime[]): Map<number, number> {
  const minutes = (a: number, b: number) => matrix.find((t) => t.fromVenueId === a && t.toVenueId === b)?.minutes ?? 0;
  const day = (at: number) => DateTime.fromMillis(at, { zone: ZONE }).toISODate();
  const attended = stops.filter((s) => !s.cancelled && (s.venueId !== null || s.transfer));
  const out = new Map<number, number>();
  for (const s of attended) {
    if (s.venueId === null) continue;
    let longest = 0;
    for (const p of new Set(s.personIds)) {
      const earlier = attended.filter((o) => o.id !== s.id && o.personIds.includes(p) && o.endUtc <= s.startUtc);
      // The latest to end; ties as the implementation sorts them (end, start, id), the last of them.
      earlier.sort((a, b) => a.endUtc - b.endUtc || a.startUtc - b.startUtc || a.id - b.id);
      const before = earlier.at(-1);
      if (!before || before.transfer || before.venueId === s.venueId || day(before.startUtc) !== day(s.startUtc)) continue;
      longest = Math.max(longest, minutes(before.venueId!, s.venueId));
    }
    if (longest > 0) out.set(s.id, longest);
  }
  return out;
}

const stopArb = fc.record({
  start: fc.integer({ min: 0, max: 3 * 24 * 4 }), // quarter hours over three days
  length: fc.integer({ min: 0, max: 12 }),
  venueId: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  personIds: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
  cancelled: fc.boolean(),
  transfer: fc.boolean(),
});
const matrixArb = fc.array(fc.record({ fromVenueId: fc.integer({ min: 1, max: 4 }), toVenueId: fc.integer({ min: 1, max: 4 }), minutes: fc.integer({ min: 0, max: 90 }) }), { maxLength: 12 })
  // One time per ordered pair, as the travel_time table keys it.
  .map((rows) => [...new Map(rows.map((r) => [`${r.fromVenueId}>${r.toVenueId}`, r])).values()]);

it('agrees with the plain model on any programme', () => {
  fc.assert(
    fc.property(fc.array(stopArb, { maxLength: 25 }), matrixArb, (drawn, matrix) => {
      const stops: TravelStop[] = drawn.map((d, i) => ({ id: i + 1, startUtc: DAY0 + d.start * 900_000, endUtc: DAY0 + (d.start + d.length) * 900_000, venueId: d.venueId, personIds: d.personIds, cancelled: d.cancelled, transfer: d.transfer }));
      const got = [...travelBefore(stops, matrix, ZONE)].sort((a, b) => a[0] - b[0]);
      const want = [...model(stops, matrix)].sort((a, b) => a[0] - b[0]);
      expect(got).toEqual(want);
    }),
    { numRuns: 300, seed: 2019 },
  );
});
