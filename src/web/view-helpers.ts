import { DateTime } from 'luxon';
import { forumDays } from '../domain/agenda';
import { render, type Message } from '../messages';

/** Small formatting helpers every view can use (app.locals). No business rules. */
export const viewHelpers = {
  /** A message from the domain or a service, as a sentence (in English until the languages issue gives it a locale). */
  t(message: Message): string {
    return render(message);
  },
  /** 'protocol_officer' -> 'Protocol officer' */
  humanize(value: string | null | undefined): string {
    if (!value) return '';
    const s = value.replace(/_/g, ' ').replace(/\bb2b\b/gi, 'B2B');
    return s.charAt(0).toUpperCase() + s.slice(1);
  },
  /** '2019-06-07' -> 'Friday, 7 June 2019' */
  longDate(date: string): string {
    const d = DateTime.fromISO(date, { zone: 'UTC' });
    return d.isValid ? d.setLocale('en-GB').toFormat('cccc, d LLLL yyyy') : date;
  },
  /** '2019-06-07' -> '7 Jun' */
  shortDate(date: string): string {
    const d = DateTime.fromISO(date, { zone: 'UTC' });
    return d.isValid ? d.setLocale('en-GB').toFormat('ccc d LLL') : date;
  },
  dateRange(start: string, end: string): string {
    const a = DateTime.fromISO(start, { zone: 'UTC' }).setLocale('en-GB');
    const b = DateTime.fromISO(end, { zone: 'UTC' }).setLocale('en-GB');
    if (!a.isValid || !b.isValid) return `${start} – ${end}`;
    if (start === end) return a.toFormat('d LLLL yyyy');
    if (a.hasSame(b, 'month')) return `${a.toFormat('d')}–${b.toFormat('d LLLL yyyy')}`;
    return `${a.toFormat('d LLLL')} – ${b.toFormat('d LLLL yyyy')}`;
  },
  /** Epoch ms -> '2019-06-07 10:00' in a zone. */
  instant(ms: number | null | undefined, zone = 'UTC'): string {
    if (ms === null || ms === undefined) return '';
    return DateTime.fromMillis(ms, { zone }).toFormat('yyyy-LL-dd HH:mm');
  },
  forumDaysOf(forum: { startDate: string; endDate: string }): string[] {
    return forumDays(forum);
  },
  plural(n: number, one: string, many = `${one}s`): string {
    return `${n} ${n === 1 ? one : many}`;
  },
};
