import { createHash } from 'node:crypto';
import { scheduleB2B, scheduleChanges, type B2BChange, type B2BInput,type B2BPin, type B2BProposal, type B2BPublication, type B2BRunMode, type B2BStats,type B2BSlot, type B2BParticipantRecord, type B2BRequestRecord, type B2BStoredSchedule, type B2BSession } from '../../domain/b2b';
import { NotFoundError, StaleVersionError, ValidationError, type Said } from '../../domain/errors';
import { formatDate, formatTime } from '../../domain/time';
import type { Id } from '../../domain/types';
import { inWriteTransaction } from '../../store/database';
import type { Actor } from '../actor';
import type { B2BContext } from './context';
import { feasibleParticipants } from './feasibility';
import { parseB2BInput, pinInputSchema } from './input';
import { DEFAULT_TIME_BUDGET_MS, runInputSchema, type RunInput } from './run-input';
import { B2BMeetingWriter, type MeetingSync } from './meetings';
import type { B2BSessionService } from './sessions';
import type { MeetingService } from '../meetings';
import { render, message } from '../../messages';
import { storedMessage } from '../../messages/stored';

/** Everything a run reads, loaded once: the scheduler's input and what it was built from. */
export interface SchedulingInput {
  session: B2BSession;
  slots: B2BSlot[];
  participants: B2BParticipantRecord[];
  requests: B2BRequestRecord[];
  input: B2BInput;
  hash: string;
}

/** What applying a proposal did: the programme's meetings (none before publishing) and the schedule's counts. */
export interface ApplyResult extends MeetingSync {
  stats: B2BStats;
  unplaced: number;
  added: number;
  dropped: number;
  /** Applied meetings the proposal moved (in the programme too once published). */
  movedPlacements: number;
  published: boolean;
}

export interface ScheduleState extends B2BStoredSchedule {
  /** The programme, the requests or the session changed since the last run: a re-run may change the schedule. */
  stale: boolean;
  /** Accepted requests the last run did not see. */
  waiting: number;
  /** Null while the schedule is a draft: not in the programme, provisional on the company links. */
  published: B2BPublication | null;
  /** The open proposal, and whether it no longer fits what it was made from. */
  proposal: (B2BProposal & { stale: boolean }) | null;
}

/**
 * Runs the B2B scheduler over a session and writes its result into the
 * programme. A company is busy when any of its representatives is: in another
 * meeting of the programme (labelled with that meeting's title, so an
 * unplaced request names it), in an unavailability block, or in a time the
 * company itself marked. The session's own B2B meetings are not "other
 * meetings": they are what is being rearranged.
 */
export class B2BSchedulingService {
  private readonly writer: B2BMeetingWriter;

  constructor(
    private readonly ctx: B2BContext,
    private readonly sessions: B2BSessionService,
    meetings: MeetingService,
  ) {
    this.writer = new B2BMeetingWriter(ctx, meetings);
  }

  load(sessionId: Id): SchedulingInput {
    const { store } = this.ctx;
    const session = this.ctx.session(sessionId);
    const slots = this.sessions.slots(session);
    const participants = store.b2bParticipants.list(sessionId);
    const requests = store.b2bRequests.list({ sessionId });
    const accepted = requests.filter((r) => r.state === 'accepted');
    const ownMeetings = new Set(requests.map((r) => r.meetingId).filter((id) => id !== null));

    const schedulerParticipants = feasibleParticipants(this.ctx, session, slots, participants, ownMeetings);
    const input: B2BInput = {
      slots,
      tableCount: session.tableCount,
      participants: schedulerParticipants,
      requests: accepted.map((r) => ({ id: r.id, fromId: r.fromId, toId: r.toId, priority: r.priority })),
      pinned: accepted.filter((r) => r.pinSlotIndex !== null).map((r) => ({ requestId: r.id, slotIndex: r.pinSlotIndex!, table: r.pinTable! })),
      timeZone: session.timeZone,
    };
    const hash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
    return { session, slots, participants, requests, input, hash };
  }

