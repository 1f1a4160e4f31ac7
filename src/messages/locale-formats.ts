/**
 * How each language writes dates, as luxon patterns over the locale's own
 * month and weekday names (Intl data): 'Friday, 7 June 2019',
 * 'пятница, 7 июня 2019', '7 iyun 2019, cümə'. One table, used by the view
 * helpers and by the domain's date messages alike.
 */
import { DateTime } from 'luxon';
import { INTL_TAG, type Locale } from './catalogue';

const PATTERNS: Record<Locale, { long: string; short: string; dayMonth: string; dayMonthYear: string; day: string }> = {
  en: { long: 'cccc, d LLLL yyyy', short: 'ccc d LLL', dayMonth: 'd LLLL', dayMonthYear: 'd LLLL yyyy', day: 'd' },
  ru: { long: 'cccc, d MMMM yyyy', short: 'ccc, d MMM', dayMonth: 'd MMMM', dayMonthYear: 'd MMMM yyyy', day: 'd' },
  az: { long: 'd MMMM yyyy, cccc', short: 'd MMM, ccc', dayMonth: 'd MMMM', dayMonthYear: 'd MMMM yyyy', day: 'd' },
};

export type DateStyle = keyof (typeof PATTERNS)['en'];

/** A calendar date ('2019-06-07') in the reader's language; the input back unchanged when it is not a date. */
export function formatDate(locale: Locale, date: string, style: DateStyle = 'long'): string {
  const d = DateTime.fromISO(date, { zone: 'UTC', locale: INTL_TAG[locale] });
  return d.isValid ? d.toFormat(PATTERNS[locale][style]) : date;
}

/** A range of calendar dates: '7–8 June 2019', '30 May – 2 June 2019', '7–8 июня 2019'. */
export function formatDateRange(locale: Locale, start: string, end: string): string {
  const a = DateTime.fromISO(start, { zone: 'UTC', locale: INTL_TAG[locale] });
  const b = DateTime.fromISO(end, { zone: 'UTC', locale: INTL_TAG[locale] });
  if (!a.isValid || !b.isValid) return `${start} – ${end}`;
  const p = PATTERNS[locale];
  if (start === end) return a.toFormat(p.dayMonthYear);
  if (a.hasSame(b, 'month')) return `${a.toFormat(p.day)}–${b.toFormat(p.dayMonthYear)}`;
  if (a.hasSame(b, 'year')) return `${a.toFormat(p.dayMonth)} – ${b.toFormat(p.dayMonthYear)}`;
  return `${a.toFormat(p.dayMonthYear)} – ${b.toFormat(p.dayMonthYear)}`;
}

/** An instant on `zone`'s clock with its weekday and date: 'Thursday, 6 June 2019, 21:15', 'четверг, 6 июня 2019, 21:15', '6 iyun 2019, cümə axşamı, 21:15'. */
export function formatInstantLong(locale: Locale, ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone, locale: INTL_TAG[locale] }).toFormat(`${PATTERNS[locale].long}, HH:mm`);
}

const DURATION_UNITS: Record<Locale, { h: string; min: string }> = {
  en: { h: 'h', min: 'min' },
  ru: { h: 'ч', min: 'мин' },
  az: { h: 'saat', min: 'dəq' },
};

/** A travel or meeting length: 40 -> '40 min', 90 -> '1 h 30 min' / '1 ч 30 мин' / '1 saat 30 dəq', 120 -> '2 h'. */
export function formatDuration(minutes: number, locale: Locale = 'en'): string {
  if (minutes < 0) return `-${formatDuration(-minutes, locale)}`;
  const { h, min } = DURATION_UNITS[locale];
  const whole = Math.round(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest} ${min}`;
  return rest === 0 ? `${hours} ${h}` : `${hours} ${h} ${rest} ${min}`;
}

/** An instant as '2019-06-07 10:00' in a zone: the same in every language (tables, audit). */
export function formatInstant(ms: number, zone = 'UTC'): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('yyyy-LL-dd HH:mm');
}

const collators = new Map<Locale, Intl.Collator>();

/** Sorting in the reader's language: Azerbaijani Ə after E and Ğ after G; Russian Cyrillic before Latin. */
export function collatorFor(locale: Locale): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(INTL_TAG[locale], { sensitivity: 'base', numeric: true });
    collators.set(locale, c);
  }
  return c;
}
