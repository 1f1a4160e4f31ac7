/**
 * The planner's day grids: one forum day as a table of 15-minute rows with a
 * page of rooms (of one venue, or chosen ones), or of one delegation's
 * members, as columns. Loads only the shown columns' meetings, computes their
 * conflicts around them alone (MeetingService.conflictsAmong), and hands the
 * placing to layout.ts; a built grid is kept until the programme changes
 * (derived-cache.ts).
 */
import { b2bSessionEntries, meetingEntry, programmeEntry, unavailableEntry, type GridEntry } from './entries';
import { placeOf } from '../../domain/forum-programme';
import { layoutDay, type LayoutCell } from './layout';
import type { MeetingService, MeetingView, ProgrammeViews } from '../meetings';
import { forumDays } from '../../domain/agenda';
import { isCalendarDate } from '../../domain/calendar-date';
import { NotFoundError } from '../../domain/errors';
import { dayBounds, formatTime, localDateTimeOf, zoneCity, type ZoneTime } from '../../domain/time';
import { MEMBER_ROLES, type Delegation, type DelegationMember, type Forum, type Id, type LocalDate, type Meeting, type Person, type Room } from '../../domain/types';
import type { Store } from '../../store';
import { programmeCache, type DerivedCache } from '../derived-cache';
import { message, type Message } from '../../messages';
import { render, type Locale } from '../../messages/render';

export interface GridColumn {
  key: string;
  label: string;
  detail: string;
  lanes: number;
  /** What a new meeting planned in this column is given: its room or its person ('roomId=12', 'participant=5'); '' for Elsewhere. */
  plan: string;
}

export interface GridRow {
  time: string;
  /** The row's start and an hour later on the forum's clock: where an empty cell's "plan a meeting here" starts and ends. */
  at: string;
  planEnd: string;
  /** { zone: 'Asia/Baku', time: '11:00' } beside an hour's label, when a home zone reads differently; else null (a view names the city). */
  homeTime: ZoneTime | null;
  isHour: boolean;
  cells: LayoutCell<GridEntry>[];
}

export interface DayGrid {
  date: LocalDate;
  /** Every forum day with its number of meetings, for the day tabs. */
  days: { date: LocalDate; meetings: number }[];
  /** Header groups (venues) spanning their columns' lanes; empty when there is one group. */
  groups: { label: string; span: number }[];
  columns: GridColumn[];
  rows: GridRow[];
  /** The meetings in the columns shown. */
  meetings: number;
  /** 'Moscow', and 'Baku' when the home clock is shown beside it. */
  clocks: { forum: string; home: string | null };
  /** Which of the chosen columns this page shows: a page holds at most GRID_COLUMNS of them. */
  columnPage: ColumnPage;
}

export interface ColumnPage {
  page: number;
  pages: number;
  /** 1-based positions of the first and last column shown, of `total` chosen. */
  first: number;
  last: number;
  total: number;
}

interface ColumnSpec {
  key: string;
  label: string;
  detail: string;
  group: string;
  entries: GridEntry[];
}

export type { GridEntry } from './entries';

export type DayCheck = { ok: true; date: LocalDate } | { ok: false; problem: 'not_a_date' | 'outside_forum'; date: string };

/**
 * Columns on one page of a grid: about what a wide screen shows side by
 * side, and what keeps the busiest venue's page of a forum-sized day (30
 * rooms, 660 meetings) well under 500 KB of HTML.
 */
export const GRID_COLUMNS = 12;

/** Which rooms a by-room grid shows: a venue (or all, or the meetings with no room), optionally only some of its rooms, and a page of them. */
export interface RoomChoice {
  venue: Id | 'all' | 'elsewhere';
  /** Only these rooms (of the venue); empty: all of them. */
  roomIds: readonly Id[];
  page: number;
}

/** Which people a by-person grid shows: some of the delegation's members (empty: all), and a page of them. */
export interface PersonChoice {
  personIds: readonly Id[];
  page: number;
}

