/**
 * Unavailability from a spreadsheet (issue 16): each row a block of time a
 * person (or a room) cannot be booked: who or which room by name or email,
 * a date, from and to (or all day when neither is given, or a cell says so),
 * and a reason. Saved through AvailabilityService, each row in a savepoint,
 * as the availability form saves a block. A row is matched to a block by its
 * person (or room), start and end: the same block with another reason is an
 * update, with the same one unchanged.
 */
import { DomainError, StorageUnavailableError, ValidationError } from '../../domain/errors';
import { resolveLocalTime } from '../../domain/time';
import type { Forum, Id, Person, Room, StoredAvailabilityBlock } from '../../domain/types';
import type { Actor } from '../actor';
import { readLocalDateTime } from './dates';
import { splitFullName } from './full-name';
import { looseKey, NameIndex, type Found } from './lookup';
import { dateTimeOf, inSavepoint, inTrial, type ForumImportResult } from './meetings';
import { cellsOf, type ColumnMapping, type MatchKey, type PlanRow, type PlanServices, type RowProblem, type RowStatus } from './plan';
import type { ReadTable } from './table';

/** Words that say a whole day in a from or to cell. */
const ALL_DAY = new Set(['allday', 'wholeday', 'весьдень', 'целыйдень', 'бүтүнгүн', 'bütüngün', 'tamgün', 'gunboyu', 'günboyu'].map(looseKey));

/** The day after a 'YYYY-MM-DD' date. */
function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

interface Subject {
  subject: 'person' | 'room';
  id: Id;
  name: string;
}

