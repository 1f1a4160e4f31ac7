import type { Db } from '../database';
import { prepared } from '../statements';
import type { Id } from '../../domain/types';

/** The kinds whose rows are tied to a record by the file's own id (migration 0021). */
export type KeyedKind = 'people' | 'organizations';

export interface StoredBatch {
  id: Id;
  userId: Id;
  kind: string;
  /** The forum a meetings or unavailability upload (or people with their delegation) is for (migration 0026). */
  forumId: Id | null;
  fileName: string;
  tableJson: string;
  mappingJson: string;
  createdAt: number;
  expiresAt: number;
  appliedAt: number | null;
  /** What the confirm did, for its result page (migration 0026); null until confirmed. */
  resultJson: string | null;
}

/** How many batches one user keeps at once: an upload beyond it drops that user's oldest. */
export const MAX_BATCHES_PER_USER = 5;

/** Uploads waiting for confirmation, and the file ids that tie imported rows to records. */
export class ImportRepository {
  constructor(private readonly db: Db) {}

  /** The records of a kind by the external id that made or matched them. */
  keys(kind: KeyedKind): Map<string, Id> {
    const rows = prepared(this.db, 'SELECT external_id, record_id FROM import_key WHERE kind = ?', 'raw').all(kind) as [string, Id][];
    return new Map(rows);
  }

  setKey(kind: KeyedKind, externalId: string, recordId: Id): void {
    prepared(this.db, 'INSERT INTO import_key (kind, external_id, record_id) VALUES (?, ?, ?) ON CONFLICT (kind, external_id) DO UPDATE SET record_id = excluded.record_id').run(kind, externalId, recordId);
  }

  addBatch(batch: Omit<StoredBatch, 'id' | 'appliedAt' | 'forumId' | 'resultJson'> & { forumId?: Id | null }): Id {
    prepared(this.db, 'DELETE FROM import_batch WHERE expires_at <= ?').run(batch.createdAt);
    prepared(this.db, 'DELETE FROM import_batch WHERE user_id = ? AND id NOT IN (SELECT id FROM import_batch WHERE user_id = ? ORDER BY id DESC LIMIT ?)').run(batch.userId, batch.userId, MAX_BATCHES_PER_USER - 1);
    const result = prepared(this.db, 'INSERT INTO import_batch (user_id, kind, forum_id, file_name, table_json, mapping_json, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      batch.userId, batch.kind, batch.forumId ?? null, batch.fileName, batch.tableJson, batch.mappingJson, batch.createdAt, batch.expiresAt,
    );
    return Number(result.lastInsertRowid);
  }

  /** A user's batch that has not expired; another user's is not found. */
  findBatch(id: Id, userId: Id, now: number): StoredBatch | undefined {
    return prepared(this.db, `SELECT id, user_id AS userId, kind, forum_id AS forumId, file_name AS fileName, table_json AS tableJson, mapping_json AS mappingJson,
      created_at AS createdAt, expires_at AS expiresAt, applied_at AS appliedAt, result_json AS resultJson FROM import_batch WHERE id = ? AND user_id = ? AND expires_at > ?`).get(id, userId, now) as StoredBatch | undefined;
  }

  setMapping(id: Id, mappingJson: string): void {
    prepared(this.db, 'UPDATE import_batch SET mapping_json = ? WHERE id = ?').run(mappingJson, id);
  }

  /** Marks a batch applied; false when it already was (a second confirm of the same upload). */
  markApplied(id: Id, at: number): boolean {
    return prepared(this.db, 'UPDATE import_batch SET applied_at = ? WHERE id = ? AND applied_at IS NULL').run(at, id).changes === 1;
  }

  /** Keeps what a confirm did, written in the confirm's transaction. */
  setResult(id: Id, resultJson: string): void {
    prepared(this.db, 'UPDATE import_batch SET result_json = ? WHERE id = ?').run(resultJson, id);
  }

  countBatches(): number {
    return prepared(this.db, 'SELECT count(*) FROM import_batch', 'pluck').get() as number;
  }
}
