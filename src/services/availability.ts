import { z } from 'zod';
import { NotFoundError, ValidationError, type Said } from '../domain/errors';
import { resolveLocalTime } from '../domain/time';
import type { Id, StoredAvailabilityBlock } from '../domain/types';
import { inWriteTransaction } from '../store/database';
import type { Store } from '../store';
import type { Actor } from './actor';
import { field, parseInput } from './validation';
import { message } from '../messages';
import { storedMessage } from '../messages/stored';
import { DateTime } from 'luxon';
import { readBusyTimes, type CalendarProblem } from './busy-times';

/** A calendar that could not be read: nothing was written; the problem names the line where it can. */
export class CalendarImportError extends Error {
  constructor(readonly problem: CalendarProblem) {
    super(problem.key);
  }
}

export interface BusyImportResult {
  created: StoredAvailabilityBlock[];
  removed: number;
}

const blockSchema = z.object({
  subject: field.oneOf('kind of block', ['person', 'room'] as const),
  subjectId: field.id('person or room'),
  start: field.text('start'),
  end: field.text('end'),
  reason: field.optionalText('reason', 300),
});

/** Times a person or room cannot be booked ("flight lands 11:30", "hall set-up"). */
export class AvailabilityService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => number = Date.now,
  ) {}

  list(forumId: Id): StoredAvailabilityBlock[] {
    return this.store.availability.list({ forumId });
  }

  get(id: Id): StoredAvailabilityBlock {
    const block = this.store.availability.find(id);
    if (!block) throw new NotFoundError(message('availability.not-found', { id }));
    return block;
  }

  create(actor: Actor, forumId: Id, raw: unknown): StoredAvailabilityBlock {
    const v = parseInput(blockSchema, raw);
    return inWriteTransaction(this.store.db, () => {
      const block = this.store.availability.insert(this.valuesOf(forumId, v));
      this.audit(actor, 'create', block, null, block);
      return block;
    });
  }

  /** A block's subject, times or reason changed, with the same checks as a new one (an import's edited row). */
  update(actor: Actor, id: Id, raw: unknown): StoredAvailabilityBlock {
    const v = parseInput(blockSchema, raw);
    return inWriteTransaction(this.store.db, () => {
      const before = this.get(id);
      const values = this.valuesOf(before.forumId, v);
      if (!this.store.availability.update(id, before.version, values)) throw new NotFoundError(message('availability.not-found', { id }));
      const after = this.get(id);
      this.audit(actor, 'update', after, before, after);
      return after;
    });
  }

  /** What a block stores, read in the forum's zone; refused field by field. */
  private valuesOf(forumId: Id, v: z.output<typeof blockSchema>) {
    const forum = this.store.forums.find(forumId);
    if (!forum) throw new NotFoundError(message('forum.not-found', {}));
    const fields: Record<string, Said> = {};
    const exists = v.subject === 'person' ? this.store.people.find(v.subjectId) : this.store.rooms.find(v.subjectId);
    if (!exists) fields.subjectId = message('availability.subject-missing', { subject: v.subject });
    const instant = (key: 'start' | 'end') => {
      const local = v[key].replace(' ', 'T').slice(0, 16);
      const r = resolveLocalTime({ local, timeZone: forum.timeZone });
      if (!r.ok) fields[key] = r.message;
      return { local, utc: r.ok ? r.instant : NaN };
    };
    const start = instant('start');
    const end = instant('end');
    if (!fields.start && !fields.end && end.utc <= start.utc) fields.end = message('meeting.end-before-start', {});
    if (Object.keys(fields).length) throw new ValidationError(fields);
    return {
      forumId,
      subject: v.subject,
      subjectId: v.subjectId,
      start: start.local,
      end: end.local,
      timeZone: forum.timeZone,
      startUtc: start.utc,
      endUtc: end.utc,
      reason: v.reason,
    };
  }

  /**
   * A person's busy times from a calendar export: the blocks it gives within
   * the forum's dates replace the previous import of the same source for that
   * person, in one transaction with their audit rows; blocks entered by hand
   * and other sources stay. An unreadable calendar writes nothing.
   */
  importBusy(actor: Actor, forumId: Id, input: { personId: Id; source: string; text: string; keepTitles: boolean; busyLabel: string }): BusyImportResult {
    const forum = this.store.forums.find(forumId);
    if (!forum) throw new NotFoundError(message('forum.not-found', {}));
    if (!this.store.people.find(input.personId)) throw new NotFoundError(message('availability.subject-missing', { subject: 'person' }));
    const read = readBusyTimes(input.text, forum, { keepTitles: input.keepTitles });
    if (!read.ok) throw new CalendarImportError(read.problem);
    const local = (utc: number) => DateTime.fromMillis(utc, { zone: forum.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
    return inWriteTransaction(this.store.db, () => {
      const previous = this.store.availability.ofSource(forumId, 'person', input.personId, input.source);
      for (const block of previous) {
        this.store.availability.delete(block.id);
        this.audit(actor, 'delete', block, block, null);
      }
      const created = read.blocks.map((busy) => {
        const block = this.store.availability.insert({
          forumId,
          subject: 'person',
          subjectId: input.personId,
          start: local(busy.startUtc),
          end: local(busy.endUtc),
          timeZone: forum.timeZone,
          startUtc: busy.startUtc,
          endUtc: busy.endUtc,
          reason: `${busy.title || input.busyLabel} (${input.source})`.slice(0, 300),
        });
        this.store.availability.markSource(block.id, input.source);
        this.audit(actor, 'create', block, null, { ...block, source: input.source });
        return block;
      });
      return { created, removed: previous.length };
    });
  }

  /** The calendars imported for a person, with their block counts. */
  importedSources(forumId: Id, personId: Id): { source: string; blocks: number }[] {
    return this.store.availability.sourcesOf(forumId, 'person', personId);
  }

  remove(actor: Actor, id: Id): void {
    inWriteTransaction(this.store.db, () => {
      const block = this.get(id);
      this.store.availability.delete(id);
      this.audit(actor, 'delete', block, block, null);
    });
  }

  private audit(actor: Actor, action: 'create' | 'update' | 'delete', block: StoredAvailabilityBlock, before: unknown, after: unknown): void {
    this.store.audit.append({ at: this.clock(), userId: actor.userId, username: actor.username, action, entity: 'availability_block', entityId: block.id, forumId: block.forumId, summary: storedMessage(message('audit.summary.availability', { subject: block.subject, subjectId: block.subjectId, start: block.start, end: block.end, reason: block.reason })), before, after });
  }
}
