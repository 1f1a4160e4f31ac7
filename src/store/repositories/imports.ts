import type { Db } from '../database';
import { prepared } from '../statements';
import type { Id } from '../../domain/types';

/** The kinds whose rows are tied to a record by the file's own id (migration 0021). */
export type KeyedKind = 'people' | 'organizations';

export interface StoredBatch {
  id: Id;
  userId: Id;
  kind: string;
  fileName: string;
  tableJson: string;
  mappingJson: string;
  createdAt: number;
  expiresAt: number;
  appliedAt: number | null;
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

  addBatch(batch: Omit<StoredBatch, 'id' | 'appliedAt'>): Id {
    prepared(this.db, 'DELETE FROM import_batch WHERE expires_at <= ?').run(batch.createdAt);
    prepared(this.db, 'DELETE FROM import_batch WHERE user_id = ? AND id NOT IN (SELECT id FROM import_batch WHERE user_id = ? ORDER BY id DESC LIMIT ?)').run(batch.userId, batch.userId, MAX_BATCHES_PER_USER - 1);
    const result = prepared(this.db, 'INSERT INTO import_batch (user_id, kind, file_name, table_json, mapping_json, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      batch.userId, batch.kind, batch.fileName, batch.tableJson, batch.mappingJson, batch.createdAt, batch.expiresAt,
    );
    return Number(result.lastInsertRowid);
  }

  /** A user's batch that has not expired; another user's is not found. */
  findBatch(id: Id, userId: Id, now: number): StoredBatch | undefined {
    return prepared(this.db, `SELECT id, user_id AS userId, kind, file_name AS fileName, table_json AS tableJson, mapping_json AS mappingJson,
      created_at AS createdAt, expires_at AS expiresAt, applied_at AS appliedAt FROM import_batch WHERE id = ? AND user_id = ? AND expires_at > ?`).get(id, userId, now) as StoredBatch | undefined;
  }

  setMapping(id: Id, mappingJson: string): void {
    prepared(this.db, 'UPDATE import_batch SET mapping_json = ? WHERE id = ?').run(mappingJson, id);
  }

  /** Marks a batch applied; false when it already was (a second confirm of the same upload). */
  markApplied(id: Id, at: number): boolean {
    return prepared(this.db, 'UPDATE import_batch SET applied_at = ? WHERE id = ? AND applied_at IS NULL').run(at, id).changes === 1;
  }

  countBatches(): number {
    return prepared(this.db, 'SELECT count(*) FROM import_batch', 'pluck').get() as number;
  }
}
