/**
 * How times, days and labels read on the printed agenda. Every function takes
 * the zone and the reader's language explicitly: the sheet must read the same
 * whatever zone or language the server runs in. Words and date formats come
 * from the language's catalogue (src/messages/catalogues/<locale>/), clock and date rules from
 * time.ts, so that the agenda, the screens and the feeds cannot disagree.
 */
import { DateTime } from 'luxon';
import { formatTime, localDateOf, nextLocalDate, zoneCity } from '../time';
import type { Instant, LocalDate, MeetingKind, MeetingStatus, ParticipantRole } from '../types';
import { message } from '../../messages/message';
import { render, type Locale } from '../../messages/render';

/** 'Friday, 7 June 2019' in English: the language's own words, never the server's locale. */
export function weekdayLong(date: LocalDate, locale: Locale): string {
  return render(message('date.weekday-long', { date }), locale);
}

/** Every date from start to end inclusive, for a booklet that has a page even for an empty day. */
export function datesBetween(startDate: LocalDate, endDate: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  // ISO dates compare correctly as strings.
  for (let day = startDate; day <= endDate; day = nextLocalDate(day)) dates.push(day);
  return dates;
}

function dayDelta(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00Z`) - Date.parse(`${from}T00:00Z`)) / 86_400_000);
}

function clock(instant: Instant, zone: string, day: LocalDate): string {
  const delta = dayDelta(day, localDateOf(instant, zone));
  const mark = delta === 0 ? '' : ` (${delta > 0 ? '+' : '−'}${Math.abs(delta)})`;
  return formatTime(instant, zone) + mark;
}

/**
 * '10:00–11:00' as read on the page for `day`. A time that falls on another
 * calendar day than the page carries '(+1)' or '(−1)', so a meeting that runs
 * past midnight, or a home-zone time that is already tomorrow in Baku, cannot be
 * misread as the same evening.
 */
export function timeRange(args: { startUtc: Instant; endUtc: Instant; zone: string; day: LocalDate }): string {
  const start = clock(args.startUtc, args.zone, args.day);
  if (args.endUtc === args.startUtc) return start;
  return `${start}–${clock(args.endUtc, args.zone, args.day)}`;
}

/** Whether two zones show different wall clocks at this instant; a same-offset home zone would only add noise. */
export function clocksDiffer(instant: Instant, zoneA: string, zoneB: string): boolean {
  return DateTime.fromMillis(instant, { zone: zoneA }).offset !== DateTime.fromMillis(instant, { zone: zoneB }).offset;
}

/** 'Thursday, 6 June 2019, 21:15 Moscow', for the "printed at" footer. */
export function instantText(instant: Instant, zone: string, locale: Locale): string {
  return render(message('date.instant-long', { instant, zone, city: zoneCity(zone) }), locale);
}

/** The kind, status and role as the sheet prints them: the same words as the calendar's (src/messages/catalogues/<locale>/domain-labels.json). */
export function kindLabel(kind: MeetingKind, locale: Locale): string {
  return render(message('label.meeting-kind', { kind }), locale);
}

export function statusLabel(status: MeetingStatus, locale: Locale): string {
  return render(message('label.meeting-status', { status }), locale);
}

export function participantRoleLabel(role: ParticipantRole, locale: Locale): string {
  return render(message('label.participant-role', { role }), locale);
}

