import { conflictsInvolving, findConflicts, nextFreeStart, type Conflict, type Programme, type ProgrammeMeeting } from '../../domain/conflicts';
import { ConflictRefusal, NotFoundError, StaleVersionError, ValidationError, type Said } from '../../domain/errors';
import { STATUS_AFTER, statusActionsFrom, type StatusAction } from '../../domain/meeting-status';
import { dayBounds, firstInstantAt, localDateTimeOf, offsetMinutesAt, resolveLocalTime } from '../../domain/time';
import type { Forum, Id, Instant, Meeting, MeetingStatus, Person } from '../../domain/types';
import { inWriteTransaction } from '../../store/database';
import type { Store } from '../../store';
import type { MeetingFilter, MeetingValues } from '../../store/repositories/meetings';
import type { KeyedPage, Keyset } from '../../domain/keyset';
import type { Actor } from '../actor';
import { parseMeetingInput, toInput, type MeetingInput } from './input';
import { programmeCache, type DerivedCache } from '../derived-cache';
import { message } from '../../messages';
import { readPlacement, type Placement } from './placement';
import { storedMessage } from '../../messages/stored';
import { programmeConflicts, type DatedConflict, type ProgrammeConflicts } from './programme-conflicts';
import type { ConflictThread } from './off-thread';

// The folder's public face: what files outside it import from its inner files.
export { conflictKindsShort, buildConflictReport } from './conflict-report';
export { localDateTime, meetingInputSchema, toInput } from './input';
export { ProgrammeEdits, BULK_ACTIONS, BULK_MODES, MAX_BULK, type BulkAction, type BulkMode, type BulkResult, type Selected } from './edits';
export { ProgrammeViews, type MeetingView } from './programme-views';
export { ConflictThread } from './off-thread';

export type { DatedConflict } from './programme-conflicts';

export interface SaveResult {
  meeting: Meeting;
  /** Warning-level conflicts the saved meeting has: shown, not refused. */
  warnings: Conflict[];
  /** The audit row this save appended: what its "Undo" names. */
  auditId: Id;
}

const DAY_MS = 24 * 3600_000;
/** What one kept conflict costs in memory, about: its ids, a message key and the few names and times it says. */
const CONFLICT_BYTES = 600;

/**
 * Meetings: validate, resolve wall-clock times in their zone, check conflicts
 * against the stored programme inside the write transaction, write with the
 * audit row. A confirmed meeting with an error-level conflict is refused.
 */
