import crypto from 'node:crypto';
import { z } from 'zod';
import { buildFeed, buildSingleEventFile, computeEtag, type FeedEntry } from '../domain/calendar';
import { NotFoundError, ValidationError } from '../domain/errors';
import type { Forum, Id, Meeting } from '../domain/types';
import { inWriteTransaction } from '../store/database';
import type { Store } from '../store';
import { FEED_SCOPES, type FeedScopeKind, type FeedToken } from '../store/repositories/feed-tokens';
import type { Actor } from './actor';
import type { MeetingView, ProgrammeViews } from './programme-views';
import { sha256 } from './passwords';
import { field, parseInput } from './validation';

export interface FeedDocumentResult {
  body: string;
  etag: string;
  lastModified: number;
}

/** What a token opens, by name: "Shahin Mustafayev", "Governor’s meeting room". */
export interface ScopeInfo {
  kind: FeedScopeKind;
  id: Id;
  name: string;
  forum: Forum;
  homeTimeZone: string | null;
  /** Private scopes (a delegation, one of its members) see briefings and documents. */
  isPrivate: boolean;
}

/** 192 bits from the CSPRNG, URL-safe: 32 characters. */
const TOKEN_BYTES = 24;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;
/** Writing "last fetched" on every poll would put an fsync in every feed request; once a minute is enough to see who subscribed. */
const FETCH_MARK_EVERY_MS = 60_000;
const CACHE_LIMIT = 500;

