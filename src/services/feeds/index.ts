import crypto from 'node:crypto';
import { z } from 'zod';
import { buildSingleEventFile } from '../../domain/calendar';
import { NotFoundError, ValidationError } from '../../domain/errors';
import type { Forum, Id, Meeting } from '../../domain/types';
import type { NameForms } from '../../domain/names';
import { inWriteTransaction } from '../../store/database';
import type { Store } from '../../store';
import { FEED_SCOPES, REMINDER_MINUTES, type FeedScopeKind, type FeedToken, type ReminderMinutes } from '../../domain/feed-scope';
import { DEFAULT_LOCALE, LOCALES } from '../../messages/catalogue';
import { message } from '../../messages/message';
import { render, type Locale } from '../../messages/render';
import type { Actor } from '../actor';
import { SCOPES, type Span } from './scope-registry';
import { FeedBuilder, type BuiltFeed, type FeedDocumentResult } from './builder';
import type { ProgrammeViews } from '../meetings';
import { sha256 } from '../accounts';
import { ByteLru } from '../byte-lru';
import { field, parseInput, said } from '../validation';
import { storedMessage } from '../../messages/stored';

// The folder's public face: what files outside it import from its inner files.
export { AGENDA_SCOPES, scopeEntryOf, SCOPES } from './scope-registry';
export type { Span } from './scope-registry';

export type { FeedDocumentResult } from './builder';

/**
 * A link feed's cache key: its secret and the base its URLs are built on. The
 * secret is in the cached body's URLs anyway; it stays in memory, and
 * feed_state (on disk) names the feed by the link's id.
 */
const linkKey = (secret: string, baseUrl: string) => `s${secret}|${baseUrl}`;
/**
 * A feed in one language: the languages are a fixed list (LOCALES), so the keys stay bounded.
 * A link's feed in its own language (no ?lang= on the address) is kept as 'own', so a
 * conditional poll finds it without reading the link's row to learn which language that is.
 */
const cacheKey = (feedKey: string, locale: Locale | 'own') => `${feedKey}|${locale}`;

/** What a token opens, by name: "Shahin Mustafayev", "Governor’s meeting room". */
/** The calendars a change to one meeting reaches (see FeedService.reachOf). */
export interface MeetingReach {
  links: { id: Id; scope: FeedScopeKind; scopeName: string; label: string; lastFetchedAt: number | null }[];
  publicFeed: boolean;
}

export interface ScopeInfo {
  kind: FeedScopeKind;
  id: Id;
  name: string;
  /** The name by language, where the record has them (a person, an organization): a page heads with the reader's. */
  names?: NameForms;
  forum: Forum;
  homeTimeZone: string | null;
  /** Private scopes (a delegation, one of its members) may see briefings and documents: which ones, notesVisibleTo decides. */
  isPrivate: boolean;
}

/** 192 bits from the CSPRNG, URL-safe: 32 characters. */
const TOKEN_BYTES = 24;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;
/** Writing "last fetched" on every poll would put an fsync in every feed request; once a minute is enough to see who subscribed. */
const FETCH_MARK_EVERY_MS = 60_000;
/** What the cache of built feeds may hold, unless configured (CACHE_MB). */
export const DEFAULT_FEED_CACHE_BYTES = 64 * 2 ** 20;

interface CachedFeed extends BuiltFeed {
  /** The audit log's head when it was built. */
  generation: number;
  /** A link's feed: which link, and when it expires, so a poll can be answered without reading its row. */
  link: { id: Id; expiresAt: number | null } | null;
}

/** An entry's bytes: the body, the key, and the small change around them. */
const cachedBytes = (key: string, feed: CachedFeed) => feed.doc.body.length + 2 * (key.length + feed.doc.etag.length) + 200;

/** What a link's holder reads it in: its language and its reminder. */
const settingsSchema = z.object({
  // The link's language; a body that names none gets the default, as rows from before languages have.
  locale: z.preprocess((v) => (v === '' || v === undefined || v === null ? DEFAULT_LOCALE : v), field.oneOf('language', LOCALES)),
  // Minutes before each meeting, as the form's select and JSON send them ('15' or 15); '' or null for none.
  reminderMinutes: z.preprocess(
    (v) => (v === '' || v === undefined || v === null || v === 'none' ? null : typeof v === 'string' && /^\d{1,3}$/.test(v) ? Number(v) : v),
    z.union(REMINDER_MINUTES.map((m) => z.literal(m)) as [z.ZodLiteral<ReminderMinutes>, ...z.ZodLiteral<ReminderMinutes>[]], { error: said('field.choose-from-list', { label: 'reminder' }) }).nullable(),
  ),
});

