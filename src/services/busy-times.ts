import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { Forum, Instant } from '../domain/types';
/** What is wrong with a calendar, as a key of ui-calendar-import.json and its arguments (shown in the reader's language by the page). */
export interface CalendarProblem {
  key: string;
  params: Record<string, string | number>;
}
const message = (name: string, params: Record<string, string | number>): CalendarProblem => ({ key: `ui.calendar-import.problem.${name}`, params });
type Message = CalendarProblem;

/** A calendar file larger than this is refused unread. */
export const MAX_CALENDAR_BYTES = 2 * 1024 * 1024;
/** At most this many VEVENTs in one file. */
export const MAX_CALENDAR_EVENTS = 5000;
/** At most this many busy blocks from one import (recurrences expanded). */
export const MAX_BUSY_BLOCKS = 2000;
/** A recurring event is expanded at most this many occurrences before the forum's dates end. */
const MAX_OCCURRENCES_PER_EVENT = 5000;

export interface BusyTime {
  startUtc: Instant;
  endUtc: Instant;
  /** The event's title when the planner asked to keep titles and the event is not private; else ''. */
  title: string;
}

export type BusyRead = { ok: true; blocks: BusyTime[] } | { ok: false; problem: Message };

/**
 * The busy times of someone's calendar export within the forum's dates: each
 * VEVENT (RRULE/RDATE/EXDATE expanded, RECURRENCE-ID overrides honoured),
 * skipping TRANSPARENT and CANCELLED ones. Times with a TZID use the file's
 * VTIMEZONE, else the IANA zone of that name; floating times and all-day
 * dates are read in the forum's zone. Titles are kept only when asked and
 * never for CLASS:PRIVATE or CONFIDENTIAL.
 */
export function readBusyTimes(text: string, forum: Forum, opts: { keepTitles: boolean }): BusyRead {
  const read = readOccurrences(text, forum, { max: MAX_BUSY_BLOCKS, tooMany: 'too-many-blocks', keep: (component) => !skipped(component) });
  if (!read.ok) return read;
  const zone = forum.timeZone;
  const windowStart = DateTime.fromISO(forum.startDate, { zone }).toMillis();
  const windowEnd = DateTime.fromISO(forum.endDate, { zone }).plus({ days: 1 }).toMillis();
  const blocks: BusyTime[] = read.occurrences.map((o) => ({
    startUtc: Math.max(o.startUtc, windowStart),
    endUtc: Math.min(o.endUtc, windowEnd),
    title: opts.keepTitles && !privateEvent(o.component) ? String(o.component.getFirstPropertyValue('summary') ?? '').trim().slice(0, 300) : '',
  }));
  blocks.sort((a, b) => a.startUtc - b.startUtc || a.endUtc - b.endUtc);
  return { ok: true, blocks };
}

/** One occurrence of a calendar's event within the forum's dates (not clipped to them). */
export interface CalendarOccurrence {
  /** The VEVENT it comes from (the override's, for an occurrence a RECURRENCE-ID changed). */
  component: ICAL.Component;
  startUtc: Instant;
  endUtc: Instant;
  /** A DATE (all-day) start. */
  allDay: boolean;
  /** The event's UID, and for an occurrence of a recurring event its original start as an ISO instant ('' otherwise). */
  uid: string;
  recurrence: string;
}

export type OccurrencesRead = { ok: true; occurrences: CalendarOccurrence[] } | { ok: false; problem: Message };

/**
 * Every occurrence of the calendar's VEVENTs that overlaps the forum's dates
 * (RRULE/RDATE/EXDATE expanded, RECURRENCE-ID overrides honoured), of the
 * events `keep` accepts, at most `max` (else the `tooMany` problem). Times
 * with a TZID use the file's VTIMEZONE, else the IANA zone of that name;
 * floating times and all-day dates are read in the forum's zone. A problem
 * names the file's line where it can. Shared by the busy times and the
 * forum's programme.
 */
