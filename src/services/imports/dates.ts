/**
 * A date, or a date and time, as a spreadsheet cell holds it after reading:
 * ISO from a date cell ('2019-06-07', '2019-06-07T10:00'), or typed the local
 * way ('07.06.2019 10:00', '7/6/2019', '07.06.19', '7.06.2019 г.'). Day
 * before month, as in Russia, Azerbaijan and Britain; a month over 12 in the
 * first place (6/17/2019) can only be American and is read that way.
 * Dates outside 2000–2100 are not dates (domain/calendar-date.ts).
 */
import { isCalendarDate } from '../../domain/calendar-date';

const pad = (n: number): string => String(n).padStart(2, '0');

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const LOCAL = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:\s*г\.?)?(?:[,\s]+(\d{1,2})[:.](\d{2})(?::(\d{2}))?)?$/i;
const TIME = /^(\d{1,2})[:.](\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

function timeOf(hours: string | undefined, minutes: string | undefined, seconds: string | undefined): string | null | undefined {
  if (hours === undefined || minutes === undefined) return undefined;
  const h = Number(hours);
  const m = Number(minutes);
  const s = seconds === undefined ? 0 : Number(seconds);
  if (h > 23 || m > 59 || s > 59) return null;
  return `${pad(h)}:${pad(m)}`;
}

function dated(year: number, month: number, day: number, time: string | null | undefined): { date: string; time?: string } | null {
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (!isCalendarDate(date) || time === null) return null;
  return time === undefined ? { date } : { date, time };
}

export function readLocalDateTime(cell: string): { date: string; time?: string } | null {
  const text = cell.trim().replace(/\s+/g, ' ');
  const iso = ISO.exec(text);
  if (iso) return dated(Number(iso[1]), Number(iso[2]), Number(iso[3]), timeOf(iso[4], iso[5], iso[6]));
  const local = LOCAL.exec(text);
  if (local) {
    let day = Number(local[1]);
    let month = Number(local[2]);
    if (month > 12 && day <= 12) [day, month] = [month, day];
    const year = local[3]!.length === 2 ? 2000 + Number(local[3]) : Number(local[3]);
    return dated(year, month, day, timeOf(local[4], local[5], local[6]));
  }
  return null;
}

/** A time of day as a cell holds it ('10:00', '9.30', '10:00:00', a time cell read as '10:00'): 'HH:mm', or null. */
export function readLocalTime(cell: string): string | null {
  const time = TIME.exec(cell.trim());
  return time ? (timeOf(time[1], time[2], time[3]) ?? null) : null;
}
