import { ConflictRefusal, DomainError, ForbiddenError, StaleVersionError, ValidationError } from '../../domain/errors';
import type { AuditEntry } from '../../domain/audit';
import type { StatusAction } from '../../domain/meeting-status';
import type { Id, Meeting } from '../../domain/types';
import { inWriteTransaction } from '../../store/database';
import type { Store } from '../../store';
import type { Actor } from '../actor';
import { message, type Message } from '../../messages';
import type { MeetingService, SaveResult } from './index';
import { toInput } from './input';

/** How many meetings one bulk edit (and so one undo) may name. */
export const MAX_BULK = 200;

export const BULK_ACTIONS = ['confirm', 'tentative', 'cancel', 'move'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
/** all: one refusal keeps every meeting as it was; each: the others are changed, the refused ones stay. */
export const BULK_MODES = ['all', 'each'] as const;
export type BulkMode = (typeof BULK_MODES)[number];

/** A meeting of the selection as the list showed it. */
export interface Selected {
  id: Id;
  version: number;
}

interface BulkRefusal {
  id: Id;
  title: string;
  /** Why, as the single save would have said it: the refusal, then each clash. */
  reasons: Message[];
}

export interface BulkResult {
  action: BulkAction;
  mode: BulkMode;
  /** Changed (or, when rolled back, what would have been). */
  done: SaveResult[];
  refused: BulkRefusal[];
  /** All or nothing with a refusal: nothing was written. */
  rolledBack: boolean;
  /** The audit rows the edit appended, for its one "Undo"; null when nothing was written. */
  audit: { from: Id; to: Id } | null;
}

interface UndoResult {
  restored: SaveResult[];
  audit: { from: Id; to: Id };
}

/** Thrown inside the transaction to roll an all-or-nothing edit back; caught at once outside it. */
class RollBack extends Error {}

/**
 * Bulk edits and undo over the one save path: every meeting of a bulk edit
 * and every restored state goes through MeetingService (input check,
 * version, conflict check, audit row), inside one write transaction.
 */
export class ProgrammeEdits {
  constructor(
    private readonly store: Store,
    private readonly meetings: MeetingService,
  ) {}

  /**
   * Confirms, makes tentative, cancels or moves by `minutes` each selected
   * meeting, each in a savepoint of one transaction: a refused one is rolled
   * back alone ('each') or takes the whole edit with it ('all').
   */
  bulk(actor: Actor, forumId: Id, selection: readonly Selected[], action: BulkAction, mode: BulkMode, minutes?: number): BulkResult {
    const unique = [...new Map(selection.map((s) => [s.id, s])).values()];
    if (!unique.length || unique.length > MAX_BULK) throw new ValidationError({ meetings: message('bulk.selection-size', { max: MAX_BULK }) });
    if (!BULK_ACTIONS.includes(action)) throw new ValidationError({ action: message('bulk.action', {}) });
    if (!BULK_MODES.includes(mode)) throw new ValidationError({ mode: message('bulk.mode', {}) });
    if (action === 'move' && (minutes === undefined || !Number.isInteger(minutes) || minutes === 0 || Math.abs(minutes) > 24 * 60)) {
      throw new ValidationError({ minutes: message('meeting.move-by', { max: 24 * 60 }) });
    }
    const result: BulkResult = { action, mode, done: [], refused: [], rolledBack: false, audit: null };
    try {
      inWriteTransaction(this.store.db, () => {
        for (const { id, version } of unique) {
          const current = this.store.meetings.find(id);
          if (!current || current.forumId !== forumId) {
            result.refused.push({ id, title: '', reasons: [message('bulk.not-in-forum', { id })] });
            continue;
          }
          try {
            result.done.push(this.one(actor, current, version, action, minutes ?? 0));
          } catch (err) {
            if (!(err instanceof DomainError)) throw err;
            result.refused.push({ id, title: current.title, reasons: this.reasonsOf(err, current) });
          }
        }
        if (mode === 'all' && result.refused.length) throw new RollBack();
      });
    } catch (err) {
      if (!(err instanceof RollBack)) throw err;
      result.rolledBack = true;
      return result;
    }
    const ids = result.done.map((d) => d.auditId);
    if (ids.length) result.audit = { from: Math.min(...ids), to: Math.max(...ids) };
    return result;
  }

  private one(actor: Actor, current: Meeting, version: number, action: BulkAction, minutes: number): SaveResult {
    if (action === 'move') return this.meetings.move(actor, current.id, version, { kind: 'by', minutes });
    return this.meetings.applyStatusAction(actor, current.id, version, action satisfies StatusAction);
  }

  private reasonsOf(err: DomainError, current: Meeting): Message[] {
    if (err instanceof StaleVersionError) return [message('bulk.changed-since', { title: current.title, by: this.lastEditorOf(current.id) })];
    if (err instanceof ConflictRefusal) return [err.said, ...err.conflicts.filter((c) => c.severity === 'error').map((c) => c.message)];
    if (err instanceof ValidationError) return [...Object.values(err.fieldMessages), ...(Object.keys(err.fieldMessages).length ? [] : [err.said])];
    return [err.said];
  }

  private lastEditorOf(meetingId: Id): string {
    return this.store.audit.list({ entity: 'meeting', entityId: meetingId, limit: 1 })[0]?.username ?? '?';
  }

  /**
   * Puts back the before-state of the audit rows `from`..`to` (one save, or
   * one bulk edit), newest first, as one transaction through the same save
   * check. Refused as a whole when a row is not a change of one of this
   * forum's meetings, was made by someone else, or its meeting changed since
   * (its version is no longer the one the row wrote). The undo is itself an
   * ordinary audited save, so it can be undone in turn.
   */
  undo(actor: Actor, forumId: Id, from: number, to: number): UndoResult {
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from || to - from >= MAX_BULK) {
      throw new ValidationError({ _form: message('undo.range', { max: MAX_BULK }) });
    }
    return inWriteTransaction(this.store.db, () => {
      const entries = this.store.audit.range(from, to);
      if (!entries.length) throw new ValidationError({ _form: message('undo.nothing', {}) });
      for (const e of entries) this.undoable(actor, forumId, e);
      const restored = entries.reverse().map((e) => {
        const after = e.after as Meeting;
        const current = this.meetings.get(e.entityId);
        if (current.version !== after.version) {
          throw new ValidationError({ _form: message('undo.changed-since', { title: current.title, by: this.lastEditorOf(current.id) }) });
        }
        return this.meetings.update(actor, current.id, current.version, toInput(e.before as Meeting));
      });
      const ids = restored.map((r) => r.auditId);
      return { restored: restored.reverse(), audit: { from: Math.min(...ids), to: Math.max(...ids) } };
    });
  }

  private undoable(actor: Actor, forumId: Id, e: AuditEntry): void {
    if (e.entity !== 'meeting' || e.action !== 'update' || e.forumId !== forumId || !e.before || !e.after) {
      throw new ValidationError({ _form: message('undo.not-undoable', { summary: e.said }) });
    }
    if (e.userId !== actor.userId) throw new ForbiddenError(message('undo.not-yours', { username: e.username }));
  }
}