const tokenSchema = settingsSchema.extend({
  scope: field.oneOf('scope', FEED_SCOPES),
  scopeId: field.id('person, delegation, room or organization'),
  label: field.optionalText('label', 200),
  expiresOn: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), field.date('expiry date').nullable()),
});

/**
 * Secret links and the iCalendar feeds behind them. Feeds are built once per
 * change of the data: the cache key includes the newest audit-log id, and
 * every write appends to the audit log in its own transaction, so a cached
 * feed can never outlive the data it shows.
 */
export class FeedService {
  /**
   * One entry per feed: a link's (by its secret's hash, and base URL) or a forum's public one.
   * Bounded in bytes, least recently used first out; the keys are bounded too, since base URLs
   * come from configuration (web/calendar-response.ts, baseUrlOf).
   */
  private readonly cache: ByteLru<string, CachedFeed>;
  /** Per link: fetches not yet added to its fetch_count, and when it was last written (at most once a minute). */
  private readonly fetches = new Map<Id, { unmarked: number; markedAt: number | null }>();

  private readonly builder: FeedBuilder;

  constructor(
    private readonly store: Store,
    private readonly views: ProgrammeViews,
    options: { refreshMinutes: number; cancelledDays: number; cacheBytes?: number },
    private readonly clock: () => number = Date.now,
  ) {
    this.builder = new FeedBuilder(store, views, options, clock);
    this.cache = new ByteLru(options.cacheBytes ?? DEFAULT_FEED_CACHE_BYTES, cachedBytes);
  }

  /** What the cache of built feeds holds now, and may hold. */
  cacheUse(): { entries: number; bytes: number; maxBytes: number } {
    return { entries: this.cache.size, bytes: this.cache.bytes, maxBytes: this.cache.maxBytes };
  }

  /** `forumId` null: the scope's own forum (a delegation's, a room's), else the only forum there is. */
  createToken(actor: Actor, forumIdOrNull: Id | null, raw: unknown): { token: FeedToken; secret: string } {
    const v = parseInput(tokenSchema, raw);
    return inWriteTransaction(this.store.db, () => {
      const forumId = forumIdOrNull ?? this.forumOfScope(v.scope, v.scopeId);
      if (forumId === null) throw new ValidationError({ forumId: message('feed.forum-needed', {}) });
      const forum = this.store.forums.find(forumId);
      if (!forum) throw new NotFoundError(message('forum.not-found', {}));
      if (!this.scopeExists(v.scope, v.scopeId, forumId)) throw new ValidationError({ scopeId: message('feed.scope-missing', { scope: v.scope }) });
      const expiresAt = v.expiresOn ? Date.parse(`${v.expiresOn}T23:59:59Z`) : null;
      if (expiresAt !== null && expiresAt <= this.clock()) throw new ValidationError({ expiresOn: message('feed.expiry-past', {}) });
      const secret = crypto.randomBytes(TOKEN_BYTES).toString('base64url');
      const id = this.store.feedTokens.insert({ forumId, scope: v.scope, scopeId: v.scopeId, label: v.label, tokenHash: sha256(secret), createdAt: this.clock(), createdBy: actor.username, expiresAt, locale: v.locale, reminderMinutes: v.reminderMinutes });
      const token = this.get(id);
      this.audit(actor, 'create', token);
      return { token, secret };
    });
  }

  /**
   * A live link's language and reminder, changed in place: the holder keeps
   * the same address, and its page and feed follow at once (the audit row
   * moves the head, so the cached feed is built again). A revoked link is
   * not found: it is dead.
   */
  changeSettings(actor: Actor, id: Id, raw: unknown): FeedToken {
    const v = parseInput(settingsSchema, raw);
    return inWriteTransaction(this.store.db, () => {
      const before = this.get(id);
      if (!this.store.feedTokens.updateSettings(id, { locale: v.locale, reminderMinutes: v.reminderMinutes })) throw new NotFoundError(message('feed.link-not-found', { id }));
      const after = this.get(id);
      // The summary names the link; the row's before and after hold its language and reminder.
      this.audit(actor, 'update', after, '', before);
      return after;
    });
  }

