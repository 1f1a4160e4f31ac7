/**
 * The availability board (GET /forums/:id/board): chosen people and rooms
 * side by side over a forum day or the whole forum, what each is doing and
 * when they are all free (src/domain/board). Reads only the slice the board
 * shows, like the time finder: the chosen people's and rooms' meetings over
 * the days (widened by the longest travel, for the transfers at a day's
 * edge), their blocks, the forum's rooms, venues and travel times. Never the
 * whole forum's programme, and nothing is written.
 */
import { forumDays } from '../domain/agenda';
import { buildBoard, freeWithin, layoutTable, BOARD_LIMITS, type BoardItem, type BoardItemKind, type FreeStretch } from '../domain/board';
import { placeOf, type ProgrammeSession } from '../domain/forum-programme';
import type { Programme } from '../domain/conflicts';
import { NotFoundError, ValidationError, type Said } from '../domain/errors';
import { dayBounds, formatTime, localDateTimeOf } from '../domain/time';
import { MEMBER_ROLES, type Forum, type Id, type LocalDate, type MeetingStatus, type Person, type Room } from '../domain/types';
import type { Store } from '../store';
import { message, type Message } from '../messages';
import { render, type Locale } from '../messages/render';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** A stretch's "Plan a meeting here" proposes this long a meeting, or the whole stretch when it is shorter. */
const PLAN_MINUTES = 60;

/** What the board is asked for, as the page's query sends it (ids unchecked). */
export interface BoardChoice {
  personIds: readonly Id[];
  roomIds: readonly Id[];
  /** A forum day, or 'all' for every day of the forum. */
  date: string;
}

export interface BoardEntry {
  /** 'programme': a session of the forum's official programme in that room, read-only (issue 16). */
  kind: BoardItemKind | 'free' | 'programme';
  startUtc: number;
  endUtc: number;
  /** '10:00–11:00' on the forum's clock. */
  time: string;
  label: string;
  /** A meeting's room (for a person), an unavailability's reason, a stretch's people. */
  detail: string;
  status?: MeetingStatus;
  meetingId?: Id;
  /** A free stretch: the new meeting it proposes, as the meeting form's wall-clock fields. */
  plan?: { start: string; end: string; roomId: Id | null };
  /** A meeting of ours that attends a forum session; or the session itself (its id) for a 'programme' entry. */
  programme?: boolean;
  sessionId?: Id;
  cancelled?: boolean;
}

export interface BoardColumn {
  key: string;
  kind: 'person' | 'room' | 'free';
  label: string;
  detail: string;
  lanes: number;
}

export interface BoardDayView {
  date: LocalDate;
  columns: BoardColumn[];
  rows: { time: string; minutes: number; onStep: boolean; cells: ({ type: 'empty' } | { type: 'entry'; entry: BoardEntry; rowspan: number })[] }[];
  /** Stretches free for everyone shown, in order (also in the table's "Free" column). */
  free: BoardEntry[];
}

export interface BoardPage {
  dates: LocalDate[];
  people: Pick<Person, 'id' | 'fullName' | 'position'>[];
  rooms: (Room & { venueName: string })[];
  days: BoardDayView[];
}

export class BoardService {
  constructor(private readonly store: Store) {}

  /** Who the board shows when nobody is chosen: the forum's first delegation (the planners' own), head first. */
  defaultPeople(forum: Forum): Id[] {
    const [delegation] = this.store.delegations.list({ forumId: forum.id });
    if (!delegation) return [];
    return this.store.delegations
      .members(delegation.id)
      .sort((a, b) => MEMBER_ROLES.indexOf(a.role) - MEMBER_ROLES.indexOf(b.role))
      .map((m) => m.personId)
      .slice(0, BOARD_LIMITS.people);
  }

