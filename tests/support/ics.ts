/**
 * Reading iCalendar text in tests the way clients do: two independent parsers
 * (ical.js, node-ical) and the raw octets; plus builders of feed input. The
 * strict validator (python icalendar + libical) is tests/interop/validate-ics.ts,
 * for the interop suite only, so that npm test needs nothing but npm install.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { FeedEntry, FeedInput } from '../../src/domain/calendar';

const REPO_ROOT = path.resolve(__dirname, '../..');
/** Logical content lines: folded continuations joined back (RFC 5545 3.1). */
export function contentLines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((line) => line !== '');
}

/** Values of every `NAME;params:value` line, in order. */
export function propertyValues(text: string, name: string): string[] {
  const prefix = new RegExp(`^${name}[;:]`);
  return contentLines(text)
    .filter((line) => prefix.test(line))
    .map((line) => line.slice(line.indexOf(':') + 1));
}

/** RFC 5545 TEXT unescaping. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/**
 * Folding problems measured on the encoded bytes: a physical line over 75
 * octets, a line that is not valid UTF-8 on its own (a fold inside a multi-byte
 * character), a bare LF or CR, or a missing final CRLF.
 */
export function foldingProblems(text: string): string[] {
  const problems: string[] = [];
  const bytes = Buffer.from(text, 'utf8');
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) problems.push('lone surrogate');
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) problems.push('bare CR or LF');
  if (!text.endsWith('\r\n')) problems.push('last line has no CRLF');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; start < bytes.length; line++) {
    let end = bytes.indexOf('\r\n', start);
    if (end === -1) end = bytes.length;
    const physical = bytes.subarray(start, end);
    if (physical.length > 75) problems.push(`line ${line} has ${physical.length} octets`);
    try {
      decoder.decode(physical);
    } catch {
      problems.push(`line ${line} splits a UTF-8 character`);
    }
    start = end + 2;
  }
  return problems;
}

export interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  description: string;
  start: number;
  end: number;
  /** TZID of DTSTART as resolved by the parser, or 'UTC'. */
  zone: string;
}

/**
 * Events as ical.js reads them. ical.js resolves each TZID only from the
 * file's own VTIMEZONE, so `start`/`end` check our VTIMEZONE, not the runtime's tz data.
 */
export function parseWithIcalJs(text: string): ParsedEvent[] {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return root.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const declared = vevent.getFirstProperty('dtstart')?.getParameter('tzid');
    if (declared && event.startDate.zone?.tzid !== declared) {
      throw new Error(`ical.js found no VTIMEZONE for TZID ${String(declared)}`);
    }
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: String(vevent.getFirstPropertyValue('status') ?? ''),
      summary: event.summary,
      description: event.description,
      start: event.startDate.toUnixTime() * 1000,
      end: event.endDate.toUnixTime() * 1000,
      zone: declared ? String(declared) : 'UTC',
    };
  });
}

/**
 * Runs `script` (CommonJS; require() loads .ts through tsx; cwd = repo root) in
 * a fresh process whose machine zone is `tz`, with `env` added, and returns
 * what it prints as JSON. Shows that neither building nor reading a feed
 * depends on the zone of the computer.
 */
export function runInZone<T>(tz: string, script: string, env: Record<string, string> = {}): T {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, TZ: tz },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out) as T;
}

// Builders for calendar entries, so each test states only what it is about.

/** Instant of a wall-clock time in a zone: at('2019-06-07T10:00') is 10:00 in St Petersburg. */
export function at(local: string, zone = 'Europe/Moscow'): number {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`bad test time ${local} in ${zone}`);
  return dt.toMillis();
}

export const LONG_RUSSIAN_TITLE =
  'Соглашение о сотрудничестве между Азербайджанской Республикой и Ленинградской областью в торгово-экономической, научно-технической и культурной сферах';
export const AZERBAIJANI_NAME = 'Şahin Mustafayev, İqtisadiyyat naziri, ə ş ğ ı';

export function aFeedEntry(overrides: Partial<FeedEntry> = {}): FeedEntry {
  return {
    uid: 'meeting-42@forum-planner',
    sequence: 0,
    status: 'confirmed',
    startUtc: at('2019-06-07T10:00'),
    endUtc: at('2019-06-07T11:00'),
    timeZone: 'Europe/Moscow',
    title: 'Meeting with the Governor of the Leningrad Region',
    kind: 'bilateral',
    location: 'Meeting room D1, ExpoForum, Peterburgskoye shosse 64/1, St Petersburg',
    counterparts: [{ name: 'Alexander Drozdenko', position: 'Governor', organization: 'Leningrad Region' }],
    ourParticipants: [{ name: 'Mikayil Jabbarov', role: 'principal' }],
    ourSide: { name: 'Azerbaijan — Ministry of Economy', readerIsOnIt: true },
    briefing: 'Raise the grain terminal project.',
    documents: [],
    url: 'https://planner.example/meetings/42',
    createdAt: at('2019-05-20T09:00'),
    lastModified: at('2019-06-01T12:30'),
    ...overrides,
  };
}

export function aFeed(overrides: Partial<FeedInput> = {}): FeedInput {
  return {
    calendarName: 'Azerbaijan delegation, SPIEF 2019',
    calendarDescription: 'Programme of the delegation of the Republic of Azerbaijan',
    locale: 'en',
    scope: 'private',
    forumTimeZone: 'Europe/Moscow',
    entries: [aFeedEntry()],
    ...overrides,
  };
}
