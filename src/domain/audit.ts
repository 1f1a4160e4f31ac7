/** The audit log's entries: every write appends one, in the same transaction. */
import type { Message } from '../messages';
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
  /**
   * What changed, in English: a summary kept as key and parameters
   * (messages/stored.ts) rendered in the default language, or an older row's
   * sentence as it was written. Pages in the reader's language show `said`.
   */
  summary: string;
  /** The summary as a message, to render in the reader's language: t(entry.said). */
  said: Message;
  before: unknown;
  after: unknown;
}