  /** Checks the choice (bounds, people that exist, rooms of this forum, a day of it) and builds the board. */
  show(forum: Forum, choice: BoardChoice, locale: Locale): BoardPage {
    const say = (m: Message) => render(m, locale);
    const fields: Record<string, Said> = {};
    const days = forumDays(forum);
    if (choice.date !== 'all' && !days.includes(choice.date)) fields.date = message('board.not-a-day', { date: choice.date.slice(0, 20), first: forum.startDate, last: forum.endDate });
    if (choice.personIds.length > BOARD_LIMITS.people) fields.person = message('board.too-many-people', { count: choice.personIds.length, max: BOARD_LIMITS.people });
    if (choice.roomIds.length > BOARD_LIMITS.rooms) fields.room = message('board.too-many-rooms', { count: choice.roomIds.length, max: BOARD_LIMITS.rooms });
    if (Object.keys(fields).length) throw new ValidationError(fields);
    const found = new Map(this.store.people.findMany(choice.personIds).map((p) => [p.id, p]));
    const missing = choice.personIds.find((id) => !found.has(id));
    if (missing !== undefined) fields.person = message('board.person-missing', { id: missing });
    const chosenRooms = new Set(this.store.rooms.findManyInForum(forum.id, choice.roomIds).map((r) => r.id));
    if (choice.roomIds.some((id) => !chosenRooms.has(id))) fields.room = message('meeting.room-not-in-forum', {});
    if (Object.keys(fields).length) throw new ValidationError(fields);

    const dates = choice.date === 'all' ? days : [choice.date];
    const { programme, rooms: sliceRooms } = this.sliceOf(forum, dates, choice);
    const roomById = new Map(sliceRooms.map((r) => [r.id, r]));
    const venueName = new Map(programme.venues.map((v) => [v.id, v.name]));
    const built = buildBoard(programme, { personIds: choice.personIds, roomIds: choice.roomIds, days: dates });
    const meetings = new Map(programme.meetings.map((m) => [m.id, m]));
    const zone = forum.timeZone;
    // The forum's official sessions in the chosen rooms (their location names the room), and which meetings attend one.
    const sessionsByRoom = this.sessionsInRooms(forum, dates, [...roomById.values()].filter((r) => choice.roomIds.includes(r.id)), programme.venues);
    const attending = this.store.programmeSessions.sessionsOfMeetings(programme.meetings.map((m) => m.id));
    const time = (s: { startUtc: number; endUtc: number }) => `${formatTime(s.startUtc, zone)}–${formatTime(s.endUtc, zone)}`;
    const people = choice.personIds.map((id) => found.get(id)!);
    const rooms = choice.roomIds.map((id) => ({ ...roomById.get(id)!, venueName: venueName.get(roomById.get(id)!.venueId) ?? '' }));

    const entryOf = (item: BoardItem, subject: 'person' | 'room'): BoardEntry => {
      const meeting = item.meetingId === undefined ? undefined : meetings.get(item.meetingId);
      const base = { kind: item.kind, startUtc: item.startUtc, endUtc: item.endUtc, time: time(item), status: item.status, meetingId: item.meetingId };
      const venue = venueName.get(item.venueId ?? -1) ?? '';
      switch (item.kind) {
        case 'meeting':
        case 'cancelled': {
          const title = meeting?.title ?? '';
          const room = meeting?.roomId == null ? (meeting?.place ?? '') : (roomById.get(meeting.roomId)?.name ?? '');
          return { ...base, label: item.kind === 'cancelled' ? say(message('board.cancelled', { title })) : title, detail: subject === 'person' ? room : '', programme: item.meetingId !== undefined && attending.has(item.meetingId) };
        }
        case 'travel_before':
          return { ...base, label: say(message('board.travel-before', { venue, minutes: item.minutes ?? 0 })), detail: '' };
        case 'travel_after':
          return { ...base, label: say(message('board.travel-after', { venue, minutes: item.minutes ?? 0 })), detail: '' };
        case 'venue_closed':
          return { ...base, label: say(message('board.venue-closed', { venue })), detail: '' };
        case 'unavailable': {
          const block = programme.availability.find((b) => b.id === item.blockId);
          return { ...base, label: say(message('board.unavailable', { reason: block?.reason ?? '' })), detail: '' };
        }
      }
    };
    const freeEntry = (s: FreeStretch): BoardEntry => {
      const end = Math.min(s.endUtc, s.startUtc + PLAN_MINUTES * MINUTE);
      return {
        kind: 'free',
        startUtc: s.startUtc,
        endUtc: s.endUtc,
        time: time(s),
        label: say(message('board.free', {})),
        detail: '',
        plan: { start: localDateTimeOf(s.startUtc, zone), end: localDateTimeOf(end, zone), roomId: s.roomId },
      };
    };

    const views = built.map((day): BoardDayView => {
      const free = day.free.map(freeEntry);
      const columns: { spec: Omit<BoardColumn, 'lanes'>; entries: BoardEntry[] }[] = [];
      day.rows.forEach((row, i) => {
        if (row.subject === 'person') {
          const p = people[i]!;
          columns.push({ spec: { key: `person-${p.id}`, kind: 'person', label: p.fullName, detail: p.position }, entries: row.items.map((it) => entryOf(it, 'person')) });
        }
      });
      if (people.length) columns.push({ spec: { key: 'free', kind: 'free', label: say(message('board.free-column', {})), detail: say(message('board.free-column-detail', { people: people.length, name: people[0]!.fullName })) }, entries: free });
      day.rows.forEach((row) => {
        if (row.subject !== 'room') return;
        const r = roomById.get(row.id)!;
        const detail = row.tooSmall ? say(message('board.room-too-small', { seats: r.capacity, people: people.length })) : `${venueName.get(r.venueId) ?? ''} · ${say(message('grid.room-seats', { capacity: r.capacity }))}`;
        const dayBound = dayBounds(day.date, zone);
        const sessions = (sessionsByRoom.get(r.id) ?? []).filter((s) => s.startUtc < dayBound.endUtc && s.endUtc > dayBound.startUtc);
        // A stretch is free in the room only outside the forum's own sessions there.
        const live = sessions.filter((s) => !s.cancelled);
        const free = row.free.flatMap((f) => freeWithin(f.startUtc, f.endUtc, live).map((piece) => ({ ...f, ...piece })));
        const sessionEntries = sessions.map((s): BoardEntry => {
          const span = { startUtc: Math.max(s.startUtc, dayBound.startUtc), endUtc: Math.min(s.endUtc, dayBound.endUtc) };
          const title = s.title || say(message('forum-programme.untitled', {}));
          return { kind: 'programme', ...span, time: time(span), label: s.cancelled ? say(message('forum-programme.cancelled-title', { title })) : title, detail: say(message('forum-programme.lane', {})), sessionId: s.id, cancelled: s.cancelled };
        });
        columns.push({ spec: { key: `room-${r.id}`, kind: 'room', label: r.name, detail }, entries: [...row.items.map((it) => entryOf(it, 'room')), ...sessionEntries, ...free.map(freeEntry)] });
      });
      const table = layoutTable(day.fromUtc, day.toUtc, columns.map((c) => ({ key: c.spec.key, entries: c.entries })));
      return {
        date: day.date,
        columns: columns.map((c) => ({ ...c.spec, lanes: table.lanes.get(c.spec.key) ?? 1 })),
        rows: table.rows.map((r) => ({ time: formatTime(r.startUtc, zone), minutes: r.minutes, onStep: r.onStep, cells: r.cells })),
        free,
      };
    });
    return { dates, people, rooms, days: views };
  }

