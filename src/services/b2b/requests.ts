import { ForbiddenError, NotFoundError, ValidationError, type Said } from '../../domain/errors';
import type { Id } from '../../domain/types';
import { inWriteTransaction } from '../../store/database';
import type { B2BParticipantRecord, B2BRequestRecord, B2BRequestState } from '../../domain/b2b';
import type { Actor } from '../actor';
import type { B2BContext } from './context';
import { parseB2BInput, requestInputSchema } from './input';
import type { MeetingService } from '../meetings';
import { message } from '../../messages';
import { storedMessage } from '../../messages/stored';

/**
 * Who acts on a request: a planner (for any company of the session) or a
 * company through its own secret link (for itself only).
 */
export type B2BActing = { actor: Actor; participantId: null } | { actor: Actor; participantId: Id };

export const REQUEST_ACTIONS = {
  accept: { from: ['pending'], to: 'accepted', done: 'accepted', by: 'recipient' },
  decline: { from: ['pending'], to: 'declined', done: 'declined', by: 'recipient' },
  cancel: { from: ['pending', 'accepted'], to: 'cancelled', done: 'cancelled', by: 'either' },
  reopen: { from: ['declined', 'cancelled'], to: 'pending', done: 'reopened', by: 'planner' },
} as const satisfies Record<string, { from: readonly B2BRequestState[]; to: B2BRequestState; done: string; by: 'recipient' | 'either' | 'planner' }>;
export type RequestAction = keyof typeof REQUEST_ACTIONS;

/** The acting party for a secret link, stamped on the audit rows it causes. */
export function linkActor(participantName: string): Actor {
  return { userId: null, username: `B2B link: ${participantName}`, role: 'viewer' };
}

/**
 * Meeting requests between the companies of a session: one per pair, never
 * to oneself nor, when the session has sides, within one side. A request that
 * leaves 'accepted' takes its meeting with it (cancelled, not deleted: feeds
 * keep showing it as cancelled).
 */
export class B2BRequestService {
  constructor(
    private readonly ctx: B2BContext,
    private readonly meetings: MeetingService,
  ) {}

  list(sessionId: Id): B2BRequestRecord[] {
    return this.ctx.store.b2bRequests.list({ sessionId });
  }

  get(id: Id): B2BRequestRecord {
    return this.ctx.request(id);
  }

  create(by: B2BActing, sessionId: Id, raw: unknown): B2BRequestRecord {
    // A company's link only ever asks in its own name, whatever the form says.
    const input = parseB2BInput(requestInputSchema, by.participantId === null ? raw : { ...(raw as object), fromId: by.participantId });
    return inWriteTransaction(this.ctx.store.db, () => {
      const session = this.ctx.session(sessionId);
      const participants = new Map(this.ctx.store.b2bParticipants.list(sessionId).map((p) => [p.id, p]));
      const from = participants.get(input.fromId);
      const to = participants.get(input.toId);
      const fields: Record<string, Said> = {};
      if (!from) fields.fromId = message('b2b.request.from-missing', {});
      if (!to) fields.toId = message('b2b.request.to-missing', {});
      if (from && to) {
        const existing = this.ctx.store.b2bRequests.findPair(sessionId, from.id, to.id);
        if (from.id === to.id) fields.toId = message('b2b.request.to-self', { company: this.ctx.nameOf(from) });
        else if (session.sideALabel !== null && from.side !== null && from.side === to.side) {
          const side = from.side === 'a' ? session.sideALabel : session.sideBLabel;
          const other = from.side === 'a' ? session.sideBLabel : session.sideALabel;
          fields.toId = message('b2b.request.same-side', { to: this.ctx.nameOf(to), from: this.ctx.nameOf(from), side: side ?? '', other: other ?? '' });
        } else if (existing) fields.toId = message('b2b.request.pair-exists', { from: this.ctx.nameOf(from), to: this.ctx.nameOf(to), state: existing.state, sentBy: this.ctx.nameOf(this.ctx.participant(existing.fromId)) });
      }
      if (Object.keys(fields).length) throw new ValidationError(fields);

      const now = this.ctx.clock();
      const request = this.ctx.store.b2bRequests.insert({
        sessionId,
        fromId: input.fromId,
        toId: input.toId,
        message: input.message,
        priority: input.priority,
        state: 'pending',
        createdBy: by.participantId === null ? `planner:${by.actor.username}` : `link:${by.participantId}`,
        answeredAt: null,
        pinSlotIndex: null,
        pinTable: null,
        meetingId: null,
        createdAt: now,
        updatedAt: now,
      });
      this.ctx.audit(by.actor, { action: 'create', entity: 'b2b_request', id: request.id, forumId: session.forumId, summary: storedMessage(message('audit.summary.b2b-request', { from: this.ctx.nameOf(from!), to: this.ctx.nameOf(to!) })), before: null, after: request });
      return request;
    });
  }

