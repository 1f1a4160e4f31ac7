/**
 * iCalendar (RFC 5545) text for delegates' subscribed feeds and for a single
 * meeting downloaded as a file. Pure: the caller loads and prepares the data,
 * including every instant these functions print.
 */
import { createHash } from 'node:crypto';
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventBusyStatus, ICalEventClass, ICalEventStatus, ICalEventTransparency, escape } from 'ical-generator';
import type { ICalCalendar, ICalEvent } from 'ical-generator';
import { DateTime } from 'luxon';
import { describeEntry, meetingKindLabel } from './description';
import { message } from '../../messages/message';
import { render, type Locale } from '../../messages/render';
import { translate } from '../../messages/catalogue';
import type { Instant, MeetingKind, ParticipantRole } from '../types';
import { buildVtimezone, isUnambiguousLocalTime, zoneIsKnown } from './vtimezone';

// The folder's public face: what files outside it import from its inner files.
export { eventFingerprint } from './fingerprint';
export { travelBefore, type TravelStop } from './travel';

/**
 * Never change this string. Clients (Apple Calendar, Outlook) treat PRODID plus
 * UID as the identity of what they imported; a new PRODID can make them keep
 * the old copies next to the new ones, and every delegate's phone would show
 * each meeting twice.
 */
export const FEED_PRODID = '-//forum-planner//Forum Planner//EN';

export type FeedScope = 'private' | 'public';
export type FeedEntryStatus = 'tentative' | 'confirmed' | 'cancelled';

export interface FeedCounterpart {
  name: string;
  position: string;
  organization: string;
}

export interface FeedParticipant {
  name: string;
  role: ParticipantRole;
}

export interface FeedDocument {
  title: string;
  parties: string;
  signed: boolean;
}

/** Where a meeting is on the map: its venue's name, address and coordinates (WGS 84 degrees). */
export interface FeedPlace {
  title: string;
  address: string;
  latitude: number;
  longitude: number;
}

/** One meeting as a calendar event, already shaped by the caller. */
export interface FeedEntry {
  /** Stable forever for this meeting, e.g. 'meeting-42@forum-planner'; clients match updates on it. */
  uid: string;
  /** Meeting.sequence: rises on every material change so clients replace their copy. */
  sequence: number;
  status: FeedEntryStatus;
  startUtc: Instant;
  endUtc: Instant;
  /** IANA zone the meeting is planned in; DTSTART/DTEND carry it as TZID. */
  timeZone: string;
  title: string;
  kind: MeetingKind;
  /** 'Room, Venue, Address', or '' when unknown. */
  location: string;
  counterparts: FeedCounterpart[];
  ourParticipants: FeedParticipant[];
  /**
   * Whose the participants above are: the delegations' names, and whether this
   * feed's reader is on that side (a counterpart's feed, the public's and the
   * file forwarded to a counterpart are not).
   */
  ourSide: { name: string; readerIsOnIt: boolean };
  /** Internal notes; printed only in private feeds. */
  briefing: string;
  documents: FeedDocument[];
  /** Absolute link to a page this feed's reader can open without signing in (a secret link's page), or '' for none. */
  url: string;
  /**
   * The venue on the map (GEO, X-APPLE-STRUCTURED-LOCATION), when it has
   * coordinates. The optional fields below are left out (not null) when they
   * do not apply, so an event without them fingerprints as it did before them.
   */
  place?: FeedPlace;
  /** Minutes to come from the previous meeting at another venue (X-APPLE-TRAVEL-DURATION), when there is such a move. */
  travelMinutes?: number;
  /** A reminder this many minutes before (VALARM): the link's, on events that are not cancelled. */
  reminderMinutes?: number;
  createdAt: Instant;
  lastModified: Instant;
}

export interface FeedInput {
  calendarName: string;
  calendarDescription: string;
  scope: FeedScope;
  /** The forum's IANA zone, announced as X-WR-TIMEZONE (the zone clients show the feed in by default). */
  forumTimeZone: string;
  /** How often clients should poll; default 15. */
  refreshMinutes?: number;
  entries: FeedEntry[];
  /** The reader's language: the events' labels and descriptions. */
  locale: Locale;
}

