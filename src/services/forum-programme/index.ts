/**
 * The forum's official programme (issue 16, iCalendar in): the organiser's
 * calendar imported as read-only sessions, re-imported by UID with marks of
 * what changed, shown in the grids and the board, and attended by meetings
 * of ours that follow a session's moves through the meetings' own checked
 * save.
 */
import { ConflictRefusal, DomainError, NotFoundError, ValidationError } from '../../domain/errors';
import type { Conflict } from '../../domain/conflicts';
import { placeOf, planImport, type ImportPlan, type ProgrammeSession, type SessionInput } from '../../domain/forum-programme';
import { defaultParticipantRoles } from '../../domain/participant-roles';
import { dayBounds, localDateTimeOf, offsetMinutesAt } from '../../domain/time';
import type { Forum, Id, Instant, LocalDate, Meeting, Room, Venue } from '../../domain/types';
import type { KeyedPage, Keyset } from '../../domain/keyset';
import { forumDays } from '../../domain/agenda';
import { inWriteTransaction } from '../../store/database';
import type { Store } from '../../store';
import type { Actor } from '../actor';
import { toInput, type MeetingService } from '../meetings';
import { message } from '../../messages';
import { storedMessage } from '../../messages/stored';
import type { CalendarProblem } from '../busy-times';
import { calendarText, fetchCalendar, readSessions } from './calendar';

export type { ProgrammeSession } from '../../domain/forum-programme';

/** A calendar refused (unreadable, too large, a URL not allowed): its problem as a key of ui-forum-programme.json. */
export class ProgrammeImportError extends Error {
  constructor(readonly problem: CalendarProblem) {
    super(problem.key);
  }
}

/** A source's name: what the planner calls the calendar; the same name is the same source. */
export const MAX_SOURCE = 120;
/** How many people one "Attend" may bring. */
export const MAX_ATTENDEES = 30;
export const ATTEND_STATUSES = ['tentative', 'proposed', 'confirmed'] as const;
export type AttendStatus = (typeof ATTEND_STATUSES)[number];

/** What a re-import did to a meeting of ours that attends a session. */
export interface FollowedMeeting {
  meetingId: Id;
  title: string;
  session: string;
  /** moved: it follows the new time (maybe with warnings); blocked: a clash kept it where it was; cancelled: its session is gone. */
  outcome: 'moved' | 'blocked' | 'cancelled';
  conflicts: Conflict[];
}

export interface ProgrammeImportResult {
  source: string;
  created: number;
  updated: number;
  /** Of the updated: those moved, re-placed, renamed or back in the calendar (a description alone is not a mark). */
  changed: number;
  cancelled: number;
  unchanged: number;
  followed: FollowedMeeting[];
  /** Nothing changed: nothing was written. */
  nothingChanged: boolean;
}

/** What a meeting of ours that attends a session should be told on its page. */
export interface AttendedSession {
  session: ProgrammeSession;
  /** cancelled: the session is off; elsewhere: the meeting is not at the session's time (a clash kept it, or it was moved by hand); moved: the last import moved the session and the meeting followed. */
  warning: 'cancelled' | 'elsewhere' | 'moved' | null;
}

export interface SessionFilterInput {
  date: LocalDate | null;
  changed: boolean;
}

export class ForumProgrammeService {
  constructor(
    private readonly store: Store,
    private readonly meetings: MeetingService,
    private readonly clock: () => number,
    private readonly allowedHosts: readonly string[],
  ) {}

  /** Whether the operator allows fetching calendars by URL (IMPORT_CALENDAR_HOSTS), and which hosts. */
  urlHosts(): readonly string[] {
    return this.allowedHosts;
  }

  /** The calendar's text from an upload or a URL; refused with a problem. */
  async calendarFrom(input: { bytes: Buffer | null; url: string }): Promise<string> {
    if (input.bytes) return calendarText(input.bytes);
    const fetched = await fetchCalendar(input.url.trim(), this.allowedHosts);
    if (!fetched.ok) throw new ProgrammeImportError(fetched.problem);
    return fetched.text;
  }

