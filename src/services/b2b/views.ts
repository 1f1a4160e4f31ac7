import type { BusyInterval, B2BChange, B2BProposal, B2BSlot, B2BSpot, B2BParticipantRecord, B2BRequestRecord, B2BSession } from '../../domain/b2b';
import { formatTime, type ZoneTime } from '../../domain/time';
import type { Forum, Id, Meeting, Person, Room, Venue } from '../../domain/types';
import type { B2BContext } from './context';
import type { B2BSchedulingService, ScheduleState } from './scheduling';
import type { B2BSessionService } from './sessions';
import { render, type Message } from '../../messages';
import { DEFAULT_LOCALE, type Locale } from '../../messages/catalogue';
import { messageFromStore } from '../../messages/stored';

export interface SlotView extends B2BSlot {
  /** '11:00–11:20' in the forum's zone. */
  time: string;
  /** { zone: 'Asia/Baku', time: '12:00–12:20' } when a delegation's home zone reads differently; else null (a view names the city). */
  homeTime: ZoneTime | null;
}

export interface ParticipantView {
  record: B2BParticipantRecord;
  name: string;
  /** For tight cells: the acronym a name ends with ('… Foundation (AZPROMO)' -> 'AZPROMO'), else the name. */
  shortName: string;
  country: string;
  sideLabel: string | null;
  representatives: Person[];
  /** How many of its accepted requests have a table. */
  placed: number;
  accepted: number;
}

export interface RequestView {
  record: B2BRequestRecord;
  from: ParticipantView;
  to: ParticipantView;
  /** The two companies in the order pages name them: the first side first, else the one that asked. */
  pair: [ParticipantView, ParticipantView];
  placement: { slot: SlotView; table: number; pinned: boolean } | null;
  unplaced: { reason: string; message: Message } | null;
  meeting: Meeting | null;
  /** Pinned but the pin is not where the request sits: the pin was refused at the last run. */
  pin: { slot: SlotView | null; table: number } | null;
}

/** A company's day at the session: one row per slot, with whom and where, or why free. */
export interface AgendaRow {
  slot: SlotView;
  request: RequestView | null;
  partner: ParticipantView | null;
  /** What keeps the company from a table then (another meeting, a time it marked), '' if nothing. */
  busy: string;
}

export interface SessionOverview {
  session: B2BSession;
  forum: Forum;
  room: Room | null;
  venue: Venue | null;
  slots: SlotView[];
  /** Each break with what the planner called it ('' when unnamed: the page names it in its language). */
  breaks: { time: string; label: string }[];
  /** Slots and the breaks between them, in time order: the columns of a schedule grid. */
  timeline: ({ slot: SlotView } | { break: { time: string; label: string } })[];
  participants: ParticipantView[];
  requests: RequestView[];
  /** grid[table - 1][slot position]: the meeting at that table then. */
  grid: (RequestView | null)[][];
  state: ScheduleState;
  counts: Record<B2BRequestRecord['state'], number>;
  /** Per company, what keeps it from a table (as the scheduler sees it). */
  busy: Map<Id, BusyInterval[]>;
  /** Companies that were told a time: those with a table in the published schedule (0 before publishing). */
  told: number;
}

/** A place in the hall as a sentence names it: '10:25 table 3'. */
export interface SpotView {
  slot: SlotView | null;
  table: number;
  label: string;
}

/** One line of a proposal's preview, or of a company's "changed since you last looked". */
export interface ChangeView {
  kind: B2BChange['kind'];
  request: RequestView;
  from: SpotView | null;
  to: SpotView | null;
}

/** A proposal as its preview page shows it: what it adds, moves and drops, and what stays unplaced and why. */
export interface ProposalView {
  proposal: B2BProposal;
  stale: boolean;
  added: ChangeView[];
  moved: ChangeView[];
  dropped: ChangeView[];
  /** Applied placements the proposal leaves where they are. */
  kept: number;
  unplaced: { request: RequestView; reason: string; message: Message }[];
}

/**
 * Presenters for the B2B pages: resolve ids to names once and decide what a
 * planner's and a company's pages show. No writes, no business rules.
 */
export class B2BViews {
  constructor(
    private readonly ctx: B2BContext,
    private readonly sessions: B2BSessionService,
    private readonly scheduling: B2BSchedulingService,
  ) {}