  /** The forum's sessions over the days whose location names one of `rooms`, by room. */
  private sessionsInRooms(forum: Forum, dates: readonly LocalDate[], rooms: readonly Room[], venues: Programme['venues']): Map<Id, ProgrammeSession[]> {
    const byRoom = new Map<Id, ProgrammeSession[]>();
    if (!rooms.length || !dates.length) return byRoom;
    const fromUtc = dayBounds(dates[0]!, forum.timeZone).startUtc;
    const toUtc = dayBounds(dates[dates.length - 1]!, forum.timeZone).endUtc;
    for (const session of this.store.programmeSessions.inWindow(forum.id, fromUtc, toUtc)) {
      const { roomId } = placeOf(session.location, rooms, venues);
      if (roomId !== null) byRoom.set(roomId, [...(byRoom.get(roomId) ?? []), session]);
    }
    return byRoom;
  }

  /**
   * The meetings (cancelled ones too) of the chosen people and rooms over the
   * days and the longest travel either side, and what the engine reads with
   * them: their rooms and the chosen ones, those rooms' venues and the travel
   * times among those venues only. Travel is only ever between two of them, so
   * the board is the one the whole forum's rooms and matrix would give
   * (tests/integration/scoped-page-reads.test.ts builds both).
   */
  sliceOf(forum: Forum, dates: readonly LocalDate[], choice: BoardChoice): { programme: Programme; rooms: Room[] } {
    if (!dates.length) throw new NotFoundError(message('forum.not-found-id', { id: forum.id }));
    const margin = Math.min(this.store.venues.longestTravel(forum.id) * MINUTE, DAY);
    const fromUtc = dayBounds(dates[0]!, forum.timeZone).startUtc - margin;
    const toUtc = dayBounds(dates[dates.length - 1]!, forum.timeZone).endUtc + margin;
    const sharingWith = { roomIds: choice.roomIds, personIds: choice.personIds };
    const meetings = choice.roomIds.length || choice.personIds.length ? this.store.meetings.programme({ forumId: forum.id, fromUtc, toUtc, sharingWith }) : [];
    const roomIds = [...new Set([...choice.roomIds, ...meetings.flatMap((m) => (m.roomId === null ? [] : [m.roomId]))])];
    const { rooms, venues } = this.store.rooms.findManyWithVenues(roomIds);
    const programme: Programme = {
      meetings,
      rooms,
      venues,
      people: [],
      availability: this.store.availability.ofSubjectsInWindow({ forumId: forum.id, fromUtc, toUtc, personIds: choice.personIds, roomIds: choice.roomIds }),
      travelTimes: this.store.venues.travelTimesBetween(forum.id, venues.map((v) => v.id)),
      forumTimeZone: forum.timeZone,
    };
    return { programme, rooms };
  }
}
