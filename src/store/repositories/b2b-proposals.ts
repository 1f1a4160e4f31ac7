import { bestEffortWrite, type Db } from '../database';
import { prepared } from '../statements';
import type { B2BChange, B2BPlacement, B2BProposal, B2BPublication, B2BSeenTables, B2BStats } from '../../domain/b2b';
import type { Id, Instant } from '../../domain/types';
import { messageFromStore, storedMessage } from '../../messages/stored';

/** A proposal as its row holds it: the scalar fields as they are, the schedule as JSON. */
type ProposalRow = Pick<B2BProposal, 'id' | 'sessionId' | 'mode' | 'moveLimit' | 'timeBudgetMs' | 'baseHash' | 'inputHash' | 'createdAt' | 'createdBy'> & { schedule: string };

interface StoredSchedule {
  placements: B2BPlacement[];
  unplaced: { requestId: Id; reason: B2BProposal['unplaced'][number]['reason']; message: string }[];
  stats: B2BStats;
  changes: B2BChange[];
}

const COLUMNS = 'id, session_id AS sessionId, mode, move_limit AS moveLimit, time_budget_ms AS timeBudgetMs, base_hash AS baseHash, input_hash AS inputHash, schedule, created_at AS createdAt, created_by AS createdBy';

/**
 * A session's open proposal (at most one), whether its schedule is
 * published, and what each company link last showed.
 */
export class B2BProposalRepository {
  constructor(private readonly db: Db) {}

  find(id: Id): B2BProposal | undefined {
    const row = prepared(this.db, `SELECT ${COLUMNS} FROM b2b_proposal WHERE id = ?`).get(id) as ProposalRow | undefined;
    return row && toProposal(row);
  }

  ofSession(sessionId: Id): B2BProposal | undefined {
    const row = prepared(this.db, `SELECT ${COLUMNS} FROM b2b_proposal WHERE session_id = ?`).get(sessionId) as ProposalRow | undefined;
    return row && toProposal(row);
  }

  /** Stores a new proposal for its session, replacing the open one: returns its id. */
  replace(p: Omit<B2BProposal, 'id'>): Id {
    prepared(this.db, 'DELETE FROM b2b_proposal WHERE session_id = ?').run(p.sessionId);
    const schedule: StoredSchedule = { placements: p.placements, unplaced: p.unplaced.map((u) => ({ ...u, message: storedMessage(u.message) })), stats: p.stats, changes: p.changes };
    const info = prepared(this.db, 'INSERT INTO b2b_proposal (session_id, mode, move_limit, time_budget_ms, base_hash, input_hash, schedule, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      p.sessionId,
      p.mode,
      p.moveLimit,
      p.timeBudgetMs,
      p.baseHash,
      p.inputHash,
      JSON.stringify(schedule),
      p.createdAt,
      p.createdBy,
    );
    return Number(info.lastInsertRowid);
  }

  remove(id: Id): void {
    prepared(this.db, 'DELETE FROM b2b_proposal WHERE id = ?').run(id);
  }

  publication(sessionId: Id): B2BPublication | null {
    const row = prepared(this.db, 'SELECT session_id AS sessionId, published_at AS publishedAt, published_by AS publishedBy FROM b2b_publication WHERE session_id = ?').get(sessionId) as B2BPublication | undefined;
    return row ?? null;
  }

  publish(p: B2BPublication): void {
    prepared(this.db, 'INSERT INTO b2b_publication (session_id, published_at, published_by) VALUES (?, ?, ?)').run(p.sessionId, p.publishedAt, p.publishedBy);
  }

  /** The tables a link showed when it was last opened after publishing; null before its first such look. */
  seenBy(tokenId: Id): B2BSeenTables | null {
    const row = prepared(this.db, 'SELECT seen FROM b2b_link_seen WHERE token_id = ?').get(tokenId) as { seen: string } | undefined;
    return row ? (JSON.parse(row.seen) as B2BSeenTables) : null;
  }

  /** Bookkeeping of a read (the link's page): best effort, never failing the page. */
  markSeen(tokenId: Id, seen: B2BSeenTables, at: Instant): void {
    bestEffortWrite(this.db, () =>
      prepared(this.db, 'INSERT INTO b2b_link_seen (token_id, seen, seen_at) VALUES (?, ?, ?) ON CONFLICT (token_id) DO UPDATE SET seen = excluded.seen, seen_at = excluded.seen_at').run(tokenId, JSON.stringify(seen), at),
    );
  }
}

function toProposal(row: ProposalRow): B2BProposal {
  const { schedule, ...rest } = row;
  const s = JSON.parse(schedule) as StoredSchedule;
  return { ...rest, placements: s.placements, unplaced: s.unplaced.map((u) => ({ ...u, message: messageFromStore(u.message) })), stats: s.stats, changes: s.changes };
}
