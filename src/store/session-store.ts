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
export class SqliteSessionStore extends session.Store {
  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
  ) {
    super();
  }

  override get(sid: string, cb: (err: unknown, session?: session.SessionData | null) => void): void {
    try {
      const row = prepared(this.db, 'SELECT data, expires_at AS expiresAt FROM web_session WHERE sid = ?').get(hash(sid)) as
        | { data: string; expiresAt: number }
        | undefined;
      if (!row || row.expiresAt <= Date.now()) return cb(null, null);
      cb(null, JSON.parse(row.data));
    } catch (err) {
      cb(err);
    }
  }

  override set(sid: string, data: session.SessionData, cb?: (err?: unknown) => void): void {
    try {
      prepared(
        this.db,
        `INSERT INTO web_session (sid, data, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
      ).run(hash(sid), JSON.stringify(data), this.expiryOf(data) + SESSION_EXPIRY_SLACK_MS);
      if (Math.random() < 0.01) this.prune();
      cb?.();
    } catch (err) {
      cb?.(err);
    }
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    try {
      prepared(this.db, 'DELETE FROM web_session WHERE sid = ?').run(hash(sid));
      cb?.();
    } catch (err) {
      cb?.(err);
    }
  }

  /** Called for every request of an unchanged session (rolling): a read, and a write only when the stored expiry falls short of the cookie's. */
  override touch(sid: string, data: session.SessionData, cb?: (err?: unknown) => void): void {
    try {
      const key = hash(sid);
      const wanted = this.expiryOf(data);
      const stored = prepared(this.db, 'SELECT expires_at FROM web_session WHERE sid = ?', 'pluck').get(key) as number | undefined;
      // Extending the expiry is bookkeeping: when the database is busy, full or read-only the page still answers, without waiting.
      if (stored !== undefined && stored < wanted) {
        bestEffortWrite(this.db, () => prepared(this.db, 'UPDATE web_session SET expires_at = ? WHERE sid = ?').run(wanted + SESSION_EXPIRY_SLACK_MS, key));
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
