import type { UtcInterval } from '../../src/domain/time';
import type { Instant, TravelTime } from '../../src/domain/types';

/**
 * What an on-save check must load for `meeting`: every meeting and block with
 * `startUtc < window.endUtc && endUtc > window.startUtc`. Overlaps lie inside
 * the meeting itself; travel looks at most the longest travel time either side
 * (a gap at least that long never warns), and whatever ends between a
 * neighbour and the meeting ends inside the window too, so "the last meeting
 * before" is the same as in the whole programme.
 *
 * Kept with the tests, not in the domain: the meeting service computes its own
 * window from the store's longest travel time (capped at a day); the property
 * test uses this one to show the conflict rules need nothing outside it.
 */
export function conflictWindow(meeting: { startUtc: Instant; endUtc: Instant }, travelTimes: readonly TravelTime[]): UtcInterval {
  const margin = Math.max(0, ...travelTimes.map((travel) => travel.minutes)) * 60_000;
  return { startUtc: meeting.startUtc - margin, endUtc: meeting.endUtc + margin };
}
