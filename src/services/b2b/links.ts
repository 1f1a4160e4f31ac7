import type { Id } from '../../domain/types';
import { scheduleChanges, type B2BChange, type B2BParticipantRecord } from '../../domain/b2b';
import type { FeedToken } from '../../domain/feed-scope';
import type { Actor } from '../actor';
import type { B2BContext } from './context';
import type { FeedService } from '../feeds';

/**
 * A company's secret link: a feed token of scope 'b2b_participant'. The same
 * token opens the company's B2B pages, its calendar feed and its printable
 * agenda, and acts for that company only.
 */
export class B2BLinkService {
  constructor(
    private readonly ctx: B2BContext,
    private readonly feeds: FeedService,
  ) {}

  /**
   * A new link in a language of its own (`locale`: en, ru, az; checked like every link's, English when not given):
   * the company's pages, their form answers and its calendar feed are in it.
   */
  create(actor: Actor, participantId: Id, options: { label?: string; locale?: unknown } = {}): { token: FeedToken; secret: string } {
    const participant = this.ctx.participant(participantId);
    const session = this.ctx.session(participant.sessionId);
    return this.feeds.createToken(actor, session.forumId, { scope: 'b2b_participant', scopeId: participant.id, label: options.label || this.ctx.nameOf(participant), locale: options.locale });
  }

  /** The live links of a company (revoked ones are listed on the forum's links page). */
  of(participant: B2BParticipantRecord): FeedToken[] {
    const session = this.ctx.session(participant.sessionId);
    return this.ctx.store.feedTokens.list(session.forumId, { scope: 'b2b_participant', scopeId: participant.id }).filter((t) => t.revokedAt === null);
  }

  /** Every company of the forum's sessions, for the links page's list: 'SOCAR Polymer · Meeting of …'. */
  choices(forumId: Id): { value: Id; label: string }[] {
    return this.ctx.store.b2bSessions
      .list({ forumId })
      .flatMap((s) => this.ctx.store.b2bParticipants.list(s.id).map((p) => ({ value: p.id, label: `${this.ctx.nameOf(p)} · ${s.title}` })))
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  /** The company a secret opens, or null for any other secret (wrong, revoked, expired, another scope). */
  participantOf(secret: string): { token: FeedToken; participant: B2BParticipantRecord } | null {
    const token = this.feeds.resolve(secret);
    if (!token || token.scope !== 'b2b_participant') return null;
    const participant = this.ctx.store.b2bParticipants.find(token.scopeId);
    return participant ? { token, participant } : null;
  }

  /**
   * What changed at the company's tables since this link last showed them
   * after publishing, and remembers what it shows now (bookkeeping of a read:
   * written only when it differs, best effort). Before publishing the link
   * shows a provisional schedule and remembers nothing; its first look after
   * publishing has nothing to compare with.
   */
  changesSinceLastLook(token: FeedToken, participant: B2BParticipantRecord): { published: boolean; changes: B2BChange[] } {
    const { store } = this.ctx;
    if (!store.b2bProposals.publication(participant.sessionId)) return { published: false, changes: [] };
    const mine = new Set(store.b2bRequests.list({ sessionId: participant.sessionId }).filter((r) => r.fromId === participant.id || r.toId === participant.id).map((r) => r.id));
    const now = store.b2bSchedule
      .load(participant.sessionId)
      .placements.filter((p) => mine.has(p.requestId))
      .map(({ requestId, slotIndex, table }) => ({ requestId, slotIndex, table }));
    const seen = store.b2bProposals.seenBy(token.id);
    const changes = seen ? scheduleChanges(seen, now) : [];
    if (!seen || changes.length) store.b2bProposals.markSeen(token.id, now, this.ctx.clock());
    return { published: true, changes };
  }
}