/** The 'Elsewhere' column: meetings with a free-text place and no room. */
const ELSEWHERE = 'elsewhere';
/** The forum's own programme's column: its sessions whose location names no room of ours. */
const PROGRAMME = 'programme';

/** A kept grid's size, about: what its cells and rows hold in memory. */
const gridBytes = (grid: DayGrid) => 2048 + grid.meetings * 2048 + grid.rows.length * grid.columns.length * 64;

/** Reads and renders day grids; every method receives the forum it works in. */
export class DayGridService {
  constructor(
    private readonly store: Store,
    private readonly views: ProgrammeViews,
    private readonly meetings: MeetingService,
    private readonly cache: DerivedCache = programmeCache(store),
  ) {}

  /** Whether `raw` is one of the forum's days. */
  checkDay(forum: Forum, raw: string): DayCheck {
    if (!isCalendarDate(raw)) return { ok: false, problem: 'not_a_date', date: raw };
    return forumDays(forum).includes(raw) ? { ok: true, date: raw } : { ok: false, problem: 'outside_forum', date: raw };
  }

  /** The first forum day that has a meeting, else the first day: where the grid opens. */
  openingDay(forum: Forum): LocalDate {
    const counts = this.dayCounts(forum);
    return (counts.find((d) => d.meetings > 0) ?? counts[0])?.date ?? forum.startDate;
  }

  /**
   * Meetings starting on each forum day (in its zone): one indexed count per
   * day, which reads every meeting of the day, so it is kept until the
   * programme changes: the day tabs of a grid or board page then cost nothing.
   */
  dayCounts(forum: Forum): DayGrid['days'] {
    const key = `grid|days|${forum.id}|${forum.startDate}|${forum.endDate}|${forum.timeZone}`;
    return this.cache.get(key, () => this.countDays(forum), (days) => 256 + days.length * 64);
  }

  private countDays(forum: Forum): DayGrid['days'] {
    const days = forumDays(forum);
    const counts = this.store.meetings.countStartingIn(
      forum.id,
      days.map((date) => {
        const { startUtc, endUtc } = dayBounds(date, forum.timeZone);
        return { fromUtc: startUtc, toUtc: endUtc };
      }),
    );
    return days.map((date, i) => ({ date, meetings: counts[i] ?? 0 }));
  }

  /**
   * Where the by-room grid opens when no venue is asked for: every venue
   * while all the rooms fit on one page, else the venue where the day's
   * delegation meetings are (the busiest), else the first venue.
   */
  defaultVenue(forum: Forum, date: LocalDate): RoomChoice['venue'] {
    const rooms = this.store.rooms.listByForum(forum.id);
    if (rooms.length + 1 <= GRID_COLUMNS) return 'all';
    const { startUtc, endUtc } = dayBounds(date, forum.timeZone);
    const busiest = this.cache.get(`grid|venue|${forum.id}|${date}`, () => this.store.meetings.venuesByActivity(forum.id, startUtc, endUtc)[0]?.venueId ?? null, () => 64);
    return busiest ?? rooms[0]?.venueId ?? 'all';
  }

  /** Rooms as columns, grouped by venue, a page at a time; meetings outside the venues in a column of their own. */
  byRoom(forum: Forum, date: LocalDate, choice: RoomChoice, locale: Locale): DayGrid {
    const key = `grid|rooms|${locale}|${forum.id}|${date}|${choice.venue}|${choice.roomIds.join(',')}|${choice.page}`;
    return this.cache.get(key, () => this.buildByRoom(forum, date, choice, locale), gridBytes);
  }

