/**
 * VTIMEZONE components computed from the runtime's IANA database (via luxon/Intl)
 * instead of a bundled tz file, so a feed always agrees with how the rest of the
 * app converts wall-clock times to instants.
 *
 * A zone's current yearly rule (Berlin's last Sundays of March and October)
 * becomes a STANDARD/DAYLIGHT pair with RRULE, as Outlook expects; every other
 * change in the covered years stays its own dated observance: rules change
 * (Moscow dropped DST in 2011 and moved from +04 to +03 on 2014-10-26, Baku
 * stopped DST in 2016), and an RRULE would project today's rule onto years
 * where it did not hold.
 */
import { DateTime } from 'luxon';
import { offsetMinutesAt } from '../time';
import type { Instant } from '../types';
import { findYearlyRule } from './vtimezone-rule';

/** One change of a zone's UTC offset. Offsets are minutes east of UTC. */
export interface OffsetTransition {
  /** First instant at which `offsetTo` applies. */
  at: Instant;
  offsetFrom: number;
  offsetTo: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const RULE_CHECK_YEARS = 2;

/**
 * Whether luxon reads `zone` (an IANA name, UTC, a fixed offset). A zone is
 * known at every instant or at none, so this asks at a fixed one: the domain
 * reads no clock.
 */
export function zoneIsKnown(zone: string): boolean {
  return DateTime.fromMillis(0).setZone(zone).isValid;
}

function zoned(zone: string, at: Instant): DateTime {
  return DateTime.fromMillis(at, { zone });
}

/** The zone's offset in minutes at an instant: time.ts's, remembered per clock hour (asking Intl through luxon for each day of a scan was most of a feed's build). */
function offsetAt(zone: string, at: Instant): number {
  return offsetMinutesAt(at, zone);
}

function assertKnownZone(zone: string): void {
  if (!zoneIsKnown(zone)) {
    throw new RangeError(`Unknown time zone "${zone}": use an IANA name such as Europe/Moscow.`);
  }
}

/**
 * Offset changes in [from, to]. Scans a day at a time, which is safe because no
 * zone changes its offset twice within 24 hours and back again, then narrows
 * each change down to the minute (all offsets since the 1970s are whole minutes).
 */
export function findOffsetTransitions(zone: string, from: Instant, to: Instant): OffsetTransition[] {
  assertKnownZone(zone);
  const transitions: OffsetTransition[] = [];
  let cursor = Math.floor(from / MINUTE) * MINUTE;
  let offset = offsetAt(zone, cursor);
  while (cursor < to) {
    const next = Math.min(cursor + DAY, Math.ceil(to / MINUTE) * MINUTE);
    if (offsetAt(zone, next) === offset) {
      cursor = next;
      continue;
    }
    // Invariant: the old offset holds at `lo`, a different one at `hi`.
    let lo = cursor;
    let hi = next;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / (2 * MINUTE)) * MINUTE;
      if (offsetAt(zone, mid) === offset) lo = mid;
      else hi = mid;
    }
    const offsetTo = offsetAt(zone, hi);
    transitions.push({ at: hi, offsetFrom: offset, offsetTo });
    cursor = hi;
    offset = offsetTo;
  }
  return transitions;
}

/**
 * Whether `at`, printed as local time with TZID=zone, names only `at`. In the
 * hour repeated when DST ends, a local time occurs twice; RFC 5545 (3.3.5) says
 * the first is meant, but luxon (hence the app) and node-ical take the second,
 * so no wall-clock time in that hour can be trusted to travel intact.
 */
export function isUnambiguousLocalTime(zone: string, at: Instant): boolean {
  const wallClock = at + offsetAt(zone, at) * MINUTE;
  const nearbyOffsets = new Set([offsetAt(zone, at - DAY), offsetAt(zone, at + DAY)]);
  for (const offset of nearbyOffsets) {
    const candidate = wallClock - offset * MINUTE;
    if (candidate !== at && offsetAt(zone, candidate) === offset) return false;
  }
  return true;
}

/** '+0300', '-0800', '+0530': the UTC-OFFSET value type of RFC 5545. */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return sign + String(Math.floor(abs / 60)).padStart(2, '0') + String(abs % 60).padStart(2, '0');
}