export class MeetingService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => number = Date.now,
    private readonly cache: DerivedCache = programmeCache(store),
    private readonly thread: ConflictThread | null = null,
  ) {}

  get(id: Id): Meeting {
    const meeting = this.store.meetings.find(id);
    if (!meeting) throw new NotFoundError(message('meeting.not-found', { id }));
    return meeting;
  }

  list(filter: MeetingFilter): Meeting[] {
    return this.store.meetings.list(filter);
  }

  /** One keyset page of `list(filter)`; `matches` (a search over each meeting's text) narrows it first. */
  page(filter: MeetingFilter, keyset: Keyset, matches?: (text: string) => boolean): KeyedPage<Meeting> {
    return this.store.meetings.page(filter, keyset, matches);
  }

  create(actor: Actor, forumId: Id, raw: unknown): SaveResult {
    return inWriteTransaction(this.store.db, () => {
      const forum = this.forum(forumId);
      const { values, people } = this.toValues(forum, parseMeetingInput(raw), null);
      const id = this.store.meetings.insert(values);
      return this.checkAndAudit(actor, forum, id, null, people);
    });
  }

  /**
   * A whole-record edit. `opts.loaded`: the start and end the edit form showed;
   * when the start changed and the end did not, the planner moved the meeting,
   * so the end moves with it and the duration stays (16:00–17:15 with the start
   * set to 16:30 is 16:30–17:45). `opts.keepDuration`: keep the stored
   * duration whatever the end says (a PATCH of the start alone, a move).
   */
  update(actor: Actor, id: Id, expectedVersion: number | null, raw: unknown, opts: EditOptions = {}): SaveResult {
    return inWriteTransaction(this.store.db, () => {
      const current = this.get(id);
      const forum = this.forum(current.forumId);
      const input = parseMeetingInput(raw);
      const zone = input.timeZone ?? current.timeZone;
      const keepMs = opts.keepDuration ? current.endUtc - current.startUtc : opts.loaded ? keptDuration(input, opts.loaded, zone) : null;
      const { values, people } = this.toValues(forum, input, current, keepMs);
      if (expectedVersion === null || expectedVersion !== current.version) throw new StaleVersionError(current, expectedVersion);
      if (!this.store.meetings.update(id, expectedVersion, values)) throw new StaleVersionError(this.get(id), expectedVersion);
      return this.checkAndAudit(actor, forum, id, current, people);
    });
  }

  /**
   * A partial update (the API's PATCH): the fields given replace the stored
   * ones, the rest stay. A changed start or end without its offset drops the
   * stored offset pin, so the new wall time is read afresh in the forum's zone
   * (a pin chosen for the old time would pick the wrong side of a DST change).
   * A new start without an end or a duration keeps the meeting's duration; a
   * duration without an end replaces the stored end.
   */
  patch(actor: Actor, id: Id, expectedVersion: number, changes: Record<string, unknown>): SaveResult {
    const current = this.get(id);
    const merged: Record<string, unknown> = { ...toInput(current), ...changes };
    if ('start' in changes && !('startOffset' in changes)) merged.startOffset = undefined;
    if ('end' in changes && !('endOffset' in changes)) merged.endOffset = undefined;
    if ('durationMinutes' in changes && !('end' in changes)) {
      merged.end = undefined;
      merged.endOffset = undefined;
    }
    return this.update(actor, id, expectedVersion, merged, { keepDuration: 'start' in changes && !('end' in changes) && !('durationMinutes' in changes) });
  }

  /**
   * The meeting page's Move form: to a new start, by some minutes, or to the
   * next free slot, always keeping the duration, with the same save check as
   * any edit (a clash of two confirmed meetings refuses it).
   */
  move(actor: Actor, id: Id, expectedVersion: number | null, to: MoveTarget): SaveResult {
    const current = this.get(id);
    const { start, startOffset } = this.moveTarget(current, to);
    return this.update(actor, id, expectedVersion, { ...toInput(current), start, startOffset }, { keepDuration: true });
  }

  /**
   * What a drop on the day grid would meet, written nowhere: the conflicts
   * the meeting would have at `raw` ({start, end} on the forum's clock, and
   * a room), by the check a save runs (conflictsInvolving over
   * programmeAround: only what shares its room or people near that time).
   */
  checkPlacement(id: Id, raw: unknown): { meeting: Meeting; conflicts: Conflict[] } {
    const current = this.get(id);
    const forum = this.forum(current.forumId);
    const placed = this.placementOf(forum, raw);
    const moved: Meeting = { ...current, startUtc: placed.startUtc, endUtc: placed.endUtc, roomId: placed.roomId ?? current.roomId };
    return { meeting: current, conflicts: conflictsInvolving(id, this.programmeAround(forum, [moved])) };
  }

  /**
   * A drop or a resize on the day grid: the meeting at the placement, all
   * else kept, through `update` (the version check, the save check, the
   * audit row). `status` 'tentative' saves it tentative, which a clash does
   * not refuse; anything else keeps its status.
   */
  place(actor: Actor, id: Id, expectedVersion: number | null, raw: unknown, status?: 'tentative'): SaveResult {
    const current = this.get(id);
    const forum = this.forum(current.forumId);
    const placed = this.placementOf(forum, raw);
    const at = (instant: Instant) => ({ local: localDateTimeOf(instant, current.timeZone), offset: offsetMinutesAt(instant, current.timeZone) });
    const start = at(placed.startUtc);
    const end = at(placed.endUtc);
    return this.update(actor, id, expectedVersion, {
      ...toInput(current),
      start: start.local,
      startOffset: start.offset,
      end: end.local,
      endOffset: end.offset,
      roomId: placed.roomId ?? current.roomId,
      status: status ?? current.status,
    });
  }

  private placementOf(forum: Forum, raw: unknown): Placement {
    return readPlacement(forum, raw, (roomId) => this.store.rooms.findInForum(roomId, forum.id) !== undefined);
  }

  /**
   * The next start after the meeting's own, on the 5-minute grid and within
   * the forum's days, where its time causes it no conflict: its people and
   * room free (no double booking, unavailability or too short a transfer) and
   * inside venue hours, so nothing error-level either. Null when the rest of
   * the forum has no such time.
   */
  nextFreeStart(meeting: Meeting): Instant | null {
    const forum = this.forum(meeting.forumId);
    const untilUtc = dayBounds(forum.endDate, forum.timeZone).endUtc;
    const durationMs = meeting.endUtc - meeting.startUtc;
    const marginMs = Math.min(this.store.venues.longestTravel(forum.id) * 60_000, DAY_MS);
    const programme = this.programmeAround(forum, [meeting], undefined, { fromUtc: meeting.startUtc - marginMs, toUtc: untilUtc + durationMs + marginMs });
    return nextFreeStart(programme, meeting, { afterUtc: meeting.startUtc, untilUtc, durationMs, marginMs });
  }

  /**
   * One of the status buttons: only an action offered from the meeting's
   * current status (statusActionsFrom), with the same checks as any edit.
   */
  applyStatusAction(actor: Actor, id: Id, expectedVersion: number | null, action: StatusAction): SaveResult {
    const current = this.get(id);
    if (!statusActionsFrom(current.status).includes(action)) {
      throw new ValidationError({ _form: message('meeting.status-action-not-offered', { status: current.status, action, offered: statusActionsFrom(current.status) }) });
    }
    return this.setStatus(actor, id, expectedVersion, STATUS_AFTER[action]);
  }

  /** Confirm, make tentative, cancel or reinstate: the same checks as any edit. */
  setStatus(actor: Actor, id: Id, expectedVersion: number | null, status: MeetingStatus): SaveResult {
    const current = this.get(id);
    return this.update(actor, id, expectedVersion ?? current.version, { ...toInput(current), status });
  }

  /**
   * Every conflict of the forum's programme, kept until the programme
   * changes (see derived-cache.ts). Loads the meetings as the engine reads
   * them (no briefings, documents or delegations): on a forum-sized programme
   * the full records cost several times the time and memory.
   */
  conflicts(forumId: Id): Conflict[] {
    const kept = this.cache.peek<Conflict[]>(`conflicts|${forumId}`);
    return kept ?? this.keepReport(programmeConflicts(this.store, this.forum(forumId)), forumId).conflicts;
  }

  /**
   * The whole report as the conflicts page lists it: each conflict with the
   * start of its earliest meeting and that start's day in the forum's zone,
   * kept with the report until the programme changes. The page counts, sorts
   * and pages this list; without it, every request read every conflicting
   * meeting in full and converted a time zone per conflict (3.5 s on the
   * 20,000-meeting forum).
   */
  datedConflicts(forumId: Id): DatedConflict[] {
    const kept = this.cache.peek<DatedConflict[]>(`conflicts-dated|${forumId}`);
    return kept ?? this.keepReport(programmeConflicts(this.store, this.forum(forumId)), forumId).dated;
  }

  /**
   * datedConflicts for a request that can wait: when the report is not kept, it is made on the conflict
   * worker (off-thread.ts) while the event loop serves others, and kept under the version it was read at.
   * In process when there is no worker (an in-memory database) or the worker fails.
   */
  async datedConflictsReady(forumId: Id): Promise<DatedConflict[]> {
    const kept = this.cache.peek<DatedConflict[]>(`conflicts-dated|${forumId}`);
    if (kept) return kept;
    const forum = this.forum(forumId);
    const file = this.store.db.name;
    if (this.thread?.available(file)) {
      const made = await this.thread.run(file, forum.id).catch(() => null);
      if (made) return this.keepReport(made, forumId).dated;
    }
    return this.datedConflicts(forumId);
  }

  /** Keeps both views of one report (the engine's list and the dated one) under the version it was read at. */
  private keepReport(made: ProgrammeConflicts, forumId: Id): ProgrammeConflicts {
    this.cache.keep(`conflicts|${forumId}`, made.version, made.conflicts, 256 + made.conflicts.length * CONFLICT_BYTES);
    this.cache.keep(`conflicts-dated|${forumId}`, made.version, made.dated, 256 + made.dated.length * (CONFLICT_BYTES + 64));
    return made;
  }

  /**
   * The conflicts that name any of `meetings` (of one forum), exactly as the
   * whole-forum report has them, in its order, but computed over these
   * meetings and those that could clash with them only (programmeAround), so
   * an agenda or a grid page costs what its own meetings cost. When the whole
   * report is already kept for this version of the programme, it is filtered instead.
   */
  conflictsAmong(forumId: Id, meetings: readonly ProgrammeMeeting[]): Conflict[] {
    if (!meetings.length) return [];
    const ids = new Set(meetings.map((m) => m.id));
    const names = (c: Conflict) => c.meetingIds.some((id) => ids.has(id));
    const whole = this.cache.peek<Conflict[]>(`conflicts|${forumId}`);
    if (whole) return whole.filter(names);
    return findConflicts(this.programmeAround(this.forum(forumId), meetings)).filter(names);
  }

  /** The conflicts that name one meeting, against the stored programme around it. */
  conflictsOf(meeting: Meeting): Conflict[] {
    const forum = this.forum(meeting.forumId);
    return conflictsInvolving(meeting.id, this.programmeAround(forum, [meeting]));
  }

  /** `people`: the saved meeting's people, as its input check read them. */
  private checkAndAudit(actor: Actor, forum: Forum, id: Id, before: Meeting | null, people: Programme['people']): SaveResult {
    const meeting = this.get(id);
    const conflicts = conflictsInvolving(id, this.programmeAround(forum, [meeting], people));
    const errors = conflicts.filter((c) => c.severity === 'error');
    if (meeting.status === 'confirmed' && errors.length) {
      // Throwing rolls the transaction back: nothing of this save remains.
      throw new ConflictRefusal(conflicts, message('meeting.cannot-confirm', { title: meeting.title, clashes: errors.length }));
    }
    const auditId = this.store.audit.append({
      at: this.clock(),
      userId: actor.userId,
      username: actor.username,
      action: before ? 'update' : 'create',
      entity: 'meeting',
      entityId: id,
      forumId: forum.id,
      summary: storedMessage(message('audit.summary.meeting', { title: meeting.title, status: meeting.status })),
      before,
      after: meeting,
    });
    return { meeting, warnings: conflicts, auditId };
  }

  /**
   * The meetings, rooms, people and blocks that could conflict with
   * `targets`: within the longest travel time of them, and sharing a room or
   * one of their people. Every rule that names a meeting compares it only with
   * meetings of the same room or person, so the others cannot change its
   * conflicts; leaving them out keeps a save in a busy hour as cheap as in a
   * quiet one, and a page of a delegation's day as cheap as its meetings.
   * Likewise only the venues of these meetings' rooms and the travel between
   * them (the rules reach a venue through a room, and travel between the
   * venues of two meetings), and only the targets' people's names: a
   * conflict that names a target names no one else. A save passes the
   * names its input check has just read.
   */
  private programmeAround(forum: Forum, targets: readonly ProgrammeMeeting[], people?: Programme['people'], window?: { fromUtc: Instant; toUtc: Instant }): Programme {
    const margin = Math.min(this.store.venues.longestTravel(forum.id) * 60_000, DAY_MS);
    let fromUtc = Infinity;
    let toUtc = -Infinity;
    const roomIdSet = new Set<Id>();
    const personIdSet = new Set<Id>();
    // Each target's own neighbourhood: a room clashes only with what overlaps the target in it (no rule reaches
    // a room's other meetings across time), a person with what lies within the longest travel time of it
    // (double booking, and travel from the meeting before or to the one after).
    const near: { rooms: [Id, Instant, Instant][]; people: [Id, Instant, Instant][] } = { rooms: [], people: [] };
    for (const t of targets) {
      const end = Math.max(t.endUtc, t.startUtc + 1);
      fromUtc = Math.min(fromUtc, t.startUtc - margin);
      toUtc = Math.max(toUtc, end + margin);
      if (t.roomId !== null) {
        roomIdSet.add(t.roomId);
        near.rooms.push([t.roomId, t.startUtc, end]);
      }
      for (const p of t.participants) {
        personIdSet.add(p.personId);
        near.people.push([p.personId, t.startUtc - margin, end + margin]);
      }
    }
    // A wider window than the targets' own (the next-free-slot search looks over the rest of the forum): all of it.
    if (window) ({ fromUtc, toUtc } = window);
    const sharingWith = { roomIds: [...roomIdSet], personIds: [...personIdSet] };
    const filter = window ? { forumId: forum.id, fromUtc, toUtc, sharingWith } : { forumId: forum.id, near };
    // The targets as given rather than as read back: a zero-length one lies in no window, and a save checks what it is about to keep.
    const given = new Set(targets.map((t) => t.id));
    const meetings = [...this.store.meetings.programme(filter).filter((m) => !given.has(m.id)), ...targets];
    // The few rooms these meetings use, not the forum's hundreds, with their venues in the same query; the blocks of the targets' people and rooms only.
    const roomIds = new Set<Id>();
    for (const m of meetings) if (m.roomId !== null) roomIds.add(m.roomId);
    const { rooms, venues: roomVenues } = this.store.rooms.findManyWithVenues([...roomIds]);
    const venues = roomVenues.filter((venue) => venue.forumId === forum.id);
    const travelTimes = this.store.venues.travelTimesBetween(forum.id, venues.map((venue) => venue.id));
    const availability = this.store.availability.ofSubjectsInWindow({ forumId: forum.id, fromUtc, toUtc, personIds: sharingWith.personIds, roomIds: sharingWith.roomIds });
    return { venues, travelTimes, forumTimeZone: forum.timeZone, meetings, rooms, availability, people: people ?? this.store.meetings.participantNames(sharingWith.personIds) };
  }

  /** Where a move puts the start: a wall time read in the meeting's zone (refused there if it names no instant), or an instant. */
  private moveTarget(current: Meeting, to: MoveTarget): { start: string; startOffset: number | undefined } {
    const at = (instant: Instant) => ({ start: localDateTimeOf(instant, current.timeZone), startOffset: offsetMinutesAt(instant, current.timeZone) });
    if (to.kind === 'start') return { start: to.start, startOffset: undefined };
    if (to.kind === 'by') {
      if (!Number.isInteger(to.minutes) || to.minutes === 0 || Math.abs(to.minutes) > MAX_MOVE_MINUTES) {
        throw new ValidationError({ shift: message('meeting.move-by', { max: MAX_MOVE_MINUTES }) });
      }
      return at(current.startUtc + to.minutes * 60_000);
    }
    const next = this.nextFreeStart(current);
    if (next === null) throw new ValidationError({ _form: message('meeting.no-free-slot', { title: current.title }) });
    return at(next);
  }

  private forum(id: Id): Forum {
    const forum = this.store.forums.find(id);
    if (!forum) throw new NotFoundError(message('forum.not-found-id', { id }));
    return forum;
  }

  /**
   * Checks what needs the store and the zone rules, and derives UTC instants
   * and the SEQUENCE. Returns the people it looked up too, for the conflict check.
   */
  private toValues(forum: Forum, input: MeetingInput, current: Meeting | null, keepDurationMs: number | null = null): { values: MeetingValues; people: Person[] } {
    const fields: Record<string, Said> = {};
    const details: Record<string, unknown> = {};
    const timeZone = input.timeZone ?? current?.timeZone ?? forum.timeZone;
    const resolve = (key: 'start' | 'end', offset: number | undefined) => {
      const r = resolveLocalTime({ local: input[key] ?? '', timeZone, offsetMinutes: offset });
      if (r.ok) return r.instant;
      fields[key] = r.message;
      if (r.offsets) details[`${key}Offsets`] = r.offsets;
      return NaN;
    };
    const startUtc = resolve('start', input.startOffset);
    // The end as given, or the start plus a duration: the one given, or the one a move keeps.
    const durationMs = keepDurationMs ?? (input.durationMinutes === undefined ? null : input.durationMinutes * 60_000);
    let end = input.end ?? '';
    let endUtc = Number.NaN;
    if (keepDurationMs === null && input.durationMinutes !== undefined && input.end !== undefined) fields.durationMinutes = message('meeting.end-or-duration', {});
    else if (durationMs !== null) {
      if (!fields.start) {
        endUtc = startUtc + durationMs;
        end = localDateTimeOf(endUtc, timeZone);
      }
    } else if (input.end === undefined) fields.end = message('meeting.end-missing', {});
    else endUtc = resolve('end', input.endOffset);
    if (!fields.start && !fields.end && !fields.durationMinutes && endUtc <= startUtc) fields.end = message('meeting.end-before-start', {});

    if (input.roomId !== null && !this.store.rooms.findInForum(input.roomId, forum.id)) fields.roomId = message('meeting.room-not-in-forum', {});
    // One query for all the people and one for all the delegations, not one per line.
    const people = new Map(this.store.people.findMany([...new Set(input.participants.map((p) => p.personId))]).map((person) => [person.id, person]));
    const seen = new Set<Id>();
    input.participants.forEach((p, i) => {
      const person = people.get(p.personId);
      if (!person) fields[`participants.${i}.personId`] = message('meeting.participant-missing', { number: i + 1 });
      else if (seen.has(p.personId)) fields[`participants.${i}.personId`] = message('meeting.participant-twice', { person: person.fullName });
      seen.add(p.personId);
    });
    const delegations = new Map(this.store.delegations.findMany([...new Set(input.delegationIds)]).map((delegation) => [delegation.id, delegation]));
    for (const [i, delegationId] of input.delegationIds.entries()) {
      if (delegations.get(delegationId)?.forumId !== forum.id) fields[`delegationIds.${i}`] = message('meeting.delegation-not-in-forum', {});
    }
    if (Object.keys(fields).length) throw new ValidationError(fields, message('error.fields-need-attention', {}), details);

    const values: MeetingValues = {
      forumId: forum.id,
      title: input.title,
      kind: input.kind,
      status: input.status,
      start: input.start,
      end,
      timeZone,
      startUtc,
      endUtc,
      roomId: input.roomId,
      place: input.place,
      isPublic: input.isPublic,
      participants: input.participants,
      delegationIds: [...new Set(input.delegationIds)],
      briefing: input.briefing,
      outcome: input.outcome,
      outcomePublic: input.outcomePublic,
      documents: input.documents,
      sequence: current?.sequence ?? 0,
    };
    if (current && isMaterialChange(current, values)) values.sequence = current.sequence + 1;
    return { values, people: [...people.values()] };
  }
}