  revoke(actor: Actor, id: Id): FeedToken {
    return inWriteTransaction(this.store.db, () => {
      const token = this.get(id);
      this.store.feedTokens.revoke(id, this.clock());
      this.store.feedState.forget(`t${id}|`);
      this.audit(actor, 'update', token, 'revoked');
      return this.get(id);
    });
  }

  /** A new secret for the same scope and label; the old link stops working at once. */
  rotate(actor: Actor, id: Id): { token: FeedToken; secret: string } {
    return inWriteTransaction(this.store.db, () => {
      const old = this.revoke(actor, id);
      return this.createToken(actor, old.forumId, { scope: old.scope, scopeId: old.scopeId, label: old.label, expiresOn: old.expiresAt ? new Date(old.expiresAt).toISOString().slice(0, 10) : null, locale: old.locale, reminderMinutes: old.reminderMinutes });
    });
  }

  get(id: Id): FeedToken {
    const token = this.store.feedTokens.find(id);
    if (!token) throw new NotFoundError(message('feed.link-not-found', { id }));
    return token;
  }

  /** The forum's links, with fetches not yet written counted in. */
  list(forumId: Id): FeedToken[] {
    return this.store.feedTokens.list(forumId).map((t) => ({ ...t, fetchCount: t.fetchCount + (this.fetches.get(t.id)?.unmarked ?? 0) }));
  }

  /** The token a secret names, if it is well-formed, known, unrevoked and unexpired; otherwise nothing (callers answer 404, with no hint why). */
  resolve(secret: string): FeedToken | null {
    if (!TOKEN_SHAPE.test(secret)) return null;
    const token = this.store.feedTokens.findByHash(sha256(secret));
    if (!token || token.revokedAt !== null || (token.expiresAt !== null && token.expiresAt <= this.clock())) return null;
    if (!this.scopeExists(token.scope, token.scopeId, token.forumId)) return null;
    return token;
  }

  /** Counts every fetch, but writes (an fsync) at most once a minute per token. */
  markFetched(token: FeedToken): void {
    this.countFetch(token.id, token.lastFetchedAt);
  }

  /** `storedAt`: the row's last_fetched_at when the caller read it, or null when it did not. */
  private countFetch(id: Id, storedAt: number | null): void {
    const now = this.clock();
    const state = this.fetches.get(id) ?? { unmarked: 0, markedAt: null };
    if (storedAt !== null && (state.markedAt === null || storedAt > state.markedAt)) state.markedAt = storedAt;
    state.unmarked++;
    if (state.markedAt === null || now - state.markedAt >= FETCH_MARK_EVERY_MS) {
      if (this.store.feedTokens.markFetched(id, now, state.unmarked)) {
        state.unmarked = 0;
        state.markedAt = now;
      }
    }
    this.fetches.set(id, state);
  }

  /** What a link opens; NotFound when its forum or record is gone (a link kept in the list after a delete, or a row from before deletes were refused). */
  scopeInfo(token: Pick<FeedToken, 'scope' | 'scopeId' | 'forumId'>): ScopeInfo {
    const info = this.findScope(token);
    if (!info) throw new NotFoundError(message('feed.scope-gone', { scope: token.scope, id: token.scopeId }));
    return info;
  }

  /** A link's scope as the links page names it, including one whose record is gone, so the page still lists (and can revoke) it. */
  scopeName(token: Pick<FeedToken, 'scope' | 'scopeId' | 'forumId'>, locale: Locale): string {
    return this.findScope(token)?.name ?? render(message('feed.scope-deleted', { scope: token.scope, id: token.scopeId }), locale);
  }

  private findScope(token: Pick<FeedToken, 'scope' | 'scopeId' | 'forumId'>): ScopeInfo | null {
    const forum = this.store.forums.find(token.forumId);
    if (!forum) return null;
    const found = SCOPES[token.scope].find(this.store, token.scopeId, token.forumId);
    return found ? { kind: token.scope, id: token.scopeId, forum, ...found } : null;
  }

