/**
 * Meetings from a spreadsheet (issue 16): each row read into the meeting
 * form's input (title, kind, status, start and end or a duration, zone,
 * room by name, place, participants with their roles, delegations,
 * briefing), then saved through MeetingService exactly as the form saves it:
 * the same validation and the same conflict check, against the programme and
 * against the rows before it in the file, which are already saved in the same
 * transaction. Each row is a savepoint: a refused row is rolled back alone
 * and reported with the service's own sentences; an error-level clash refuses
 * the row whatever its status (an import never brings a clash in). The
 * preview runs all of it and rolls the whole transaction back; the confirm
 * runs it again and commits.
 *
 * A row is matched to a meeting by the file's id (meeting.external_id,
 * unique within the forum), else by its title, start and room.
 */
import { ConflictRefusal, DomainError, StorageUnavailableError, ValidationError } from '../../domain/errors';
import { resolveLocalTime } from '../../domain/time';
import { MEETING_KINDS, MEETING_STATUSES, PARTICIPANT_ROLES, type Forum, type Id, type Meeting, type ParticipantRole, type Person, type Room, type Venue } from '../../domain/types';
import type { Message } from '../../messages';
import { inWriteTransaction } from '../../store/database';
import type { Actor } from '../actor';
import { toInput } from '../meetings';
import { readLocalDateTime, readLocalTime } from './dates';
import { splitFullName } from './full-name';
import { looseKey, NameIndex, wordTable, type Found } from './lookup';
import { cellsOf, type ColumnMapping, type ImportPlan, type MatchKey, type PlanRow, type PlanServices, type RowProblem, type RowStatus } from './plan';
import type { ReadTable } from './table';

/** Thrown inside a savepoint or the whole transaction to undo it: a refused row, an unchanged one, a preview. */
class RollBack extends Error {}

export interface ForumImportResult {
  plan: ImportPlan;
  created: Id[];
  updated: Id[];
}

/**
 * Runs `fn` in one write transaction, committed only when `keep`; a preview's
 * writes are all undone, its audit rows with them. Nothing inside may keep a
 * derived view under the audit log's head (DerivedCache.get or keep): the
 * head it would read there is rolled back and will name a different write
 * later. The saves it runs only read (the conflict check, peek).
 */
export function inTrial<T>(services: PlanServices, keep: boolean, fn: () => T): T {
  let result: { value: T } | null = null;
  try {
    return inWriteTransaction(services.store.db, () => {
      const value = fn();
      if (!keep) {
        result = { value };
        throw new RollBack();
      }
      return value;
    });
  } catch (err) {
    if (err instanceof RollBack && result) return (result as { value: T }).value;
    throw err;
  }
}

/** One row's writes in a savepoint of the import's transaction: a refusal (or `undo`) rolls back this row alone. */
export function inSavepoint(services: PlanServices, fn: (undo: () => never) => void): void {
  try {
    inWriteTransaction(services.store.db, () =>
      fn(() => {
        throw new RollBack();
      }),
    );
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
  }
}

