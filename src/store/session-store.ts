import crypto from 'node:crypto';
import session from 'express-session';
import { bestEffortWrite, type Db } from './database';

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
      const row = this.db.prepare('SELECT data, expires_at AS expiresAt FROM web_session WHERE sid = ?').get(hash(sid)) as
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
      const expires = data.cookie?.expires ? new Date(data.cookie.expires).getTime() : Date.now() + this.ttlMs;
      this.db
        .prepare(
          `INSERT INTO web_session (sid, data, expires_at) VALUES (?, ?, ?)
           ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
        )
        .run(hash(sid), JSON.stringify(data), expires);
      if (Math.random() < 0.01) this.prune();
      cb?.();
    } catch (err) {
      cb?.(err);
    }
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    try {
      this.db.prepare('DELETE FROM web_session WHERE sid = ?').run(hash(sid));
      cb?.();
    } catch (err) {
      cb?.(err);
    }
  }

  override touch(sid: string, data: session.SessionData, cb?: (err?: unknown) => void): void {
    try {
      const expires = data.cookie?.expires ? new Date(data.cookie.expires).getTime() : Date.now() + this.ttlMs;
      // Extending the expiry is bookkeeping: when the database is busy, full or read-only the page still answers, without waiting.
      bestEffortWrite(this.db, () => this.db.prepare('UPDATE web_session SET expires_at = ? WHERE sid = ?').run(expires, hash(sid)));
      cb?.();
    } catch (err) {
      // Like get/set/destroy: a busy or broken database is reported, not thrown past express-session.
      cb?.(err);
    }
  }

  prune(): void {
    this.db.prepare('DELETE FROM web_session WHERE expires_at <= ?').run(Date.now());
  }
}

function hash(sid: string): string {
  return crypto.createHash('sha256').update(sid).digest('hex');
}