export interface SingleEventInput {
  entry: FeedEntry;
  /** Who publishes the event (the protocol office); iTIP PUBLISH requires an ORGANIZER. */
  organizer: { name: string; email: string };
  /** When the file is produced: its DTSTAMP. */
  now: Instant;
  /** The reader's language: the event's labels and description. */
  locale: Locale;
}

const DEFAULT_REFRESH_MINUTES = 15;

const STATUS: Record<FeedEntryStatus, ICalEventStatus> = {
  tentative: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
};

function utc(at: Instant): DateTime {
  return DateTime.fromMillis(at, { zone: 'utc' });
}

function assertEntry(entry: FeedEntry): void {
  const problem =
    entry.uid.trim() === '' ? 'has an empty UID'
    : !Number.isInteger(entry.sequence) || entry.sequence < 0 ? `has SEQUENCE ${entry.sequence}; it must be a whole number >= 0`
    : !(entry.endUtc >= entry.startUtc) ? 'ends before it starts'
    : !zoneIsKnown(entry.timeZone) ? `has unknown time zone "${entry.timeZone}"; use an IANA name`
    : null;
  if (problem) throw new RangeError(`Calendar entry "${entry.uid}" (${entry.title}) ${problem}.`);
}

/** Years (in each zone's own calendar) that a zone's VTIMEZONE must cover. */
function yearsByZone(entries: FeedEntry[]): Map<string, { from: number; to: number }> {
  const years = new Map<string, { from: number; to: number }>();
  for (const e of entries) {
    if (printedZone(e) === 'UTC') continue;
    const from = DateTime.fromMillis(e.startUtc, { zone: e.timeZone }).year;
    const to = DateTime.fromMillis(e.endUtc, { zone: e.timeZone }).year;
    const known = years.get(e.timeZone);
    years.set(e.timeZone, known ? { from: Math.min(known.from, from), to: Math.max(known.to, to) } : { from, to });
  }
  return years;
}

/**
 * A calendar whose DTSTAMP/CREATED/LAST-MODIFIED stay in UTC: ical-generator
 * prints those in the calendar-level zone when one is named (and then without
 * a TZID, i.e. floating), so the calendar gets no zone name, each event gets its
 * own, and VTIMEZONEs come only through the generator hook.
 */
function newCalendar(entries: FeedEntry[]): ICalCalendar {
  const seen = new Set<string>();
  for (const e of entries) {
    assertEntry(e);
    if (seen.has(e.uid)) throw new RangeError(`Calendar entry UID "${e.uid}" appears twice; UIDs must be unique in a feed.`);
    seen.add(e.uid);
  }
  const years = yearsByZone(entries);
  return ical({
    prodId: FEED_PRODID.replace(/^-/, ''),
    timezone: {
      name: null,
      generator: (zone) => {
        const range = years.get(zone);
        return range ? buildVtimezone(zone, range.from, range.to) : null;
      },
    },
  });
}

/**
 * The zone to print DTSTART/DTEND in: the meeting's own, unless either falls in
 * an hour that the end of DST repeats, where clients disagree on which pass a
 * TZID time means; then UTC, which every client reads exactly.
 */
function printedZone(entry: FeedEntry): string {
  const exact = [entry.startUtc, entry.endUtc].every((at) => isUnambiguousLocalTime(entry.timeZone, at));
  return exact ? entry.timeZone : 'UTC';
}

/** What Outlook shows the time as: a tentative meeting as tentative, a cancelled one as free. */
const BUSY_STATUS: Record<FeedEntryStatus, ICalEventBusyStatus> = {
  tentative: ICalEventBusyStatus.TENTATIVE,
  confirmed: ICalEventBusyStatus.BUSY,
  cancelled: ICalEventBusyStatus.FREE,
};

/** How far around the coordinates Apple's maps look for the place: a forum's venue is a large building. */
const PLACE_RADIUS_METRES = 100;

/**
 * Lines ical-generator cannot write as they must be: a parameter value quoted
 * (an address has commas) before a URI value (whose comma it would escape).
 * Each event gets a short placeholder line that `spliced` replaces.
 */
const SPLICE = 'X-FORUM-PLANNER-SPLICE';

/**
 * A parameter value: quoted, since addresses hold commas and colons; a DQUOTE
 * cannot appear in one at all, and a line break is a space. A backslash means
 * nothing in a parameter (RFC 5545), but libical reads `\"` as an escaped
 * quote and runs the value on into the next property, so it becomes a slash.
 * The LOCATION keeps the text as typed; these are only the map's hints.
 */
