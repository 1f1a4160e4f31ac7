/** The audit log's entries: every write appends one, in the same transaction. */
import type { Id, Instant } from './types';

type AuditAction = 'create' | 'update' | 'delete' | 'restore';

export interface AuditEntry {
  id: Id;
  at: Instant;
  userId: Id | null;
  username: string;
  action: AuditAction;
  entity: string;
  entityId: Id;
  forumId: Id | null;
  summary: string;
  before: unknown;
  after: unknown;
}
