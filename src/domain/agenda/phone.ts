/**
 * The agenda as a delegate reads it on a phone: the same days and entries as
 * the printed sheet, reordered so that today (in the forum's zone) comes
 * first, with the meeting under way marked "now" and the one after it "next".
 * Pure: the time is the agenda's own (`generatedAt`, the services' clock).
 */
import { localDateOf } from '../time';
import type { Instant, LocalDate } from '../types';
import type { Agenda, AgendaDay, AgendaEntry } from './types';

/** What a card says about its time: under way, the next to start, or neither. */
export type Moment = 'now' | 'next' | null;

export interface PhoneEntry {
  entry: AgendaEntry;
  moment: Moment;
}

export interface PhoneDay {
  day: AgendaDay;
  isToday: boolean;
  entries: PhoneEntry[];
}

export interface PhoneAgenda {
  /** The forum-zone date of the agenda's time. */
  today: LocalDate;
  /** Today first when the agenda has it, then the days after it, then those before, each in date order. */
  days: PhoneDay[];
}

/** A cancelled meeting is on the sheet (struck through), but nobody is in it or going to it. */
const isLive = (e: AgendaEntry) => !e.isCancelled;

function isUnderWay(e: AgendaEntry, now: Instant): boolean {
  return isLive(e) && e.startUtc <= now && now < e.endUtc;
}

/**
 * The start of whatever begins next after `now` over every shown day: a
 * delegate after the day's last meeting sees tomorrow's first as next.
 * Meetings that start together are all next.
 */
function nextStart(days: AgendaDay[], now: Instant): Instant | null {
  let next: Instant | null = null;
  for (const d of days) for (const e of d.entries) if (isLive(e) && e.startUtc > now && (next === null || e.startUtc < next)) next = e.startUtc;
  return next;
}

export function phoneAgenda(agenda: Agenda, forumTimeZone: string): PhoneAgenda {
  const now = agenda.generatedAt;
  const today = localDateOf(now, forumTimeZone);
  const next = nextStart(agenda.days, now);
  const rank = (d: AgendaDay) => (d.date === today ? 0 : d.date > today ? 1 : 2);
  const days = [...agenda.days]
    .sort((a, b) => rank(a) - rank(b) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map(
      (day): PhoneDay => ({
        day,
        isToday: day.date === today,
        entries: day.entries.map((entry) => ({
          entry,
          moment: isUnderWay(entry, now) ? 'now' : isLive(entry) && entry.startUtc === next ? 'next' : null,
        })),
      }),
    );
  return { today, days };
}