function parameterValue(text: string): string {
  const clean = printableValue(text).replace(/\s*[\r\n]+\s*/g, ' ').replace(/\u0022/g, "'").replace(/\\/g, '/').trim();
  return `"${clean}"`;
}

/** A coordinate as GEO and geo: URIs print it: a plain decimal, never an exponent. */
function degrees(value: number): string {
  return String(Number(value.toFixed(6)));
}

function placeLines(place: FeedPlace): string[] {
  const lat = degrees(place.latitude);
  const lon = degrees(place.longitude);
  const address = place.address.trim() === '' ? '' : `;X-ADDRESS=${parameterValue(place.address)}`;
  return [`GEO:${lat};${lon}`, `X-APPLE-STRUCTURED-LOCATION;VALUE=URI${address};X-APPLE-RADIUS=${PLACE_RADIUS_METRES};X-TITLE=${parameterValue(place.title)}:geo:${lat},${lon}`];
}

/** RFC 5545 3.1: lines of at most 75 octets, continued after CRLF and a space, never inside a character. */
function folded(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const code = ch.codePointAt(0)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ') + '\r\n';
}

function spliced(text: string, lines: string[][]): string {
  return lines.length === 0 ? text : text.replace(new RegExp(`^${SPLICE}:(\\d+)\r\n`, 'gm'), (_all, i: string) => lines[Number(i)]!.map(folded).join(''));
}

function addEvent(calendar: ICalCalendar, entry: FeedEntry, scope: FeedScope, stamp: Instant, locale: Locale, splices: string[][]): ICalEvent {
  const cancelled = entry.status === 'cancelled';
  // A title of control characters only (a row from before input was normalised) would print an empty
  // SUMMARY once the last guard strips them, and libical drops such an event: the kind names it instead.
  const title = printableValue(entry.title).trim() === '' ? meetingKindLabel(entry.kind, locale) : printableValue(entry.title);
  const location = printableValue(entry.location).trim();
  const event = calendar.createEvent({
    id: entry.uid,
    sequence: entry.sequence,
    stamp: utc(stamp),
    created: utc(entry.createdAt),
    lastModified: utc(entry.lastModified),
    start: utc(entry.startUtc),
    end: utc(entry.endUtc),
    // ical-generator prints 'UTC' as ...Z without TZID.
    timezone: printedZone(entry),
    // Several clients keep showing cancelled events without marking them.
    summary: cancelled ? render(message('calendar.cancelled-title', { title }), locale) : title,
    location: location === '' ? null : location,
    description: describeEntry(entry, scope, locale),
    url: entry.url === '' ? null : entry.url,
    categories: [{ name: meetingKindLabel(entry.kind, locale) }],
    status: STATUS[entry.status],
    // A cancelled meeting must not make a delegate look busy.
    transparency: cancelled ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    busystatus: BUSY_STATUS[entry.status],
    // A feed that may carry briefings is internal: a calendar shared onwards shows its events as busy time only.
    class: scope === 'private' ? ICalEventClass.CONFIDENTIAL : null,
  });
  if (entry.travelMinutes !== undefined && entry.travelMinutes > 0 && !cancelled) event.travelTime(entry.travelMinutes * 60);
  if (entry.reminderMinutes !== undefined && !cancelled) {
    event.createAlarm({ type: ICalAlarmType.display, trigger: entry.reminderMinutes * 60, description: translate(locale, 'ui.links.feed-reminder', { minutes: entry.reminderMinutes, title }) });
  }
  if (entry.place) {
    event.x(SPLICE, String(splices.length));
    splices.push(placeLines(entry.place));
  }
  return event;
}

/** 'PT15M', 'PT1H', 'PT1H30M'. */
function minutesAsDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `PT${hours ? `${hours}H` : ''}${minutes % 60 ? `${minutes % 60}M` : ''}`;
}

/**
 * ical-generator writes the refresh interval after the VTIMEZONEs and X-
 * properties after the events, but RFC 5545 puts calendar properties before
 * any component and strict parsers may drop them elsewhere. So ours are
 * spliced in before the first component; they are short enough not to fold.
 */