/**
 * A short name for TZNAME. Intl only knows letter abbreviations for some zones
 * and locales (PDT, CEST, BST); elsewhere it says 'GMT+3', which would mislead,
 * so we fall back to the numeric style tzdata itself uses for such zones ('+03').
 */
function zoneAbbreviation(zone: string, at: Instant): string {
  for (const locale of ['en-US', 'en-GB']) {
    const name = zoned(zone, at).setLocale(locale).offsetNameShort;
    if (name && /^[A-Z]{2,5}$/.test(name) && (name !== 'GMT' || offsetAt(zone, at) === 0)) return name;
  }
  const offset = formatUtcOffset(offsetAt(zone, at));
  return offset.endsWith('00') ? offset.slice(0, 3) : offset;
}

/** Local wall-clock time in the old offset, floating, as RFC 5545 wants for an observance's DTSTART. */
function observanceStart(at: Instant, offsetFrom: number): string {
  return DateTime.fromMillis(at + offsetFrom * MINUTE, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss");
}

function observance(zone: string, at: Instant, offsetFrom: number, offsetTo: number, rrule?: string): string[] {
  const kind = zoned(zone, at).isInDST ? 'DAYLIGHT' : 'STANDARD';
  return [
    `BEGIN:${kind}`,
    `DTSTART:${observanceStart(at, offsetFrom)}`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    `TZOFFSETFROM:${formatUtcOffset(offsetFrom)}`,
    `TZOFFSETTO:${formatUtcOffset(offsetTo)}`,
    `TZNAME:${zoneAbbreviation(zone, at)}`,
    `END:${kind}`,
  ];
}

/**
 * A VTIMEZONE valid for every local time from 1 January of `fromYear` to
 * 31 December of `toYear` in `zone`. It opens with an observance dated at the
 * start of the range, so times before the range's first transition (or in a
 * zone with none, like Europe/Moscow in 2019) still have an explicit offset.
 * Lines end in CRLF and are not folded (they are all short).
 */
export function buildVtimezone(zone: string, fromYear: number, toYear: number): string {
  const key = `${zone}|${fromYear}|${toYear}`;
  const known = vtimezones.get(key);
  if (known !== undefined) return known;
  const built = vtimezoneOf(zone, fromYear, toYear);
  if (vtimezones.size >= VTIMEZONES_KEPT) vtimezones.delete(vtimezones.keys().next().value!);
  vtimezones.set(key, built);
  return built;
}

/**
 * VTIMEZONE blocks already written, by zone and years: a block is a function
 * of those alone (the zone rules do not change while the process runs), and
 * finding a zone's transitions scans every day of the years through Intl, a
 * third of a person's feed build. A forum uses a handful of zones.
 */
const vtimezones = new Map<string, string>();
const VTIMEZONES_KEPT = 256;

function vtimezoneOf(zone: string, fromYear: number, toYear: number): string {
  assertKnownZone(zone);
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`A VTIMEZONE needs whole years with fromYear <= toYear, got ${fromYear}..${toYear}.`);
  }
  const from = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone }).toMillis();
  const to = DateTime.fromObject({ year: toYear + 1, month: 1, day: 1 }, { zone }).toMillis();
  const opening = offsetAt(zone, from);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...observance(zone, from, opening, opening)];
  // Two years past the range show whether the last rule in it still holds.
  const lastYear = toYear + RULE_CHECK_YEARS;
  const transitions = findOffsetTransitions(zone, from, DateTime.fromObject({ year: lastYear + 1, month: 1, day: 1 }, { zone }).toMillis());
  const rule = findYearlyRule(transitions, lastYear);
  const recurringFrom = rule && transitions[rule.fromIndex]!.at < to ? rule.fromIndex : Infinity;
  transitions.forEach((t, i) => {
    if (i < recurringFrom && t.at < to) lines.push(...observance(zone, t.at, t.offsetFrom, t.offsetTo));
  });
  if (rule && recurringFrom !== Infinity) {
    for (const { first, rrule } of rule.observances) lines.push(...observance(zone, first.at, first.offsetFrom, first.offsetTo, rrule));
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n') + '\r\n';
}
