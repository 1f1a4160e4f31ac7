/** The audit log's entries: every write appends one, in the same transaction. */
import type { Message } from '../messages';
import type { Id, Instant } from './types';
import { withNamesByLanguage, type Named } from './names';

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

/**
 * The name an entry of a person or an organization is about, from the state it recorded (after, else before), so
 * the log can show it in the reader's language (Дрозденко for a Russian reader) instead of the English name its
 * summary keeps; null when the entry is of another kind, or its summary is not that name (an older sentence): show `said`.
 */
export function namedRecordOf(entry: Pick<AuditEntry, 'entity' | 'said' | 'before' | 'after'>): Named | null {
  const english = entry.entity === 'person' ? 'fullName' : entry.entity === 'organization' ? 'name' : null;
  const state = entry.after ?? entry.before;
  if (!english || typeof state !== 'object' || state === null) return null;
  const fields = english === 'fullName' ? ['nameRu', 'nameAz', 'patronymicRu'] : ['nameRu', 'nameAz'];
  const named = withNamesByLanguage(state as Record<string, unknown>, english, fields);
  const name = named[english];
  if (typeof name !== 'string' || entry.said.key !== 'verbatim' || entry.said.params.text !== name) return null;
  const text = (field: string) => (typeof named[field] === 'string' ? (named[field] as string) : '');
  return english === 'fullName' ? { fullName: name, nameRu: text('nameRu'), nameAz: text('nameAz'), patronymicRu: text('patronymicRu') } : { name, nameRu: text('nameRu'), nameAz: text('nameAz') };
}
