import { NotFoundError, ValidationError } from '../domain/errors';
import type { Store } from '../store';
import { isReferenceRefusal } from '../store/database';
import type { AuditFilter } from '../store/repositories/audit';
import type { KeyedPage, Keyset } from '../domain/keyset';
import type { Actor } from './actor';
import { message } from '../messages';
import type { AuditEntry } from '../domain/audit';

/** The part of a RecordService that restoring needs. */
interface Restorable {
  spec: { entity: string };
  restore(actor: Actor, id: number, state: never): { id: number };
}

/** Reading the audit log, and restoring a deleted record from its last known state. */
export class AuditService {
  constructor(
    private readonly store: Store,
    private readonly restorable: Record<string, Restorable>,
  ) {}

  list(filter: AuditFilter): AuditEntry[] {
    return this.store.audit.list(filter);
  }

  /** One page of the log, newest first (keyset on the id). */
  page(filter: Omit<AuditFilter, 'limit'>, keyset: Keyset): KeyedPage<AuditEntry> {
    return this.store.audit.page(filter, keyset);
  }

  history(entity: string, entityId: number): AuditEntry[] {
    return this.store.audit.list({ entity, entityId, limit: 500 });
  }

  /** The programme's version: the audit log's head (every programme write appends its row in its transaction). */
  head(): number {
    return this.store.audit.headId();
  }

  /** How many changes to a forum came after version `since` from anyone but `exceptUserId`. */
  changesSince(forumId: number, since: number, exceptUserId: number | null): number {
    return this.store.audit.countSince(forumId, since, exceptUserId);
  }

  entities(): string[] {
    return this.store.audit.entities();
  }

  get(id: number): AuditEntry {
    const entry = this.store.audit.find(id);
    if (!entry) throw new NotFoundError(message('audit.not-found', { id }));
    return entry;
  }

  /** Restores the record a delete entry describes, with its old id. */
  restore(actor: Actor, auditId: number): { entity: string; id: number } {
    const entry = this.get(auditId);
    const service = Object.values(this.restorable).find((s) => s.spec.entity === entry.entity);
    if (entry.action !== 'delete' || !entry.before || !service) {
      throw new ValidationError({ _form: message('audit.not-restorable', {}) });
    }
    // SQLite hands the highest id out again once its row is deleted, so the old id may belong to a new record now.
    const successor = this.history(entry.entity, entry.entityId).find((e) => e.id > entry.id && e.action === 'create');
    if (successor) {
      throw new ValidationError({
        _form: message('audit.id-taken', { id: entry.entityId, entity: entry.entity, successor: successor.said }),
      });
    }
    try {
      const restored = service.restore(actor, entry.entityId, entry.before as never);
      return { entity: entry.entity, id: restored.id };
    } catch (err) {
      // The record pointed at another one (a room at its venue) that was deleted since.
      if (isReferenceRefusal(err)) {
        throw new ValidationError({ _form: message('audit.refers-to-deleted', { entity: entry.entity }) });
      }
      throw err;
    }
  }
}
