/**
 * The planner's day grids: one forum day as a table of 15-minute rows with the
 * forum's rooms, or one delegation's members, as columns. Loads the day once,
 * describes its meetings with their conflicts, and hands the placing to
 * day-grid-layout.ts.
 */
import { b2bSessionEntries, meetingEntry, unavailableEntry, type GridEntry } from './entries';
import { layoutDay, type LayoutCell } from './layout';
import type { MeetingService, MeetingView, ProgrammeViews } from '../meetings';
import { forumDays } from '../../domain/agenda';
import { isCalendarDate } from '../../domain/calendar-date';
import { NotFoundError } from '../../domain/errors';
import { dayBounds, formatTime, localDateOf, zoneCity } from '../../domain/time';
import { MEMBER_ROLES, type Delegation, type Forum, type Id, type LocalDate, type Meeting, type Room, type StoredAvailabilityBlock } from '../../domain/types';
import type { Store } from '../../store';
import { message, type Message } from '../../messages';
import { render, type Locale } from '../../messages/render';

export interface GridColumn {
  key: string;
  label: string;
  detail: string;
  lanes: number;
}

export interface GridRow {
  time: string;
  /** 'Baku 11:00' beside an hour's label, when a home zone reads differently; else ''. */
  homeTime: string;
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
  meetings: number;
  /** 'Moscow', and 'Baku' when the home clock is shown beside it. */
  clocks: { forum: string; home: string | null };
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

/** Reads and renders day grids; every method receives the forum it works in. */
export class DayGridService {
  constructor(
    private readonly store: Store,
    private readonly views: ProgrammeViews,
    private readonly meetings: MeetingService,
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

  dayCounts(forum: Forum): DayGrid['days'] {
    const perDay = new Map<LocalDate, number>();
    for (const m of this.store.meetings.list({ forumId: forum.id })) {
      const day = localDateOf(m.startUtc, forum.timeZone);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    return forumDays(forum).map((date) => ({ date, meetings: perDay.get(date) ?? 0 }));
  }

  /** Rooms as columns, grouped by venue; meetings outside the venues in a last column. */
  byRoom(forum: Forum, date: LocalDate, opts: { venueId?: Id }, locale: Locale): DayGrid {
    const say = (m: Message) => render(m, locale);
    const venues = this.store.venues.list({ forumId: forum.id }).filter((v) => opts.venueId === undefined || v.id === opts.venueId);
    const rooms = this.store.rooms.listByForum(forum.id);
    const { views, blocks } = this.day(forum, date, null);
    const entriesIn = (room: Room | null): GridEntry[] => {
      const here = views.filter((v) => v.meeting.roomId === (room?.id ?? null));
      const folded = room?.kind === 'b2b_area' ? here.filter((v) => v.meeting.kind === 'b2b') : [];
      return [
        ...here.filter((v) => !folded.includes(v)).map((view) => meetingEntry({ forum, date, view, showPlace: room === null, showOurs: true, conflicts: view.conflicts }, locale)),
        ...b2bSessionEntries(forum, date, folded, locale),
        ...blocks.filter((b) => b.subject === 'room' && b.subjectId === room?.id).map((b) => unavailableEntry(forum, date, b, locale)),
      ];
    };
    const columns: ColumnSpec[] = venues.flatMap((venue) =>
      rooms
        .filter((room) => room.venueId === venue.id)
        .map((room) => ({ key: `room-${room.id}`, label: room.name, detail: say(message('grid.room-seats', { capacity: room.capacity })), group: venue.name, entries: entriesIn(room) })),
    );
    const elsewhere = opts.venueId === undefined ? entriesIn(null) : [];
    if (elsewhere.length) columns.push({ key: 'elsewhere', label: say(message('grid.elsewhere', {})), detail: say(message('grid.elsewhere-detail', {})), group: say(message('grid.other-places', {})), entries: elsewhere });
    return this.grid(forum, date, columns, null);
  }

  /** A delegation's members as columns, head first; times also on the delegation's home clock. */
  byPerson(forum: Forum, date: LocalDate, delegation: Delegation, locale: Locale): DayGrid {
    const members = this.store.delegations
      .members(delegation.id)
      .map((member) => {
        const person = this.store.people.find(member.personId);
        if (!person) throw new NotFoundError(message('person.not-found', { id: member.personId }));
        return { member, person };
      })
      .sort((a, b) => MEMBER_ROLES.indexOf(a.member.role) - MEMBER_ROLES.indexOf(b.member.role) || a.person.fullName.localeCompare(b.person.fullName));
    const { views, blocks } = this.day(forum, date, delegation.homeTimeZone);
    const columns: ColumnSpec[] = members.map(({ member, person }) => ({
      key: `person-${person.id}`,
      label: person.fullName,
      detail: render(message('label.member-role', { role: member.role }), locale),
      group: delegation.name,
      entries: [
        ...views
          .filter((v) => v.meeting.participants.some((p) => p.personId === person.id))
          // A colleague's too-short transfer is not this person's problem; a clash of the room is everyone's.
          .map((view) => meetingEntry({ forum, date, view, showPlace: true, showOurs: false, conflicts: view.conflicts.filter((c) => c.personId === undefined || c.personId === person.id) }, locale)),
        ...blocks.filter((b) => b.subject === 'person' && b.subjectId === person.id).map((b) => unavailableEntry(forum, date, b, locale)),
      ],
    }));
    return this.grid(forum, date, columns, delegation.homeTimeZone);
  }

  private day(forum: Forum, date: LocalDate, homeTimeZone: string | null): { views: MeetingView[]; blocks: StoredAvailabilityBlock[] } {
    const { startUtc, endUtc } = dayBounds(date, forum.timeZone);
    const meetings: Meeting[] = this.store.meetings.list({ forumId: forum.id, fromUtc: startUtc, toUtc: endUtc });
    const conflicts = meetings.length ? this.meetings.conflicts(forum.id) : [];
    return {
      views: this.views.describe(forum, meetings, { homeTimeZone, conflicts }),
      blocks: this.store.availability.inWindow(forum.id, startUtc, endUtc),
    };
  }

  private grid(forum: Forum, date: LocalDate, columns: ColumnSpec[], homeTimeZone: string | null): DayGrid {
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
      columns: columns.map(({ key, label, detail }) => ({ key, label, detail, lanes: layout.lanes.get(key) ?? 1 })),
      rows: layout.rows.map((row) => ({
        time: row.time,
        homeTime: home && row.isHour && formatTime(row.startUtc, home) !== row.time ? `${zoneCity(home)} ${formatTime(row.startUtc, home)}` : '',
        isHour: row.isHour,
        cells: row.cells,
      })),
      meetings: new Set(meetingSpans.flatMap((e) => (e.type === 'b2b' ? e.meetingIds : [e.id]))).size,
      clocks: { forum: zoneCity(forum.timeZone), home: home && zoneCity(home) },
    };
  }
}
