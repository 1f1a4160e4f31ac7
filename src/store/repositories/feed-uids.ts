import type { Statement } from 'better-sqlite3';
import type { Db } from '../database';
import type { Id } from '../../domain/types';

/** Meetings' published UIDs (migration 0011 explains their two forms). */
export class FeedUidRepository {
  private statement: Statement | undefined;

  constructor(private readonly db: Db) {}

  /** One query per feed build rather than one per event. */
  ofForum(forumId: Id): Map<Id, string> {
    this.statement ??= this.db.prepare('SELECT id, uid FROM meeting WHERE forum_id = ?');
    return new Map((this.statement.all(forumId) as { id: Id; uid: string }[]).map((r) => [r.id, r.uid]));
  }
}
