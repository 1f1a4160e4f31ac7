/**
 * What one cell of a day grid shows: a meeting, an unavailability block, or a
 * B2B area's table meetings folded into their session. Presenters: they decide
 * what a cell says, the layout decides where it stands.
 */
import { conflictKindsShort, type MeetingView } from '../meetings';
import { render, type Locale } from '../../messages/render';
import { message, type Message } from '../../messages/message';
import { timeRange } from '../../domain/agenda';
import { localDateTimeOf } from '../../domain/time';
import type { Conflict } from '../../domain/conflicts';
import type { Forum, Id, Instant, LocalDate, MeetingStatus, StoredAvailabilityBlock } from '../../domain/types';
import type { ProgrammeSession, SessionMark } from '../../domain/forum-programme';

export interface EntryMarker {
  severity: 'error' | 'warning';
  /** 'room double-booked', 'travel time': the view joins them. */
  kinds: Message[];
  /** The conflicts' sentences, rendered for the cell's tooltip (a presenter: see summary). */
  messages: string[];
}

export interface MeetingEntry {
  type: 'meeting';
  id: Id;
  /** The stored version a drop must name (optimistic check), and its room: what the grid's script needs. */
  version: number;
  roomId: Id | null;
  startUtc: Instant;
  endUtc: Instant;
  /** Start and end on the forum's clock ('2019-06-07T10:00'), as the grid's rows read. */
  start: string;
  end: string;
  title: string;
  status: MeetingStatus;
  /** '10:00–11:00', with '(+1)' where it runs past midnight. */
  time: string;
  /** Short names of our people (where the column is a room), then of the counterparts. */
  ours: string[];
  counterparts: string[];
  /** The room and venue or the free-text place, where the column does not already say it; else ''. */
  place: string;
  marker: EntryMarker | null;
  /** It attends a session of the forum's official programme (its cell says so). */
  programme: boolean;
  /** Everything above in lines, for the cell's tooltip: a short cell cuts its text at its last row. */
  summary: string;
}

/** A session of the forum's official programme: read-only, never dragged. */
export interface ProgrammeEntry {
  type: 'programme';
  /** The session's id (not a meeting's). */
  sessionId: Id;
  startUtc: Instant;
  endUtc: Instant;
  time: string;
  title: string;
  /** The session's location where the column does not name it; else ''. */
  place: string;
  cancelled: boolean;
  marks: SessionMark[];
  summary: string;
}

export interface UnavailableEntry {
  type: 'unavailable';
  startUtc: Instant;
  endUtc: Instant;
  time: string;
  reason: string;
  summary: string;
}

/** A B2B area's parallel table meetings as one block; the B2B pages and the person grid show them one by one. */
export interface B2BSessionEntry {
  type: 'b2b';
  startUtc: Instant;
  endUtc: Instant;
  time: string;
  meetingIds: Id[];
  /** Meetings that still take place (not cancelled), at how many tables. */
  meetings: number;
  tables: number;
  /** Meetings not yet confirmed (proposed or tentative), and cancelled ones. */
  unconfirmed: number;
  cancelled: number;
  marker: EntryMarker | null;
  summary: string;
}

export type GridEntry = MeetingEntry | UnavailableEntry | B2BSessionEntry | ProgrammeEntry;

/** `showPlace` where the column does not name the place, `showOurs` where it does not name the person; `conflicts` those that concern the column. */
export function meetingEntry(o: { forum: Forum; date: LocalDate; view: MeetingView; showPlace: boolean; showOurs: boolean; conflicts: Conflict[]; programme?: boolean }, locale: Locale): MeetingEntry {
  const say = (m: Message) => render(m, locale);
  const { meeting, participants } = o.view;
  const time = timeRange({ startUtc: meeting.startUtc, endUtc: meeting.endUtc, zone: o.forum.timeZone, day: o.date });
  const ours = o.showOurs ? participants.filter((p) => p.role !== 'counterpart').map((p) => shortName(p.person.fullName)) : [];
  const counterparts = participants.filter((p) => p.role === 'counterpart').map((p) => shortName(p.person.fullName));
  const place = o.showPlace ? o.view.placeText : '';
  const marker = markerOf(o.conflicts, locale);
  return {
    type: 'meeting',
    id: meeting.id,
    version: meeting.version,
    roomId: meeting.roomId,
    startUtc: meeting.startUtc,
    endUtc: meeting.endUtc,
    start: localDateTimeOf(meeting.startUtc, o.forum.timeZone),
    end: localDateTimeOf(meeting.endUtc, o.forum.timeZone),
    title: meeting.title,
    status: meeting.status,
    time,
    ours,
    counterparts,
    place,
    marker,
    programme: o.programme === true,
    summary: lines(
      say(message('grid.meeting-heading', { time, status: meeting.status })),
      o.programme ? say(message('forum-programme.lane', {})) : '',
      meeting.title,
      place,
      ours.join(', '),
      counterparts.length ? say(message('grid.with-counterparts', { names: counterparts })) : '',
      ...(marker?.messages ?? []),
    ),
  };
}

