/**
 * Time rules: turning a wall-clock reading in an IANA zone into an instant, and
 * instants back into what a planner reads. Pure: the machine's own zone and
 * locale never take part (every conversion names its zone, every format its locale).
 */
import { DateTime, IANAZone } from 'luxon';
import type { Instant, LocalDate, LocalDateTime } from './types';
import { message, type Message } from '../messages/message';

const MINUTE = 60_000;
const DAY = 86_400_000;
// Fixed so that month names do not follow the server's locale.
const LOCALE = 'en-GB';
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A half-open interval [startUtc, endUtc) of instants. */
export interface UtcInterval {
  startUtc: Instant;
  endUtc: Instant;
}

export type LocalTimeRefusalReason = 'invalid' | 'gap' | 'ambiguous' | 'unknown_zone';

export type LocalTimeResolution =
  | { ok: true; instant: Instant; offsetMinutes: number }
  | {
      ok: false;
      reason: LocalTimeRefusalReason;
      /** What to tell the person who wrote the time (src/messages/catalogues/<locale>/domain-time.json). */
      message: Message;
      /** Only for 'ambiguous': the two possible UTC offsets in minutes, in the order they occur. */
      offsets?: number[];
    };

export interface ResolveLocalTimeInput {
  local: LocalDateTime;
  timeZone: string;
  /** Chooses between the two readings of an ambiguous time; ignored where the time is unambiguous. */
  offsetMinutes?: number;
}

// luxon's own check builds an Intl formatter on every call (about 0.2 ms); a
// forum has a handful of zones, and the conflict engine asks per meeting.
const zoneValidity = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone === '') return false;
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    zoneValidity.set(zone, valid);
  }
  return valid;
}

/**
 * Resolves a wall-clock reading to an instant, refusing readings that name no
 * instant (DST gap) or two (DST fold, unless `offsetMinutes` picks one).
 * luxon would silently shift a gap time and silently pick one side of a fold,
 * so both candidate offsets are tested explicitly instead.
 */
export function resolveLocalTime({ local, timeZone, offsetMinutes }: ResolveLocalTimeInput): LocalTimeResolution {
  const known = unambiguousReadings.get(timeZone)?.get(local);
  if (known !== undefined) return { ok: true, instant: known.instant, offsetMinutes: known.offset };
  if (!isValidTimeZone(timeZone)) {
    return { ok: false, reason: 'unknown_zone', message: message('time.unknown-zone', { zone: timeZone }) };
  }
  const wall = parseWallClock(local);
  if (wall === null) {
    return { ok: false, reason: 'invalid', message: message('time.invalid', { local }) };
  }
  const reading = readWallClock(wall, timeZone);
  const [first, second] = reading.instants;
  // Refusal messages are built only on refusal, and their dates formatted only when rendered.
  if (first === undefined) {
    const { from, to } = transitionWallTimes(reading);
    return {
      ok: false,
      reason: 'gap',
      message: message('time.gap', { time: wallTime(wall), date: wallDate(wall), zone: timeZone, from, to }),
    };
  }
  if (second === undefined) {
    remember(unambiguousReadings, timeZone, local, first);
    return { ok: true, instant: first.instant, offsetMinutes: first.offset };
  }
  const chosen = reading.instants.find((candidate) => candidate.offset === offsetMinutes);
  if (chosen !== undefined) return { ok: true, instant: chosen.instant, offsetMinutes: chosen.offset };
  const { from, to } = transitionWallTimes(reading);
  return {
    ok: false,
    reason: 'ambiguous',
    message: message('time.ambiguous', { time: wallTime(wall), date: wallDate(wall), zone: timeZone, from, to, first: formatOffset(first.offset), second: formatOffset(second.offset) }),
    offsets: [first.offset, second.offset],
  };
}

/**
 * The first instant at which the zone's clock reads `local` or later: in a gap
 * that is the moment clocks jump, in a fold the first pass. Used for day starts
 * and opening hours, which must always land somewhere.
 */
export function firstInstantAt(local: LocalDateTime, timeZone: string): Instant {
  const known = firstInstants.get(timeZone)?.get(local);
  if (known !== undefined) return known;
  const wall = parseWallClock(local);
  if (wall === null) throw new RangeError(`'${local}' is not a valid date and time.`);
  const reading = readWallClock(wall, checkedZone(timeZone));
  const [first] = reading.instants;
  const instant = first === undefined ? transitionInstant(reading) : first.instant;
  remember(firstInstants, timeZone, local, instant);
  return instant;
}

