import { createHash } from 'node:crypto';
import { scheduleB2B, type B2BInput, type B2BParticipant, type B2BStats, type BusyInterval, type B2BSlot, type B2BParticipantRecord, type B2BRequestRecord, type B2BStoredSchedule, type B2BSession } from '../../domain/b2b';
import { ValidationError, type Said } from '../../domain/errors';
import type { Id } from '../../domain/types';
import { inWriteTransaction } from '../../store/database';
import type { Actor } from '../actor';
import type { B2BContext } from './context';
import { parseB2BInput, pinInputSchema } from './input';
import { B2BMeetingWriter, type MeetingSync } from './meetings';
import type { B2BSessionService } from './sessions';
import type { MeetingService } from '../meetings';
import { render, message } from '../../messages';

/** Everything a run reads, loaded once: the scheduler's input and what it was built from. */
export interface SchedulingInput {
  session: B2BSession;
  slots: B2BSlot[];
  participants: B2BParticipantRecord[];
  requests: B2BRequestRecord[];
  input: B2BInput;
  hash: string;
}

export interface RunResult extends MeetingSync {
  stats: B2BStats;
  unplaced: number;
}

export interface ScheduleState extends B2BStoredSchedule {
  /** The programme, the requests or the session changed since the last run: a re-run may change the schedule. */
  stale: boolean;
  /** Accepted requests the last run did not see. */
  waiting: number;
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

    const window = { forumId: session.forumId, fromUtc: session.startUtc, toUtc: session.endUtc };
    const others = store.meetings.list(window).filter((m) => m.status !== 'cancelled' && !ownMeetings.has(m.id));
    const blocks = store.availability.inWindow(session.forumId, session.startUtc, session.endUtc).filter((b) => b.subject === 'person');

    const schedulerParticipants: B2BParticipant[] = participants.map((p) => {
      const people = new Set(p.representativeIds);
      const busy: BusyInterval[] = [
        ...p.unavailable.map((b) => ({ startUtc: b.startUtc, endUtc: b.endUtc, label: b.label || 'not available' })),
        ...others.filter((m) => m.participants.some((x) => people.has(x.personId))).map((m) => ({ startUtc: m.startUtc, endUtc: m.endUtc, label: m.title })),
        ...blocks.filter((b) => people.has(b.subjectId)).map((b) => ({ startUtc: b.startUtc, endUtc: b.endUtc, label: b.reason || 'unavailable' })),
      ];
      return { id: p.id, name: this.ctx.nameOf(p), busy };
    });
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

  /** The last run's schedule, and whether it is still current (against `loaded`, when the caller has it already). */
  state(sessionId: Id, loaded?: SchedulingInput): ScheduleState {
    const stored = this.ctx.store.b2bSchedule.load(sessionId);
    const seen = new Set([...stored.placements, ...stored.unplaced].map((x) => x.requestId));
    const waiting = this.ctx.store.b2bRequests.list({ sessionId, state: 'accepted' }).filter((r) => !seen.has(r.id)).length;
    const stale = stored.run !== null && stored.run.inputHash !== (loaded ?? this.load(sessionId)).hash;
    return { ...stored, stale, waiting };
  }

  /** Schedules the session and writes its meetings, all in one transaction: a refused meeting leaves nothing half-moved. */
  run(actor: Actor, sessionId: Id): RunResult {
    return inWriteTransaction(this.ctx.store.db, () => {
      const loaded = this.load(sessionId);
      const { session } = loaded;
      const schedule = scheduleB2B(loaded.input);
      const sync = this.writer.sync({ actor, session, slots: loaded.slots, participants: loaded.participants, requests: loaded.requests, placements: schedule.placements });
      const hadRun = this.ctx.store.b2bSchedule.load(sessionId).run !== null;
      this.ctx.store.b2bSchedule.save(sessionId, {
        placements: schedule.placements,
        unplaced: schedule.unplaced,
        run: { sessionId, ranAt: this.ctx.clock(), ranBy: actor.username, ...schedule.stats, inputHash: loaded.hash },
      });
      const { placed, upperBound } = schedule.stats;
      this.ctx.audit(actor, {
        action: hadRun ? 'update' : 'create',
        entity: 'b2b_schedule',
        id: sessionId,
        forumId: session.forumId,
        summary: `${session.title}: ${placed} of ${loaded.input.requests.length} accepted requests placed (bound ${upperBound}); ${sync.created} new, ${sync.moved} moved, ${sync.cancelled} cancelled`,
        before: null,
        // The audit keeps the reasons in the words the planner read at the time, like its summary.
        after: { stats: schedule.stats, placements: schedule.placements, unplaced: schedule.unplaced.map((u) => ({ ...u, message: render(u.message) })) },
      });
      return { ...sync, stats: schedule.stats, unplaced: schedule.unplaced.length };
    });
  }

  /**
   * Fixes an accepted request to a slot and table, and re-runs so the others
   * make room. A pin the scheduler finds invalid (a representative busy then,
   * the table taken by another pin) is refused with its reason.
   */
  pin(actor: Actor, requestId: Id, raw: unknown): RunResult {
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
      this.ctx.audit(actor, { action: 'update', entity: 'b2b_request', id: request.id, forumId: session.forumId, summary: `Pinned to slot ${pin.slotIndex + 1}, table ${pin.table}`, before: request, after: updated });
      const result = this.run(actor, session.id);
      const refused = this.ctx.store.b2bSchedule.load(session.id).unplaced.find((u) => u.requestId === request.id && u.reason === 'invalid_pin');
      // Throwing rolls back the pin and the run together.
      if (refused) throw new ValidationError({ _form: refused.message, slotIndex: refused.message }, refused.message);
      return result;
    });
  }

  /** The request keeps its place until the next run, which may then move it. */
  unpin(actor: Actor, requestId: Id): void {
    inWriteTransaction(this.ctx.store.db, () => {
      const request = this.ctx.request(requestId);
      const session = this.ctx.session(request.sessionId);
      const updated = this.ctx.store.b2bRequests.update(request.id, request.version, { pinSlotIndex: null, pinTable: null, updatedAt: this.ctx.clock() })!;
      this.ctx.store.b2bSchedule.unpin(request.id);
      this.ctx.audit(actor, { action: 'update', entity: 'b2b_request', id: request.id, forumId: session.forumId, summary: 'Pin removed', before: request, after: updated });
    });
  }
}