export function importUnavailability(services: PlanServices, actor: Actor, forumId: Id, table: Pick<ReadTable, 'rows'>, mapping: ColumnMapping, keep: boolean, before?: () => boolean): ForumImportResult | null {
  return inTrial(services, keep, () => {
    if (before && !before()) return null;
    const forum: Forum = services.forums.get(forumId);
    const mapped = new Set(mapping.filter((m): m is string => !!m));
    const unmapped = [...(mapped.has('person') || mapped.has('room') ? [] : ['person']), ...(mapped.has('date') || mapped.has('start') ? [] : ['date'])];
    const people = services.people.list();
    const peopleIndex = new NameIndex<Person>(people, (p) => [p.fullName, p.nameRu, p.nameAz].filter(Boolean), (p) => p.fullName);
    const emails = new Map(people.filter((p) => p.email).map((p) => [p.email.trim().toLowerCase(), p]));
    const rooms = new NameIndex<Room>(services.directory.roomsOfForum(forum.id), (r) => [r.name], (r) => r.name);
    const blocks = new Map<string, StoredAvailabilityBlock>();
    for (const b of services.availability.list(forum.id)) blocks.set(`${b.subject}|${b.subjectId}|${b.startUtc}|${b.endUtc}`, b);
    const seen = new Map<string, number>();
    const counts: Record<RowStatus, number> = { create: 0, update: 0, unchanged: 0, error: 0 };
    const created: Id[] = [];
    const updated: Id[] = [];

    const person = (text: string): Found<Person> => {
      if (text.includes('@')) {
        const p = emails.get(text.toLowerCase());
        return p ? { ok: true, record: p } : { ok: false, count: 0, suggestion: null };
      }
      const parts = splitFullName(text);
      return peopleIndex.find(text, parts?.givenName ? `${parts.givenName} ${parts.surname}` : text);
    };

    const rows = table.rows.map((row): PlanRow => {
      const cells = cellsOf(row.cells, mapping);
      const get = (f: string) => cells.get(f) ?? '';
      const problems: RowProblem[] = unmapped.map((field) => ({ code: 'missing' as const, field }));
      let subject: Subject | null = null;
      const who = get('person');
      if (who) {
        const found = person(who);
        if (found.ok) subject = { subject: 'person', id: found.record.id, name: found.record.fullName };
        else if (found.count > 1) problems.push({ code: 'ambiguous', key: who, count: found.count });
        else problems.push({ code: 'not-found', field: 'person', value: who, suggestion: found.suggestion });
      } else if (get('room')) {
        const found = rooms.find(get('room'));
        if (found.ok) subject = { subject: 'room', id: found.record.id, name: found.record.name };
        else if (found.count > 1) problems.push({ code: 'ambiguous', key: get('room'), count: found.count });
        else problems.push({ code: 'not-found', field: 'room', value: get('room'), suggestion: found.suggestion });
      } else if (!unmapped.includes('person')) problems.push({ code: 'missing', field: 'person' });
      const label = subject?.name ?? (who || get('room'));
      // From and to: times of the date, full dates and times, or nothing (or "all day") for the whole day.
      const allDay = (cell: string) => cell === '' || ALL_DAY.has(looseKey(cell));
      let start: string | null = null;
      let end: string | null = null;
      const day = get('date') ? (readLocalDateTime(get('date'))?.date ?? null) : null;
      if (allDay(get('start')) && allDay(get('end'))) {
        if (day) {
          start = `${day}T00:00`;
          end = `${nextDay(day)}T00:00`;
        } else if (get('date')) problems.push({ code: 'unreadable', field: 'date', value: get('date') });
        else if (!unmapped.includes('date')) problems.push({ code: 'missing', field: 'date' });
      } else {
        start = allDay(get('start')) ? (day ? `${day}T00:00` : null) : dateTimeOf(get('date'), get('start'));
        if (!start) problems.push({ code: 'unreadable', field: 'start', value: [get('date'), get('start')].filter(Boolean).join(' ') });
        end = allDay(get('end')) ? (start ? `${nextDay(start.slice(0, 10))}T00:00` : null) : dateTimeOf(get('date'), get('end'), start?.slice(0, 10) ?? null);
        if (!end && get('end')) problems.push({ code: 'unreadable', field: 'end', value: get('end') });
      }
      const reason = get('reason');
      const utc = (local: string | null) => {
        if (!local) return null;
        const r = resolveLocalTime({ local, timeZone: forum.timeZone });
        return r.ok ? r.instant : null;
      };
      const startUtc = utc(start);
      const endUtc = utc(end);
      let key: MatchKey | null = null;
      let existing: StoredAvailabilityBlock | undefined;
      if (subject && start && end && startUtc !== null && endUtc !== null) {
        key = { by: 'subject-start-end', value: `${subject.subject}|${subject.id}|${startUtc}|${endUtc}`, shown: `${subject.name}, ${start.replace('T', ' ')} – ${end.replace('T', ' ')}` };
        existing = blocks.get(key.value);
        const earlier = seen.get(key.value);
        if (earlier) problems.push({ code: 'duplicate', key: key.shown!, firstLine: earlier });
        else seen.set(key.value, row.line);
      }
      let status: RowStatus = 'error';
      let recordId: Id | null = existing?.id ?? null;
      const changed: string[] = [];
      if (!problems.length && subject && start && end) {
        const input = { subject: subject.subject, subjectId: subject.id, start, end, reason: cells.has('reason') ? reason : (existing?.reason ?? '') };
        if (existing && existing.reason === input.reason) status = 'unchanged';
        else {
          inSavepoint(services, (undo) => {
            try {
              const block = existing ? services.availability.update(actor, existing.id, input) : services.availability.create(actor, forum.id, input);
              status = existing ? 'update' : 'create';
              if (existing) changed.push('reason');
              if (keep) {
                (existing ? updated : created).push(block.id);
                recordId = block.id;
              }
            } catch (err) {
              // A refusal is the row's; the storage failing (busy, full, read-only) is the whole import's.
            if (!(err instanceof DomainError) || err instanceof StorageUnavailableError) throw err;
              if (err instanceof ValidationError && Object.keys(err.fieldMessages).length) {
                for (const [field, said] of Object.entries(err.fieldMessages)) problems.push({ code: 'invalid', field, said });
              } else problems.push({ code: 'refused', said: err.said });
              undo();
            }
          });
        }
      }
      if (problems.length) status = 'error';
      counts[status]++;
      return { line: row.line, status, label, key, problems, recordId, changed, externalId: '', values: null };
    });
    return { plan: { kind: 'unavailability', rows, counts, unmapped }, created, updated };
  });
}
