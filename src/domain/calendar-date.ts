import { DateTime } from 'luxon';
import { message, type Message } from '../messages/message';

/**
 * A calendar date as forms, links and the API write it: 2019-06-07.
 *
 * The pattern alone lets 2019-13-45 and 2019-02-30 through, and JavaScript's
 * Date rolls them over into another day, so a date is only a date when luxon
 * finds that day on the calendar. Years outside 2000–2100 are refused: no
 * forum of ours is there, and 0001-01-01 or 9999-12-31 is always a typing slip
 * that would otherwise stretch a programme over millennia.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
const SHAPE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !SHAPE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  return DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

/** What to tell someone whose date was refused, naming the field. */
export function calendarDateMessage(label: string): Message<'field.calendar-date'> {
  return message('field.calendar-date', { label, firstYear: FIRST_YEAR, lastYear: LAST_YEAR });
}

/** Whole days from one calendar date to another (both valid). */
export function daysBetween(from: string, to: string): number {
  return DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days;
}