  overview(sessionId: Id): SessionOverview {
    const { store } = this.ctx;
    const session = this.ctx.session(sessionId);
    const forum = this.ctx.forum(session.forumId);
    const room = store.rooms.find(session.roomId) ?? null;
    const home = this.homeZone(forum);
    const slotViews = this.sessions.slots(session).map((s) => this.slotView(s, forum.timeZone, home));
    const slotAt = new Map(slotViews.map((s) => [s.index, s]));
    const loaded = this.scheduling.load(sessionId);
    const state = this.scheduling.state(sessionId, loaded);
    const records = store.b2bRequests.list({ sessionId });
    const placementOf = new Map(state.placements.map((p) => [p.requestId, p]));
    const unplacedOf = new Map(state.unplaced.map((u) => [u.requestId, u]));

    const participants = store.b2bParticipants.list(sessionId).map((p) => this.participantView(session, p, records, placementOf));
    participants.sort((a, b) => (a.record.side ?? '').localeCompare(b.record.side ?? '') || a.name.localeCompare(b.name));
    const byId = new Map(participants.map((p) => [p.record.id, p]));
    const meetingIds = records.map((r) => r.meetingId).filter((id): id is Id => id !== null);
    const meetings = new Map((meetingIds.length ? store.meetings.list({ forumId: forum.id, ids: meetingIds }) : []).map((m) => [m.id, m]));

    const requests: RequestView[] = records.map((r) => {
      const p = placementOf.get(r.id);
      const pinSlot = r.pinSlotIndex === null ? null : (slotAt.get(r.pinSlotIndex) ?? null);
      const from = byId.get(r.fromId)!;
      const to = byId.get(r.toId)!;
      return {
        record: r,
        from,
        to,
        pair: to.record.side === 'a' && from.record.side === 'b' ? [to, from] : [from, to],
        placement: p && slotAt.has(p.slotIndex) ? { slot: slotAt.get(p.slotIndex)!, table: p.table, pinned: p.pinned } : null,
        unplaced: r.state === 'accepted' ? (unplacedOf.get(r.id) ?? null) : null,
        meeting: r.meetingId === null ? null : (meetings.get(r.meetingId) ?? null),
        pin: r.pinTable === null ? null : { slot: pinSlot, table: r.pinTable },
      };
    });

    const column = new Map(slotViews.map((s, i) => [s.index, i]));
    const grid: (RequestView | null)[][] = Array.from({ length: session.tableCount }, () => slotViews.map(() => null));
    for (const r of requests) if (r.placement && r.placement.table <= session.tableCount) grid[r.placement.table - 1]![column.get(r.placement.slot.index)!] = r;

    const breaks = session.breaks.map((b) => ({ startUtc: b.startUtc, time: `${formatTime(b.startUtc, forum.timeZone)}–${formatTime(b.endUtc, forum.timeZone)}`, label: b.label }));
    const timeline: SessionOverview['timeline'] = [];
    slotViews.forEach((slot, i) => {
      const after = i === 0 ? -Infinity : slotViews[i - 1]!.endUtc;
      for (const b of breaks) if (b.startUtc >= after && b.startUtc < slot.startUtc) timeline.push({ break: { time: b.time, label: b.label } });
      timeline.push({ slot });
    });

    const counts = { pending: 0, accepted: 0, declined: 0, cancelled: 0 };
    for (const r of records) counts[r.state]++;
    return {
      session,
      forum,
      room,
      venue: room ? (store.venues.find(room.venueId) ?? null) : null,
      slots: slotViews,
      breaks: breaks.map(({ time, label }) => ({ time, label })),
      timeline,
      participants,
      requests,
      grid,
      state,
      counts,
      busy: new Map(loaded.input.participants.map((p) => [p.id, p.busy])),
      told: state.published ? participants.filter((p) => p.placed > 0).length : 0,
    };
  }

