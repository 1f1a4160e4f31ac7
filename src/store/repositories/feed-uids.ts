import type { Db } from '../database';
import { inList, prepared } from '../statements';
import type { Id } from '../../domain/types';

/** Meetings' published UIDs (migration 0011 explains their two forms). */
export class FeedUidRepository {
  constructor(private readonly db: Db) {}

  /** The UIDs of these meetings, in one query per feed build: a person's feed reads its own few, not the forum's 20,000. */
  ofMeetings(ids: readonly Id[]): Map<Id, string> {
    if (!ids.length) return new Map();
    const list = inList(ids);
    return new Map((prepared(this.db, `SELECT id, uid FROM meeting WHERE id IN ${list.sql}`).all(...list.params) as { id: Id; uid: string }[]).map((r) => [r.id, r.uid]));
  }
}
