/**
 * How long before a meeting its people are on the road: Apple Calendar's
 * X-APPLE-TRAVEL-DURATION, which blocks that time before the event and
 * reminds the reader to leave in time. Pure: the caller gives the feed's
 * meetings and the forum's travel matrix.
 */
import { DateTime } from 'luxon';
import type { Id, Instant, TravelTime } from '../types';

/** One meeting of a feed as the travel rule sees it. */
export interface TravelStop {
  id: Id;
  startUtc: Instant;
  endUtc: Instant;
  /** The venue of its room, or null for a free-text place or none (nothing to travel from or to). */
  venueId: Id | null;
  /** Who takes part: a move is the same person's, from one meeting to their next. */
  personIds: readonly Id[];
  /** A cancelled meeting is not attended: no one travels from or to it. */
  cancelled: boolean;
  /** A transfer (a meeting of kind 'travel'): the move is already in the calendar, so the meeting after it needs no travel time. */
  transfer: boolean;
}

/**
 * For each meeting, the minutes of travel from its people's previous located
 * meeting of the same day (in the forum's zone) when that one is at another
 * venue and the matrix has a time for the move; meetings with no such move
 * are left out. The previous meeting is the latest to end at or before this
 * one's start among those sharing one of its people (as the conflict engine
 * pairs consecutive located meetings); when several people come from
 * different places, the longest move counts. A person whose last entry
 * before the meeting is a transfer is already on their way: no move of theirs.
 */
export function travelBefore(stops: readonly TravelStop[], travelTimes: readonly TravelTime[], forumTimeZone: string): Map<Id, number> {
  const minutes = new Map<string, number>();
  for (const t of travelTimes) minutes.set(`${t.fromVenueId}>${t.toVenueId}`, t.minutes);
  const attended = stops.filter((s) => !s.cancelled && (s.venueId !== null || s.transfer));
  const located = attended.filter((s) => s.venueId !== null);
  const dayOf = new Map(attended.map((s) => [s.id, DateTime.fromMillis(s.startUtc, { zone: forumTimeZone }).toISODate()]));
  // Each person's located meetings and transfers by end, so the one before a start is a binary search away.
  const byPerson = new Map<Id, TravelStop[]>();
  for (const s of attended) {
    for (const p of new Set(s.personIds)) {
      const list = byPerson.get(p);
      if (list) list.push(s);
      else byPerson.set(p, [s]);
    }
  }
  for (const list of byPerson.values()) list.sort((a, b) => a.endUtc - b.endUtc || a.startUtc - b.startUtc || a.id - b.id);

  const out = new Map<Id, number>();
  for (const s of located) {
    let longest = 0;
    for (const p of new Set(s.personIds)) {
      const before = lastEndingBy(byPerson.get(p)!, s);
      if (!before || before.transfer || before.venueId === s.venueId || dayOf.get(before.id) !== dayOf.get(s.id)) continue;
      longest = Math.max(longest, minutes.get(`${before.venueId}>${s.venueId}`) ?? 0);
    }
    if (longest > 0) out.set(s.id, longest);
  }
  return out;
}

/** The meeting of `list` (sorted by end) that ends last at or before `s` starts, other than `s` itself. */
function lastEndingBy(list: readonly TravelStop[], s: TravelStop): TravelStop | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.endUtc <= s.startUtc) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) if (list[i]!.id !== s.id) return list[i];
  return undefined;
}