  private buildByRoom(forum: Forum, date: LocalDate, choice: RoomChoice, locale: Locale): DayGrid {
    const say = (m: Message) => render(m, locale);
    const venues = new Map(this.store.venues.list({ forumId: forum.id }).map((v) => [v.id, v]));
    const chosen = new Set(choice.roomIds);
    const rooms = choice.venue === 'elsewhere' ? [] : this.store.rooms.listByForum(forum.id).filter((room) => (choice.venue === 'all' || room.venueId === choice.venue) && (!chosen.size || chosen.has(room.id)));
    // Venues in their list order, rooms in theirs within each.
    const order = [...venues.keys()];
    rooms.sort((a, b) => order.indexOf(a.venueId) - order.indexOf(b.venueId));
    type Candidate = Room | typeof ELSEWHERE | typeof PROGRAMME;
    const candidates: Candidate[] = [...rooms];
    const withElsewhere = choice.venue === 'elsewhere' || (choice.venue === 'all' && !chosen.size);
    const pages: Candidate[][] = chunk(rooms, GRID_COLUMNS);
    if (withElsewhere) {
      candidates.push(ELSEWHERE);
      // Meetings with no room can be many (a tenth of a day); they stand alone unless everything fits on one page.
      const last = pages[pages.length - 1];
      if (last && pages.length === 1 && last.length < GRID_COLUMNS) last.push(ELSEWHERE);
      else pages.push([ELSEWHERE]);
    }
    const { startUtc, endUtc } = dayBounds(date, forum.timeZone);
    // The forum's official sessions of the day (issue 16): in the room their location names, else in a column of their own
    // beside Elsewhere, or on a venue's page when they name that venue.
    const sessions = this.store.programmeSessions.inWindow(forum.id, startUtc, endUtc);
    const allRooms = sessions.length ? this.store.rooms.listByForum(forum.id) : [];
    const placed = sessions.map((session) => ({ session, ...placeOf(session.location, allRooms, [...venues.values()]) }));
    const unplaced = placed.filter((p) => p.roomId === null && (withElsewhere || (typeof choice.venue === 'number' && !chosen.size && p.venueId === choice.venue)));
    if (unplaced.length) {
      candidates.push(PROGRAMME);
      const last = pages[pages.length - 1];
      if (last && last.length < GRID_COLUMNS) last.push(PROGRAMME);
      else pages.push([PROGRAMME]);
    }
    const { page, pageIndex } = pageOf(choice.page, pages.length);
    const shown = pages[pageIndex] ?? [];
    const shownRooms = shown.filter((c): c is Room => c !== ELSEWHERE && c !== PROGRAMME);

    const window = { forumId: forum.id, fromUtc: startUtc, toUtc: endUtc };
    const dayMeetings: Meeting[] = [
      ...(shownRooms.length ? this.store.meetings.list({ ...window, sharingWith: { roomIds: shownRooms.map((r) => r.id), personIds: [] } }) : []),
      ...(shown.includes(ELSEWHERE) ? this.store.meetings.list({ ...window, withoutRoom: true }) : []),
    ];
    const views = this.describeDay(forum, dayMeetings, null);
    const attending = this.store.programmeSessions.sessionsOfMeetings(dayMeetings.map((m) => m.id));
    const blocks = this.store.availability.ofSubjectsInWindow({ forumId: forum.id, fromUtc: startUtc, toUtc: endUtc, personIds: [], roomIds: shownRooms.map((r) => r.id) });
    const byRoom = groupBy(views, (v) => v.meeting.roomId);
    const entriesIn = (room: Room | null): GridEntry[] => {
      const here = byRoom.get(room?.id ?? null) ?? [];
      const folded = room?.kind === 'b2b_area' ? here.filter((v) => v.meeting.kind === 'b2b') : [];
      return [
        ...here.filter((v) => !folded.includes(v)).map((view) => meetingEntry({ forum, date, view, showPlace: room === null, showOurs: true, conflicts: view.conflicts, programme: attending.has(view.meeting.id) }, locale)),
        ...b2bSessionEntries(forum, date, folded, locale),
        ...blocks.filter((b) => b.subject === 'room' && b.subjectId === room?.id).map((b) => unavailableEntry(forum, date, b, locale)),
        ...(room ? placed.filter((p) => p.roomId === room.id).map((p) => programmeEntry(forum, date, p.session, false, locale)) : []),
      ];
    };
    const columns: ColumnSpec[] = [];
    for (const c of shown) {
      if (c === PROGRAMME) {
        columns.push({ key: PROGRAMME, label: say(message('forum-programme.lane', {})), detail: say(message('forum-programme.lane-detail', {})), group: say(message('grid.other-places', {})), entries: unplaced.map((p) => programmeEntry(forum, date, p.session, true, locale)) });
        continue;
      }
      if (c !== ELSEWHERE) {
        columns.push({ key: `room-${c.id}`, label: c.name, detail: say(message('grid.room-seats', { capacity: c.capacity })), group: venues.get(c.venueId)?.name ?? '', entries: entriesIn(c) });
        continue;
      }
      const elsewhere = entriesIn(null);
      // On a page of its own it is the page; beside the rooms, an empty one says nothing.
      if (elsewhere.length || shownRooms.length === 0) columns.push({ key: ELSEWHERE, label: say(message('grid.elsewhere', {})), detail: say(message('grid.elsewhere-detail', {})), group: say(message('grid.other-places', {})), entries: elsewhere });
    }
    return this.grid(forum, date, columns, null, { page, pages: pages.length, shownBefore: pages.slice(0, pageIndex).reduce((n, p) => n + p.length, 0), shown: shown.length, total: candidates.length });
  }

