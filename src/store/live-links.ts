import type { Db } from './database';
import type { FeedScopeKind } from '../domain/feed-scope';
import type { References } from './references';

/**
 * The secret links that still open a record: not revoked and not expired at
 * `now`. A delete is refused while any exist, named by label and forum, so the
 * planner revokes them knowingly rather than a counterpart's calendar going
 * silent. Revoked and expired links do not hold a record back; the links page
 * lists them under the deleted record's id.
 */
export function liveLinkReferences(db: Db, scope: FeedScopeKind, id: number, now: number): References {
  const names = db
    .prepare(
      `SELECT CASE t.label WHEN '' THEN 'link ' || t.id ELSE t.label END || ' in ' || f.short_name
         FROM feed_token t JOIN forum f ON f.id = t.forum_id
        WHERE t.scope = ? AND t.scope_id = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)
        ORDER BY t.id`,
    )
    .pluck()
    .all(scope, id, now) as string[];
  return { one: 'live calendar link (revoke it under Calendar links)', many: 'live calendar links (revoke them under Calendar links)', names };
}
