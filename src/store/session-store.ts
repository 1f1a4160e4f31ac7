import crypto from 'node:crypto';
import session from 'express-session';
import { bestEffortWrite, type Db } from './database';
import { prepared } from './statements';

/**
 * How much longer than its cookie a stored session may live. A rolling
 * session's expiry moves on every request; writing it each time put an fsync
 * in every signed-in GET. Instead the stored expiry runs up to a minute ahead
 * of the cookie's, and is written again only once the cookie's has passed it,
 * so a session is written at most once a minute however often it is used, and
 * it never ends before its idle timeout (it may outlive it by this much).
 */
export const SESSION_EXPIRY_SLACK_MS = 60_000;

/**
 * express-session store in the app's SQLite file. Session ids are stored as
 * their SHA-256, so a copy of the database does not hand out live sessions.
 */
/** How many sessions the store remembers what it last read of (a few hundred bytes each). */
const SEEN_SESSIONS = 10_000;

export class SqliteSessionStore extends session.Store {
  /**
   * What get() just read, by session id: its SHA-256 and the stored expiry.
   * express-session calls touch() at the end of the same request that called
   * get(), so touch needs neither a second hash nor a second SELECT to know
   * whether the expiry must move. Bounded: the oldest entries go first.
   */
  private readonly seen = new Map<string, { key: string; expiresAt: number }>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
  ) {
    super();
  }

  private keyOf(sid: string): string {
    return this.seen.get(sid)?.key ?? hash(sid);
  }

  private remember(sid: string, key: string, expiresAt: number): void {
    this.seen.delete(sid);
    this.seen.set(sid, { key, expiresAt });
    if (this.seen.size > SEEN_SESSIONS) this.seen.delete(this.seen.keys().next().value as string);
  }

  override get(sid: string, cb: (err: unknown, session?: session.SessionData | null) => void): void {
    try {
      const key = this.keyOf(sid);
      const row = prepared(this.db, 'SELECT data, expires_at AS expiresAt FROM web_session WHERE sid = ?').get(key) as
        | { data: string; expiresAt: number }
        | undefined;
      if (!row || row.expiresAt <= Date.now()) {
        this.seen.delete(sid);
        return cb(null, null);
      }
      this.remember(sid, key, row.expiresAt);
      cb(null, JSON.parse(row.data));
    } catch (err) {
      cb(err);
    }
  }

  override set(sid: string, data: session.SessionData, cb?: (err?: unknown) => void): void {
    try {
      const key = this.keyOf(sid);
      const expiresAt = this.expiryOf(data) + SESSION_EXPIRY_SLACK_MS;
      prepared(
        this.db,
        `INSERT INTO web_session (sid, data, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
      ).run(key, JSON.stringify(data), expiresAt);
      this.remember(sid, key, expiresAt);
      if (Math.random() < 0.01) this.prune();
      cb?.();
    } catch (err) {
      cb?.(err);
    }
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    try {
      prepared(this.db, 'DELETE FROM web_session WHERE sid = ?').run(this.keyOf(sid));
      this.seen.delete(sid);
      cb?.();
    } catch (err) {
      cb?.(err);
    }
  }

  /**
   * Called at the end of every request of an unchanged session (rolling): a write only when the stored expiry
   * falls short of the cookie's. The stored expiry is the one get() read at the start of the same request.
   */
  override touch(sid: string, data: session.SessionData, cb?: (err?: unknown) => void): void {
    try {
      const known = this.seen.get(sid);
      const key = known?.key ?? hash(sid);
      const wanted = this.expiryOf(data);
      const stored = known ? known.expiresAt : (prepared(this.db, 'SELECT expires_at FROM web_session WHERE sid = ?', 'pluck').get(key) as number | undefined);
      // Extending the expiry is bookkeeping: when the database is busy, full or read-only the page still answers, without waiting.
      if (stored !== undefined && stored < wanted) {
        const expiresAt = wanted + SESSION_EXPIRY_SLACK_MS;
        const written = bestEffortWrite(this.db, () => prepared(this.db, 'UPDATE web_session SET expires_at = ? WHERE sid = ?').run(expiresAt, key));
        if (written) this.remember(sid, key, expiresAt);
      }
      cb?.();
    } catch (err) {
      // Like get/set/destroy: a busy or broken database is reported, not thrown past express-session.
      cb?.(err);
    }
  }

  prune(): void {
    prepared(this.db, 'DELETE FROM web_session WHERE expires_at <= ?').run(Date.now());
  }

  private expiryOf(data: session.SessionData): number {
    return data.cookie?.expires ? new Date(data.cookie.expires).getTime() : Date.now() + this.ttlMs;
  }
}

function hash(sid: string): string {
  return crypto.createHash('sha256').update(sid).digest('hex');
}
