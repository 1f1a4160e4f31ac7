/**
 * Venue opening hours, read in the forum's zone. A venue's hours repeat every
 * day; on a DST change day the window is resolved like any other wall-clock
 * time, landing on the first instant the clock reads it.
 */
import { firstInstantAt, nextLocalDate, offsetMinutesAt, type UtcInterval } from '../time';
import type { LocalDate, LocalTime, Venue } from '../types';

export type OpeningHours = Pick<Venue, 'opensAt' | 'closesAt'>;

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** Whether the venue keeps hours at all: both null, or unreadable, means always open. */
export function hasOpeningHours(hours: OpeningHours): boolean {
  if (hours.opensAt === null && hours.closesAt === null) return false;
  const opensOk = hours.opensAt === null || CLOCK.test(hours.opensAt);
  const closesOk = hours.closesAt === null || hours.closesAt === '24:00' || CLOCK.test(hours.closesAt);
  return opensOk && closesOk;
}

/** 'HH:mm–HH:mm' as the venue states it; a missing bound reads as the day's edge. */
export function describeOpeningHours(hours: OpeningHours): string {
  return `${hours.opensAt ?? '00:00'}–${hours.closesAt ?? '24:00'}`;
}

/**
 * Builds a check answering "does this span miss the venue's hours?", i.e. fit
 * inside no single day's window (a window that runs past midnight belongs to
 * the day before). It remembers each (venue, day) window, because a forum has
 * thousands of meetings over a handful of venues and days; days are numbered
 * (days since 1970 on the forum's clock) so the common path builds no strings.
 */
export function openingHoursCheck(forumZone: string): (venueId: number, hours: OpeningHours, span: UtcInterval) => boolean {
  const windows = new Map<number, Map<number, UtcInterval>>();
  const fitsDay = (venueId: number, hours: OpeningHours, day: number, span: UtcInterval): boolean => {
    let venueWindows = windows.get(venueId);
    if (venueWindows === undefined) {
      venueWindows = new Map();
      windows.set(venueId, venueWindows);
    }
    let window = venueWindows.get(day);
    if (window === undefined) {
      window = openingWindow(hours, new Date(day * DAY).toISOString().slice(0, 10), forumZone);
      venueWindows.set(day, window);
    }
    return window.startUtc <= span.startUtc && span.endUtc <= window.endUtc;
  };
  return (venueId, hours, span) => {
    const day = Math.floor((span.startUtc + offsetMinutesAt(span.startUtc, forumZone) * MINUTE) / DAY);
    return !fitsDay(venueId, hours, day, span) && !fitsDay(venueId, hours, day - 1, span);
  };
}

/** One day's opening window as instants: the busy-time model draws the rest of the day as closed. */
export function openingWindow(hours: OpeningHours, date: LocalDate, zone: string): UtcInterval {
  const opens: LocalTime = hours.opensAt ?? '00:00';
  const closes = hours.closesAt;
  const startUtc = firstInstantAt(`${date}T${opens}`, zone);
  if (closes === null || closes === '24:00') return { startUtc, endUtc: firstInstantAt(`${nextLocalDate(date)}T00:00`, zone) };
  // Closing at or before opening means the venue stays open past midnight.
  const closingDay = closes > opens ? date : nextLocalDate(date);
  return { startUtc, endUtc: firstInstantAt(`${closingDay}T${closes}`, zone) };
}