export function readOccurrences(text: string, forum: Forum, opts: { max: number; tooMany: string; keep: (component: ICAL.Component) => boolean }): OccurrencesRead {
  if (Buffer.byteLength(text, 'utf8') > MAX_CALENDAR_BYTES) return { ok: false, problem: message('too-large', { megabytes: MAX_CALENDAR_BYTES / 1024 / 1024 }) };
  const shape = checkLines(text);
  if (shape) return { ok: false, problem: shape };
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (err) {
    return { ok: false, problem: message('unreadable', { detail: String((err as Error).message ?? err).slice(0, 200) }) };
  }
  if (root.name !== 'vcalendar') return { ok: false, problem: message('not-calendar', {}) };
  const vevents = root.getAllSubcomponents('vevent');
  if (vevents.length > MAX_CALENDAR_EVENTS) return { ok: false, problem: message('too-many-events', { max: MAX_CALENDAR_EVENTS }) };

  const zone = forum.timeZone;
  const windowStart = DateTime.fromISO(forum.startDate, { zone }).toMillis();
  const windowEnd = DateTime.fromISO(forum.endDate, { zone }).plus({ days: 1 }).toMillis();
  const instant = (t: ICAL.Time, tzid: string | null): number => {
    if (t.isDate || !t.zone || t.zone.tzid === 'floating' || (tzid && t.zone.tzid !== tzid && !DateTime.local().setZone(tzid).isValid)) {
      const wall = { year: t.year, month: t.month, day: t.day, hour: t.isDate ? 0 : t.hour, minute: t.isDate ? 0 : t.minute, second: t.isDate ? 0 : t.second };
      return DateTime.fromObject(wall, { zone }).toMillis();
    }
    if (tzid && t.zone.tzid !== tzid) {
      // A TZID with no VTIMEZONE in the file: the IANA zone of that name.
      return DateTime.fromObject({ year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second }, { zone: tzid }).toMillis();
    }
    return t.toUnixTime() * 1000;
  };

  const masters = new Map<string, ICAL.Event>();
  const overrides: ICAL.Component[] = [];
  for (const vevent of vevents) {
    if (vevent.hasProperty('recurrence-id')) overrides.push(vevent);
    else masters.set(String(vevent.getFirstPropertyValue('uid') ?? `#${masters.size}`), new ICAL.Event(vevent));
  }
  for (const o of overrides) masters.get(String(o.getFirstPropertyValue('uid') ?? ''))?.relateException(o);

  const occurrences: CalendarOccurrence[] = [];
  const add = (uid: string, recurrence: string, component: ICAL.Component, start: ICAL.Time, end: ICAL.Time): boolean => {
    if (!opts.keep(component)) return true;
    const startTz = tzidOf(component, 'dtstart');
    const startUtc = instant(start, startTz);
    let endUtc = instant(end, tzidOf(component, 'dtend') ?? startTz);
    if (!(endUtc > startUtc)) endUtc = start.isDate ? startUtc + 86_400_000 : startUtc;
    if (endUtc <= windowStart || startUtc >= windowEnd || endUtc <= startUtc) return true;
    if (occurrences.length >= opts.max) return false;
    occurrences.push({ component, startUtc, endUtc, allDay: start.isDate, uid, recurrence });
    return true;
  };
  const tooMany = (): OccurrencesRead => ({ ok: false, problem: message(opts.tooMany, { max: opts.max }) });
  try {
    for (const [uid, event] of masters) {
      if (!event.startDate) continue;
      if (!event.isRecurring()) {
        if (!add(uid, '', event.component, event.startDate, event.endDate ?? event.startDate)) return tooMany();
        continue;
      }
      // EXDATEs checked here as well: ical.js's iterator misses one that follows an EXDATE matching no occurrence.
      const startTz = tzidOf(event.component, 'dtstart');
      const excluded = new Set<string>();
      for (const prop of event.component.getAllProperties('exdate')) {
        const tz = prop.getParameter('tzid');
        for (const value of prop.getValues() as ICAL.Time[]) excluded.add(value.isDate ? `d${value.toString().slice(0, 10)}` : String(instant(value, typeof tz === 'string' ? tz : null)));
      }
      const it = event.iterator();
      for (let n = 0, next = it.next(); next && n < MAX_OCCURRENCES_PER_EVENT; n++, next = it.next()) {
        const original = instant(next, startTz);
        if (excluded.has(String(original)) || excluded.has(`d${next.toString().slice(0, 10)}`)) continue;
        const details = event.getOccurrenceDetails(next);
        if (instant(details.startDate, tzidOf(details.item.component, 'dtstart')) >= windowEnd) break;
        if (!add(uid, new Date(original).toISOString(), details.item.component, details.startDate, details.endDate)) return tooMany();
      }
    }
  } catch (err) {
    return { ok: false, problem: message('unreadable', { detail: String((err as Error).message ?? err).slice(0, 200) }) };
  }
  return { ok: true, occurrences };
}


function tzidOf(component: ICAL.Component, name: string): string | null {
  const tzid = component.getFirstProperty(name)?.getParameter('tzid');
  return typeof tzid === 'string' && tzid ? tzid : null;
}

function skipped(component: ICAL.Component): boolean {
  const transp = String(component.getFirstPropertyValue('transp') ?? '').toUpperCase();
  const status = String(component.getFirstPropertyValue('status') ?? '').toUpperCase();
  return transp === 'TRANSPARENT' || status === 'CANCELLED';
}

function privateEvent(component: ICAL.Component): boolean {
  const cls = String(component.getFirstPropertyValue('class') ?? '').toUpperCase();
  return cls === 'PRIVATE' || cls === 'CONFIDENTIAL';
}

/**
 * The first line a reader of RFC 5545 cannot take, by its number in the
 * file: a content line with no name and colon, or a BEGIN/END that does not
 * match. Folded continuations (a line starting with a space or tab) belong to
 * the line before.
 */
function checkLines(text: string): Message | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const open: string[] = [];
  let seen = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const n = i + 1;
    if (line === '' || line.startsWith(' ') || line.startsWith('\t')) continue;
    if (!seen && !/^BEGIN:VCALENDAR\s*$/i.test(line)) return message('not-calendar', {});
    if (!/^[A-Za-z0-9-]+[;:]/.test(line)) return message('bad-line', { line: n, text: line.slice(0, 60) });
    const m = /^(BEGIN|END):(.*)$/i.exec(line);
    if (!m) {
      if (!open.length) return message('bad-line', { line: n, text: line.slice(0, 60) });
      continue;
    }
    const name = m[2]!.trim().toUpperCase();
    if (/^B/i.test(m[1]!)) {
      if (!seen && name !== 'VCALENDAR') return message('not-calendar', {});
      if (seen && !open.length) return message('bad-line', { line: n, text: line.slice(0, 60) });
      seen = true;
      open.push(name);
    } else if (open.pop() !== name) return message('bad-end', { line: n, name });
  }
  if (!seen) return message('not-calendar', {});
  if (open.length) return message('unclosed', { name: open[open.length - 1]! });
  return null;
}