  /** The applied schedule, whether it is still current (against `loaded`, when the caller has it already), published, and the open proposal. */
  state(sessionId: Id, loaded?: SchedulingInput): ScheduleState {
    const stored = this.ctx.store.b2bSchedule.load(sessionId);
    const seen = new Set([...stored.placements, ...stored.unplaced].map((x) => x.requestId));
    const waiting = this.ctx.store.b2bRequests.list({ sessionId, state: 'accepted' }).filter((r) => !seen.has(r.id)).length;
    const input = loaded ?? this.load(sessionId);
    const stale = stored.run !== null && stored.run.inputHash !== input.hash;
    const published = this.ctx.store.b2bProposals.publication(sessionId);
    const open = this.ctx.store.b2bProposals.ofSession(sessionId);
    const proposal = open ? { ...open, stale: open.baseHash !== baseOf(input, stored, published) } : null;
    return { ...stored, stale, waiting, published, proposal };
  }

  /**
   * Runs the scheduler and stores what it proposes, writing nothing else: the
   * programme, feeds and company links change only when the planner applies
   * it. "Place new requests" (the default once published) keeps every applied
   * placement and moves at most `moveLimit` of them; "Re-plan everything" may
   * move any. A new run replaces the session's open proposal.
   */
  run(actor: Actor, sessionId: Id, raw: unknown = {}): B2BProposal {
    const options = parseB2BInput(runInputSchema, raw ?? {});
    return inWriteTransaction(this.ctx.store.db, () => this.propose(actor, sessionId, options));
  }

  private propose(actor: Actor, sessionId: Id, options: RunInput): B2BProposal {
    const loaded = this.load(sessionId);
    const { session } = loaded;
    const stored = this.ctx.store.b2bSchedule.load(sessionId);
    const published = this.ctx.store.b2bProposals.publication(sessionId);
    const mode: B2BRunMode = options.mode ?? (published ? 'place-new' : 'replan');
    const moveLimit = options.moveLimit ?? 0;
    const timeBudgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
    // What companies were told stays where it is: every applied placement of a still-accepted, unpinned request (a pin says where it goes itself).
    const accepted = new Set(loaded.input.requests.map((r) => r.id));
    const pinned = new Set((loaded.input.pinned ?? []).map((p) => p.requestId));
    const current: B2BPin[] = stored.placements.filter((p) => accepted.has(p.requestId) && !pinned.has(p.requestId)).map(({ requestId, slotIndex, table }) => ({ requestId, slotIndex, table }));
    // Given in both modes: the stats count how many applied placements moved.
    const flow = { mode, current, moveLimit, timeBudgetMs };
    // The time budget is kept by the clock (without one the engine counts steps instead).
    const schedule = scheduleB2B({ ...loaded.input, ...flow }, { now: () => performance.now() });
    const changes = scheduleChanges(stored.placements, schedule.placements);
    const proposal: Omit<B2BProposal, 'id'> = {
      sessionId,
      mode,
      moveLimit,
      timeBudgetMs,
      baseHash: baseOf(loaded, stored, published),
      inputHash: loaded.hash,
      placements: schedule.placements,
      unplaced: schedule.unplaced,
      stats: schedule.stats,
      changes,
      createdAt: this.ctx.clock(),
      createdBy: actor.username,
    };
    const id = this.ctx.store.b2bProposals.replace(proposal);
    const count = (kind: B2BChange['kind']) => changes.filter((c) => c.kind === kind).length;
    this.ctx.audit(actor, {
      action: 'create',
      entity: 'b2b_schedule',
      id: sessionId,
      forumId: session.forumId,
      summary: storedMessage(
        message('audit.summary.b2b-proposal', { session: session.title, proposal: id, mode, moveLimit, placed: schedule.stats.placed, requests: loaded.input.requests.length, added: count('added'), moved: count('moved'), dropped: count('dropped') }),
      ),
      before: null,
      after: { proposal: id, mode, moveLimit, timeBudgetMs, stats: schedule.stats, changes },
    });
    return { id, ...proposal };
  }

  /** The open proposal with this id, or a 404 (applied, discarded or replaced). */
  proposal(proposalId: Id): B2BProposal {
    const found = Number.isSafeInteger(proposalId) ? this.ctx.store.b2bProposals.find(proposalId) : undefined;
    if (!found) throw new NotFoundError(message('b2b.proposal.not-found', { id: Number.isSafeInteger(proposalId) ? proposalId : null }));
    return found;
  }

