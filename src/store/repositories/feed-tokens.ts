import type { Statement } from 'better-sqlite3';
import { bestEffortWrite, type Db } from '../database';
import { prepared } from '../statements';
import type { FeedScopeKind, FeedToken } from '../../domain/feed-scope';
import type { Id, Instant } from '../../domain/types';

const SELECT = `SELECT id, forum_id AS forumId, scope, scope_id AS scopeId, label, created_at AS createdAt, created_by AS createdBy,
  expires_at AS expiresAt, revoked_at AS revokedAt, last_fetched_at AS lastFetchedAt, fetch_count AS fetchCount, locale, reminder_minutes AS reminderMinutes FROM feed_token`;

export class FeedTokenRepository {
  constructor(private readonly db: Db) {}

  /** Read on every poll of every feed: compiled once, in the store's one statement cache. */
  private sql(text: string): Statement {
    return prepared(this.db, text);
  }

  insert(t: Omit<FeedToken, 'id' | 'revokedAt' | 'lastFetchedAt' | 'fetchCount'> & { tokenHash: string }): Id {
    return Number(
      this.sql('INSERT INTO feed_token (forum_id, scope, scope_id, label, token_hash, created_at, created_by, expires_at, locale, reminder_minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(t.forumId, t.scope, t.scopeId, t.label, t.tokenHash, t.createdAt, t.createdBy, t.expiresAt, t.locale, t.reminderMinutes).lastInsertRowid,
    );
  }

  find(id: Id): FeedToken | undefined {
    return this.sql(`${SELECT} WHERE id = ?`).get(id) as FeedToken | undefined;
  }

  findByHash(tokenHash: string): FeedToken | undefined {
    return this.sql(`${SELECT} WHERE token_hash = ?`).get(tokenHash) as FeedToken | undefined;
  }

  list(forumId: Id, scope?: { scope: FeedScopeKind; scopeId: Id }): FeedToken[] {
    if (scope) return this.sql(`${SELECT} WHERE forum_id = ? AND scope = ? AND scope_id = ? ORDER BY id DESC`).all(forumId, scope.scope, scope.scopeId) as FeedToken[];
    return this.sql(`${SELECT} WHERE forum_id = ? ORDER BY id DESC`).all(forumId) as FeedToken[];
  }

  /** A live link's language and reminder; false when it is revoked (or gone). */
  updateSettings(id: Id, settings: Pick<FeedToken, 'locale' | 'reminderMinutes'>): boolean {
    return this.sql('UPDATE feed_token SET locale = ?, reminder_minutes = ? WHERE id = ? AND revoked_at IS NULL').run(settings.locale, settings.reminderMinutes, id).changes === 1;
  }

  revoke(id: Id, at: Instant): boolean {
    return this.sql('UPDATE feed_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
  }

  /** Best effort: false when the database is busy, full or read-only, so the caller keeps the count for next time. */
  markFetched(id: Id, at: Instant, fetches: number): boolean {
    return bestEffortWrite(this.db, () => this.sql('UPDATE feed_token SET last_fetched_at = ?, fetch_count = fetch_count + ? WHERE id = ?').run(at, fetches, id));
  }

  /**
   * The newest audit-log row. Every write appends one in its own transaction,
   * so its id names the state of the data: feeds built under the same head
   * are current.
   */
  /** The newest audit-log id (0 for none): every write appends one, so a feed built at this id is current while it stays. Read on every feed poll. */
  auditHeadId(): number {
    return (prepared(this.db, 'SELECT max(id) FROM audit_log', 'pluck').get() as number | null) ?? 0;
  }
}
