/**
 * One entry for every kind of import, so the pages and the command line run
 * the same steps: `previewImport` says what each row would do and writes
 * nothing; `confirmImport` does it, in one transaction. People and
 * organizations are planned in memory and written after; meetings and
 * unavailability are saved row by row through their services (the preview
 * rolls those saves back), because a row's conflicts depend on the rows
 * before it.
 */
import { NotFoundError } from '../../domain/errors';
import type { Id } from '../../domain/types';
import { message } from '../../messages';
import type { Actor } from '../actor';
import { applyImport, type ImportResult } from './apply';
import { importMeetings } from './meetings';
import { isForumKind, planImport, type ColumnMapping, type ImportPlan, type PlannedKind, type PlanServices } from './plan';
import type { ReadTable, TableLimits } from './table';
import { importUnavailability } from './unavailability';

/**
 * What a file of a forum's records may hold: each of its rows is a save with
 * its conflict check, on every look at the preview, so a file is a
 * programme's worth (a few hundred meetings), not a forum's whole contact
 * book (TABLE_LIMITS' 20,000 rows, planned in memory).
 */
const FORUM_TABLE_LIMITS = { maxRows: 2_000 } as const;

/** The bounds readTable applies to an upload of `kind`. */
export function limitsOf(kind: PlannedKind): Partial<TableLimits> | undefined {
  return isForumKind(kind) ? FORUM_TABLE_LIMITS : undefined;
}

export function previewImport(services: PlanServices, actor: Actor, kind: PlannedKind, table: Pick<ReadTable, 'rows'>, mapping: ColumnMapping, forumId: Id | null): ImportPlan {
  if (!isForumKind(kind)) return planImport(services, kind, table, mapping, forumId);
  const run = kind === 'meetings' ? importMeetings : importUnavailability;
  return run(services, actor, forumOf(forumId), table, mapping, false)!.plan;
}

/** Null when `before` says no (the upload was confirmed already): nothing is written then. */
export function confirmImport(services: PlanServices, actor: Actor, kind: PlannedKind, table: Pick<ReadTable, 'rows'>, mapping: ColumnMapping, forumId: Id | null, before?: () => boolean): ImportResult | null {
  if (!isForumKind(kind)) return applyImport(services, actor, kind, table, mapping, before, forumId);
  const run = kind === 'meetings' ? importMeetings : importUnavailability;
  return run(services, actor, forumOf(forumId), table, mapping, true, before);
}

/** The forum a meetings or unavailability upload names; the pages and the command line refuse one without it first. */
function forumOf(forumId: Id | null): Id {
  if (forumId === null) throw new NotFoundError(message('forum.not-found', {}));
  return forumId;
}
