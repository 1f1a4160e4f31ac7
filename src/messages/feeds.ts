/**
 * The keys of what secret links and calendar feeds say: refusals of a link,
 * a feed's own description, and the protocol office that publishes a single
 * event. `scope` is the kind of record a link opens; the sentences are in catalogues/<locale>/domain-feeds.json.
 */
import type { ScopeLabel } from './labels';

export interface FeedMessages {
  'feed.forum-needed': Record<string, never>;
  'feed.scope-missing': { scope: ScopeLabel };
  'feed.expiry-past': Record<string, never>;
  'feed.link-not-found': { id: number };
  'feed.scope-gone': { scope: ScopeLabel; id: number };
  /** A link's name on the links page once its record is gone, so the page still lists (and can revoke) it. */
  'feed.scope-deleted': { scope: ScopeLabel; id: number };
  /** The calendar's name: 'SPIEF 2019 · Shahin Mustafayev'. */
  'feed.name': { forum: string; scope: string };
  'feed.public-name': { forum: string };
  /** `zone` is the forum's IANA zone, as the calendar announces it. */
  'feed.description': { forum: string; scope: string; zone: string };
  'feed.public-description': { forum: string; zone: string };
  /** The ORGANIZER of a single event: the delegation's protocol officer, or the office itself. */
  'feed.protocol-officer': { name: string };
  'feed.protocol-office': Record<string, never>;
}
