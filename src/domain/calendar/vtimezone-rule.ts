/**
 * A zone's current yearly rule, read off its offset changes: the pair of
 * changes (into and out of summer time) that recur on the same month, weekday
 * rule and wall-clock time every year up to the end of what we know. Outlook
 * expects a VTIMEZONE to state such a rule as RRULE observances and Ruby's
 * icalendar gem rejects one that does not; changes before the rule began stay
 * dated, since projecting today's rule onto them would be wrong.
 */
import { DateTime } from 'luxon';
import type { OffsetTransition } from './vtimezone';

const MINUTE = 60_000;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export interface RecurringObservance {
  /** The rule's first occurrence: the observance's DTSTART. */
  first: OffsetTransition;
  /** 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU' */
  rrule: string;
}

export interface YearlyRule {
  /** Index in the transitions of the first one the rule produces; those before it are history. */
  fromIndex: number;
  observances: [RecurringObservance, RecurringObservance];
}

interface Shape {
  year: number;
  /** Everything but the year and the day: two changes with the same key fall on the same rule. */
  key: string;
  month: number;
  /** BYDAY values that name this day: '4SU' and, in a month's last seven days, '-1SU'. */
  byDay: string[];
}

/** The wall-clock moment of a change in the offset before it, as DTSTART states it. */
function shapeOf(t: OffsetTransition): Shape {
  const wall = DateTime.fromMillis(t.at + t.offsetFrom * MINUTE, { zone: 'utc' });
  const weekday = WEEKDAYS[wall.weekday - 1]!;
  const byDay = [`${Math.ceil(wall.day / 7)}${weekday}`];
  if (wall.day > wall.daysInMonth! - 7) byDay.push(`-1${weekday}`);
  return { year: wall.year, month: wall.month, byDay, key: `${wall.month}|${weekday}|${wall.toFormat('HHmmss')}|${t.offsetFrom}|${t.offsetTo}` };
}

const intersect = (a: string[], b: string[]) => a.filter((x) => b.includes(x));
/** Which of the rule's two changes transition i is: 0 like the last but one, 1 like the last. */
const parity = (i: number, n: number) => (((i - n) % 2) + 2) % 2;

/**
 * The rule that `transitions` (in order, covering every year through
 * `lastYear`) follow from some change on until their end, or null. A rule is
 * current only when both of its changes still happen in `lastYear`: a zone
 * that dropped DST (Moscow 2011, Baku 2016) has none.
 */
export function findYearlyRule(transitions: OffsetTransition[], lastYear: number): YearlyRule | null {
  const shapes = transitions.map(shapeOf);
  const n = shapes.length;
  if (n < 4 || shapes[n - 1]!.year !== lastYear || shapes[n - 2]!.year !== lastYear) return null;
  // Walk back while each change repeats the one two later, a year earlier, on a day both can name.
  const byDay = [shapes[n - 2]!.byDay, shapes[n - 1]!.byDay];
  let from = n - 2;
  while (from > 0) {
    const candidate = shapes[from - 1]!;
    const later = shapes[from + 1]!;
    const common = intersect(byDay[parity(from - 1, n)]!, candidate.byDay);
    if (candidate.key !== later.key || candidate.year !== later.year - 1 || common.length === 0) break;
    byDay[parity(from - 1, n)] = common;
    from -= 1;
  }
  if (n - from < 4) return null;
  const observance = (i: number): RecurringObservance => {
    const days = byDay[parity(i, n)]!;
    // '-1SU' says "last Sunday" for every year; '5SU' would skip years with four.
    const day = days.find((d) => d.startsWith('-')) ?? days[0]!;
    return { first: transitions[i]!, rrule: `FREQ=YEARLY;BYMONTH=${shapes[i]!.month};BYDAY=${day}` };
  };
  return { fromIndex: from, observances: [observance(from), observance(from + 1)] };
}
