/**
 * The time finder: given who must (and who may) come, how long, where and
 * within which days and hours, the best slots on a 5-minute grid that would
 * save without an error-level conflict.
 *
 * Two steps, so that it is both fast and never disagrees with the engine:
 *
 * 1. Every grid start is estimated with interval arithmetic over the busy-time
 *    model (busy.ts): a start is dropped when a required person or the room has
 *    a confirmed meeting over it (or within the buffer), and otherwise gets an
 *    optimistic rank: a warning or a missing optional person is counted only
 *    when it is certain. Each start keeps its best room by that estimate.
 * 2. Best first, each shortlisted slot is judged by the real engine
 *    (`conflictsInvolving` on the programme plus the candidate meeting, the
 *    candidate saved as confirmed, the strictest status). A slot whose judged
 *    rank is worse than its estimate goes back into the queue with the judged
 *    rank (and the start's next room with its estimate), so a slot is returned
 *    only when nothing left can rank better: the estimate is a lower bound.
 *
 * Rank: no warnings first, then fewest optional participants missing, then the
 * earliest day, then the least idle time for the principal (the first required
 * participant: the gap to their meetings before and after on that day, so a
 * slot packs their day), then the earliest start, then the room (the smallest
 * that fits first). The day rather than the minute comes before idle time:
 * on the minute, two slots never tie and idle time would never count.
 *
 * An optional participant is missing from a slot when the engine names them
 * in any of its conflicts (booked, unavailable, short of travel time) or they
 * have a confirmed meeting within the buffer; the slot is judged again
 * without them. One candidate per start: the best room for it.
 *
 * Bounded: at most FINDER_LIMITS.maxDays days and FINDER_LIMITS.maxLimit
 * candidates; after FINDER_LIMITS.maxChecks engine checks it stops and says so.
 */
import { conflictsInvolving, type Conflict, type Programme, type ProgrammeMeeting } from '../conflicts';
import { dayBounds, firstInstantAt, nextLocalDate, type UtcInterval } from '../time';
import type { Id, Instant, LocalDate, LocalTime, Room } from '../types';
import { busyIntervals, travelLookup, venueClosed, type BusyInterval } from './busy';

/** The busy-time model, for the availability board as much as for the finder. */
export { busyIntervals, travelLookup, BUSY_REASONS, type BusyInterval } from './busy';

export const FINDER_LIMITS = {
  maxDays: 14,
  maxLimit: 50,
  maxDurationMinutes: 12 * 60,
  maxBufferMinutes: 240,
  /** Engine checks per search: each is one conflict check on a few dozen meetings. */
  maxChecks: 600,
  gridMinutes: 5,
} as const;

export interface FinderParticipant {
  personId: Id;
  required: boolean;
}

/** Where the meeting may be: rooms (chosen, of some venues, with enough seats; all three narrow) or a place outside the venues. */
export type FinderWhere = { kind: 'rooms'; roomIds?: readonly Id[]; venueIds?: readonly Id[]; minSeats?: number } | { kind: 'outside'; place: string };

export interface FinderRequest {
  participants: readonly FinderParticipant[];
  durationMinutes: number;
  where: FinderWhere;
  /** Days in the forum's zone, both included. */
  from: LocalDate;
  to: LocalDate;
  /** The day's window on the forum's clock: a slot starts at or after `earliest` and ends by `latest`. */
  earliest: LocalTime;
  latest: LocalTime;
  /** Minutes kept clear of confirmed meetings of the required people and the room, either side. */
  bufferMinutes: number;
  limit: number;
  /** What the candidate meeting is called in the warnings' sentences. */
  title: string;
}

export interface Candidate {
  startUtc: Instant;
  endUtc: Instant;
  roomId: Id | null;
  place: string;
  /** The warning-level conflicts the meeting would have, as the engine says them. */
  warnings: Conflict[];
  /** Optional participants who cannot come (in request order). */
  missingOptional: Id[];
  /** The principal's idle minutes around the slot that day. */
  idleMinutes: number;
}

export interface FinderResult {
  candidates: Candidate[];
  /** Engine checks made. */
  checks: number;
  /** True when the search stopped at FINDER_LIMITS.maxChecks: better slots may exist. */
  stoppedEarly: boolean;
}

/** The candidate meeting's id in the programme it is checked in; stored ids are positive. */
export const CANDIDATE_ID = -1;

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The rank as numbers, compared in order: [warnings?, missing, day, idle, start, room order]. */
type Rank = readonly number[];