function withCalendarProperties(text: string, properties: string[]): string {
  const at = text.search(/\r\nBEGIN:V(?:TIMEZONE|EVENT)\r\n/);
  const insertAt = at === -1 ? text.lastIndexOf('\r\nEND:VCALENDAR') : at;
  return text.slice(0, insertAt) + '\r\n' + properties.join('\r\n') + text.slice(insertAt);
}

/** Every content line ends in CRLF (RFC 5545 3.1), the last one too; ical-generator omits that one. */
function finish(text: string): string {
  const clean = withoutControlCharacters(text);
  return clean.endsWith('\r\n') ? clean : clean + '\r\n';
}

/**
 * The last guard: input is normalised when it comes in, but a row written
 * before that (or by hand) must not reach a phone, since one NUL makes libical
 * drop the whole feed. Only CRLF line ends and tab survive; a lone CR or LF
 * inside a value becomes a space rather than a broken line.
 */
function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '').replace(/\r(?!\n)|(?<!\r)\n/g, ' ');
}

/** C0 controls but tab and line breaks, and DEL. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** One value as it will print: control characters gone, so a blank one can be told before it is written. */
function printableValue(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/**
 * The subscription feed (webcal/https) of one delegation, person, room,
 * organization or the public programme.
 *
 * No METHOD: a subscribed feed is a published calendar, not an iTIP message
 * (RFC 5545 §3.7.2 makes METHOD optional, and RFC 5546 PUBLISH would demand an
 * ORGANIZER on every event and forbid ATTENDEE; libical's iTIP check rejects it
 * otherwise). Google, Apple and Outlook subscribe to METHOD-less feeds as usual.
 *
 * No ATTENDEE/ORGANIZER: with them, phones offer delegates to accept or decline
 * and send iTIP replies to people who never invited them. Participants and
 * counterparts are listed in DESCRIPTION instead.
 *
 * DTSTAMP is the entry's last modification: for a calendar without METHOD,
 * RFC 5545 §3.8.7.2 defines DTSTAMP as exactly that, and it keeps the body a
 * function of the data, so the same data yields the same bytes and ETag.
 */
export function buildFeed(input: FeedInput): string {
  const refreshMinutes = input.refreshMinutes ?? DEFAULT_REFRESH_MINUTES;
  if (!Number.isInteger(refreshMinutes) || refreshMinutes < 1) {
    throw new RangeError(`refreshMinutes must be a whole number of minutes >= 1, got ${refreshMinutes}.`);
  }
  const calendar = newCalendar(input.entries);
  calendar.name(escape(input.calendarName, false));
  calendar.description(input.calendarDescription === '' ? null : escape(input.calendarDescription, false));
  const splices: string[][] = [];
  for (const entry of input.entries) addEvent(calendar, entry, input.scope, entry.lastModified, input.locale, splices);
  const ttl = minutesAsDuration(refreshMinutes);
  return finish(
    withCalendarProperties(spliced(calendar.toString(), splices), [
      `X-WR-TIMEZONE:${escape(input.forumTimeZone, false)}`,
      // RFC 7986's REFRESH-INTERVAL, and the older X-PUBLISHED-TTL that Outlook and Apple read.
      `REFRESH-INTERVAL;VALUE=DURATION:${ttl}`,
      `X-PUBLISHED-TTL:${ttl}`,
    ]),
  );
}

/**
 * One meeting as a downloadable .ics, meant to be forwarded to a counterpart:
 * so it never carries the internal briefing. METHOD:PUBLISH makes mail clients
 * offer "add to calendar" rather than treat it as an invitation to answer, and
 * PUBLISH in turn requires the ORGANIZER (the protocol office) and no ATTENDEE.
 */
export function buildSingleEventFile(input: SingleEventInput): string {
  const calendar = newCalendar([input.entry]);
  calendar.method(ICalCalendarMethod.PUBLISH);
  const splices: string[][] = [];
  addEvent(calendar, input.entry, 'public', input.now, input.locale, splices).organizer({
    // A parameter value cannot contain DQUOTE at all, escaped or not.
    name: input.organizer.name.replace(/"/g, "'"),
    email: input.organizer.email,
  });
  return finish(spliced(calendar.toString(), splices));
}

/**
 * A strong ETag for a feed body, so the web layer can answer If-None-Match
 * with 304 and phones polling every 15 minutes download nothing unchanged.
 */
export function computeEtag(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('base64url').slice(0, 32)}"`;
}
