import type { Db } from '../database';
import { prepared } from '../statements';
import type { AuditEntry } from '../../domain/audit';
import { keyedPage, type KeyedPage, type Keyset } from '../../domain/keyset';
import { render } from '../../messages';
import { messageFromStore } from '../../messages/stored';

export interface AuditFilter {
  entity?: string;
  entityId?: number;
  username?: string;
  fromUtc?: number;
  toUtc?: number;
  forumId?: number;
  limit?: number;
}

/** Append-only: the table's triggers refuse UPDATE and DELETE. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** `summary` is a message as storedMessage() keeps it, or a record's name as it is. */
  append(e: Omit<AuditEntry, 'id' | 'said'>): number {
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

  /**
   * One page of the log, newest first, by keyset on the id: the page `after`
   * an id is the older entries below it, `before` the newer ones above it.
   */
  page(f: Omit<AuditFilter, 'limit'>, ks: Keyset): KeyedPage<AuditEntry> {
    const { where, params } = this.conditions(f);
    const and = where ? `${where} AND` : ' WHERE';
    const total = prepared(this.db, `SELECT count(*) FROM audit_log${where}`, 'pluck').get(...params) as number;
    let rows: Row[];
    if (ks.before) rows = (prepared(this.db, `${SELECT}${and} id > ? ORDER BY id LIMIT ?`).all(...params, ks.before[0], ks.limit) as Row[]).reverse();
    else if (ks.after) rows = prepared(this.db, `${SELECT}${and} id < ? ORDER BY id DESC LIMIT ?`).all(...params, ks.after[0], ks.limit) as Row[];
    else rows = prepared(this.db, `${SELECT}${where} ORDER BY id DESC LIMIT ?`).all(...params, ks.limit) as Row[];
    const edge = rows[0]?.id ?? ks.after?.[0];
    const newer = edge === undefined ? 0 : (prepared(this.db, `SELECT count(*) FROM audit_log${and} id ${rows.length ? '>' : '>='} ?`, 'pluck').get(...params, edge) as number);
    return keyedPage(rows.map(toEntry), total, newer);
  }

  /** The entries with ids from `fromId` to `toId`, oldest first (what one save or bulk edit appended). */
  range(fromId: number, toId: number): AuditEntry[] {
    return (prepared(this.db, `${SELECT} WHERE id BETWEEN ? AND ? ORDER BY id`).all(fromId, toId) as Row[]).map(toEntry);
  }

  /** How many entries of a forum came after `sinceId` from anyone but `exceptUserId` (a range scan on the id). */
  countSince(forumId: number, sinceId: number, exceptUserId: number | null): number {
    return prepared(this.db, 'SELECT count(*) FROM audit_log WHERE id > ? AND forum_id = ? AND user_id IS NOT ?', 'pluck').get(sinceId, forumId, exceptUserId) as number;
  }

  /** The newest entry's id: the version of everything the log covers. */
  headId(): number {
    return (prepared(this.db, 'SELECT max(id) FROM audit_log', 'pluck').get() as number | null) ?? 0;
  }

  list(f: AuditFilter = {}): AuditEntry[] {
    const { where, params } = this.conditions(f);
    const sql = `${SELECT}${where} ORDER BY id DESC LIMIT ?`;
    return (prepared(this.db, sql).all(...params, f.limit ?? 200) as Row[]).map(toEntry);
  }

  private conditions(f: AuditFilter): { where: string; params: unknown[] } {
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
    return { where: where.length ? ` WHERE ${where.join(' AND ')}` : '', params };
  }

  entities(): string[] {
    return prepared(this.db, 'SELECT DISTINCT entity FROM audit_log ORDER BY entity', 'pluck').all() as string[];
  }
}

const SELECT = `SELECT id, at, user_id AS userId, username, action, entity, entity_id AS entityId, forum_id AS forumId,
  summary, before_json AS beforeJson, after_json AS afterJson FROM audit_log`;

type Row = Omit<AuditEntry, 'before' | 'after' | 'said'> & { beforeJson: string | null; afterJson: string | null };

function toEntry({ beforeJson, afterJson, summary, ...rest }: Row): AuditEntry {
  const said = messageFromStore(summary);
  return { ...rest, summary: render(said), said, before: beforeJson ? JSON.parse(beforeJson) : null, after: afterJson ? JSON.parse(afterJson) : null };
}
