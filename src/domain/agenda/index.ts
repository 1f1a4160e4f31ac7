/**
 * The printed programme: what a minister, the staff and the drivers hold in
 * their hands each evening. Pure: the service loads the scope's meetings (joined
 * with names), the conflicts, the travel matrix and the last print's snapshot,
 * and this decides what goes on paper and in which order.
 */
import { diffAgainstSnapshot, versionStamp } from './changes';
import {
  clocksDiffer,
  datesBetween,
  instantText,
  kindLabel,
  participantRoleLabel,
  statusLabel,
  timeRange,
  weekdayLong,
} from './format';
import { localDateOf, zoneCity } from '../time';
import type {
  Agenda,
  AgendaConflict,
  AgendaDay,
  AgendaEntry,
  AgendaInput,
  AgendaRemoval,
  AgendaSource,
  AgendaTransfer,
  SnapshotEntry,
} from './types';
import { isCalendarDate } from '../calendar-date';
import type { Id, LocalDate, MeetingStatus, TravelTime } from '../types';
import { message } from '../../messages/message';
import { render, type Locale } from '../../messages/render';
import { collatorFor } from '../../messages/locale-formats';

// The folder's public face: what files outside it import from its inner files.
export { takeSnapshot } from './changes';
export { timeRange } from './format';
export { phoneAgenda } from './phone';
export { agendaPieces, piecesText, type Piece } from './pieces';
export type { AgendaScopeKind, PrintSnapshot } from './types';

type PrintedSource = AgendaSource & { status: Exclude<MeetingStatus, 'proposed'> };

export * from './types';

/** Every forum day, for a booklet that keeps a page for a day with nothing on it. */
export function forumDays(forum: { startDate: LocalDate; endDate: LocalDate }): LocalDate[] {
  // Stored dates are read, not trusted: a row written before dates were checked (2019-13-45, or an end in year 9999)
  // must give a page with fewer days, not a crash or a loop over millennia.
  if (!isCalendarDate(forum.startDate)) return [];
  if (!isCalendarDate(forum.endDate) || forum.endDate < forum.startDate) return [forum.startDate];
  return datesBetween(forum.startDate, forum.endDate).slice(0, MAX_STORED_FORUM_DAYS);
}

/** More days than any forum has; bounds a page built from a stored span that was never checked. */
const MAX_STORED_FORUM_DAYS = 366;

interface Context {
  input: AgendaInput;
  zone: string;
  home: string | null;
  snapshot: Map<Id, SnapshotEntry> | null;
  sources: Map<Id, AgendaSource>;
  travel: Map<string, number>;
  conflictIds: Set<Id>;
  /** Each meeting's worst conflict: an error outweighs a warning. */
  severityOf: Map<Id, 'error' | 'warning'>;
}

export function buildAgenda(input: AgendaInput): Agenda {
  const zone = input.forum.timeZone;
  const ctx: Context = {
    input,
    zone,
    home: input.homeTimeZone,
    snapshot: input.snapshot ? new Map(input.snapshot.entries.map((e) => [e.meetingId, e])) : null,
    sources: new Map(input.entries.map((s) => [s.meetingId, s])),
    travel: travelIndex(input.travelTimes ?? []),
    conflictIds: new Set(input.conflicts.flatMap((c) => c.meetingIds)),
    severityOf: worstSeverities(input.conflicts),
  };
  const byDay = new Map<LocalDate, PrintedSource[]>();
  for (const source of input.entries) {
    if (!isPrinted(source, ctx.snapshot)) continue;
    // The forum zone decides the page, never the server's: 00:30 Moscow is on that Moscow day.
    const day = localDateOf(source.startUtc, zone);
    const page = byDay.get(day);
    if (page) page.push(source);
    else byDay.set(day, [source]);
  }
  const days = [...new Set(input.days)].map((date) => buildDay(ctx, date, byDay.get(date) ?? []));
  const printed = days.flatMap((d) => d.entries);
  return {
    scope: input.scope,
    forumName: input.forum.name,
    forumZoneCity: zoneCity(zone),
    homeZoneCity: ctx.home && ctx.home !== zone ? zoneCity(ctx.home) : null,
    days,
    generatedAt: input.now,
    generatedAtText: instantText(input.now, zone, input.locale),
    comparedWithPrintAt: input.snapshot?.printedAt ?? null,
    comparedWithPrintText: input.snapshot ? instantText(input.snapshot.printedAt, zone, input.locale) : null,
    hasPrivateNotes: printed.some((e) => e.privateNotes !== null && (e.privateNotes.briefing !== '' || e.privateNotes.documents.length > 0)),
    versionStamp: versionStamp(printed),
  };
}