const tokenSchema = z.object({
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
  private readonly cache = new Map<string, FeedDocumentResult>();

  constructor(
    private readonly store: Store,
    private readonly views: ProgrammeViews,
    private readonly options: { refreshMinutes: number; cancelledDays: number },
    private readonly clock: () => number = Date.now,
  ) {}

  createToken(actor: Actor, forumId: Id, raw: unknown): { token: FeedToken; secret: string } {
    const v = parseInput(tokenSchema, raw);
    return inWriteTransaction(this.store.db, () => {
      const forum = this.store.forums.find(forumId);
      if (!forum) throw new NotFoundError('There is no such forum.');
      if (!this.scopeExists(v.scope, v.scopeId, forumId)) throw new ValidationError({ scopeId: `Choose an existing ${v.scope.replace('_', ' ')} of this forum.` });
      const expiresAt = v.expiresOn ? Date.parse(`${v.expiresOn}T23:59:59Z`) : null;
      if (expiresAt !== null && expiresAt <= this.clock()) throw new ValidationError({ expiresOn: 'Choose an expiry date in the future, or none.' });
      const secret = crypto.randomBytes(TOKEN_BYTES).toString('base64url');
      const id = this.store.feedTokens.insert({ forumId, scope: v.scope, scopeId: v.scopeId, label: v.label, tokenHash: sha256(secret), createdAt: this.clock(), createdBy: actor.username, expiresAt });
      const token = this.store.feedTokens.find(id)!;
      this.audit(actor, 'create', token);
      return { token, secret };
    });
  }

  revoke(actor: Actor, id: Id): FeedToken {
    return inWriteTransaction(this.store.db, () => {
      const token = this.get(id);
      this.store.feedTokens.revoke(id, this.clock());
      this.audit(actor, 'update', token, 'revoked');
      return this.get(id);
    });
  }

  /** A new secret for the same scope and label; the old link stops working at once. */
  rotate(actor: Actor, id: Id): { token: FeedToken; secret: string } {
    return inWriteTransaction(this.store.db, () => {
      const old = this.revoke(actor, id);
      return this.createToken(actor, old.forumId, { scope: old.scope, scopeId: old.scopeId, label: old.label, expiresOn: old.expiresAt ? new Date(old.expiresAt).toISOString().slice(0, 10) : null });
    });
  }

  get(id: Id): FeedToken {
    const token = this.store.feedTokens.find(id);
    if (!token) throw new NotFoundError(`There is no link ${id}.`);
    return token;
  }

  list(forumId: Id): FeedToken[] {
    return this.store.feedTokens.list(forumId);
  }

  /** The token a secret names, if it is well-formed, known, unrevoked and unexpired; otherwise nothing (callers answer 404, with no hint why). */
  resolve(secret: string): FeedToken | null {
    if (!TOKEN_SHAPE.test(secret)) return null;
    const token = this.store.feedTokens.findByHash(sha256(secret));
    if (!token || token.revokedAt !== null || (token.expiresAt !== null && token.expiresAt <= this.clock())) return null;
    if (!this.scopeExists(token.scope, token.scopeId, token.forumId)) return null;
    return token;
  }

  markFetched(token: FeedToken): void {
    const now = this.clock();
    if (token.lastFetchedAt === null || now - token.lastFetchedAt >= FETCH_MARK_EVERY_MS) this.store.feedTokens.markFetched(token.id, now);
  }

  scopeInfo(token: Pick<FeedToken, 'scope' | 'scopeId' | 'forumId'>): ScopeInfo {
    const forum = this.store.forums.find(token.forumId)!;
    const base = { kind: token.scope, id: token.scopeId, forum };
    switch (token.scope) {
      case 'delegation': {
        const d = this.store.delegations.find(token.scopeId)!;
        return { ...base, name: d.name, homeTimeZone: d.homeTimeZone, isPrivate: true };
      }
      case 'person': {
        const p = this.store.people.find(token.scopeId)!;
        const delegation = this.delegationsOf(token.forumId, p.id)[0];
        return { ...base, name: p.fullName, homeTimeZone: delegation?.homeTimeZone ?? null, isPrivate: delegation !== undefined };
      }
      case 'room': {
        const r = this.store.rooms.find(token.scopeId)!;
        return { ...base, name: r.name, homeTimeZone: null, isPrivate: false };
      }
      case 'organization':
        return { ...base, name: this.store.organizations.find(token.scopeId)!.name, homeTimeZone: null, isPrivate: false };
      case 'b2b_participant': {
        // A company at a B2B session: its table times in the forum's zone, and its delegation's zone beside them when a representative belongs to one.
        const p = this.store.b2bParticipants.find(token.scopeId)!;
        const session = this.store.b2bSessions.find(p.sessionId)!;
        const delegation = p.representativeIds.map((id) => this.delegationsOf(token.forumId, id)[0]).find((d) => d !== undefined);
        return { ...base, name: `${this.store.organizations.find(p.organizationId)?.name ?? `Participant ${p.id}`} · ${session.title}`, homeTimeZone: delegation?.homeTimeZone ?? null, isPrivate: false };
      }
    }
  }

  /** The meetings a scope sees: proposed ones are never published. */
  meetingsOf(token: Pick<FeedToken, 'scope' | 'scopeId' | 'forumId'>): Meeting[] {
    const forumId = token.forumId;
    const filter =
      token.scope === 'delegation' ? { delegationId: token.scopeId }
      : token.scope === 'person' ? { personId: token.scopeId }
      : token.scope === 'room' ? { roomId: token.scopeId }
      : token.scope === 'organization' ? { organizationId: token.scopeId }
      : { ids: this.store.b2bRequests.meetingIdsOf(token.scopeId) };
    return this.store.meetings.list({ forumId, ...filter }).filter((m) => m.status !== 'proposed');
  }

  /** The feed for a secret link's scope. */
  feedFor(token: FeedToken, baseUrl: string): FeedDocumentResult {
    return this.cached(`t${token.id}|${baseUrl}`, () => {
      const info = this.scopeInfo(token);
      return this.build(info.forum, this.meetingsOf(token), {
        name: `${info.forum.shortName} · ${info.name}`,
        description: `${info.forum.name}: the programme of ${info.name}. Times in ${info.forum.timeZone}.`,
        baseUrl,
        briefingFor: (view) => (info.isPrivate && this.seesBriefing(info, view) ? view.meeting.briefing : ''),
        scope: info.isPrivate ? 'private' : 'public',
      });
    });
  }

  /** The forum's public programme: meetings marked public, no notes. */
  publicFeed(forumId: Id, baseUrl: string): FeedDocumentResult {
    const forum = this.store.forums.find(forumId);
    if (!forum) throw new NotFoundError('There is no such forum.');
    return this.cached(`f${forumId}|${baseUrl}`, () =>
      this.build(forum, this.store.meetings.list({ forumId, isPublic: true }).filter((m) => m.status !== 'proposed'), {
        name: `${forum.shortName} · public programme`,
        description: `${forum.name}: public programme. Times in ${forum.timeZone}.`,
        baseUrl,
        briefingFor: () => '',
        scope: 'public',
      }),
    );
  }

  /** One meeting as an .ics file to forward to a counterpart: no briefing. */
  singleEvent(meeting: Meeting, baseUrl: string): string {
    const forum = this.store.forums.find(meeting.forumId)!;
    const [view] = this.views.describe(forum, [meeting]);
    const protocol = this.protocolContact(meeting);
    return buildSingleEventFile({ entry: this.entry(view!, baseUrl, ''), organizer: protocol, now: this.clock() });
  }

  private build(forum: Forum, meetings: Meeting[], o: { name: string; description: string; baseUrl: string; briefingFor: (v: MeetingView) => string; scope: 'private' | 'public' }): FeedDocumentResult {
    const keepFrom = this.clock() - this.options.cancelledDays * 86_400_000;
    const shown = meetings.filter((m) => m.status !== 'cancelled' || (m.cancelledAt ?? m.updatedAt) >= keepFrom);
    const entries = this.views.describe(forum, shown).map((v) => this.entry(v, o.baseUrl, o.briefingFor(v)));
    const body = buildFeed({ calendarName: o.name, calendarDescription: o.description, scope: o.scope, forumTimeZone: forum.timeZone, refreshMinutes: this.options.refreshMinutes, entries });
    const lastModified = Math.max(0, ...shown.map((m) => m.updatedAt));
    return { body, etag: computeEtag(body), lastModified: lastModified || this.clock() };
  }

  private entry(v: MeetingView, baseUrl: string, briefing: string): FeedEntry {
    const m = v.meeting;
    return {
      uid: `meeting-${m.id}@forum-planner`,
      sequence: m.sequence,
      status: m.status === 'proposed' ? 'tentative' : m.status,
      startUtc: m.startUtc,
      endUtc: m.endUtc,
      timeZone: m.timeZone,
      title: m.title,
      kind: m.kind,
      location: [v.placeText, v.address].filter(Boolean).join(', '),
      counterparts: v.participants.filter((p) => p.role === 'counterpart').map((p) => ({ name: p.person.fullName, position: p.person.position, organization: p.organization?.name ?? '' })),
      ourParticipants: v.participants.filter((p) => p.role !== 'counterpart').map((p) => ({ name: p.person.fullName, role: p.role })),
      briefing,
      documents: briefing ? m.documents.map((d) => ({ title: d.title, parties: d.parties, signed: d.signedOn !== null })) : [],
      url: `${baseUrl}/forums/${m.forumId}/meetings/${m.id}`,
      createdAt: m.createdAt,
      lastModified: m.updatedAt,
    };
  }

  /** A delegation sees its own meetings' notes; a person those of meetings of a delegation they belong to. */
  private seesBriefing(info: ScopeInfo, view: MeetingView): boolean {
    if (info.kind === 'delegation') return view.meeting.delegationIds.includes(info.id);
    if (info.kind === 'person') {
      const mine = new Set(this.delegationsOf(info.forum.id, info.id).map((d) => d.id));
      return view.meeting.delegationIds.some((id) => mine.has(id));
    }
    return false;
  }

  private delegationsOf(forumId: Id, personId: Id) {
    const ids = new Set(this.store.delegations.membersOfForum(forumId).filter((m) => m.personId === personId).map((m) => m.delegationId));
    return this.store.delegations.list({ forumId }).filter((d) => ids.has(d.id));
  }

  private protocolContact(meeting: Meeting): { name: string; email: string } {
    for (const delegationId of meeting.delegationIds) {
      const officer = this.store.delegations.members(delegationId).find((m) => m.role === 'protocol_officer');
      const person = officer ? this.store.people.find(officer.personId) : undefined;
      if (person?.email) return { name: `${person.fullName} (protocol)`, email: person.email };
    }
    return { name: 'Protocol office', email: 'protocol@forum-planner.invalid' };
  }

  private scopeExists(scope: FeedScopeKind, id: Id, forumId: Id): boolean {
    switch (scope) {
      case 'delegation':
        return this.store.delegations.find(id)?.forumId === forumId;
      case 'person':
        return this.store.people.find(id) !== undefined;
      case 'room':
        return this.store.rooms.listByForum(forumId).some((r) => r.id === id);
      case 'organization':
        return this.store.organizations.find(id) !== undefined;
      case 'b2b_participant': {
        const participant = this.store.b2bParticipants.find(id);
        return participant !== undefined && this.store.b2bSessions.find(participant.sessionId)?.forumId === forumId;
      }
    }
  }

  private cached(key: string, make: () => FeedDocumentResult): FeedDocumentResult {
    const generation = this.store.db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number | null;
    // Cancelled meetings age out of feeds by the day, so the day is part of the key too.
    const fullKey = `${key}|${generation ?? 0}|${Math.floor(this.clock() / 86_400_000)}`;
    const hit = this.cache.get(fullKey);
    if (hit) return hit;
    const made = make();
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(fullKey, made);
    return made;
  }

  private audit(actor: Actor, action: 'create' | 'update', token: FeedToken, note = ''): void {
    this.store.audit.append({ at: this.clock(), userId: actor.userId, username: actor.username, action, entity: 'feed_token', entityId: token.id, forumId: token.forumId, summary: `${token.scope} ${token.scopeId} ${token.label} ${note}`.trim(), before: null, after: token });
  }
}