  /** The open proposal's preview, against the applied schedule it was made from. */
  proposal(overview: SessionOverview): ProposalView | null {
    const proposal = overview.state.proposal;
    if (!proposal) return null;
    const changes = proposal.changes.map((c) => this.changeView(overview, c)).filter((c): c is ChangeView => c !== null);
    const byId = new Map(overview.requests.map((r) => [r.record.id, r]));
    const changed = new Set(proposal.changes.map((c) => c.requestId));
    return {
      proposal,
      stale: proposal.stale,
      added: changes.filter((c) => c.kind === 'added'),
      moved: changes.filter((c) => c.kind === 'moved'),
      dropped: changes.filter((c) => c.kind === 'dropped'),
      kept: overview.state.placements.filter((p) => !changed.has(p.requestId)).length,
      unplaced: proposal.unplaced.flatMap((u) => (byId.has(u.requestId) ? [{ request: byId.get(u.requestId)!, reason: u.reason, message: u.message }] : [])),
    };
  }

  /** A change named in the session's words; null for a request no longer in the session. */
  changeView(overview: SessionOverview, change: B2BChange): ChangeView | null {
    const request = overview.requests.find((r) => r.record.id === change.requestId);
    if (!request) return null;
    const spot = (s: B2BSpot | null): SpotView | null => {
      if (!s) return null;
      const slot = overview.slots.find((x) => x.index === s.slotIndex) ?? null;
      return { slot, table: s.table, label: `${slot ? slot.time.slice(0, 5) : `slot ${s.slotIndex + 1}`} table ${s.table}` };
    };
    return { kind: change.kind, request, from: spot(change.from), to: spot(change.to) };
  }

  /** One company's slots: its meetings, and why it is free or away in the others. */
  agendaOf(overview: SessionOverview, participantId: Id, locale: Locale = DEFAULT_LOCALE): AgendaRow[] {
    const mine = overview.requests.filter((r) => r.placement && (r.record.fromId === participantId || r.record.toId === participantId));
    const busy = overview.busy.get(participantId) ?? [];
    return overview.slots.map((slot) => {
      const request = mine.find((r) => r.placement!.slot.index === slot.index) ?? null;
      const partner = request ? (request.record.fromId === participantId ? request.to : request.from) : null;
      // A busy time's label is a title or reason as written, or one of ours kept as a message (see feasibility.ts).
      const blocking = busy.filter((b) => b.startUtc < slot.endUtc && slot.startUtc < b.endUtc).map((b) => (b.label ? render(messageFromStore(b.label), locale) : ''));
      return { slot, request, partner, busy: [...new Set(blocking)].join('; ') };
    });
  }

  /** The matrix cell between two companies: the request between them, whoever asked. */
  static between(requests: readonly RequestView[], a: Id, b: Id): RequestView | undefined {
    return requests.find((r) => (r.record.fromId === a && r.record.toId === b) || (r.record.fromId === b && r.record.toId === a));
  }

  private participantView(session: B2BSession, p: B2BParticipantRecord, requests: B2BRequestRecord[], placementOf: Map<Id, unknown>): ParticipantView {
    const organization = this.ctx.store.organizations.find(p.organizationId);
    const accepted = requests.filter((r) => r.state === 'accepted' && (r.fromId === p.id || r.toId === p.id));
    const name = organization?.name ?? `participant #${p.id}`;
    return {
      record: p,
      name,
      shortName: /\(([^()]{2,20})\)$/.exec(name)?.[1] ?? name,
      country: organization?.country ?? '',
      sideLabel: p.side === 'a' ? session.sideALabel : p.side === 'b' ? session.sideBLabel : null,
      representatives: p.representativeIds.map((id) => this.ctx.store.people.find(id)).filter((x): x is Person => x !== undefined),
      placed: accepted.filter((r) => placementOf.has(r.id)).length,
      accepted: accepted.length,
    };
  }

  private slotView(slot: B2BSlot, zone: string, home: string | null): SlotView {
    const time = `${formatTime(slot.startUtc, zone)}–${formatTime(slot.endUtc, zone)}`;
    const homeTime = home ? `${formatTime(slot.startUtc, home)}–${formatTime(slot.endUtc, home)}` : '';
    return { ...slot, time, homeTime: home && homeTime !== time ? { zone: home, time: homeTime } : null };
  }

  /** The first (by name) delegation's home zone that differs from the forum's, shown beside it: Moscow 11:00 / Baku 12:00. */
  private homeZone(forum: Forum): string | null {
    return this.ctx.store.delegations.list({ forumId: forum.id }).find((d) => d.homeTimeZone !== forum.timeZone)?.homeTimeZone ?? null;
  }
}