export function programmeEntry(forum: Forum, date: LocalDate, session: ProgrammeSession, showPlace: boolean, locale: Locale): ProgrammeEntry {
  const say = (m: Message) => render(m, locale);
  const time = timeRange({ startUtc: session.startUtc, endUtc: session.endUtc, zone: forum.timeZone, day: date });
  const title = session.title || say(message('forum-programme.untitled', {}));
  const place = showPlace ? session.location : '';
  return {
    type: 'programme',
    sessionId: session.id,
    startUtc: session.startUtc,
    endUtc: session.endUtc,
    time,
    title,
    place,
    cancelled: session.cancelled,
    marks: session.changes,
    summary: lines(say(message('forum-programme.entry-heading', { time })), session.cancelled ? say(message('forum-programme.cancelled-title', { title })) : title, place),
  };
}

export function unavailableEntry(forum: Forum, date: LocalDate, block: StoredAvailabilityBlock, locale: Locale): UnavailableEntry {
  const time = timeRange({ startUtc: block.startUtc, endUtc: block.endUtc, zone: forum.timeZone, day: date });
  return { type: 'unavailable', startUtc: block.startUtc, endUtc: block.endUtc, time, reason: block.reason, summary: lines(render(message('grid.unavailable-heading', { time }), locale), block.reason) };
}

/** B2B slots are minutes apart; a break of half an hour or more starts another session. */
const SESSION_BREAK_MS = 30 * 60_000;

/**
 * A B2B area holds a meeting per table per slot: nine tables would be nine
 * lanes that push every other room off the screen. Folded, the area reads as
 * one room with a session in it, like the others.
 */
export function b2bSessionEntries(forum: Forum, date: LocalDate, views: readonly MeetingView[], locale: Locale): B2BSessionEntry[] {
  const say = (m: Message) => render(m, locale);
  const runs: MeetingView[][] = [];
  let runEnd = -Infinity;
  for (const view of [...views].sort((a, b) => a.meeting.startUtc - b.meeting.startUtc)) {
    const current = runs[runs.length - 1];
    if (current && view.meeting.startUtc - runEnd < SESSION_BREAK_MS) {
      current.push(view);
      runEnd = Math.max(runEnd, view.meeting.endUtc);
    } else {
      runs.push([view]);
      runEnd = view.meeting.endUtc;
    }
  }
  return runs.map((run) => {
    const startUtc = Math.min(...run.map((v) => v.meeting.startUtc));
    const endUtc = Math.max(...run.map((v) => v.meeting.endUtc));
    const live = run.filter((v) => v.meeting.status !== 'cancelled');
    const time = timeRange({ startUtc, endUtc, zone: forum.timeZone, day: date });
    const tables = new Set(live.map((v) => v.meeting.place)).size;
    const unconfirmed = live.filter((v) => v.meeting.status !== 'confirmed').length;
    const cancelled = run.length - live.length;
    const marker = markerOf([...new Set(run.flatMap((v) => v.conflicts))], locale);
    return {
      type: 'b2b',
      startUtc,
      endUtc,
      time,
      meetingIds: run.map((v) => v.meeting.id),
      meetings: live.length,
      tables,
      unconfirmed,
      cancelled,
      marker,
      summary: lines(
        say(message('grid.b2b-heading', { time })),
        say(message('grid.b2b-count', { meetings: live.length, tables })),
        unconfirmed ? say(message('grid.not-confirmed', { count: unconfirmed })) : '',
        cancelled ? say(message('grid.cancelled', { count: cancelled })) : '',
        ...(marker?.messages ?? []),
      ),
    };
  });
}

function lines(...parts: string[]): string {
  return parts.filter(Boolean).join('\n');
}

function markerOf(conflicts: readonly Conflict[], locale: Locale): EntryMarker | null {
  if (!conflicts.length) return null;
  return {
    severity: conflicts.some((c) => c.severity === 'error') ? 'error' : 'warning',
    kinds: conflictKindsShort(conflicts),
    messages: conflicts.map((c) => render(c.message, locale)),
  };
}

// Romanised Slavic and Turkic names often begin with a two-letter sound.
const LEADING_DIGRAPH = /^(Sh|Ch|Zh|Kh|Ts|Gh)/;

/** 'Shahin Mustafayev' -> 'Sh. Mustafayev', 'Aleksandr Drozdenko' -> 'A. Drozdenko': what fits in a grid cell. */
export function shortName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length < 2) return fullName.trim();
  const initials = parts.slice(0, -1).map((given) => `${LEADING_DIGRAPH.exec(given)?.[0] ?? [...given][0]}.`);
  return `${initials.join(' ')} ${parts[parts.length - 1]}`;
}
