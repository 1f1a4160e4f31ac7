/**
 * What a secret link (a feed token) opens: one scope of one forum. The kinds
 * are the same list as the SQL CHECK constraints on feed_token and
 * print_snapshot; services/feeds/scope-registry.ts says how each is read.
 */
import type { Locale } from '../messages/catalogue';
import type { Id, Instant } from './types';

export const FEED_SCOPES = ['delegation', 'person', 'room', 'organization', 'b2b_participant'] as const;
export type FeedScopeKind = (typeof FEED_SCOPES)[number];

/** A link's calendar reminder, in minutes before each meeting (the feed_token CHECK list); a link may have none. */
export const REMINDER_MINUTES = [15, 30, 60] as const;
export type ReminderMinutes = (typeof REMINDER_MINUTES)[number];

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
  /** The language its page, printed agenda and feed are in (a counterpart's link in Russian), unless the address asks for another. */
  locale: Locale;
  /** A reminder before each meeting of its feed that is not cancelled, or null for none. */
  reminderMinutes: ReminderMinutes | null;
}
