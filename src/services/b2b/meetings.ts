import { seatGroups, type B2BPlacement, type B2BSlot, type B2BParticipantRecord, type B2BRequestRecord, type B2BSession } from '../../domain/b2b';
import { ConflictRefusal } from '../../domain/errors';
import { localDateTimeOf, offsetMinutesAt } from '../../domain/time';
import type { Id, Meeting, Participant } from '../../domain/types';
import type { Actor } from '../actor';
import type { B2BContext } from './context';
import { toInput, type MeetingService } from '../meetings';

export interface MeetingSync {
  created: number;
  /** Moved to another slot or table, or reinstated. */
  moved: number;
  cancelled: number;
}

interface Desired {
  request: B2BRequestRecord;
  input: Record<string, unknown>;
}

/**
 * Makes the programme match a schedule: each placed request is an ordinary
 * meeting of kind 'b2b' in the hall at 'Table N', written through the
 * MeetingService so it is checked for conflicts and audited like any other.
 * A request's meeting is created once and then only ever updated (moved,
 * cancelled, reinstated), so calendars see one event whose SEQUENCE rises.
 *
 * Runs inside the caller's write transaction.
 */
export class B2BMeetingWriter {
  constructor(
    private readonly ctx: B2BContext,
    private readonly meetings: MeetingService,
  ) {}

  sync(o: { actor: Actor; session: B2BSession; slots: B2BSlot[]; participants: B2BParticipantRecord[]; requests: B2BRequestRecord[]; placements: B2BPlacement[] }): MeetingSync {
    const result: MeetingSync = { created: 0, moved: 0, cancelled: 0 };
    const placementOf = new Map(o.placements.map((p) => [p.requestId, p]));
    const participants = new Map(o.participants.map((p) => [p.id, p]));
    const slots = new Map(o.slots.map((s) => [s.index, s]));

    // Cancel first: a meeting that leaves a table frees it for one that moves in.
    for (const request of o.requests) {
      if (placementOf.has(request.id) || request.meetingId === null) continue;
      const meeting = this.ctx.store.meetings.find(request.meetingId);
      if (!meeting || meeting.status === 'cancelled') continue;
      this.meetings.setStatus(o.actor, meeting.id, meeting.version, 'cancelled');
      result.cancelled++;
    }

    const desired: Desired[] = o.requests
      .filter((r) => placementOf.has(r.id))
      .map((request) => {
        const p = placementOf.get(request.id)!;
        return { request, input: this.meetingInput({ session: o.session, slot: slots.get(p.slotIndex)!, table: p.table, request, from: participants.get(request.fromId)!, to: participants.get(request.toId)!, fromSeat: p.fromSeat ?? 0, toSeat: p.toSeat ?? 0 }) };
      });

    // Two meetings that swap tables clash until both have moved. A write the
    // conflict check refuses is made tentative (which may clash) and
    // confirmed once every meeting is in its new place.
    const deferred: Id[] = [];
    for (const { request, input } of desired) {
      const existing = request.meetingId === null ? undefined : this.ctx.store.meetings.find(request.meetingId);
      if (existing && sameMeeting(existing, input)) continue;
      if (!existing) result.created++;
      else if (existing.start !== input.start || existing.place !== input.place || existing.status !== input.status) result.moved++;
      try {
        this.write(o.actor, request, existing, input);
      } catch (err) {
        if (!(err instanceof ConflictRefusal)) throw err;
        deferred.push(this.write(o.actor, request, existing && this.ctx.store.meetings.find(existing.id), { ...input, status: 'tentative' }));
      }
    }
    // A clash that remains now is a real one (say, another meeting booked in the hall): it refuses the whole run.
    for (const id of deferred) this.meetings.setStatus(o.actor, id, null, 'confirmed');
    return result;
  }

