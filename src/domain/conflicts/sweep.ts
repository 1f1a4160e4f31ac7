/**
 * Sweeps over the intervals of one resource (one person, one room). Each keeps
 * only what is still running, so the work is O(n + k) for k reported pairs on
 * a list in start order: comparing all pairs would be quadratic in a
 * forum-sized programme (20,000 meetings).
 *
 * Intervals are half-open and empty ones hold no instant, so they are dropped
 * before any sweep: they overlap nothing and sit between nothing.
 *
 * The meeting sweeps work on a timeline (see `Timeline`): every meeting is
 * sorted once per programme, and a person's or room's meetings are a list of
 * positions on it. Sorting and copying per person and rule, and reading times
 * off a hundred thousand objects, was most of the engine's time and garbage.
 */
import type { Id, Instant } from '../types';

export interface SweepItem {
  id: Id;
  startUtc: Instant;
  endUtc: Instant;
}

/**
 * The non-empty intervals of a programme in `byStart` order, their times in
 * two arrays: position i runs from startUtc[i] to endUtc[i]. Ascending
 * positions are therefore in start order, and a resource's list of positions
 * filled in timeline order is ready to sweep.
 *
 * Plain arrays of numbers, which V8 stores as unboxed doubles inside its
 * own heap: reading them makes no object per instant, as reading `startUtc`
 * off a meeting can, and unlike a Float64Array they take no memory from
 * malloc, whose arena kept the process's peak RSS higher.
 */
export interface Timeline {
  startUtc: readonly Instant[];
  endUtc: readonly Instant[];
}

/** Start, then end, then id: a total order, so every sweep reports in the same order on every run. */
export function byStart(a: SweepItem, b: SweepItem): number {
  return a.startUtc - b.startUtc || a.endUtc - b.endUtc || a.id - b.id;
}

/** The non-empty items in `byStart` order. */
export function inStartOrder<T extends SweepItem>(items: readonly T[]): T[] {
  return sortByStart(items.filter((item) => item.startUtc < item.endUtc));
}

/** Sorts in place by `byStart`; the store returns meetings in this order already, and checking is one pass. */
export function sortByStart<T extends SweepItem>(items: T[]): T[] {
  for (let i = 1; i < items.length; i += 1) {
    if (byStart(items[i - 1]!, items[i]!) > 0) return items.sort(byStart);
  }
  return items;
}

/**
 * Visits every overlapping pair of `positions` (ascending) once, the
 * earlier-starting first. Everything left running after pruning started no
 * later than the current item and ends after its start, so it overlaps it:
 * each kept element is a reported pair.
 */
export function forEachOverlappingPair(timeline: Timeline, positions: readonly number[], visit: (earlier: number, later: number) => void): void {
  const { startUtc, endUtc } = timeline;
  const running: number[] = [];
  for (let i = 0; i < positions.length; i += 1) {
    const item = positions[i]!;
    const start = startUtc[item]!;
    let kept = 0;
    for (let r = 0; r < running.length; r += 1) {
      const other = running[r]!;
      if (endUtc[other]! > start) running[kept++] = other;
    }
    // pop() stays on V8's fast path; assigning `length` calls into the runtime every time.
    while (running.length > kept) running.pop();
    for (let r = 0; r < kept; r += 1) visit(running[r]!, item);
    running.push(item);
  }
}

/**
 * Visits each (before, after) pair of `positions` (ascending) where `before`
 * is what the resource does last before `after` begins: among the items that
 * end at or before after's start, those with the latest end (all of them on
 * a tie, earlier-starting first). Such a pair never overlaps, so a travel
 * check on it never repeats a double booking.
 */
export function forEachConsecutivePair(timeline: Timeline, positions: readonly number[], visit: (before: number, after: number) => void): void {
  const { startUtc, endUtc } = timeline;
  const ends = inEndOrder(timeline, positions);
  // What ended last is ends[latest..next): items sharing an end sit together in end order.
  let latest = 0;
  let next = 0;
  for (let i = 0; i < positions.length; i += 1) {
    const after = positions[i]!;
    const start = startUtc[after]!;
    for (; next < ends.length && endUtc[ends[next]!]! <= start; next += 1) {
      if (endUtc[ends[latest]!] !== endUtc[ends[next]!]) latest = next;
    }
    for (let k = latest; k < next; k += 1) visit(ends[k]!, after);
  }
}

/** End, then start order; someone never in two places at once finishes in the order they start, so usually no sort is needed. */
function inEndOrder(timeline: Timeline, positions: readonly number[]): readonly number[] {
  const { endUtc } = timeline;
  // Ascending positions are in start order, so among equal ends they are already in order.
  for (let i = 1; i < positions.length; i += 1) {
    if (endUtc[positions[i - 1]!]! > endUtc[positions[i]!]!) return [...positions].sort((a, b) => endUtc[a]! - endUtc[b]! || a - b);
  }
  return positions;
}

/**
 * Visits every overlapping (left, right) pair between two lists, each in
 * start order (`inStartOrder`), e.g. a person's meetings and that person's
 * unavailability blocks. Pairs of one left item come with the right items in
 * start order.
 */
export function forEachOverlapBetween<L extends SweepItem, R extends SweepItem>(
  ls: readonly L[],
  rs: readonly R[],
  visit: (left: L, right: R) => void,
): void {
  const runningLefts: L[] = [];
  const runningRights: R[] = [];
  let i = 0;
  let j = 0;
  while (i < ls.length || j < rs.length) {
    const left = ls[i];
    const right = rs[j];
    if (left !== undefined && (right === undefined || left.startUtc <= right.startUtc)) {
      keepRunningAt(runningRights, left.startUtc);
      for (const other of runningRights) visit(left, other);
      runningLefts.push(left);
      i += 1;
    } else if (right !== undefined) {
      keepRunningAt(runningLefts, right.startUtc);
      for (const other of runningLefts) visit(other, right);
      runningRights.push(right);
      j += 1;
    }
  }
}

/** Drops, in place and in order, what has ended by `instant`. */
function keepRunningAt<T extends SweepItem>(running: T[], instant: Instant): void {
  let kept = 0;
  for (const item of running) {
    if (item.endUtc > instant) running[kept++] = item;
  }
  while (running.length > kept) running.pop();
}