  /**
   * Who a change to this meeting reaches: the live links (not revoked, not
   * expired, their record still there) whose feed shows it, and whether the
   * public programme does. A proposed meeting is in no feed, so it reaches no one.
   */
  reachOf(meeting: Meeting): MeetingReach {
    if (meeting.status === 'proposed') return { links: [], publicFeed: false };
    const now = this.clock();
    const links = this.list(meeting.forumId)
      .filter((t) => t.revokedAt === null && (t.expiresAt === null || t.expiresAt > now))
      .filter((t) => this.scopeExists(t.scope, t.scopeId, t.forumId) && SCOPES[t.scope].shows(this.store, t.scopeId, meeting))
      .map((t) => ({ id: t.id, scope: t.scope, scopeName: this.findScope(t)?.name ?? '', label: t.label, lastFetchedAt: t.lastFetchedAt }));
    return { links, publicFeed: SCOPES.public.shows(this.store, meeting.forumId, meeting) };
  }

  /** The meetings a scope sees: proposed ones are never published. */
  meetingsOf(token: Pick<FeedToken, 'scope' | 'scopeId' | 'forumId'>, within?: Span): Meeting[] {
    return SCOPES[token.scope].meetings(this.store, token.scopeId, token.forumId, within).filter((m) => m.status !== 'proposed');
  }

  /** Which of `meetings` the scope shows (the same test as meetingsOf, asked of given meetings). */
  shownOf(token: Pick<FeedToken, 'scope' | 'scopeId' | 'forumId'>, meetings: readonly Meeting[]): Meeting[] {
    return meetings.filter((m) => m.forumId === token.forumId && m.status !== 'proposed' && SCOPES[token.scope].shows(this.store, token.scopeId, m));
  }

  /**
   * The feed for a secret link's scope. Its events link to the link's own
   * page (`secret` is the one in the request): the planners' meeting pages
   * need a sign-in the holder does not have. It is in the link's language,
   * or in `asked` when the address asks for another (?lang=).
   */
  feedFor(token: FeedToken, baseUrl: string, secret: string, asked: Locale | null): FeedDocumentResult {
    const link = { id: token.id, expiresAt: token.expiresAt };
    const locale = asked ?? token.locale;
    return this.cached(linkKey(secret, baseUrl), asked ?? 'own', link, () => {
      const info = this.scopeInfo(token);
      return this.builder.build(info.forum, this.meetingsOf(token), {
        // A preview in another language is dated apart, so it never re-dates the events of the link's own feed.
        key: asked === null ? `t${token.id}|${baseUrl}` : `t${token.id}|${baseUrl}|${asked}`,
        name: render(message('feed.name', { forum: info.forum.shortName, scope: info.name }), locale),
        description: render(message('feed.description', { forum: info.forum.name, scope: info.name, zone: info.forum.timeZone }), locale),
        urlFor: () => (baseUrl === '' ? '' : `${baseUrl}/s/${secret}`),
        notesFor: this.notesVisibleTo(info),
        scope: info.isPrivate ? 'private' : 'public',
        locale,
        reminderMinutes: token.reminderMinutes,
        travels: true,
      });
    });
  }

  /** The forum's public programme: meetings marked public, no notes, and no links (the public has no page to open). */
  publicFeed(forumId: Id, locale: Locale): FeedDocumentResult {
    const forum = this.store.forums.find(forumId);
    if (!forum) throw new NotFoundError(message('forum.not-found', {}));
    const key = `f${forumId}`;
    return this.cached(key, locale, null, () =>
      this.builder.build(forum, SCOPES.public.meetings(this.store, forumId, forumId).filter((m) => m.status !== 'proposed'), {
        key,
        name: render(message('feed.public-name', { forum: forum.shortName }), locale),
        description: render(message('feed.public-description', { forum: forum.name, zone: forum.timeZone }), locale),
        urlFor: () => '',
        notesFor: SCOPES.public.notesVisibleTo(this.store, forumId, forumId),
        scope: 'public',
        locale,
        reminderMinutes: null,
        travels: false,
      }),
    );
  }

  /**
   * A calendar's conditional poll of a link's feed, answered from memory:
   * the feed as last built, if it is still what feedFor would answer (built
   * since the last write, which a revoked link, a deleted scope and every
   * change of the programme are; the link not expired since; no cancelled
   * meeting due to drop out) and `clientHasIt` says the client's copy is this
   * one. Then the fetch is counted and the feed returned; it read no row but
   * the audit log's head and built nothing. Otherwise null, counting nothing:
   * the caller goes the whole way (resolve, markFetched, feedFor).
   */
  unchangedLinkFeed(secret: string, baseUrl: string, asked: Locale | null, clientHasIt: (doc: FeedDocumentResult) => boolean): FeedDocumentResult | null {
    if (!TOKEN_SHAPE.test(secret)) return null;
    const hit = this.current(cacheKey(linkKey(secret, baseUrl), asked ?? 'own'));
    if (!hit?.link || (hit.link.expiresAt !== null && hit.link.expiresAt <= this.clock()) || !clientHasIt(hit.doc)) return null;
    this.countFetch(hit.link.id, null);
    return hit.doc;
  }