  /**
   * Imports the calendar as the forum's sessions from `source`, in one
   * transaction with an audit row per changed session; the meetings attending a
   * moved session follow it through MeetingService.update (a clash that would
   * refuse the save leaves that meeting where it was). The same calendar again
   * writes nothing.
   */
  import(actor: Actor, forumId: Id, input: { source: string; text: string }): ProgrammeImportResult {
    const forum = this.forum(forumId);
    const source = input.source.trim().slice(0, MAX_SOURCE);
    const read = readSessions(input.text, forum);
    if (!read.ok) throw new ProgrammeImportError(read.problem);
    return inWriteTransaction(this.store.db, () => {
      const plan = planImport(this.store.programmeSessions.ofForum(forum.id), read.sessions, source);
      const result: ProgrammeImportResult = { source, created: plan.created.length, updated: plan.updated.length, changed: plan.updated.filter((u) => u.marks.some((m) => m !== 'cancelled')).length, cancelled: plan.removed.length + plan.updated.filter((u) => u.marks.includes('cancelled')).length, unchanged: plan.unchanged, followed: [], nothingChanged: isEmpty(plan) };
      if (result.nothingChanged) return result;
      const at = this.clock();
      for (const s of plan.created) {
        const id = this.store.programmeSessions.insert(forum.id, source, s, ['new'], at);
        this.audit(actor, forum.id, id, 'create', s.title, source, 'new', null, s);
      }
      const moved: { session: ProgrammeSession; to: SessionInput }[] = [];
      const gone: ProgrammeSession[] = [];
      for (const u of plan.updated) {
        const change = u.marks.length ? { marks: u.marks, at, was: u.marks.includes('time') ? { startUtc: u.before.startUtc, endUtc: u.before.endUtc } : null } : null;
        this.store.programmeSessions.update(u.before.id, source, u.after, change);
        this.audit(actor, forum.id, u.before.id, 'update', u.after.title, source, u.marks.join(' '), u.before, u.after);
        if (u.marks.includes('cancelled')) gone.push(u.before);
        else if (u.marks.includes('time')) moved.push({ session: u.before, to: u.after });
      }
      for (const s of plan.removed) {
        this.store.programmeSessions.markCancelled(s.id, at);
        this.audit(actor, forum.id, s.id, 'update', s.title, source, 'cancelled', s, { ...s, cancelled: true });
        gone.push(s);
      }
      result.followed = [...this.follow(actor, moved), ...this.cancelledFor(gone)];
      return result;
    });
  }

  /** Each meeting attending a moved session, moved to the session's new time by the checked save, or left when it is refused. */
  private follow(actor: Actor, moved: { session: ProgrammeSession; to: SessionInput }[]): FollowedMeeting[] {
    const out: FollowedMeeting[] = [];
    const links = this.store.programmeSessions.meetingsOf(moved.map((m) => m.session.id));
    for (const { session, to } of moved) {
      for (const link of links.filter((l) => l.sessionId === session.id)) {
        const meeting = this.store.meetings.find(link.meetingId);
        if (!meeting || meeting.status === 'cancelled') continue;
        const zone = meeting.timeZone;
        const raw = { ...toInput(meeting), start: localDateTimeOf(to.startUtc, zone), end: localDateTimeOf(to.endUtc, zone), startOffset: offsetMinutesAt(to.startUtc, zone), endOffset: offsetMinutesAt(to.endUtc, zone) };
        try {
          // A savepoint of the import's transaction: a refused move rolls back alone.
          const saved = this.meetings.update(actor, meeting.id, meeting.version, raw);
          out.push({ meetingId: meeting.id, title: meeting.title, session: to.title, outcome: 'moved', conflicts: saved.warnings });
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          out.push({ meetingId: meeting.id, title: meeting.title, session: to.title, outcome: 'blocked', conflicts: err instanceof ConflictRefusal ? err.conflicts : [] });
        }
      }
    }
    return out;
  }

  private cancelledFor(gone: ProgrammeSession[]): FollowedMeeting[] {
    const links = this.store.programmeSessions.meetingsOf(gone.map((s) => s.id));
    return links.flatMap((link) => {
      const meeting = this.store.meetings.find(link.meetingId);
      const session = gone.find((s) => s.id === link.sessionId);
      if (!meeting || !session || meeting.status === 'cancelled') return [];
      return [{ meetingId: meeting.id, title: meeting.title, session: session.title, outcome: 'cancelled' as const, conflicts: [] }];
    });
  }