  /** A delegation's members as columns, head first, a page at a time; times also on the delegation's home clock. */
  byPerson(forum: Forum, date: LocalDate, delegation: Delegation, choice: PersonChoice, locale: Locale): DayGrid {
    const key = `grid|people|${locale}|${forum.id}|${date}|${delegation.id}|${choice.personIds.join(',')}|${choice.page}`;
    return this.cache.get(key, () => this.buildByPerson(forum, date, delegation, choice, locale), gridBytes);
  }

  /** The delegation's members in grid order (by role, then name). */
  members(delegation: Delegation): { member: DelegationMember; person: Person }[] {
    const members = this.store.delegations.members(delegation.id);
    const people = new Map(this.store.people.findMany(members.map((m) => m.personId)).map((p) => [p.id, p]));
    return members
      .map((member) => {
        const person = people.get(member.personId);
        if (!person) throw new NotFoundError(message('person.not-found', { id: member.personId }));
        return { member, person };
      })
      .sort((a, b) => MEMBER_ROLES.indexOf(a.member.role) - MEMBER_ROLES.indexOf(b.member.role) || a.person.fullName.localeCompare(b.person.fullName));
  }

  private buildByPerson(forum: Forum, date: LocalDate, delegation: Delegation, choice: PersonChoice, locale: Locale): DayGrid {
    const chosen = new Set(choice.personIds);
    const members = this.members(delegation).filter(({ person }) => !chosen.size || chosen.has(person.id));
    const pages = chunk(members, GRID_COLUMNS);
    const { page, pageIndex } = pageOf(choice.page, pages.length);
    const shown = pages[pageIndex] ?? [];
    const { startUtc, endUtc } = dayBounds(date, forum.timeZone);
    const personIds = shown.map(({ person }) => person.id);
    const dayMeetings = personIds.length ? this.store.meetings.list({ forumId: forum.id, fromUtc: startUtc, toUtc: endUtc, sharingWith: { roomIds: [], personIds } }) : [];
    const views = this.describeDay(forum, dayMeetings, delegation.homeTimeZone);
    // Only the sessions someone attends show here: as that person's meeting, marked.
    const attending = this.store.programmeSessions.sessionsOfMeetings(dayMeetings.map((m) => m.id));
    const blocks = personIds.length ? this.store.availability.ofSubjectsInWindow({ forumId: forum.id, fromUtc: startUtc, toUtc: endUtc, personIds, roomIds: [] }) : [];
    const columns: ColumnSpec[] = shown.map(({ member, person }) => ({
      key: `person-${person.id}`,
      label: person.fullName,
      detail: render(message('label.member-role', { role: member.role }), locale),
      group: delegation.name,
      entries: [
        ...views
          .filter((v) => v.meeting.participants.some((p) => p.personId === person.id))
          // A colleague's too-short transfer is not this person's problem; a clash of the room is everyone's.
          .map((view) => meetingEntry({ forum, date, view, showPlace: true, showOurs: false, conflicts: view.conflicts.filter((c) => c.personId === undefined || c.personId === person.id), programme: attending.has(view.meeting.id) }, locale)),
        ...blocks.filter((b) => b.subject === 'person' && b.subjectId === person.id).map((b) => unavailableEntry(forum, date, b, locale)),
      ],
    }));
    return this.grid(forum, date, columns, delegation.homeTimeZone, { page, pages: pages.length, shownBefore: pageIndex * GRID_COLUMNS, shown: shown.length, total: members.length });
  }

