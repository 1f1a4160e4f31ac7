/**
 * A run's proposal and what it changes against the applied schedule, the
 * published state of a session, and what a company link last showed. Plain
 * data and one pure diff: the service stores proposals and applies them.
 */
import type { Id, Instant } from '../types';
import type { B2BPin, B2BPlacement, B2BStats, B2BUnplaced } from './model';

/** "Place new requests" keeps every applied placement; "Re-plan everything" may move any of them. */
export const B2B_RUN_MODES = ['place-new', 'replan'] as const;
export type B2BRunMode = (typeof B2B_RUN_MODES)[number];

/** Where a meeting sits: slot index (0-based) and table (1-based). */
export interface B2BSpot {
  slotIndex: number;
  table: number;
}

/** One request's fate in a proposal: placed anew, moved (from → to), or dropped (placed before, unplaced now). */
export type B2BChange =
  | { kind: 'added'; requestId: Id; from: null; to: B2BSpot }
  | { kind: 'moved'; requestId: Id; from: B2BSpot; to: B2BSpot }
  | { kind: 'dropped'; requestId: Id; from: B2BSpot; to: null };

export interface B2BProposal {
  id: Id;
  sessionId: Id;
  mode: B2BRunMode;
  moveLimit: number;
  timeBudgetMs: number;
  /** Fingerprint of the programme, the requests and the applied schedule the run started from. */
  baseHash: string;
  /** The scheduler input's fingerprint alone, kept as the run's once applied. */
  inputHash: string;
  placements: B2BPlacement[];
  unplaced: B2BUnplaced[];
  stats: B2BStats;
  changes: B2BChange[];
  createdAt: Instant;
  createdBy: string;
}

/** A session whose schedule reached the companies' links and the delegates' feeds. */
export interface B2BPublication {
  sessionId: Id;
  publishedAt: Instant;
  publishedBy: string;
}

/** What a company's link showed the last time it was opened after publishing. */
export type B2BSeenTables = B2BPin[];

/**
 * The changes from `current` to `proposed`, in request id order: what a
 * planner previews before applying, and what a company link reports since it
 * last looked. A request in both at the same spot is unchanged and absent.
 */
export function scheduleChanges(current: readonly B2BPin[], proposed: readonly B2BPin[]): B2BChange[] {
  const before = new Map(current.map((p) => [p.requestId, p]));
  const after = new Map(proposed.map((p) => [p.requestId, p]));
  const spot = (p: B2BPin): B2BSpot => ({ slotIndex: p.slotIndex, table: p.table });
  const changes: B2BChange[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => a - b)) {
    const was = before.get(id);
    const now = after.get(id);
    if (was && now) {
      if (was.slotIndex !== now.slotIndex || was.table !== now.table) changes.push({ kind: 'moved', requestId: id, from: spot(was), to: spot(now) });
    } else if (now) changes.push({ kind: 'added', requestId: id, from: null, to: spot(now) });
    else if (was) changes.push({ kind: 'dropped', requestId: id, from: spot(was), to: null });
  }
  return changes;
}