/** How far one move by minutes may go: a day either way (a longer move gives a new start). */
export const MAX_MOVE_MINUTES = 24 * 60;

/** Where the Move form sends a meeting. */
export type MoveTarget = { kind: 'start'; start: string } | { kind: 'by'; minutes: number } | { kind: 'next-free' };

export interface EditOptions {
  /** The start and end as the edit form loaded them. */
  loaded?: { start: string; end: string };
  /** Keep the stored duration, whatever end the input gives. */
  keepDuration?: boolean;
}

/**
 * The duration to keep when an edit changed the start but left the end as
 * loaded: the loaded one, read in the meeting's zone. Null when the end was
 * changed too, a duration was given, or the loaded times do not read.
 */
function keptDuration(input: MeetingInput, loaded: { start: string; end: string }, timeZone: string): number | null {
  const norm = (local: string) => local.trim().replace(' ', 'T').slice(0, 16);
  if (input.durationMinutes !== undefined || input.end === undefined || input.end !== norm(loaded.end) || input.start === norm(loaded.start)) return null;
  const read = (local: string) => {
    const reading = resolveLocalTime({ local, timeZone });
    if (reading.ok) return reading.instant;
    return reading.reason === 'gap' || reading.reason === 'ambiguous' ? firstInstantAt(local, timeZone) : Number.NaN;
  };
  const ms = read(norm(loaded.end)) - read(norm(loaded.start));
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

/**
 * What a calendar must hear about: time, place, status, title. SEQUENCE rises
 * for these and only these, so subscribed clients update without being told
 * of every edit to the briefing notes.
 */
export function isMaterialChange(a: Pick<Meeting, 'title' | 'startUtc' | 'endUtc' | 'roomId' | 'place' | 'status'>, b: typeof a): boolean {
  return a.title !== b.title || a.startUtc !== b.startUtc || a.endUtc !== b.endUtc || a.roomId !== b.roomId || a.place !== b.place || a.status !== b.status;
}