  /**
   * "Attend": a meeting of ours (a panel, tentative unless asked otherwise)
   * at the session's time, its location as the place, with the chosen people of the forum's
   * own delegation, linked to the session; saved by MeetingService.create
   * with its conflict check, in the same transaction as the link.
   */
  attend(actor: Actor, sessionId: Id, input: { personIds: readonly Id[]; status: AttendStatus }): { meeting: Meeting; warnings: Conflict[]; auditId: Id } {
    const session = this.get(sessionId);
    const forum = this.forum(session.forumId);
    if (session.cancelled) throw new ValidationError({ _form: message('forum-programme.session-cancelled', { title: session.title }) });
    const people = [...new Set(input.personIds)];
    if (!people.length) throw new ValidationError({ person: message('forum-programme.choose-people', {}) });
    if (people.length > MAX_ATTENDEES) throw new ValidationError({ person: message('forum-programme.too-many-people', { max: MAX_ATTENDEES }) });
    if (!ATTEND_STATUSES.includes(input.status)) throw new ValidationError({ status: message('forum-programme.status', {}) });
    const delegations = this.store.delegations.list({ forumId: forum.id });
    const own = delegations.reduce<(typeof delegations)[number] | undefined>((first, d) => (first === undefined || d.id < first.id ? d : first), undefined);
    const members = own ? this.store.delegations.members(own.id) : [];
    const ownIds = new Set([...members.map((m) => m.personId), ...(own?.headPersonId ? [own.headPersonId] : [])]);
    if (people.some((id) => !ownIds.has(id))) throw new ValidationError({ person: message('forum-programme.not-ours', {}) });
    const roleOf = defaultParticipantRoles({ delegations, members: delegations.flatMap((d) => (d.id === own?.id ? members : [])) });
    const zone = forum.timeZone;
    const raw = {
      title: session.title || session.uid.slice(0, 300),
      kind: 'panel',
      status: input.status,
      start: localDateTimeOf(session.startUtc, zone),
      end: localDateTimeOf(session.endUtc, zone),
      timeZone: zone,
      startOffset: offsetMinutesAt(session.startUtc, zone),
      endOffset: offsetMinutesAt(session.endUtc, zone),
      // The session's hall is the organiser's, not a room we book: named as the place, so that two of our
      // meetings at one session (or our meeting in the hall before it) are not a room double booking.
      roomId: null,
      place: session.location,
      isPublic: false,
      participants: people.map((personId) => ({ personId, role: roleOf(personId) })),
      delegationIds: own ? [own.id] : [],
      briefing: session.description.slice(0, 20_000),
      outcome: '',
      documents: [],
    };
    return inWriteTransaction(this.store.db, () => {
      const saved = this.meetings.create(actor, forum.id, raw);
      this.store.programmeSessions.link(saved.meeting.id, session.id);
      return saved;
    });
  }

  get(id: Id): ProgrammeSession {
    const session = this.store.programmeSessions.find(id);
    if (!session) throw new NotFoundError(message('forum-programme.not-found', { id }));
    return session;
  }

  /** A page of the forum's sessions by start: of one day, or only those the latest import changed. */
  page(forum: Forum, filter: SessionFilterInput, keyset: Keyset): KeyedPage<ProgrammeSession> {
    const window = filter.date ? dayBounds(filter.date, forum.timeZone) : null;
    const latest = this.store.programmeSessions.latestChange(forum.id);
    return this.store.programmeSessions.page({ forumId: forum.id, ...(window ? { fromUtc: window.startUtc, toUtc: window.endUtc } : {}), ...(filter.changed ? { changedAt: latest ?? -1 } : {}) }, keyset);
  }

  /** When the latest import that changed anything ran (null before any): a session changed then carries its marks as "changed since the last import". */
  latestChange(forumId: Id): Instant | null {
    return this.store.programmeSessions.latestChange(forumId);
  }

  sources(forumId: Id): { source: string; sessions: number }[] {
    return this.store.programmeSessions.sources(forumId);
  }

