/**
 * Sweeps over the intervals of one resource (one person, one room). Each sorts
 * once and keeps only what is still running, so the work is O(n log n + k) for
 * k reported pairs: comparing all pairs would be quadratic in a forum-sized
 * programme (20,000 meetings).
 *
 * Intervals are half-open and empty ones hold no instant, so they are dropped
 * before any sweep: they overlap nothing and sit between nothing.
 */
import type { Id, Instant } from './types';

export interface SweepItem {
  id: Id;
  startUtc: Instant;
  endUtc: Instant;
}

/** Start, then end, then id: a total order, so every sweep reports in the same order on every run. */
export function byStart(a: SweepItem, b: SweepItem): number {
  return a.startUtc - b.startUtc || a.endUtc - b.endUtc || a.id - b.id;
}

function byEnd(a: SweepItem, b: SweepItem): number {
  return a.endUtc - b.endUtc || byStart(a, b);
}

function nonEmptySorted<T extends SweepItem>(items: readonly T[]): T[] {
  return items.filter((item) => item.startUtc < item.endUtc).sort(byStart);
}

/**
 * Visits every overlapping pair once, earlier-starting item first. Everything
 * left in `running` after pruning started no later than `item` and ends after
 * its start, so it overlaps `item`: each kept element is a reported pair.
 */
export function forEachOverlappingPair<T extends SweepItem>(items: readonly T[], visit: (earlier: T, later: T) => void): void {
  const running: T[] = [];
  for (const item of nonEmptySorted(items)) {
    keepRunningAt(running, item.startUtc);
    for (const other of running) visit(other, item);
    running.push(item);
  }
}

/** Drops, in place and in order, what has ended by `instant`; this runs once per item of a sweep. */
function keepRunningAt<T extends SweepItem>(running: T[], instant: Instant): void {
  let kept = 0;
  for (const item of running) {
    if (item.endUtc > instant) running[kept++] = item;
  }
  running.length = kept;
}

/**
 * Visits every overlapping (left, right) pair between two lists, e.g. a
 * person's meetings and that person's unavailability blocks. Pairs of one
 * meeting come with the blocks in start order.
 */
export function forEachOverlapBetween<L extends SweepItem, R extends SweepItem>(
  lefts: readonly L[],
  rights: readonly R[],
  visit: (left: L, right: R) => void,
): void {
  const ls = nonEmptySorted(lefts);
  const rs = nonEmptySorted(rights);
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

/**
 * Visits each (before, after) pair where `before` is what the resource does
 * last before `after` begins: among the items that end at or before
 * `after.startUtc`, those with the latest end (all of them on a tie). Such a
 * pair never overlaps, so a travel check on it never repeats a double booking.
 */
export function forEachConsecutivePair<T extends SweepItem>(items: readonly T[], visit: (before: T, after: T) => void): void {
  const starts = nonEmptySorted(items);
  const ends = [...starts].sort(byEnd);
  let latest: T[] = [];
  let next = 0;
  for (const after of starts) {
    for (let ended = ends[next]; ended !== undefined && ended.endUtc <= after.startUtc; ended = ends[++next]) {
      if (latest[0] !== undefined && latest[0].endUtc === ended.endUtc) latest.push(ended);
      else latest = [ended];
    }
    for (const before of latest) visit(before, after);
  }
}