interface RoomOption {
  roomId: Id | null;
  venueId: Id | undefined;
  capacity: number;
  order: number;
}

interface Entry {
  rank: Rank;
  start: Instant;
  day: number;
  idle: number;
  option: number;
  /** Set once the engine has judged it. */
  judged?: Candidate;
}

export function findTimes(programme: Programme, request: FinderRequest): FinderResult {
  const zone = programme.forumTimeZone;
  const duration = Math.max(1, Math.round(request.durationMinutes)) * MINUTE;
  const buffer = Math.max(0, request.bufferMinutes) * MINUTE;
  const limit = Math.max(0, Math.min(request.limit, FINDER_LIMITS.maxLimit));
  const required = unique(request.participants.filter((p) => p.required).map((p) => p.personId));
  const optional = unique(request.participants.filter((p) => !p.required).map((p) => p.personId)).filter((id) => !required.includes(id));
  const everyone = [...required, ...optional];
  const principal = required[0] ?? optional[0];
  const options = allowedRooms(programme, request.where);
  const days = daysOf(request.from, request.to);
  if (!days.length || !options.length || limit === 0 || request.latest <= request.earliest) return { candidates: [], checks: 0, stoppedEarly: false };

  const travel = travelLookup(programme.travelTimes);
  const longestTravel = Math.min(Math.max(0, ...programme.travelTimes.map((t) => t.minutes)) * MINUTE, DAY);
  const windowFrom = firstInstantAt(`${days[0]}T${request.earliest}`, zone);
  const windowTo = firstInstantAt(`${days[days.length - 1]}T${request.latest}`, zone);
  const margin = longestTravel + buffer;
  const fromUtc = windowFrom - margin - DAY;
  const toUtc = windowTo + margin + DAY;
  const busy = busyIntervals(programme, { personIds: everyone, roomIds: [], fromUtc, toUtc });
  const union = (list: readonly BusyInterval[] | undefined, keep: (i: BusyInterval) => boolean) => mergedUnion((list ?? []).filter(keep));
  const isHard = (i: BusyInterval) => i.reason === 'meeting' && i.status === 'confirmed';
  const isSoftPerson = (i: BusyInterval) => (i.reason === 'meeting' && i.status !== 'confirmed') || i.reason === 'unavailable';
  const hardOf = new Map(everyone.map((id) => [id, union(busy.people.get(id), isHard)]));
  const softOf = new Map(everyone.map((id) => [id, union(busy.people.get(id), isSoftPerson)]));

  // The meetings each person and room has, for the travel estimate, the idle time and the engine's slice.
  const roomById = new Map(programme.rooms.map((room) => [room.id, room]));
  const meetingsOf = new Map<Id, ProgrammeMeeting[]>(everyone.map((id) => [id, []]));
  const roomMeetings = new Map<Id, ProgrammeMeeting[]>(options.flatMap((o) => (o.roomId === null ? [] : [[o.roomId, []]])));
  for (const meeting of programme.meetings) {
    if (meeting.status === 'cancelled') continue;
    const { participants } = meeting;
    for (let i = 0; i < participants.length; i += 1) {
      const personId = participants[i]!.personId;
      if (meetingsOf.has(personId) && participants.findIndex((p) => p.personId === personId) === i) meetingsOf.get(personId)!.push(meeting);
    }
    if (meeting.roomId !== null) roomMeetings.get(meeting.roomId)?.push(meeting);
  }
  // A room's busy times straight from its meetings, its blocks and its venue's closed hours (what busyIntervals gives a
  // board, without an object per meeting: two hundred rooms' worth of them cost more than the search itself).
  const venueById = new Map(programme.venues.map((venue) => [venue.id, venue]));
  const closedOf = new Map<Id, Interval[]>();
  const closed = (venueId: Id | undefined): Interval[] => {
    const venue = venueId === undefined ? undefined : venueById.get(venueId);
    if (venue === undefined) return [];
    let known = closedOf.get(venue.id);
    if (known === undefined) {
      known = venueClosed(venue, fromUtc, toUtc, zone);
      closedOf.set(venue.id, known);
    }
    return known;
  };
  const roomBlocks = new Map<Id, Interval[]>();
  for (const block of programme.availability) if (block.subject === 'room') (roomBlocks.get(block.subjectId) ?? roomBlocks.set(block.subjectId, []).get(block.subjectId)!).push(block);
  const roomHard = new Map<Id, Interval[]>();
  const roomSoft = new Map<Id, Interval[]>();
  for (const option of options) {
    if (option.roomId === null) continue;
    const list = roomMeetings.get(option.roomId)!;
    roomHard.set(option.roomId, mergedUnion(list.filter((m) => m.status === 'confirmed')));
    roomSoft.set(option.roomId, mergedUnion([...list.filter((m) => m.status !== 'confirmed'), ...(roomBlocks.get(option.roomId) ?? []), ...closed(option.venueId)]));
  }
  const travelEstimate = new Map(required.map((id) => [id, locatedTimes(meetingsOf.get(id) ?? [], (m) => (m.roomId === null ? undefined : roomById.get(m.roomId)?.venueId))]));
  const blocksNear = (ids: readonly Id[], roomId: Id | null, from: Instant, to: Instant) =>
    programme.availability.filter(
      (b) => b.startUtc < to && b.endUtc > from && ((b.subject === 'person' && ids.includes(b.subjectId)) || (b.subject === 'room' && b.subjectId === roomId)),
    );

  /** The engine's verdict on the candidate meeting with these people, on the slice that can conflict with it. */
  const judge = (start: Instant, option: RoomOption, people: readonly Id[]): Conflict[] => {
    const end = start + duration;
    const from = start - longestTravel;
    const to = end + longestTravel;
    const near = new Map<Id, ProgrammeMeeting>();
    const take = (list: readonly ProgrammeMeeting[] | undefined) => {
      for (const m of list ?? []) if (m.startUtc < to && m.endUtc > from && m.startUtc < m.endUtc) near.set(m.id, m);
    };
    for (const id of people) take(meetingsOf.get(id));
    if (option.roomId !== null) take(roomMeetings.get(option.roomId));
    const candidate: ProgrammeMeeting = {
      id: CANDIDATE_ID,
      title: request.title,
      kind: 'bilateral',
      status: 'confirmed',
      startUtc: start,
      endUtc: end,
      roomId: option.roomId,
      place: request.where.kind === 'outside' ? request.where.place : '',
      timeZone: zone,
      participants: people.map((personId) => ({ personId })),
    };
    return conflictsInvolving(CANDIDATE_ID, { ...programme, meetings: [...near.values(), candidate], availability: blocksNear(people, option.roomId, from, to) });
  };

  let checks = 0;
  /** Judges a slot: its candidate and rank, or undefined when the engine refuses it. */
  const verify = (entry: Entry): Entry | undefined => {
    const option = options[entry.option]!;
    const start = entry.start;
    checks += 1;
    let conflicts = judge(start, option, everyone);
    const named = new Set(conflicts.flatMap((c) => (c.personId === undefined ? [] : [c.personId])));
    const missing = optional.filter((id) => named.has(id) || overlapsAny(hardOf.get(id)!, start - buffer, start + duration + buffer));
    if (missing.length) {
      checks += 1;
      conflicts = judge(start, option, everyone.filter((id) => !missing.includes(id)));
    }
    if (conflicts.some((c) => c.severity === 'error')) return undefined;
    const candidate: Candidate = {
      startUtc: start,
      endUtc: start + duration,
      roomId: option.roomId,
      place: request.where.kind === 'outside' ? request.where.place : '',
      warnings: conflicts,
      missingOptional: missing,
      idleMinutes: entry.idle,
    };
    return { ...entry, rank: [conflicts.length ? 1 : 0, missing.length, entry.day, entry.idle, start, option.order], judged: candidate };
  };

  // Step 1: every grid start, estimated. First the grid, then each room's state at each start (free, free with a
  // certain warning, taken) in one pass over the room's busy times: this is asked for every start and room.
  const grid: { start: Instant; day: number; dayStart: Instant; dayEnd: Instant }[] = [];
  days.forEach((date, day) => {
    const dayFrom = firstInstantAt(`${date}T${request.earliest}`, zone);
    const dayTo = firstInstantAt(`${date}T${request.latest}`, zone);
    const { startUtc: dayStart, endUtc: dayEnd } = dayBounds(date, zone);
    for (let start = dayFrom; start + duration <= dayTo; start += FINDER_LIMITS.gridMinutes * MINUTE) grid.push({ start, day, dayStart, dayEnd });
  });
  const FREE = 0;
  const WARNED = 1;
  const TAKEN = 2;
  const roomState = new Uint8Array(options.length * grid.length);
  options.forEach((option, index) => {
    if (option.roomId === null) return;
    const hard = roomHard.get(option.roomId)!;
    const soft = roomSoft.get(option.roomId)!;
    let h = 0;
    let w = 0;
    for (let k = 0; k < grid.length; k += 1) {
      const start = grid[k]!.start;
      const end = start + duration;
      while (h < hard.length && hard[h]!.endUtc <= start - buffer) h += 1;
      while (w < soft.length && soft[w]!.endUtc <= start) w += 1;
      if (h < hard.length && hard[h]!.startUtc < end + buffer) roomState[index * grid.length + k] = TAKEN;
      else if (w < soft.length && soft[w]!.startUtc < end) roomState[index * grid.length + k] = WARNED;
    }
  });
  const startIndex = new Map(grid.map((g, k) => [g.start, k]));
  const perStart: ({ person: number; missing: number; day: number; idle: number; tried: Set<number> } | undefined)[] = new Array(grid.length);
  /** The optimistic rank of a room at a start, or undefined when the room is taken. */
  const estimate = (k: number, index: number): number | undefined => {
    const state = perStart[k]!;
    const room = roomState[index * grid.length + k];
    if (room === TAKEN) return undefined;
    if (room === WARNED) return 1;
    const option = options[index]!;
    if (state.person || option.capacity < required.length) return 1;
    if (option.venueId !== undefined) {
      const start = grid[k]!.start;
      for (const id of required) if (travelEstimate.get(id)!(start, start + duration, option.venueId, travel)) return 1;
    }
    return FREE;
  };
  /** The start's best room not yet tried, by estimate. */
  const nextOption = (start: Instant): Entry | undefined => {
    const k = startIndex.get(start)!;
    const state = perStart[k]!;
    let best: { index: number; flag: number } | undefined;
    for (let index = 0; index < options.length; index += 1) {
      if (state.tried.has(index)) continue;
      const flag = estimate(k, index);
      if (flag === undefined) continue;
      if (best === undefined || flag < best.flag) best = { index, flag };
      if (flag === FREE || state.person) break;
    }
    if (best === undefined) return undefined;
    state.tried.add(best.index);
    return { rank: [best.flag, state.missing, state.day, state.idle, start, best.index], start, day: state.day, idle: state.idle, option: best.index };
  };

  const queue = new Heap<Entry>((a, b) => compareRanks(a.rank, b.rank) || (a.judged ? 0 : 1) - (b.judged ? 0 : 1));
  // The people's busy times are asked in start order too: each list keeps a cursor.
  const overlaps = sweepingOverlaps();
  const principalMeetings = principal === undefined ? [] : (meetingsOf.get(principal) ?? []).filter((m) => m.startUtc < m.endUtc);
  grid.forEach(({ start, day, dayStart, dayEnd }, k) => {
    const end = start + duration;
    if (required.some((id) => overlaps(hardOf.get(id)!, start - buffer, end + buffer))) return;
    const person = required.some((id) => overlaps(softOf.get(id)!, start, end)) ? 1 : 0;
    const missing = optional.filter((id) => overlaps(hardOf.get(id)!, start - buffer, end + buffer) || overlaps(softOf.get(id)!, start, end)).length;
    perStart[k] = { person, missing, day, idle: idleMinutes(principalMeetings, start, end, dayStart, dayEnd), tried: new Set() };
    const entry = nextOption(start);
    if (entry) queue.push(entry);
  });

  // Step 2: best first, each judged by the engine before it is returned.
  const candidates: Candidate[] = [];
  const done = new Set<Instant>();
  let stoppedEarly = false;
  while (candidates.length < limit) {
    const entry = queue.pop();
    if (entry === undefined) break;
    if (done.has(entry.start)) continue;
    if (entry.judged) {
      candidates.push(entry.judged);
      done.add(entry.start);
      continue;
    }
    if (checks >= FINDER_LIMITS.maxChecks) {
      stoppedEarly = true;
      break;
    }
    const judged = verify(entry);
    if (judged && compareRanks(judged.rank, entry.rank) <= 0) {
      candidates.push(judged.judged!);
      done.add(entry.start);
      continue;
    }
    if (judged) queue.push(judged);
    const next = nextOption(entry.start);
    if (next) queue.push(next);
  }
  return { candidates, checks, stoppedEarly };
}