  /** The shown meetings with their conflicts, computed for them alone (MeetingService.conflictsAmong). */
  private describeDay(forum: Forum, meetings: Meeting[], homeTimeZone: string | null): MeetingView[] {
    const conflicts = this.meetings.conflictsAmong(forum.id, meetings);
    return this.views.describe(forum, meetings, { homeTimeZone, conflicts });
  }

  private grid(forum: Forum, date: LocalDate, columns: ColumnSpec[], homeTimeZone: string | null, paging: { page: number; pages: number; shownBefore: number; shown: number; total: number }): DayGrid {
    const meetingSpans = columns.flatMap((c) => c.entries.filter((e) => e.type !== 'unavailable'));
    const layout = layoutDay({ date, timeZone: forum.timeZone, columns, mustShow: meetingSpans });
    const home = homeTimeZone && homeTimeZone !== forum.timeZone ? homeTimeZone : null;
    const groups: DayGrid['groups'] = [];
    for (const column of columns) {
      const span = layout.lanes.get(column.key) ?? 1;
      const last = groups[groups.length - 1];
      if (last?.label === column.group) last.span += span;
      else groups.push({ label: column.group, span });
    }
    return {
      date,
      days: this.dayCounts(forum),
      groups: groups.length > 1 ? groups : [],
      columns: columns.map(({ key, label, detail }) => ({ key, label, detail, lanes: layout.lanes.get(key) ?? 1, plan: planQuery(key) })),
      rows: layout.rows.map((row) => ({
        time: row.time,
        at: `${date}T${row.time}`,
        planEnd: localDateTimeOf(row.startUtc + PLAN_MINUTES * 60_000, forum.timeZone),
        homeTime: home && row.isHour && formatTime(row.startUtc, home) !== row.time ? { zone: home, time: formatTime(row.startUtc, home) } : null,
        isHour: row.isHour,
        cells: row.cells,
      })),
      meetings: new Set(meetingSpans.flatMap((e) => (e.type === 'b2b' ? e.meetingIds : e.type === 'programme' ? [] : [e.id]))).size,
      clocks: { forum: zoneCity(forum.timeZone), home: home && zoneCity(home) },
      columnPage: { page: paging.page, pages: Math.max(1, paging.pages), first: paging.shown ? paging.shownBefore + 1 : 0, last: paging.shownBefore + paging.shown, total: paging.total },
    };
  }
}

/** How long a meeting planned from an empty cell runs until the planner says otherwise: the New meeting button's hour. */
const PLAN_MINUTES = 60;

/** The new-meeting form's prefill for a column: its room, or its person (prefillFromQuery reads both). */
function planQuery(key: string): string {
  const room = /^room-(\d+)$/.exec(key);
  if (room) return `roomId=${room[1]}`;
  const person = /^person-(\d+)$/.exec(key);
  return person ? `participant=${person[1]}` : '';
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** The asked page, 1-based, kept within the pages there are. */
function pageOf(asked: number, pages: number): { page: number; pageIndex: number } {
  const page = Math.min(Math.max(1, Number.isSafeInteger(asked) ? asked : 1), Math.max(1, pages));
  return { page, pageIndex: page - 1 };
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}