  /**
   * Makes the proposal the session's schedule, in one transaction: once
   * published, its meetings are written through the MeetingService (a
   * refused meeting leaves nothing half-moved). A proposal made from another
   * programme, requests or schedule than the current ones is refused (412).
   */
  apply(actor: Actor, proposalId: Id): ApplyResult {
    return inWriteTransaction(this.ctx.store.db, () => {
      const proposal = this.proposal(proposalId);
      const loaded = this.load(proposal.sessionId);
      const { session } = loaded;
      const stored = this.ctx.store.b2bSchedule.load(session.id);
      const published = this.ctx.store.b2bProposals.publication(session.id);
      if (baseOf(loaded, stored, published) !== proposal.baseHash) throw new StaleVersionError({ proposalId: proposal.id, sessionId: session.id }, proposal.id, message('b2b.proposal.stale', {}));
      const sync = published ? this.writer.sync({ actor, session, slots: loaded.slots, participants: loaded.participants, requests: loaded.requests, placements: proposal.placements }) : { created: 0, moved: 0, cancelled: 0 };
      this.ctx.store.b2bSchedule.save(session.id, {
        placements: proposal.placements,
        unplaced: proposal.unplaced,
        run: { sessionId: session.id, ranAt: this.ctx.clock(), ranBy: actor.username, placed: proposal.stats.placed, upperBound: proposal.stats.upperBound, idleSlots: proposal.stats.idleSlots, inputHash: proposal.inputHash },
      });
      this.ctx.store.b2bProposals.remove(proposal.id);
      const count = (kind: B2BChange['kind']) => proposal.changes.filter((c) => c.kind === kind).length;
      const { placed, upperBound } = proposal.stats;
      this.ctx.audit(actor, {
        action: stored.run ? 'update' : 'create',
        entity: 'b2b_schedule',
        id: session.id,
        forumId: session.forumId,
        summary: storedMessage(
          message('audit.summary.b2b-applied', {
            session: session.title,
            proposal: proposal.id,
            draft: !published,
            placed,
            requests: loaded.input.requests.length,
            bound: upperBound,
            added: count('added'),
            moved: count('moved'),
            dropped: count('dropped'),
            created: sync.created,
            rescheduled: sync.moved,
            cancelled: sync.cancelled,
          }),
        ),
        before: { placements: stored.placements },
        // The audit keeps the reasons in the words the planner read at the time, like its summary.
        after: { proposal: proposal.id, stats: proposal.stats, placements: proposal.placements, unplaced: proposal.unplaced.map((u) => ({ ...u, message: render(u.message) })) },
      });
      return { ...sync, stats: proposal.stats, unplaced: proposal.unplaced.length, added: count('added'), dropped: count('dropped'), movedPlacements: count('moved'), published: published !== null };
    });
  }

  /** Drops the proposal: nothing else changes. */
  discard(actor: Actor, proposalId: Id): void {
    inWriteTransaction(this.ctx.store.db, () => {
      const proposal = this.proposal(proposalId);
      const session = this.ctx.session(proposal.sessionId);
      this.ctx.store.b2bProposals.remove(proposal.id);
      this.ctx.audit(actor, { action: 'update', entity: 'b2b_schedule', id: session.id, forumId: session.forumId, summary: storedMessage(message('audit.summary.b2b-discarded', { session: session.title, proposal: proposal.id })), before: { proposal: proposal.id, changes: proposal.changes }, after: null });
    });
  }

  /**
   * Publishes the applied schedule: its meetings enter the programme (so the
   * delegates' feeds and the companies' calendars), the company links stop
   * saying "provisional", and later runs default to "Place new requests".
   */
  publish(actor: Actor, sessionId: Id): MeetingSync {
    return inWriteTransaction(this.ctx.store.db, () => {
      const loaded = this.load(sessionId);
      const { session } = loaded;
      const already = this.ctx.store.b2bProposals.publication(session.id);
      if (already) throw new ValidationError({ _form: message('b2b.publish.already', { at: `${formatDate(already.publishedAt, session.timeZone)} ${formatTime(already.publishedAt, session.timeZone)}` }) });
      const stored = this.ctx.store.b2bSchedule.load(session.id);
      if (stored.run === null) throw new ValidationError({ _form: message('b2b.publish.nothing', {}) });
      if (this.ctx.store.b2bProposals.ofSession(session.id)) throw new ValidationError({ _form: message('b2b.publish.proposal-open', {}) });
      const sync = this.writer.sync({ actor, session, slots: loaded.slots, participants: loaded.participants, requests: loaded.requests, placements: stored.placements });
      const publication = { sessionId: session.id, publishedAt: this.ctx.clock(), publishedBy: actor.username };
      this.ctx.store.b2bProposals.publish(publication);
      this.ctx.audit(actor, { action: 'update', entity: 'b2b_schedule', id: session.id, forumId: session.forumId, summary: storedMessage(message('audit.summary.b2b-published', { session: session.title, meetings: stored.placements.length, created: sync.created, moved: sync.moved, cancelled: sync.cancelled })), before: null, after: publication });
      return sync;
    });
  }