/**
 * Proposals are never printed. A cancellation is printed (struck through) only
 * when the last printout showed the meeting as going ahead: otherwise nobody
 * holds paper that still says to go.
 */
function isPrinted(source: AgendaSource, snapshot: Map<Id, SnapshotEntry> | null): source is PrintedSource {
  if (source.status === 'proposed') return false;
  if (source.status !== 'cancelled') return true;
  const previous = snapshot?.get(source.meetingId);
  return previous !== undefined && previous.status !== 'cancelled';
}

function byStartEndTitle(locale: Locale): (a: AgendaSource, b: AgendaSource) => number {
  const collator = collatorFor(locale);
  return (a, b) =>
    a.startUtc - b.startUtc ||
    a.endUtc - b.endUtc ||
    // Titles tie-break in the reader's collation (Azerbaijani Ə after E, Russian Cyrillic before Latin).
    collator.compare(a.title, b.title) ||
    a.meetingId - b.meetingId;
}

function buildDay(ctx: Context, date: LocalDate, sources: PrintedSource[]): AgendaDay {
  const sorted = [...sources].sort(byStartEndTitle(ctx.input.locale));
  const entries: AgendaEntry[] = [];
  let previous: AgendaSource | null = null;
  for (const source of sorted) {
    const isCancelled = source.status === 'cancelled';
    // A travel item is itself the journey: a transfer line into it or after it would say the same thing twice.
    const isTravel = source.kind === 'travel';
    const transfer = !isCancelled && !isTravel && previous ? transferBetween(ctx, previous, source) : null;
    entries.push(toEntry(ctx, date, source, transfer));
    if (isCancelled) continue;
    previous = isTravel ? null : source;
  }
  const shown = new Set(entries.map((e) => e.meetingId));
  return {
    date,
    weekdayLong: weekdayLong(date, ctx.input.locale),
    entries,
    conflicts: conflictsOf(ctx.input.conflicts, shown),
    removedSincePrint: removalsOn(ctx, date, shown),
  };
}

function toEntry(ctx: Context, day: LocalDate, s: PrintedSource, transfer: AgendaTransfer | null): AgendaEntry {
  const { zone, home } = ctx;
  const range = (z: string) => timeRange({ startUtc: s.startUtc, endUtc: s.endUtc, zone: z, day });
  const showHome = home !== null && clocksDiffer(s.startUtc, zone, home);
  const showOwn =
    clocksDiffer(s.startUtc, zone, s.timeZone) && (home === null || clocksDiffer(s.startUtc, home, s.timeZone));
  const { status } = s;
  const isCancelled = status === 'cancelled';
  return {
    meetingId: s.meetingId,
    startUtc: s.startUtc,
    endUtc: s.endUtc,
    timeRange: range(zone),
    homeTimeRange: showHome ? { zone: home, time: range(home) } : null,
    meetingZoneTimeRange: showOwn ? { zone: s.timeZone, time: range(s.timeZone) } : null,
    title: s.title,
    kind: s.kind,
    kindLabel: kindLabel(s.kind, ctx.input.locale),
    status,
    statusLabel: statusLabel(status, ctx.input.locale),
    isTentative: status === 'tentative',
    isCancelled,
    place: s.place,
    venueName: s.venueName,
    address: s.address,
    latitude: s.latitude ?? null,
    longitude: s.longitude ?? null,
    transferFromPrevious: transfer,
    counterparts: s.counterparts,
    ours: s.ourParticipants.map((p) => ({ ...p, roleLabel: participantRoleLabel(p.role, ctx.input.locale) })),
    interpreters: s.interpreters,
    ...(s.interpreterNames ? { interpreterNames: s.interpreterNames } : {}),
    privateNotes: ctx.input.scope.isPrivate
      ? { briefing: s.briefing, documents: s.documents, contactOnSite: s.contactOnSite, contactName: s.contactName ?? '', contactPhone: s.contactPhone ?? '', ...(s.contactPerson ? { contactPerson: s.contactPerson } : {}) }
      : null,
    change: ctx.snapshot ? diffAgainstSnapshot(s, ctx.snapshot.get(s.meetingId)) : null,
    hasConflict: !isCancelled && ctx.conflictIds.has(s.meetingId),
    conflictSeverity: isCancelled ? null : (ctx.severityOf.get(s.meetingId) ?? null),
    sequence: s.sequence,
    updatedAt: s.updatedAt,
  };
}