/**
 * The stretches of the window where a room's meetings can matter to any
 * candidate: each day's hours minus the required people's confirmed meetings
 * (widened by the buffer), only stretches the meeting fits in, each widened
 * by the buffer again (a room keeps it clear too). A caller may leave out a
 * room's meetings that overlap none of them: they touch no candidate. At most
 * `maxWindows`, the closest merged, so a caller can ask once per stretch.
 */
export function candidateWindows(programme: Pick<Programme, 'meetings' | 'forumTimeZone'>, request: FinderRequest, maxWindows = 40): UtcInterval[] {
  const zone = programme.forumTimeZone;
  const duration = Math.max(1, Math.round(request.durationMinutes)) * MINUTE;
  const buffer = Math.max(0, request.bufferMinutes) * MINUTE;
  const required = new Set(request.participants.filter((p) => p.required).map((p) => p.personId));
  const taken = mergedUnion(
    programme.meetings
      .filter((m) => m.status === 'confirmed' && m.participants.some((p) => required.has(p.personId)))
      .map((m) => ({ startUtc: m.startUtc - buffer, endUtc: m.endUtc + buffer })),
  );
  const windows: UtcInterval[] = [];
  if (request.latest <= request.earliest) return windows;
  for (const date of daysOf(request.from, request.to)) {
    let cursor = firstInstantAt(`${date}T${request.earliest}`, zone);
    const dayTo = firstInstantAt(`${date}T${request.latest}`, zone);
    const keep = (from: Instant, to: Instant) => {
      if (to - from >= duration) windows.push({ startUtc: from - buffer, endUtc: to + buffer });
    };
    for (const busy of taken) {
      if (busy.endUtc <= cursor || busy.startUtc >= dayTo) continue;
      keep(cursor, Math.min(busy.startUtc, dayTo));
      cursor = Math.max(cursor, busy.endUtc);
      if (cursor >= dayTo) break;
    }
    keep(cursor, dayTo);
  }
  while (windows.length > Math.max(1, maxWindows)) {
    let closest = 0;
    for (let i = 1; i < windows.length - 1; i += 1) {
      if (windows[i + 1]!.startUtc - windows[i]!.endUtc < windows[closest + 1]!.startUtc - windows[closest]!.endUtc) closest = i;
    }
    windows.splice(closest, 2, { startUtc: windows[closest]!.startUtc, endUtc: Math.max(windows[closest]!.endUtc, windows[closest + 1]!.endUtc) });
  }
  return windows;
}

