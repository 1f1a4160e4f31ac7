import type { Db } from '../database';
import { prepared } from '../statements';
import type { AuditEntry } from '../../domain/audit';

export interface AuditFilter {
  entity?: string;
  entityId?: number;
  username?: string;
  fromUtc?: number;
  toUtc?: number;
  forumId?: number;
  limit?: number;
  beforeId?: number;
}

/** Append-only: the table's triggers refuse UPDATE and DELETE. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  append(e: Omit<AuditEntry, 'id'>): number {
    const info = prepared(
      this.db,
      `INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, forum_id, summary, before_json, after_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.at,
      e.userId,
      e.username,
      e.action,
      e.entity,
      e.entityId,
      e.forumId,
      e.summary,
      e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
      e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
    );
    return Number(info.lastInsertRowid);
  }

  find(id: number): AuditEntry | undefined {
    const row = prepared(this.db, `${SELECT} WHERE id = ?`).get(id) as Row | undefined;
    return row ? toEntry(row) : undefined;
  }

  list(f: AuditFilter = {}): AuditEntry[] {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      where.push(sql);
      params.push(v);
    };
    if (f.entity) add('entity = ?', f.entity);
    if (f.entityId !== undefined) add('entity_id = ?', f.entityId);
    if (f.username) add('username = ?', f.username);
    if (f.fromUtc !== undefined) add('at >= ?', f.fromUtc);
    if (f.toUtc !== undefined) add('at < ?', f.toUtc);
    if (f.forumId !== undefined) add('forum_id = ?', f.forumId);
    if (f.beforeId !== undefined) add('id < ?', f.beforeId);
    const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    return (prepared(this.db, sql).all(...params, f.limit ?? 200) as Row[]).map(toEntry);
  }

  entities(): string[] {
    return prepared(this.db, 'SELECT DISTINCT entity FROM audit_log ORDER BY entity', 'pluck').all() as string[];
  }
}

const SELECT = `SELECT id, at, user_id AS userId, username, action, entity, entity_id AS entityId, forum_id AS forumId,
  summary, before_json AS beforeJson, after_json AS afterJson FROM audit_log`;

type Row = Omit<AuditEntry, 'before' | 'after'> & { beforeJson: string | null; afterJson: string | null };

function toEntry({ beforeJson, afterJson, ...rest }: Row): AuditEntry {
  return { ...rest, before: beforeJson ? JSON.parse(beforeJson) : null, after: afterJson ? JSON.parse(afterJson) : null };
}