/**
 * Answers by zone and wall-clock reading, which depend on nothing but the
 * zone rules: opening hours ask for the same few readings (each venue's
 * opening and closing on each forum day) on every save's conflict check, and
 * saves come at the same few times of the forum's days. Each answer costs
 * parsing and several offset lookups, more than a lookup here. Only readings
 * with exactly one instant are kept for resolveLocalTime: a gap or a fold
 * depends on the offset asked for, and is refused or chosen afresh.
 */
const firstInstants = new Map<string, Map<LocalDateTime, Instant>>();
const unambiguousReadings = new Map<string, Map<LocalDateTime, Candidate>>();
const READINGS_PER_ZONE = 10_000;

function remember<T>(cache: Map<string, Map<LocalDateTime, T>>, zone: string, local: LocalDateTime, value: T): void {
  let readings = cache.get(zone);
  if (readings === undefined) {
    readings = new Map();
    cache.set(zone, readings);
  }
  if (readings.size >= READINGS_PER_ZONE) readings.clear();
  readings.set(local, value);
}

/** The local day as a half-open interval; 23 or 25 hours long on DST change days. */
export function dayBounds(localDate: LocalDate, timeZone: string): UtcInterval {
  const match = LOCAL_DATE.exec(localDate);
  if (match === null) throw new RangeError(`'${localDate}' is not a date of the form 2019-06-07.`);
  return {
    startUtc: firstInstantAt(`${localDate}T00:00`, timeZone),
    endUtc: firstInstantAt(`${nextLocalDate(localDate)}T00:00`, timeZone),
  };
}

export function nextLocalDate(localDate: LocalDate): LocalDate {
  const wall = parseWallClock(`${localDate}T00:00`);
  if (wall === null) throw new RangeError(`'${localDate}' is not a date of the form 2019-06-07.`);
  return new Date(wall + DAY).toISOString().slice(0, 10);
}

/** Half-open overlap. An empty interval holds no instant, so it overlaps nothing. */
export function overlaps(a: UtcInterval, b: UtcInterval): boolean {
  return a.startUtc < a.endUtc && b.startUtc < b.endUtc && a.startUtc < b.endUtc && b.startUtc < a.endUtc;
}