/** Compares two ranks in order; shorter never happens (all ranks have six numbers). */
function compareRanks(a: Rank, b: Rank): number {
  for (let i = 0; i < a.length; i += 1) {
    const difference = a[i]! - b[i]!;
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The principal's idle minutes around a slot on its day: from the end of
 * their last meeting before it, and to the start of their next one after it
 * (meetings overlapping the slot left out), within the local day.
 */
function idleMinutes(meetings: readonly Pick<ProgrammeMeeting, 'startUtc' | 'endUtc'>[], start: Instant, end: Instant, dayStart: Instant, dayEnd: Instant): number {
  let before: Instant | undefined;
  let after: Instant | undefined;
  for (const m of meetings) {
    if (m.endUtc <= start && m.endUtc >= dayStart && (before === undefined || m.endUtc > before)) before = m.endUtc;
    if (m.startUtc >= end && m.startUtc < dayEnd && (after === undefined || m.startUtc < after)) after = m.startUtc;
  }
  return ((before === undefined ? 0 : start - before) + (after === undefined ? 0 : after - end)) / MINUTE;
}

/** The rooms a request allows, smallest first (a meeting of three takes the small room, not the hall). */
export function allowedRooms(programme: Pick<Programme, 'rooms'>, where: FinderWhere): RoomOption[] {
  if (where.kind === 'outside') return [{ roomId: null, venueId: undefined, capacity: Number.POSITIVE_INFINITY, order: 0 }];
  const rooms: Pick<Room, 'id' | 'venueId' | 'capacity'>[] = programme.rooms.filter(
    (room) =>
      (where.roomIds === undefined || where.roomIds.length === 0 || where.roomIds.includes(room.id)) &&
      (where.venueIds === undefined || where.venueIds.length === 0 || where.venueIds.includes(room.venueId)) &&
      room.capacity >= (where.minSeats ?? 0),
  );
  return [...rooms]
    .sort((a, b) => a.capacity - b.capacity || a.id - b.id)
    .map((room, order) => ({ roomId: room.id, venueId: room.venueId, capacity: room.capacity, order }));
}

/** The days from `from` to `to` (both included), at most FINDER_LIMITS.maxDays. */
function daysOf(from: LocalDate, to: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let date = from; date <= to && days.length < FINDER_LIMITS.maxDays; date = nextLocalDate(date)) days.push(date);
  return days;
}

interface Interval {
  startUtc: Instant;
  endUtc: Instant;
}

/** Disjoint, sorted: the union of the intervals, so one binary search answers "is any of them over this span?". */
function mergedUnion(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.startUtc < i.endUtc).sort((a, b) => a.startUtc - b.startUtc);
  const merged: Interval[] = [];
  for (const { startUtc, endUtc } of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && startUtc <= last.endUtc) last.endUtc = Math.max(last.endUtc, endUtc);
    else merged.push({ startUtc, endUtc });
  }
  return merged;
}