  /** Accept, decline, cancel or reopen. A company may answer what it was asked, and cancel its own. */
  act(by: B2BActing, requestId: Id, action: RequestAction): B2BRequestRecord {
    const rule = REQUEST_ACTIONS[action];
    if (!rule) throw new ValidationError({ action: message('b2b.request.action', {}) });
    return inWriteTransaction(this.ctx.store.db, () => {
      const current = this.ctx.request(requestId);
      const session = this.ctx.session(current.sessionId);
      this.checkParty(by, current, rule.by);
      const from = this.ctx.participant(current.fromId);
      const to = this.ctx.participant(current.toId);
      if (!(rule.from as readonly string[]).includes(current.state)) {
        throw new ValidationError({ _form: message('b2b.request.wrong-state', { from: this.ctx.nameOf(from), to: this.ctx.nameOf(to), state: current.state, done: rule.done }) });
      }
      const now = this.ctx.clock();
      const leavesSchedule = current.state === 'accepted';
      const updated = this.ctx.store.b2bRequests.update(current.id, current.version, {
        state: rule.to,
        answeredAt: rule.to === 'pending' ? null : now,
        updatedAt: now,
        ...(leavesSchedule ? { pinSlotIndex: null, pinTable: null } : {}),
      })!;
      if (leavesSchedule) this.withdrawMeeting(by.actor, updated);
      this.ctx.audit(by.actor, { action: 'update', entity: 'b2b_request', id: current.id, forumId: session.forumId, summary: storedMessage(message('audit.summary.b2b-request-done', { from: this.ctx.nameOf(from), to: this.ctx.nameOf(to), done: rule.done })), before: current, after: updated });
      return updated;
    });
  }

  /** The requests a company sent and received, for its own page. */
  of(participant: B2BParticipantRecord): { incoming: B2BRequestRecord[]; outgoing: B2BRequestRecord[] } {
    const all = this.list(participant.sessionId);
    return { incoming: all.filter((r) => r.toId === participant.id), outgoing: all.filter((r) => r.fromId === participant.id) };
  }

  private checkParty(by: B2BActing, request: B2BRequestRecord, party: 'recipient' | 'either' | 'planner'): void {
    if (by.participantId === null) return;
    const involved = request.fromId === by.participantId || request.toId === by.participantId;
    // Another company's request is none of this link's business: answer as if it did not exist.
    if (!involved) throw new NotFoundError(message('b2b.request.not-yours', {}));
    if (party === 'planner') throw new ForbiddenError(message('b2b.request.planner-only', {}));
    if (party === 'recipient' && request.toId !== by.participantId) throw new ForbiddenError(message('b2b.request.recipient-only', {}));
    if (party === 'either' && request.state === 'pending' && request.fromId !== by.participantId) throw new ForbiddenError(message('b2b.request.decline-not-cancel', {}));
  }

  /** The request's meeting is cancelled and its place in the schedule freed; the next run may reuse the meeting. */
  private withdrawMeeting(actor: Actor, request: B2BRequestRecord): void {
    this.ctx.store.b2bSchedule.removeRequest(request.id);
    if (request.meetingId === null) return;
    const meeting = this.ctx.store.meetings.find(request.meetingId);
    if (meeting && meeting.status !== 'cancelled') this.meetings.setStatus(actor, meeting.id, meeting.version, 'cancelled');
  }
}
