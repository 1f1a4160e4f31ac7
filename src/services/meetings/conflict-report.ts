/**
 * The whole programme's conflicts as the conflicts page reads them: by day in
 * the forum's zone, then by kind, errors before warnings, each entry with the
 * meetings it names. A presenter: it decides what is shown, computes nothing
 * the engine has not already found.
 */
import { CONFLICT_KINDS, type Conflict, type ConflictKind, type ConflictSeverity } from '../../domain/conflicts';
import { formatTime, localDateOf } from '../../domain/time';
import type { Id, LocalDate, Meeting } from '../../domain/types';
import { message, type Message } from '../../messages/message';

/** The heading of a kind on the conflicts page, rendered by the view. */
function conflictKindTitle(kind: ConflictKind): Message<'conflict.kind.title'> {
  return message('conflict.kind.title', { kind });
}

/** 'room double-booked', 'travel time': what a meeting's conflicts are, in a few words each, once each. */
export function conflictKindsShort(conflicts: readonly Conflict[]): Message<'conflict.kind.short'>[] {
  return [...new Set(conflicts.map((c) => c.kind))].map((kind) => message('conflict.kind.short', { kind }));
}

export interface ConflictMeetingRef {
  id: Id;
  title: string;
  /** '13:30–14:15' in the forum's zone. */
  time: string;
  status: Meeting['status'];
}

export interface ConflictEntry {
  severity: ConflictSeverity;
  message: Conflict['message'];
  meetings: ConflictMeetingRef[];
}

export interface ConflictKindGroup {
  kind: ConflictKind;
  title: Message;
  entries: ConflictEntry[];
}

export interface ConflictDay {
  date: LocalDate;
  errors: number;
  warnings: number;
  groups: ConflictKindGroup[];
}

export interface ConflictReport {
  errors: number;
  warnings: number;
  /** Every kind with its count, zero included, so the summary always reads the same way. */
  kinds: { kind: ConflictKind; title: Message; count: number }[];
  days: ConflictDay[];
}

const KIND_ORDER = new Map(CONFLICT_KINDS.map((kind, i) => [kind, i]));
const isError = (c: { severity: ConflictSeverity }) => c.severity === 'error';

/**
 * `conflicts` in the engine's order (by time); `meetings` holds at least the
 * meetings they name. A conflict belongs to the day its first meeting starts.
 */
export function buildConflictReport(input: { conflicts: readonly Conflict[]; meetings: readonly Meeting[]; timeZone: string }): ConflictReport {
  const { conflicts, timeZone } = input;
  const meetings = new Map(input.meetings.map((m) => [m.id, m]));
  const refOf = (id: Id): ConflictMeetingRef[] => {
    const m = meetings.get(id);
    return m ? [{ id, title: m.title, time: `${formatTime(m.startUtc, timeZone)}–${formatTime(m.endUtc, timeZone)}`, status: m.status }] : [];
  };
  const dayOf = (c: Conflict): LocalDate => {
    const starts = c.meetingIds.map((id) => meetings.get(id)?.startUtc).filter((s): s is number => s !== undefined);
    return starts.length ? localDateOf(Math.min(...starts), timeZone) : '';
  };

  const byDay = new Map<LocalDate, Conflict[]>();
  for (const c of conflicts) byDay.set(dayOf(c), [...(byDay.get(dayOf(c)) ?? []), c]);
  const days = [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, dayConflicts]): ConflictDay => {
      const groups = CONFLICT_KINDS.map((kind) => ({
        kind,
        title: conflictKindTitle(kind),
        // A stable sort keeps the engine's time order within each severity.
        entries: dayConflicts
          .filter((c) => c.kind === kind)
          .sort((a, b) => Number(isError(b)) - Number(isError(a)))
          .map((c) => ({ severity: c.severity, message: c.message, meetings: c.meetingIds.flatMap(refOf) })),
      }))
        .filter((g) => g.entries.length)
        .sort((a, b) => Number(a.entries.some(isError) ? 0 : 1) - Number(b.entries.some(isError) ? 0 : 1) || KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)!);
      return { date, errors: dayConflicts.filter(isError).length, warnings: dayConflicts.filter((c) => !isError(c)).length, groups };
    });

  return {
    errors: conflicts.filter(isError).length,
    warnings: conflicts.filter((c) => !isError(c)).length,
    kinds: CONFLICT_KINDS.map((kind) => ({ kind, title: conflictKindTitle(kind), count: conflicts.filter((c) => c.kind === kind).length })),
    days,
  };
}