  /** The same for a forum's public programme; null: call publicFeed. */
  unchangedPublicFeed(forumId: Id, locale: Locale, clientHasIt: (doc: FeedDocumentResult) => boolean): FeedDocumentResult | null {
    const hit = this.current(cacheKey(`f${forumId}`, locale));
    return hit && clientHasIt(hit.doc) ? hit.doc : null;
  }

  private current(key: string): CachedFeed | null {
    const hit = this.cache.get(key);
    return hit && hit.generation === this.store.feedTokens.auditHeadId() && this.clock() < hit.validUntil ? hit : null;
  }

  /** One meeting as an .ics file to forward to a counterpart: no briefing, and no link to a page only planners can open. */
  singleEvent(meeting: Meeting, locale: Locale): string {
    const forum = this.store.forums.find(meeting.forumId);
    if (!forum) throw new NotFoundError(message('forum.not-found', {}));
    const [view] = this.views.describe(forum, [meeting]);
    const protocol = this.protocolContact(meeting, locale);
    const entry = this.builder.single(view!, `m${meeting.id}`, '', locale);
    return buildSingleEventFile({ entry, organizer: protocol, now: this.clock(), locale });
  }

  /** Which meetings' briefing and documents a scope may read: none for a public scope, else its own side's (see ScopeEntry.notesVisibleTo). */
  notesVisibleTo(info: ScopeInfo): (meeting: Meeting) => boolean {
    if (!info.isPrivate) return () => false;
    return SCOPES[info.kind].notesVisibleTo(this.store, info.id, info.forum.id);
  }

  private protocolContact(meeting: Meeting, locale: Locale): { name: string; email: string } {
    for (const delegationId of meeting.delegationIds) {
      const officer = this.store.delegations.members(delegationId).find((m) => m.role === 'protocol_officer');
      const person = officer ? this.store.people.find(officer.personId) : undefined;
      if (person?.email) return { name: render(message('feed.protocol-officer', { name: person.fullName }), locale), email: person.email };
    }
    return { name: render(message('feed.protocol-office', {}), locale), email: 'protocol@forum-planner.invalid' };
  }

  /** The scope's own forum, else the only forum there is. */
  private forumOfScope(scope: FeedScopeKind, id: Id): Id | null {
    const own = SCOPES[scope].ownForum(this.store, id);
    if (own !== null) return own;
    const forums = this.store.forums.list();
    return forums.length === 1 ? forums[0]!.id : null;
  }

  /** Whether a scope names a record of this forum (people are shared: any person exists in every forum). */
  scopeExists(scope: FeedScopeKind, id: Id, forumId: Id): boolean {
    return SCOPES[scope].exists(this.store, id, forumId);
  }

  /**
   * The feed as last built, while no write has happened since (the audit
   * log's head is unchanged) and no cancelled meeting in it is due to drop
   * out; the builder dates what it builds, so a rebuild with the same bytes
   * keeps its Last-Modified.
   */
  private cached(feedKey: string, locale: Locale | 'own', link: CachedFeed['link'], make: () => BuiltFeed): FeedDocumentResult {
    // The same feed in another language is other bytes: cached apart (feed_state tells them apart by fingerprint).
    const key = cacheKey(feedKey, locale);
    const head = this.store.feedTokens.auditHeadId();
    const hit = this.cache.get(key);
    if (hit && hit.generation === head && this.clock() < hit.validUntil) return hit.doc;
    const made = make();
    this.cache.set(key, { generation: head, validUntil: made.validUntil, doc: made.doc, link });
    return made.doc;
  }

  private audit(actor: Actor, action: 'create' | 'update', token: FeedToken, note = '', before: FeedToken | null = null): void {
    this.store.audit.append({ at: this.clock(), userId: actor.userId, username: actor.username, action, entity: 'feed_token', entityId: token.id, forumId: token.forumId, summary: storedMessage(message('audit.summary.feed-token', { scope: token.scope, scopeId: token.scopeId, label: token.label, revoked: note === 'revoked' })), before, after: token });
  }
}
