import { bestEffortWrite, type Db } from '../database';
import { prepared } from '../statements';
import { RecordTable } from '../record-table';
import type { ApiToken, User } from '../../domain/accounts';

export class UserRepository extends RecordTable<User> {
  constructor(db: Db) {
    super(db, {
      table: 'app_user',
      columns: { username: 'username', passwordHash: 'password_hash', role: 'role', personId: 'person_id', disabled: 'disabled', locale: 'locale' },
      booleans: ['disabled'],
      orderBy: 'username COLLATE NOCASE',
      timestamps: true,
    });
  }

  findByUsername(username: string): User | undefined {
    const id = prepared(this.db, 'SELECT id FROM app_user WHERE username = ?', 'pluck').get(username) as number | undefined;
    return id === undefined ? undefined : this.find(id);
  }

  /** Ends every open session of the user (sessions keep the user id in their JSON data). */
  endSessions(userId: number): void {
    this.db.prepare("DELETE FROM web_session WHERE json_extract(data, '$.userId') = ?").run(userId);
  }
}

const TOKEN_SELECT = `SELECT id, user_id AS userId, label, created_at AS createdAt, last_used_at AS lastUsedAt, revoked_at AS revokedAt FROM api_token`;

export class ApiTokenRepository {
  constructor(private readonly db: Db) {}

  insert(t: { userId: number; label: string; tokenHash: string; createdAt: number }): number {
    return Number(
      prepared(this.db, 'INSERT INTO api_token (user_id, label, token_hash, created_at) VALUES (?, ?, ?, ?)').run(t.userId, t.label, t.tokenHash, t.createdAt)
        .lastInsertRowid,
    );
  }

  find(id: number): ApiToken | undefined {
    return prepared(this.db, `${TOKEN_SELECT} WHERE id = ?`).get(id) as ApiToken | undefined;
  }

  findActiveByHash(tokenHash: string): ApiToken | undefined {
    return prepared(this.db, `${TOKEN_SELECT} WHERE token_hash = ? AND revoked_at IS NULL`).get(tokenHash) as ApiToken | undefined;
  }

  listForUser(userId: number): ApiToken[] {
    return prepared(this.db, `${TOKEN_SELECT} WHERE user_id = ? ORDER BY id`).all(userId) as ApiToken[];
  }

  /** Best effort: false when the database is busy, full or read-only (the request it rides on still answers). */
  markUsed(id: number, at: number): boolean {
    return bestEffortWrite(this.db, () => prepared(this.db, 'UPDATE api_token SET last_used_at = ? WHERE id = ?').run(at, id));
  }

  revoke(id: number, at: number): boolean {
    return prepared(this.db, 'UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
  }
}
