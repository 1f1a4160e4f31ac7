import crypto from 'node:crypto';
import type { Db } from './database';

/** The value stored under key, creating it with make() the first time. */
export function settingOrCreate(db: Db, key: string, make: () => string): string {
  const existing = db.prepare('SELECT value FROM app_setting WHERE key = ?').pluck().get(key) as string | undefined;
  if (existing !== undefined) return existing;
  const value = make();
  db.prepare('INSERT OR IGNORE INTO app_setting (key, value) VALUES (?, ?)').run(key, value);
  return db.prepare('SELECT value FROM app_setting WHERE key = ?').pluck().get(key) as string;
}

export function sessionSecret(db: Db, configured: string | undefined): string {
  return configured ?? settingOrCreate(db, 'session_secret', () => crypto.randomBytes(32).toString('base64url'));
}
