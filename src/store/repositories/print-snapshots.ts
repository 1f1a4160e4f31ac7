import type { Db } from '../database';
import { prepared } from '../statements';
import type { PrintSnapshot } from '../../domain/agenda';
import type { Id } from '../../domain/types';
import type { ScopeRef } from '../../domain/feed-scope';

/** The printed states of each scope's agenda; only the latest is compared against. */
export class PrintSnapshotRepository {
  constructor(private readonly db: Db) {}

  latest(ref: ScopeRef): (PrintSnapshot & { printedBy: string }) | null {
    const row = prepared(this.db, 'SELECT snapshot, printed_by AS printedBy FROM print_snapshot WHERE forum_id = ? AND scope = ? AND scope_id = ? ORDER BY printed_at DESC, id DESC LIMIT 1').get(ref.forumId, ref.scope, ref.scopeId) as { snapshot: string; printedBy: string } | undefined;
    return row ? { ...(JSON.parse(row.snapshot) as PrintSnapshot), printedBy: row.printedBy } : null;
  }

  insert(ref: ScopeRef, snapshot: PrintSnapshot, printedBy: string): Id {
    return Number(
      prepared(this.db, 'INSERT INTO print_snapshot (forum_id, scope, scope_id, printed_at, printed_by, snapshot) VALUES (?, ?, ?, ?, ?, ?)').run(ref.forumId, ref.scope, ref.scopeId, snapshot.printedAt, printedBy, JSON.stringify(snapshot)).lastInsertRowid,
    );
  }
}