  /**
   * Fixes an accepted request to a slot and table and proposes the schedule
   * with it: "Place new requests" around what is applied (so a pin at a
   * meeting's own place moves nothing else), "Re-plan everything" before the
   * first schedule. A pin the scheduler finds invalid (a representative busy
   * then, the table taken by another pin) is refused with its reason.
   */
  pin(actor: Actor, requestId: Id, raw: unknown): B2BProposal {
    const pin = parseB2BInput(pinInputSchema, raw);
    return inWriteTransaction(this.ctx.store.db, () => {
      const request = this.ctx.request(requestId);
      const session = this.ctx.session(request.sessionId);
      if (request.state !== 'accepted') throw new ValidationError({ _form: message('b2b.pin.not-accepted', { state: request.state }) });
      const slotCount = this.sessions.slots(session).length;
      const fields: Record<string, Said> = {};
      if (pin.slotIndex >= slotCount) fields.slotIndex = message('b2b.pin.slot-choice', { slots: slotCount });
      if (pin.table > session.tableCount) fields.table = message('b2b.pin.table-choice', { tables: session.tableCount });
      if (Object.keys(fields).length) throw new ValidationError(fields);

      const updated = this.ctx.store.b2bRequests.update(request.id, request.version, { pinSlotIndex: pin.slotIndex, pinTable: pin.table, updatedAt: this.ctx.clock() })!;
      this.ctx.audit(actor, { action: 'update', entity: 'b2b_request', id: request.id, forumId: session.forumId, summary: storedMessage(message('audit.summary.b2b-pinned', { slot: pin.slotIndex + 1, table: pin.table })), before: request, after: updated });
      const hasSchedule = this.ctx.store.b2bSchedule.load(session.id).run !== null;
      // A pin elsewhere may take the table of an applied meeting: that one may move, nothing more.
      const proposal = this.propose(actor, session.id, { mode: hasSchedule ? 'place-new' : 'replan', moveLimit: hasSchedule ? PIN_MOVE_LIMIT : 0 });
      const refused = proposal.unplaced.find((u) => u.requestId === request.id && u.reason === 'invalid_pin');
      // Throwing rolls back the pin and the proposal together.
      if (refused) throw new ValidationError({ _form: refused.message, slotIndex: refused.message }, refused.message);
      return proposal;
    });
  }

  /** The request keeps its place until the next run, which may then move it. */
  unpin(actor: Actor, requestId: Id): void {
    inWriteTransaction(this.ctx.store.db, () => {
      const request = this.ctx.request(requestId);
      const session = this.ctx.session(request.sessionId);
      const updated = this.ctx.store.b2bRequests.update(request.id, request.version, { pinSlotIndex: null, pinTable: null, updatedAt: this.ctx.clock() })!;
      this.ctx.store.b2bSchedule.unpin(request.id);
      this.ctx.audit(actor, { action: 'update', entity: 'b2b_request', id: request.id, forumId: session.forumId, summary: storedMessage(message('audit.summary.b2b-unpinned', {})), before: request, after: updated });
    });
  }
}

/** A pin to another place may displace the applied meeting at that table. */
const PIN_MOVE_LIMIT = 1;

/** What a proposal was made from: the scheduler's input, the applied schedule, and whether it is published. */
function baseOf(loaded: SchedulingInput, stored: B2BStoredSchedule, published: B2BPublication | null): string {
  const applied = stored.placements.map((p) => [p.requestId, p.slotIndex, p.table, p.pinned]).sort((a, b) => Number(a[0]) - Number(b[0]));
  return createHash('sha256').update(JSON.stringify([loaded.hash, applied, published !== null])).digest('hex');
}