/** Half-open overlap of [from, to) with any interval of a merged union. */
function overlapsAny(union: readonly Interval[], from: Instant, to: Instant): boolean {
  let lo = 0;
  let hi = union.length;
  // The first interval that ends after `from`.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (union[mid]!.endUtc <= from) lo = mid + 1;
    else hi = mid;
  }
  const found = union[lo];
  return found !== undefined && found.startUtc < to;
}

/**
 * `overlapsAny` for questions whose `from` never decreases per list: each list
 * keeps a cursor at the first interval that ends after the last `from`, so a
 * run over every grid start costs one pass per list, not a search per start.
 */
function sweepingOverlaps(): (union: readonly Interval[], from: Instant, to: Instant) => boolean {
  const cursors = new Map<readonly Interval[], number>();
  return (union, from, to) => {
    let at = cursors.get(union) ?? 0;
    while (at < union.length && union[at]!.endUtc <= from) at += 1;
    cursors.set(union, at);
    const found = union[at];
    return found !== undefined && found.startUtc < to;
  };
}

/**
 * A person's certain travel warnings for a slot at a venue, as the engine
 * pairs meetings: the slot's predecessors (the located meetings that end
 * last, by its start) and, when the slot is its predecessor, the next
 * meeting to start after it. Only what is certain; the engine has the last word.
 */
