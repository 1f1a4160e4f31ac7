import type { z } from 'zod';
import { InUseError, NotFoundError, StaleVersionError, ValidationError, type Said } from '../../domain/errors';
import { inWriteTransaction, isReferenceRefusal } from '../../store/database';
import type { RecordTable, RecordValues } from '../../store/record-table';
import type { References } from '../../store/references';
import type { Store } from '../../store';
import type { Actor } from '../actor';
import { parseInput } from '../validation';
import { message, render } from '../../messages';
import type { RecordShape } from '../../domain/types';

export interface RecordServiceSpec<T extends RecordShape> {
  /** Audit entity name, e.g. 'person'. */
  entity: string;
  /** What users call one, e.g. 'person', 'delegation'. */
  label: string;
  table: RecordTable<T>;
  schema: z.ZodType<RecordValues<T>>;
  /** Checks that need the store (does the organization exist?); returns field messages. */
  check?: (values: RecordValues<T>, current: T | undefined) => Record<string, Said>;
  /** The records that point at this one, by what they are: a delete is refused while any exist. */
  usage?: (id: number) => References[];
  forumIdOf?: (record: T) => number | null;
  /**
   * For a write made in one forum: refuses values that point into another
   * (a crafted post naming another forum's venue); returns field messages.
   */
  inForum?: (values: RecordValues<T>, forumId: number) => Record<string, Said>;
  describe: (record: T) => string;
  /**
   * A record as an audit row of an older schema wrote it, as today's record
   * (a person's one local name of before migration 0020): restoring it puts
   * back what the migration would have made of it.
   */
  fromStored?: (state: Record<string, unknown>) => T;
}

/** Where a write is made: the forum of the page it came from, when it came from one. */
export interface WriteContext {
  forumId?: number;
}

/**
 * Create, update, delete and restore for one kind of reference record. Every
 * write runs in one BEGIN IMMEDIATE transaction together with its version
 * check and its audit row.
 */
export class RecordService<T extends RecordShape> {
  constructor(
    protected readonly store: Store,
    readonly spec: RecordServiceSpec<T>,
    protected readonly clock: () => number = Date.now,
  ) {}

  list(where: Parameters<RecordTable<T>['list']>[0] = {}): T[] {
    return this.spec.table.list(where);
  }

  /** How many there are, without reading them (a page decides from it whether a choice list is still short enough). */
  count(): number {
    return this.spec.table.count();
  }

  get(id: number): T {
    const record = Number.isSafeInteger(id) ? this.spec.table.find(id) : undefined;
    if (!record) throw new NotFoundError(Number.isSafeInteger(id) ? message('record.not-found-id', { record: this.spec.label, id }) : message('record.not-found-address', { record: this.spec.label }));
    return record;
  }

  find(id: number): T | undefined {
    return this.spec.table.find(id);
  }

  validate(raw: unknown, current?: T, context: WriteContext = {}): RecordValues<T> {
    const values = parseInput(this.spec.schema, raw);
    const fields = { ...this.spec.check?.(values, current), ...(context.forumId === undefined ? {} : this.spec.inForum?.(values, context.forumId)) };
    if (Object.keys(fields).length) throw new ValidationError(fields);
    return values;
  }

  create(actor: Actor, raw: unknown, context: WriteContext = {}): T {
    const values = this.validate(raw, undefined, context);
    return inWriteTransaction(this.store.db, () => {
      const created = this.spec.table.insert(values);
      this.audit(actor, 'create', created, null, created);
      return created;
    });
  }

  update(actor: Actor, id: number, expectedVersion: number | null, raw: unknown, context: WriteContext = {}): T {
    return inWriteTransaction(this.store.db, () => {
      const current = this.get(id);
      const values = this.validate(raw, current, context);
      if (expectedVersion === null || current.version !== expectedVersion) throw new StaleVersionError(current, expectedVersion);
      const updated = this.spec.table.update(id, expectedVersion, values);
      if (!updated) throw new StaleVersionError(this.get(id), expectedVersion);
      this.audit(actor, 'update', updated, current, updated);
      return updated;
    });
  }

  /**
   * A create whose values validate() has just passed, inside the caller's
   * write transaction: an import confirms many rows in one transaction and
   * has validated each one in the same transaction, against the same records.
   */
  createValidated(actor: Actor, values: RecordValues<T>): T {
    const created = this.spec.table.insert(values);
    this.audit(actor, 'create', created, null, created);
    return created;
  }

  /** An update of `current` with values validate() has just passed, inside the caller's write transaction (see createValidated). */
  updateValidated(actor: Actor, current: T, values: RecordValues<T>): T {
    const updated = this.spec.table.update(current.id, current.version, values);
    if (!updated) throw new StaleVersionError(this.get(current.id), current.version);
    this.audit(actor, 'update', updated, current, updated);
    return updated;
  }

  remove(actor: Actor, id: number): void {
    inWriteTransaction(this.store.db, () => {
      const current = this.get(id);
      const refs = (this.spec.usage?.(id) ?? []).filter((r) => r.names.length).map((r) => message('record.references', r));
      if (refs.length) {
        throw new InUseError(refs.map((r) => render(r)), message('record.in-use', { record: this.spec.label, references: refs }));
      }
      try {
        this.spec.table.delete(id);
      } catch (err) {
        // A table that usage() does not know of yet still must not turn a refusal into a 500.
        if (!isReferenceRefusal(err)) throw err;
        throw new InUseError([], message('record.pointed-at', { record: this.spec.label }));
      }
      this.audit(actor, 'delete', current, current, null);
    });
  }

  /** Puts a deleted record back, with its old id, from the state its delete recorded. */
  restore(actor: Actor, id: number, state: T): T {
    return inWriteTransaction(this.store.db, () => {
      if (this.spec.table.find(id)) throw new ValidationError({ _form: message('record.exists', { record: this.spec.label }) });
      const { id: _id, version, ...values } = this.spec.fromStored ? this.spec.fromStored(state as unknown as Record<string, unknown>) : state;
      const restored = this.spec.table.insertWithId(id, version + 1, values as RecordValues<T>);
      this.audit(actor, 'restore', restored, null, restored);
      return restored;
    });
  }

  protected audit(actor: Actor, action: 'create' | 'update' | 'delete' | 'restore', record: T, before: T | null, after: T | null): void {
    this.store.audit.append({
      at: this.clock(),
      userId: actor.userId,
      username: actor.username,
      action,
      entity: this.spec.entity,
      entityId: record.id,
      forumId: this.spec.forumIdOf?.(record) ?? null,
      summary: this.spec.describe(record),
      before,
      after,
    });
  }
}
