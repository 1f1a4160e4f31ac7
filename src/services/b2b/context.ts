import { NotFoundError } from '../../domain/errors';
import type { Forum, Id } from '../../domain/types';
import type { Store } from '../../store';
import type { B2BParticipantRecord, B2BRequestRecord, B2BSession } from '../../domain/b2b';
import type { Actor } from '../actor';
import { message } from '../../messages';

/** The lookups and the audit row every B2B use case needs, in one place. */
export class B2BContext {
  constructor(
    readonly store: Store,
    readonly clock: () => number = Date.now,
  ) {}

  session(id: Id): B2BSession {
    const session = Number.isSafeInteger(id) ? this.store.b2bSessions.find(id) : undefined;
    if (!session) throw new NotFoundError(message('b2b.session.not-found', { id: Number.isSafeInteger(id) ? id : null }));
    return session;
  }

  forum(id: Id): Forum {
    const forum = this.store.forums.find(id);
    if (!forum) throw new NotFoundError(message('forum.not-found-id', { id }));
    return forum;
  }

  participant(id: Id): B2BParticipantRecord {
    const participant = Number.isSafeInteger(id) ? this.store.b2bParticipants.find(id) : undefined;
    if (!participant) throw new NotFoundError(message('b2b.participant.not-found', { id: Number.isSafeInteger(id) ? id : null }));
    return participant;
  }

  request(id: Id): B2BRequestRecord {
    const request = Number.isSafeInteger(id) ? this.store.b2bRequests.find(id) : undefined;
    if (!request) throw new NotFoundError(message('b2b.request.not-found', { id: Number.isSafeInteger(id) ? id : null }));
    return request;
  }

  /** The company's name, as every B2B page and sentence calls it. */
  nameOf(participant: Pick<B2BParticipantRecord, 'id' | 'organizationId'>): string {
    return this.store.organizations.find(participant.organizationId)?.name ?? `participant #${participant.id}`;
  }

  audit(actor: Actor, o: { action: 'create' | 'update'; entity: 'b2b_session' | 'b2b_participant' | 'b2b_request' | 'b2b_schedule'; id: Id; forumId: Id; summary: string; before: unknown; after: unknown }): void {
    this.store.audit.append({ at: this.clock(), userId: actor.userId, username: actor.username, action: o.action, entity: o.entity, entityId: o.id, forumId: o.forumId, summary: o.summary, before: o.before, after: o.after });
  }
}