function locatedTimes(meetings: readonly ProgrammeMeeting[], venueOf: (m: ProgrammeMeeting) => Id | undefined) {
  const located = meetings.filter((m) => m.startUtc < m.endUtc && venueOf(m) !== undefined);
  const byEnd = [...located].sort((a, b) => a.endUtc - b.endUtc);
  const byStart = [...located].sort((a, b) => a.startUtc - b.startUtc);
  /** The largest end at or before `instant`, or undefined. */
  const lastEndBy = (instant: Instant): Instant | undefined => {
    let lo = 0;
    let hi = byEnd.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byEnd[mid]!.endUtc <= instant) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? undefined : byEnd[lo - 1]!.endUtc;
  };
  return (start: Instant, end: Instant, venueId: Id, travel: (from: Id, to: Id) => number | undefined): boolean => {
    const short = (from: Id, to: Id, gap: number) => {
      if (from === to) return false;
      const minutes = travel(from, to);
      return minutes !== undefined && gap < minutes * MINUTE;
    };
    const lastEnd = lastEndBy(start);
    if (lastEnd !== undefined && start - lastEnd < DAY) {
      for (const m of byEnd) if (m.endUtc === lastEnd && short(venueOf(m)!, venueId, start - lastEnd)) return true;
    }
    const next = byStart.find((m) => m.startUtc >= end);
    if (next !== undefined && (lastEndBy(next.startUtc) ?? Number.NEGATIVE_INFINITY) <= end) {
      for (const m of byStart) if (m.startUtc === next.startUtc && short(venueId, venueOf(m)!, m.startUtc - end)) return true;
    }
    return false;
  };
}

/** A binary min-heap: the shortlist is popped best first. */
class Heap<T> {
  private readonly items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => number) {}

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.before(items[i]!, items[parent]!) >= 0) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < items.length && this.before(items[left]!, items[best]!) < 0) best = left;
        if (right < items.length && this.before(items[right]!, items[best]!) < 0) best = right;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