export function formatTime(instant: Instant, timeZone: string): string {
  const wall = instant + offsetMinutesAt(instant, timeZone) * MINUTE;
  const minuteOfDay = Math.floor((((wall % DAY) + DAY) % DAY) / MINUTE);
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

/** '7 June 2019' */
export function formatDate(instant: Instant, timeZone: string): string {
  return inZone(instant, timeZone).toFormat('d MMMM yyyy');
}

export function localDateOf(instant: Instant, timeZone: string): LocalDate {
  return wallClockIso(instant, timeZone).slice(0, 10);
}

export function localDateTimeOf(instant: Instant, timeZone: string): LocalDateTime {
  return wallClockIso(instant, timeZone).slice(0, 16);
}

/**
 * A time on another zone's clock, kept as data: { zone: 'Asia/Baku', time:
 * '11:00–12:00' }. A view names the zone by its city in the reader's language
 * (Baku, Баку, Bakı), so no service builds the English 'Baku 11:00–12:00'.
 */
export interface ZoneTime {
  zone: string;
  time: string;
}

/** 'Europe/Moscow' -> 'Moscow', 'America/Argentina/Buenos_Aires' -> 'Buenos Aires'. */
export function zoneCity(timeZone: string): string {
  const last = timeZone.split('/').pop() ?? timeZone;
  return last.replace(/_/g, ' ');
}

/**
 * 'Moscow 10:00 / Baku 11:00': the forum's clock first, the delegation's home
 * clock beside it; one clock when both read the same.
 */
export function dualZoneTime(instant: Instant, forumZone: string, homeZone: string): string {
  const forum = `${zoneCity(forumZone)} ${formatTime(instant, forumZone)}`;
  if (forumZone === homeZone || offsetMinutesAt(instant, forumZone) === offsetMinutesAt(instant, homeZone)) return forum;
  return `${forum} / ${zoneCity(homeZone)} ${formatTime(instant, homeZone)}`;
}

/** 120 -> 'UTC+02:00', -210 -> 'UTC-03:30'. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

interface Candidate {
  instant: Instant;
  offset: number;
}

/** What a wall-clock reading means in a zone, plus the offsets either side of any change near it. */
interface WallClockReading {
  wall: number;
  zone: string;
  before: number;
  after: number;
  /** Zero (gap), one, or two (fold) instants, earliest first. */
  instants: Candidate[];
}

/**
 * A day either side is far enough to be clear of the reading's own instant for
 * any offset (at most 14 h), and near enough that no zone changes twice between.
 */
function readWallClock(wall: number, zone: string): WallClockReading {
  const before = offsetAt(wall - DAY, zone);
  const after = offsetAt(wall + DAY, zone);
  const offsets = before === after ? [before] : [before, after];
  const instants = offsets
    .map((offset) => ({ offset, instant: wall - offset * MINUTE }))
    .filter((candidate) => offsetAt(candidate.instant, zone) === candidate.offset)
    .sort((a, b) => a.instant - b.instant);
  return { wall, zone, before, after, instants };
}

/**
 * The change lies between the two candidate instants (at most a few hours
 * apart); halving at minute precision finds it in a dozen steps.
 */
function transitionInstant({ wall, zone, before, after }: WallClockReading): Instant {
  let lo = Math.min(wall - before * MINUTE, wall - after * MINUTE);
  let hi = Math.max(wall - before * MINUTE, wall - after * MINUTE);
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offsetAt(mid, zone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

function transitionWallTimes(reading: WallClockReading): { from: string; to: string } {
  const change = transitionInstant(reading);
  return { from: wallTime(change + reading.before * MINUTE), to: wallTime(change + reading.after * MINUTE) };
}

/** The reading as if it were UTC, or null when it names no calendar minute (2019-02-30, 24:00). */
function parseWallClock(local: string): number | null {
  const match = typeof local === 'string' ? WALL_CLOCK.exec(local) : null;
  if (match === null) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  const sameMinute =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute;
  return sameMinute ? wall : null;
}

/**
 * The zone's wall clock as an ISO string, by shifting the instant by the
 * zone's offset. Much cheaper than a luxon DateTime per call, which matters
 * when the conflict engine labels thousands of meetings.
 */
function wallClockIso(instant: Instant, timeZone: string): string {
  return new Date(instant + offsetMinutesAt(instant, timeZone) * MINUTE).toISOString();
}

function wallTime(wall: number): string {
  return new Date(wall).toISOString().slice(11, 16);
}

/** The reading's calendar date, YYYY-MM-DD. */
function wallDate(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10);
}

function inZone(instant: Instant, timeZone: string): DateTime {
  return DateTime.fromMillis(instant, { zone: checkedZone(timeZone), locale: LOCALE });
}

function checkedZone(timeZone: string): string {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`'${timeZone}' is not a time zone we know.`);
  return timeZone;
}

const HOUR = 3_600_000;
const offsetCache = new Map<string, Map<number, number>>();
const OFFSET_CACHE_HOURS_PER_ZONE = 100_000;

/** The zone's UTC offset in minutes at an instant (180 for Moscow). */
export function offsetMinutesAt(instant: Instant, timeZone: string): number {
  return offsetAt(instant, checkedZone(timeZone));
}

/**
 * The zone's UTC offset in minutes at an instant, remembered per clock hour.
 * Asking Intl costs about 10 microseconds, which dominates labelling a large
 * programme. An hour whose first and last millisecond share an offset has that
 * offset throughout, since no zone changes its clocks twice within an hour;
 * an hour holding a change is asked about every time.
 */
function offsetAt(instant: Instant, zone: string): number {
  const hourStart = Math.floor(instant / HOUR) * HOUR;
  let hours = offsetCache.get(zone);
  if (hours === undefined) {
    hours = new Map();
    offsetCache.set(zone, hours);
  }
  const known = hours.get(hourStart);
  if (known !== undefined) return known;
  const iana = IANAZone.create(zone);
  const first = iana.offset(hourStart);
  if (first !== iana.offset(hourStart + HOUR - 1)) return iana.offset(instant);
  if (hours.size >= OFFSET_CACHE_HOURS_PER_ZONE) hours.clear();
  hours.set(hourStart, first);
  return first;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