  /** Every forum day with its number of sessions, for the list's day filter. */
  days(forum: Forum): { date: LocalDate; sessions: number }[] {
    const all = this.store.programmeSessions.ofForum(forum.id);
    return forumDays(forum).map((date) => {
      const { startUtc, endUtc } = dayBounds(date, forum.timeZone);
      return { date, sessions: all.filter((s) => s.startUtc < endUtc && s.endUtc > startUtc).length };
    });
  }

  /** The forum's sessions overlapping [fromUtc, toUtc). */
  inWindow(forumId: Id, fromUtc: Instant, toUtc: Instant): ProgrammeSession[] {
    return this.store.programmeSessions.inWindow(forumId, fromUtc, toUtc);
  }

  /** The meetings of ours attending a session. */
  meetingsAttending(sessionId: Id): Meeting[] {
    return this.store.programmeSessions
      .meetingsOf([sessionId])
      .map((l) => this.store.meetings.find(l.meetingId))
      .filter((m): m is Meeting => m !== undefined);
  }

  /** The session a meeting of ours attends, with what its page should warn about. */
  attendedBy(meeting: Meeting): AttendedSession | null {
    const session = this.store.programmeSessions.sessionsOfMeetings([meeting.id]).get(meeting.id);
    if (!session) return null;
    return { session, warning: warningOf(meeting, session, this.latestChange(meeting.forumId)) };
  }

  /** The sessions these meetings attend (for the grids' marks). */
  sessionsOfMeetings(meetingIds: readonly Id[]): Map<Id, ProgrammeSession> {
    return this.store.programmeSessions.sessionsOfMeetings(meetingIds);
  }

  /** The forum's people of its own delegation, head first: who may attend. */
  ourPeople(forumId: Id): { id: Id; fullName: string }[] {
    const [own] = this.store.delegations.list({ forumId }).sort((a, b) => a.id - b.id);
    if (!own) return [];
    const members = this.store.delegations.members(own.id);
    const ids = [...new Set([...(own.headPersonId ? [own.headPersonId] : []), ...members.map((m) => m.personId)])];
    const people = new Map(this.store.people.findMany(ids).map((p) => [p.id, p]));
    return ids.flatMap((id) => {
      const p = people.get(id);
      return p ? [{ id, fullName: p.fullName }] : [];
    });
  }

  /** The room of ours a session's location names, or null. */
  roomOf(session: ProgrammeSession, rooms: readonly Room[], venues: readonly Venue[]): Id | null {
    return placeOf(session.location, rooms, venues).roomId;
  }

  /** The forum's rooms and venues, to place sessions by their location. */
  placesOf(forumId: Id): { rooms: Room[]; venues: Venue[] } {
    return { rooms: this.store.rooms.listByForum(forumId), venues: this.store.venues.list({ forumId }) };
  }

  private forum(id: Id): Forum {
    const forum = this.store.forums.find(id);
    if (!forum) throw new NotFoundError(message('forum.not-found-id', { id }));
    return forum;
  }

  private audit(actor: Actor, forumId: Id, id: Id, action: 'create' | 'update', title: string, source: string, change: string, before: unknown, after: unknown): void {
    this.store.audit.append({ at: this.clock(), userId: actor.userId, username: actor.username, action, entity: 'programme_session', entityId: id, forumId, summary: storedMessage(message('audit.summary.programme-session', { title, source, change: change || 'none' })), before, after });
  }
}

function isEmpty(plan: ImportPlan): boolean {
  return !plan.created.length && !plan.updated.length && !plan.removed.length;
}

/** What a meeting attending `session` should warn about. */
export function warningOf(meeting: Pick<Meeting, 'startUtc' | 'endUtc' | 'status'>, session: ProgrammeSession, latestChange: Instant | null): AttendedSession['warning'] {
  if (session.cancelled) return meeting.status === 'cancelled' ? null : 'cancelled';
  if (meeting.status === 'cancelled') return null;
  if (meeting.startUtc !== session.startUtc || meeting.endUtc !== session.endUtc) return 'elsewhere';
  if (session.changes.includes('time') && session.changedAt === latestChange) return 'moved';
  return null;
}