  private write(actor: Actor, request: B2BRequestRecord, existing: Meeting | undefined, input: Record<string, unknown>): Id {
    if (existing) return this.meetings.update(actor, existing.id, existing.version, { ...toInput(existing), ...input }).meeting.id;
    const { meeting } = this.meetings.create(actor, this.ctx.session(request.sessionId).forumId, { outcome: '', documents: [], ...input });
    this.ctx.store.b2bRequests.linkMeeting(request.id, meeting.id);
    return meeting.id;
  }

  /**
   * Who sits at the table, and as what: with sides, the first side hosts
   * ('required') and the second is the counterpart; without, the company that
   * asked hosts. A representative who belongs to one of the forum's
   * delegations links the meeting to that delegation's programme.
   */
  private meetingInput(o: { session: B2BSession; slot: B2BSlot; table: number; request: B2BRequestRecord; from: B2BParticipantRecord; to: B2BParticipantRecord; fromSeat: number; toSeat: number }): Record<string, unknown> {
    const { session, slot } = o;
    // Only the placement's seat of each company sits at this table (with one seat, every representative).
    const seated = (p: B2BParticipantRecord, seat: number) => seatGroups(p)[seat] ?? p.representativeIds;
    const from = { record: o.from, people: seated(o.from, o.fromSeat) };
    const to = { record: o.to, people: seated(o.to, o.toSeat) };
    const [hostSide, guestSide] = session.sideALabel !== null && o.to.side === 'a' ? [to, from] : [from, to];
    const [host, guest] = [hostSide.record, guestSide.record];
    const participants: Participant[] = [
      ...hostSide.people.map((personId) => ({ personId, role: 'required' as const })),
      ...guestSide.people.map((personId) => ({ personId, role: 'counterpart' as const })),
    ];
    const people = new Set(participants.map((p) => p.personId));
    const delegationIds = [...new Set(this.ctx.store.delegations.membersOfForum(session.forumId).filter((m) => people.has(m.personId)).map((m) => m.delegationId))].sort((a, b) => a - b);
    const profile = (p: B2BParticipantRecord) =>
      [`${this.ctx.nameOf(p)}${p.sector ? ` (${p.sector})` : ''}`, p.offers && `offers: ${p.offers}`, p.seeks && `seeks: ${p.seeks}`].filter(Boolean).join('; ');
    return {
      title: `B2B: ${this.ctx.nameOf(host)} – ${this.ctx.nameOf(guest)}`,
      kind: 'b2b',
      status: 'confirmed',
      start: localDateTimeOf(slot.startUtc, session.timeZone),
      end: localDateTimeOf(slot.endUtc, session.timeZone),
      timeZone: session.timeZone,
      // Exact instants, so that a slot in a DST fold keeps its reading.
      startOffset: offsetMinutesAt(slot.startUtc, session.timeZone),
      endOffset: offsetMinutesAt(slot.endUtc, session.timeZone),
      roomId: session.roomId,
      place: `Table ${o.table}`,
      isPublic: false,
      participants,
      delegationIds,
      briefing: [
        `${session.title}, table ${o.table}.`,
        `Asked by ${this.ctx.nameOf(o.from)}${o.request.message ? `: “${o.request.message}”` : '.'}`,
        profile(host),
        profile(guest),
        'Scheduled by the B2B session: its next run replaces the time, table and people set here.',
      ].join('\n'),
    };
  }
}

/** Whether the stored meeting already is what the schedule wants: then it is left alone (no audit row, no SEQUENCE change). */
function sameMeeting(m: Meeting, input: Record<string, unknown>): boolean {
  const people = (list: readonly Participant[]) => JSON.stringify([...list].sort((a, b) => a.personId - b.personId));
  return (
    m.status === input.status &&
    m.title === input.title &&
    m.start === input.start &&
    m.end === input.end &&
    m.roomId === input.roomId &&
    m.place === input.place &&
    m.briefing === input.briefing &&
    people(m.participants) === people(input.participants as Participant[]) &&
    JSON.stringify([...m.delegationIds].sort((a, b) => a - b)) === JSON.stringify(input.delegationIds)
  );
}
