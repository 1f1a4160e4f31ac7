import type { Id } from '../../domain/types';
import type { B2BParticipantRecord } from '../../domain/b2b';
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

  create(actor: Actor, participantId: Id, label = ''): { token: FeedToken; secret: string } {
    const participant = this.ctx.participant(participantId);
    const session = this.ctx.session(participant.sessionId);
    return this.feeds.createToken(actor, session.forumId, { scope: 'b2b_participant', scopeId: participant.id, label: label || this.ctx.nameOf(participant) });
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
}