function worstSeverities(conflicts: AgendaConflict[]): Map<Id, 'error' | 'warning'> {
  const worst = new Map<Id, 'error' | 'warning'>();
  for (const c of conflicts) for (const id of c.meetingIds) if (worst.get(id) !== 'error') worst.set(id, c.severity);
  return worst;
}

function travelIndex(rows: TravelTime[]): Map<string, number> {
  return new Map(rows.map((r) => [`${r.fromVenueId}>${r.toVenueId}`, r.minutes]));
}

/**
 * Two free-text places are compared by their text; a place with neither venue
 * nor text is unknown, and no transfer is claimed to or from it.
 */
function locationKey(s: AgendaSource): string | null {
  if (s.venueId !== null) return `venue:${s.venueId}`;
  const text = (s.address || s.place).trim().toLowerCase();
  return text ? `place:${text}` : null;
}

function transferBetween(ctx: Context, from: AgendaSource, to: AgendaSource): AgendaTransfer | null {
  const fromKey = locationKey(from);
  const toKey = locationKey(to);
  if (fromKey === null || toKey === null || fromKey === toKey) return null;
  let minutes: number | undefined;
  if (from.venueId !== null && to.venueId !== null) {
    // The matrix is stored both ways, but a one-way row is still better than printing nothing.
    minutes = ctx.travel.get(`${from.venueId}>${to.venueId}`) ?? ctx.travel.get(`${to.venueId}>${from.venueId}`);
  }
  const gapMinutes = Math.round((to.startUtc - from.endUtc) / 60_000);
  return {
    ...(minutes === undefined ? {} : { minutes }),
    fromPlace: from.venueName || from.place,
    gapMinutes,
    isTight: minutes !== undefined && gapMinutes < minutes,
  };
}

/** A conflict is listed on every page that shows one of its meetings, once. */
function conflictsOf(conflicts: AgendaConflict[], shown: Set<Id>): AgendaConflict[] {
  return conflicts.filter((c) => c.meetingIds.some((id) => shown.has(id)));
}

/**
 * Meetings the last printout showed on this page that this one does not: old
 * paper is still in pockets and cars, so the new sheet says what left it.
 */
function removalsOn(ctx: Context, date: LocalDate, shown: Set<Id>): AgendaRemoval[] {
  if (!ctx.snapshot) return [];
  return [...ctx.snapshot.values()]
    .filter((e) => e.status !== 'cancelled' && !shown.has(e.meetingId) && localDateOf(e.startUtc, ctx.zone) === date)
    .sort((a, b) => a.startUtc - b.startUtc || a.meetingId - b.meetingId)
    .map((e): AgendaRemoval => {
      const now = ctx.sources.get(e.meetingId);
      const wasTimeRange = timeRange({ startUtc: e.startUtc, endUtc: e.endUtc, zone: ctx.zone, day: date });
      const base = { meetingId: e.meetingId, title: e.title, wasTimeRange };
      if (!now || now.status === 'proposed') return { ...base, reason: 'no_longer_in_programme', nowAt: null };
      if (now.status === 'cancelled') return { ...base, reason: 'cancelled', nowAt: null };
      const nowDay = localDateOf(now.startUtc, ctx.zone);
      const nowRange = timeRange({ startUtc: now.startUtc, endUtc: now.endUtc, zone: ctx.zone, day: nowDay });
      return { ...base, reason: 'moved_to_another_day', nowAt: render(message('date.day-and-range', { date: nowDay, range: nowRange }), ctx.input.locale) };
    });
}
