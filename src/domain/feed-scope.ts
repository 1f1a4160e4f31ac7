/**
 * What a secret link (a feed token) opens: one scope of one forum. The kinds
 * are the same list as the SQL CHECK constraints on feed_token and
 * print_snapshot; services/feeds/scope-registry.ts says how each is read.
 */
import type { Id, Instant } from './types';

export const FEED_SCOPES = ['delegation', 'person', 'room', 'organization', 'b2b_participant'] as const;
export type FeedScopeKind = (typeof FEED_SCOPES)[number];

/** One scope of one forum: what an agenda or a print snapshot belongs to. */
export interface ScopeRef {
  forumId: Id;
  scope: FeedScopeKind;
  scopeId: Id;
}

/** A secret link to a scope's feed and pages; only its hash is kept. */
export interface FeedToken {
  id: Id;
  forumId: Id;
  scope: FeedScopeKind;
  scopeId: Id;
  label: string;
  createdAt: Instant;
  createdBy: string;
  expiresAt: Instant | null;
  revokedAt: Instant | null;
  lastFetchedAt: Instant | null;
  fetchCount: number;
}