/** Splits a list cell: by semicolons or line breaks, else (with neither) by commas. */
export function listItems(cell: string): string[] {
  const parts = /[;\n]/.test(cell) ? cell.split(/[;\n]+/) : cell.split(',');
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** A date and a time from a date cell and a time cell (either may hold both): 'YYYY-MM-DDTHH:mm', or null. */
export function dateTimeOf(dateCell: string, timeCell: string, fallbackDate: string | null = null): string | null {
  const full = timeCell ? readLocalDateTime(timeCell) : null;
  if (full?.time) return `${full.date}T${full.time}`;
  const date = dateCell ? readLocalDateTime(dateCell) : null;
  if (!timeCell) return date?.time ? `${date.date}T${date.time}` : null;
  const time = readLocalTime(timeCell);
  const day = date?.date ?? fallbackDate;
  return time && day ? `${day}T${time}` : null;
}

/** Minutes as offices write them: '90', '90 мин', '1:30', '1.30'. */
export function minutesOf(cell: string): number | null {
  const text = cell.trim();
  const plain = /^(\d{1,4})\s*\p{L}*\.?$/u.exec(text);
  if (plain) return Number(plain[1]);
  const clock = /^(\d{1,2})[:.](\d{2})$/.exec(text);
  return clock ? Number(clock[1]) * 60 + Number(clock[2]) : null;
}

const kindOf = wordTable(MEETING_KINDS, 'kind', ['label.meeting-kind']);
const statusOf = wordTable(MEETING_STATUSES, 'status', ['label.meeting-status']);
const roleOf = wordTable(PARTICIPANT_ROLES, 'role', ['label.participant-role', 'label.participant-role.after-name']);

/** The forum's rooms, people and delegations, looked up by name as rows name them. */
class ForumLookups {
  readonly rooms: NameIndex<Room>;
  readonly roomNames = new Map<Id, string>();
  readonly venues: NameIndex<Venue>;
  readonly roomsByVenue = new Map<Id, NameIndex<Room>>();
  readonly people: NameIndex<Person>;
  readonly emails = new Map<string, Person>();
  readonly delegations;
  readonly defaultRole: (personId: Id) => ParticipantRole;

  constructor(services: PlanServices, forum: Forum) {
    const rooms = services.directory.roomsOfForum(forum.id);
    const venues = services.venues.list({ forumId: forum.id });
    this.venues = new NameIndex(venues, (v) => [v.name], (v) => v.name);
    this.rooms = new NameIndex(rooms, (r) => [r.name], (r) => r.name);
    for (const r of rooms) this.roomNames.set(r.id, r.name);
    for (const venue of venues) this.roomsByVenue.set(venue.id, new NameIndex(rooms.filter((r) => r.venueId === venue.id), (r) => [r.name], (r) => r.name));
    const people = services.people.list();
    this.people = new NameIndex(people, (p) => [p.fullName, p.nameRu, p.nameAz].filter(Boolean), (p) => p.fullName);
    for (const p of people) if (p.email) this.emails.set(p.email.trim().toLowerCase(), p);
    this.delegations = new NameIndex(services.delegations.list({ forumId: forum.id }), (d) => [d.name], (d) => d.name);
    this.defaultRole = services.directory.defaultRoles(forum.id);
  }

  /** A person by email, or by name as written or surname first (Мустафаев Шахин, as a Russian list has it). */
  person(text: string): Found<Person> {
    if (text.includes('@')) {
      const p = this.emails.get(text.toLowerCase());
      return p ? { ok: true, record: p } : { ok: false, count: 0, suggestion: null };
    }
    const parts = splitFullName(text);
    return this.people.find(text, parts?.givenName ? `${parts.givenName} ${parts.surname}` : text);
  }
}

interface MeetingDraft {
  label: string;
  externalId: string;
  problems: RowProblem[];
  /** The form's fields this row gives, as the form posts them. */
  given: Record<string, unknown>;
  /** Where it starts, for the title + start + room key: its instant in its zone, when it reads. */
  startUtc: number | null;
  start: string | null;
}

function notFound(problems: RowProblem[], field: Extract<RowProblem, { code: 'not-found' }>['field'], value: string, found: Found<unknown>): void {
  if (found.ok) return;
  if (found.count > 1) problems.push({ code: 'ambiguous', key: value, count: found.count });
  else problems.push({ code: 'not-found', field, value, suggestion: found.suggestion });
}

function meetingDraft(cells: Map<string, string>, forum: Forum, lookups: ForumLookups): MeetingDraft {
  const problems: RowProblem[] = [];
  const given: Record<string, unknown> = {};
  const get = (f: string) => cells.get(f) ?? '';
  const title = get('title');
  if (cells.has('title')) {
    if (!title) problems.push({ code: 'missing', field: 'title' });
    given.title = title;
  }
  for (const [field, read] of [['kind', kindOf], ['status', statusOf]] as const) {
    if (!get(field)) continue;
    const code = read(get(field));
    if (code) given[field] = code;
    else problems.push({ code: 'unreadable', field, value: get(field) });
  }
  const zone = get('timeZone') || forum.timeZone;
  if (get('timeZone')) given.timeZone = zone;
  let start: string | null = null;
  if (get('start') || get('date')) {
    start = dateTimeOf(get('date'), get('start'));
    if (start) given.start = start;
    else problems.push({ code: 'unreadable', field: 'start', value: [get('date'), get('start')].filter(Boolean).join(' ') });
  }
  if (get('end')) {
    const end = dateTimeOf(get('date'), get('end'), start?.slice(0, 10) ?? null);
    if (end) given.end = end;
    else problems.push({ code: 'unreadable', field: 'end', value: get('end') });
  }
  if (get('duration')) {
    const minutes = minutesOf(get('duration'));
    if (minutes === null) problems.push({ code: 'unreadable', field: 'duration', value: get('duration') });
    else given.durationMinutes = minutes;
  }
  if (cells.has('room')) {
    const room = get('room');
    if (!room) given.roomId = null;
    else {
      let index = lookups.rooms;
      if (get('venue')) {
        const venue = lookups.venues.find(get('venue'));
        if (venue.ok) index = lookups.roomsByVenue.get(venue.record.id) ?? index;
        else notFound(problems, 'venue', get('venue'), venue);
      }
      const found = index.find(room);
      if (found.ok) given.roomId = found.record.id;
      else notFound(problems, 'room', room, found);
    }
  }
  if (cells.has('place')) given.place = get('place');
  if (cells.has('briefing')) given.briefing = get('briefing');
  if (cells.has('participants')) {
    const participants: { personId: Id; role: ParticipantRole }[] = [];
    for (const item of listItems(get('participants'))) {
      // "Shahin Mustafayev (principal)", "Дрозденко А. Ю. (партнёр по встрече)".
      const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(item);
      const who = (m ? m[1]! : item).trim();
      const roleWord = m ? m[2]!.trim() : '';
      const found = lookups.person(who);
      if (!found.ok) {
        notFound(problems, 'participants', who, found);
        continue;
      }
      const role = roleWord ? roleOf(roleWord) : lookups.defaultRole(found.record.id);
      if (!role) problems.push({ code: 'unreadable', field: 'role', value: roleWord });
      else participants.push({ personId: found.record.id, role });
    }
    given.participants = participants;
  }
  if (cells.has('delegations')) {
    const ids: Id[] = [];
    for (const name of listItems(get('delegations'))) {
      const found = lookups.delegations.find(name);
      if (found.ok) ids.push(found.record.id);
      else notFound(problems, 'delegations', name, found);
    }
    given.delegationIds = ids;
  }
  let startUtc: number | null = null;
  if (start) {
    const reading = resolveLocalTime({ local: start, timeZone: zone });
    if (reading.ok) startUtc = reading.instant;
  }
  const externalId = get('externalId');
  return { label: title || externalId, externalId, problems, given, startUtc, start };
}

/** The fields a preview names as changed, by what the stored meeting holds. */
const COMPARED: [string, (m: Meeting) => unknown][] = [
  ['title', (m) => m.title],
  ['kind', (m) => m.kind],
  ['status', (m) => m.status],
  ['start', (m) => m.startUtc],
  ['end', (m) => m.endUtc],
  ['timeZone', (m) => m.timeZone],
  ['room', (m) => m.roomId],
  ['place', (m) => m.place],
  ['participants', (m) => JSON.stringify([...m.participants].sort((a, b) => a.personId - b.personId))],
  ['delegations', (m) => JSON.stringify([...m.delegationIds].sort((a, b) => a - b))],
  ['briefing', (m) => m.briefing],
];

function changedFields(before: Meeting, after: Meeting): string[] {
  return COMPARED.filter(([, of]) => of(before) !== of(after)).map(([field]) => field);
}

/** The refusals of a save as row problems: the fields' sentences, the clashes, or the service's one sentence. */
function problemsOf(err: DomainError): RowProblem[] {
  if (err instanceof ConflictRefusal) return err.conflicts.filter((c) => c.severity === 'error').map((c) => ({ code: 'conflict' as const, said: c.message }));
  if (err instanceof ValidationError && Object.keys(err.fieldMessages).length) return Object.entries(err.fieldMessages).map(([field, said]) => ({ code: 'invalid' as const, field, said }));
  return [{ code: 'refused', said: err.said }];
}

const keyOf = (title: string, startUtc: number, roomId: Id | null) => `${looseKey(title)}|${startUtc}|${roomId ?? ''}`;

/**
 * Plans (keep false: the preview) or writes (keep true: the confirm) the
 * meetings of `table` into the forum, row by row through MeetingService.
 */
export function importMeetings(services: PlanServices, actor: Actor, forumId: Id, table: Pick<ReadTable, 'rows'>, mapping: ColumnMapping, keep: boolean, before?: () => boolean): ForumImportResult | null {
  return inTrial(services, keep, () => {
    if (before && !before()) return null;
    const forum = services.forums.get(forumId);
    const mapped = new Set(mapping.filter((m): m is string => !!m));
    const unmapped = ['title', 'start'].filter((f) => !mapped.has(f) && !(f === 'start' && mapped.has('date')));
    const lookups = new ForumLookups(services, forum);
    const stored = services.store.meetings.importKeys(forum.id);
    const byExternal = new Map(stored.filter((m) => m.externalId).map((m) => [m.externalId!, m.id]));
    const byKey = new Map<string, Id[]>();
    for (const m of stored) {
      const key = keyOf(m.title, m.startUtc, m.roomId);
      byKey.set(key, [...(byKey.get(key) ?? []), m.id]);
    }
    const externalOf = new Map(stored.map((m) => [m.id, m.externalId]));
    const seen = new Map<string, number>();
    const claimed = new Map<Id, number>();
    const counts: Record<RowStatus, number> = { create: 0, update: 0, unchanged: 0, error: 0 };
    const created: Id[] = [];
    const updated: Id[] = [];
    const rows = table.rows.map((row): PlanRow => {
      const cells = cellsOf(row.cells, mapping);
      const draft = meetingDraft(cells, forum, lookups);
      const problems = [...draft.problems, ...unmapped.map((field) => ({ code: 'missing' as const, field }))];
      const roomId = (draft.given.roomId as Id | null | undefined) ?? null;
      const keys: MatchKey[] = [];
      if (draft.externalId) keys.push({ by: 'external-id', value: draft.externalId });
      if (draft.startUtc !== null && draft.given.title) {
        keys.push({ by: 'title-start-room', value: keyOf(String(draft.given.title), draft.startUtc, roomId), shown: `${draft.given.title}, ${draft.start!.replace('T', ' ')}${roomId === null ? '' : `, ${lookups.roomNames.get(roomId) ?? roomId}`}` });
      }
      let recordId: Id | null = null;
      let matchedBy: MatchKey | null = keys[0] ?? null;
      for (const k of keys) {
        const found = k.by === 'external-id' ? (byExternal.has(k.value) ? [byExternal.get(k.value)!] : []) : (byKey.get(k.value) ?? []).filter((id) => !draft.externalId || !externalOf.get(id));
        if (found.length > 1) {
          problems.push({ code: 'ambiguous', key: k.shown ?? k.value, count: found.length });
          break;
        }
        if (found.length === 1) {
          recordId = found[0]!;
          matchedBy = k;
          break;
        }
      }
      const seenKey = matchedBy ? `${matchedBy.by}:${matchedBy.value}` : null;
      const earlier = (seenKey && seen.get(seenKey)) || (recordId !== null && claimed.get(recordId)) || (draft.externalId && seen.get(`external-id:${draft.externalId}`));
      if (earlier) problems.push({ code: 'duplicate', key: matchedBy?.shown ?? matchedBy?.value ?? draft.label, firstLine: earlier });
      else {
        for (const k of keys) seen.set(`${k.by}:${k.value}`, row.line);
        if (recordId !== null) claimed.set(recordId, row.line);
      }
      let status: RowStatus = 'error';
      let changed: string[] = [];
      let warnings: Message[] = [];
      if (!problems.length) {
        inSavepoint(services, (undo) => {
          try {
            const current = recordId === null ? null : services.meetings.get(recordId);
            const result = current ? services.meetings.update(actor, current.id, current.version, updateInput(current, draft.given), { keepDuration: 'start' in draft.given && !('end' in draft.given) && !('durationMinutes' in draft.given) }) : services.meetings.create(actor, forum.id, createInput(draft.given));
            const clashes = result.warnings.filter((c) => c.severity === 'error');
            if (clashes.length) {
              problems.push(...clashes.map((c) => ({ code: 'conflict' as const, said: c.message })));
              undo();
            }
            if (current) {
              changed = changedFields(current, result.meeting);
              if (draft.externalId && externalOf.get(current.id) !== draft.externalId) changed.push('externalId');
              if (!changed.length) {
                status = 'unchanged';
                undo();
              }
            }
            warnings = result.warnings.map((c) => c.message);
            if (draft.externalId) services.store.meetings.setExternalId(result.meeting.id, draft.externalId);
            status = current ? 'update' : 'create';
            if (keep) (current ? updated : created).push(result.meeting.id);
            if (!current && keep) recordId = result.meeting.id;
          } catch (err) {
            // A refusal is the row's; the storage failing (busy, full, read-only) is the whole import's.
            if (!(err instanceof DomainError) || err instanceof StorageUnavailableError) throw err;
            problems.push(...problemsOf(err));
            undo();
          }
        });
      }
      if (problems.length) status = 'error';
      counts[status]++;
      return { line: row.line, status, label: draft.label, key: matchedBy, problems, recordId, changed, externalId: draft.externalId, values: null, warnings };
    });
    return { plan: { kind: 'meetings', rows, counts, unmapped }, created, updated };
  });
}

/** A new meeting's input: the form's defaults (a bilateral meeting, tentative) under what the row gives. */
function createInput(given: Record<string, unknown>): Record<string, unknown> {
  return { kind: 'bilateral', status: 'tentative', place: '', isPublic: false, participants: [], delegationIds: [], briefing: '', outcome: '', documents: [], ...given };
}

/** A matched meeting's input: as stored, with what the row gives in place; a new time is read afresh in its zone. */
function updateInput(current: Meeting, given: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...toInput(current), ...given };
  if ('start' in given) merged.startOffset = undefined;
  if ('end' in given) merged.endOffset = undefined;
  if ('durationMinutes' in given && !('end' in given)) {
    merged.end = undefined;
    merged.endOffset = undefined;
  }
  return merged;
}
