/**
 * The organiser's calendar to sessions: read with the busy times' reader
 * (services/busy-times.ts: line-numbered problems, RRULE expansion within the
 * forum's dates, TZID/UTC/floating/all-day), every text bounded; and fetched
 * from a URL only on a host the operator allows.
 */
import type ICAL from 'ical.js';
import { localDateTimeOf } from '../../domain/time';
import type { SessionInput } from '../../domain/forum-programme';
import type { Forum } from '../../domain/types';
import { MAX_CALENDAR_BYTES, readOccurrences, type CalendarProblem } from '../busy-times';

/** At most this many sessions (occurrences within the forum's dates) from one calendar. */
export const MAX_SESSIONS = 2000;
/** Bounds of a session's texts, as the table's CHECKs. */
export const SESSION_LIMITS = { uid: 500, title: 300, description: 4000, location: 300 } as const;
/** How long a URL may take to answer in full, and how many redirects (each to the same host) it may send. */
export const FETCH_LIMITS = { timeoutMs: 10_000, redirects: 3 } as const;

const problem = (name: string, params: Record<string, string | number> = {}): CalendarProblem => ({ key: `ui.forum-programme.problem.${name}`, params });

export type SessionsRead = { ok: true; sessions: SessionInput[] } | { ok: false; problem: CalendarProblem };

const textOf = (component: ICAL.Component, name: string, max: number): string =>
  String(component.getFirstPropertyValue(name) ?? '')
    .replace(/\r\n?/g, '\n')
    .trim()
    .slice(0, max);

/** The calendar's sessions within the forum's dates, on the forum's clock; cancelled ones (STATUS:CANCELLED) kept and marked. */
export function readSessions(text: string, forum: Forum): SessionsRead {
  const read = readOccurrences(text, forum, { max: MAX_SESSIONS, tooMany: 'too-many-sessions', keep: () => true });
  if (!read.ok) return read.problem.key.endsWith('too-many-sessions') ? { ok: false, problem: problem('too-many-sessions', { max: MAX_SESSIONS }) } : read;
  const zone = forum.timeZone;
  const sessions = read.occurrences.map((o): SessionInput => {
    const status = String(o.component.getFirstPropertyValue('status') ?? '').toUpperCase();
    return {
      uid: o.uid.trim().slice(0, SESSION_LIMITS.uid) || '#',
      occurrence: o.recurrence,
      title: textOf(o.component, 'summary', SESSION_LIMITS.title),
      description: textOf(o.component, 'description', SESSION_LIMITS.description),
      location: textOf(o.component, 'location', SESSION_LIMITS.location).replace(/\s+/g, ' '),
      start: localDateTimeOf(o.startUtc, zone),
      end: localDateTimeOf(o.endUtc, zone),
      timeZone: zone,
      startUtc: o.startUtc,
      endUtc: o.endUtc,
      allDay: o.allDay,
      cancelled: status === 'CANCELLED',
    };
  });
  sessions.sort((a, b) => a.startUtc - b.startUtc || a.uid.localeCompare(b.uid));
  return { ok: true, sessions };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Why a URL is not fetched, or null when it may be: https (http only to loopback), no credentials, a host on the operator's list. */
export function refusedUrl(raw: string, allowedHosts: readonly string[]): CalendarProblem | null {
  if (!allowedHosts.length) return problem('url-off');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return problem('url-invalid');
  }
  const host = url.hostname.toLowerCase();
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(host))) return problem('url-https');
  if (url.username || url.password) return problem('url-credentials');
  if (!allowedHosts.includes(host)) return problem('url-host', { host: host.slice(0, 100), hosts: allowedHosts.join(', ') });
  return null;
}

export type Fetched = { ok: true; text: string } | { ok: false; problem: CalendarProblem };

/**
 * The calendar at `raw`: refused unless `refusedUrl` allows it; at most
 * MAX_CALENDAR_BYTES read, FETCH_LIMITS.timeoutMs in all, redirects only to
 * the same host. Never throws.
 */
export async function fetchCalendar(raw: string, allowedHosts: readonly string[]): Promise<Fetched> {
  const refused = refusedUrl(raw, allowedHosts);
  if (refused) return { ok: false, problem: refused };
  const signal = AbortSignal.timeout(FETCH_LIMITS.timeoutMs);
  let url = new URL(raw);
  const host = url.host.toLowerCase();
  try {
    for (let hop = 0; ; hop++) {
      const res = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'text/calendar, text/plain;q=0.5' } });
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel();
        const location = res.headers.get('location');
        if (!location || hop >= FETCH_LIMITS.redirects) return { ok: false, problem: problem('url-redirects', { max: FETCH_LIMITS.redirects }) };
        const next = new URL(location, url);
        if (next.host.toLowerCase() !== host || next.protocol !== url.protocol) return { ok: false, problem: problem('url-redirect-host', { host: next.host.slice(0, 100) }) };
        url = next;
        continue;
      }
      if (res.status !== 200) {
        await res.body?.cancel();
        return { ok: false, problem: problem('url-status', { status: res.status }) };
      }
      const declared = Number(res.headers.get('content-length') ?? 'NaN');
      if (declared > MAX_CALENDAR_BYTES) {
        await res.body?.cancel();
        return { ok: false, problem: problem('too-large', { megabytes: MAX_CALENDAR_BYTES / 1024 / 1024 }) };
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = res.body?.getReader();
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > MAX_CALENDAR_BYTES) {
          await reader.cancel();
          return { ok: false, problem: problem('too-large', { megabytes: MAX_CALENDAR_BYTES / 1024 / 1024 }) };
        }
        chunks.push(value);
      }
      return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
    }
  } catch (err) {
    const name = (err as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, problem: problem('url-timeout', { seconds: FETCH_LIMITS.timeoutMs / 1000 }) };
    return { ok: false, problem: problem('url-unreachable', { host: url.host.slice(0, 100) }) };
  }
}

/** Text of an uploaded file: UTF-8, a BOM dropped. */
export function calendarText(bytes: Buffer): string {
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}
