import type { Statement } from 'better-sqlite3';
import { bestEffortWrite, type Db } from '../database';
import { prepared } from '../statements';
import type { Instant } from '../../domain/types';

/** One revision of what a feed, or one event in it, shows: its fingerprint and when it was first served. */
export interface ServedRevision {
  fingerprint: string;
  since: Instant;
}

export interface ServedFeed {
  /** The body's ETag and when it was first served. */
  feed: ServedRevision | undefined;
  /** By UID. */
  events: Map<string, ServedRevision>;
}

export class FeedStateRepository {
  constructor(private readonly db: Db) {}

  /** Read on every poll of every feed: compiled once, in the store's one statement cache. */
  private sql(text: string): Statement {
    return prepared(this.db, text);
  }

  load(feedKey: string): ServedFeed {
    const feed = this.sql('SELECT etag AS fingerprint, since FROM feed_state WHERE feed_key = ?').get(feedKey) as ServedRevision | undefined;
    const rows = this.sql('SELECT uid, fingerprint, since FROM feed_event_state WHERE feed_key = ?').all(feedKey) as (ServedRevision & { uid: string })[];
    return { feed, events: new Map(rows.map((r) => [r.uid, { fingerprint: r.fingerprint, since: r.since }])) };
  }

  /** Replaces what is kept for the feed: events no longer in it are forgotten, so one that returns counts as new. */
  /**
   * Best effort: a feed is a read and answers even when the database cannot
   * take this write (locked by another process, full, read-only). The dates
   * are then worked out again on the next fetch, never earlier than now.
   */
  save(feedKey: string, feed: ServedRevision, events: Map<string, ServedRevision>): boolean {
    return bestEffortWrite(this.db, () => this.db.transaction(() => {
      this.sql('INSERT INTO feed_state (feed_key, etag, since) VALUES (?, ?, ?) ON CONFLICT (feed_key) DO UPDATE SET etag = excluded.etag, since = excluded.since').run(feedKey, feed.fingerprint, feed.since);
      this.sql('DELETE FROM feed_event_state WHERE feed_key = ?').run(feedKey);
      const insert = this.sql('INSERT INTO feed_event_state (feed_key, uid, fingerprint, since) VALUES (?, ?, ?, ?)');
      for (const [uid, e] of events) insert.run(feedKey, uid, e.fingerprint, e.since);
    }).immediate());
  }

  /** Drops every feed whose key starts with `prefix` (a revoked link's). */
  forget(prefix: string): void {
    this.sql("DELETE FROM feed_state WHERE substr(feed_key, 1, length(?)) = ?").run(prefix, prefix);
    this.sql("DELETE FROM feed_event_state WHERE substr(feed_key, 1, length(?)) = ?").run(prefix, prefix);
  }
}
