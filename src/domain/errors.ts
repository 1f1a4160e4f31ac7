/**
 * The small set of typed errors that services throw. One piece of web code
 * (src/web/middleware/errors.ts) maps them to pages and API answers; nobody
 * matches on message strings.
 */
import type { Conflict } from './conflicts';
import { message, type Message } from '../messages/message';
import { render } from '../messages/render';

/**
 * What an error says: a message (key and parameters), or a sentence written
 * where it was raised that has not moved to the catalogue yet (each one is on
 * the allow-list of tests/unit/no-sentences-in-domain.test.ts).
 */
export type Said = Message | string;

function toMessage(said: Said): Message {
  return typeof said === 'string' ? message('verbatim', { text: said }) : said;
}

/**
 * `said` is what the edge renders in the reader's language; `message` is its
 * English text, for logs, the CLI and the edges that have no reader's language yet.
 */
export class DomainError extends Error {
  readonly said: Message;

  constructor(said: Said) {
    const spoken = toMessage(said);
    super(render(spoken));
    this.said = spoken;
    this.name = new.target.name;
  }
}

/**
 * Input that cannot be accepted; `fieldMessages` maps a form field name to what
 * to change, and `fields` holds the same in English.
 */
export class ValidationError extends DomainError {
  readonly fieldMessages: Record<string, Message>;
  readonly fields: Record<string, string>;

  constructor(
    fields: Record<string, Said>,
    said: Said = message('error.fields-need-attention', {}),
    /** Extra data a form can offer as choices, e.g. the two offsets of an ambiguous time. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(said);
    this.fieldMessages = Object.fromEntries(Object.entries(fields).map(([name, s]) => [name, toMessage(s)]));
    this.fields = Object.fromEntries(Object.entries(this.fieldMessages).map(([name, m]) => [name, render(m)]));
  }
}

/** A save refused because it would create an error-level conflict. */
export class ConflictRefusal extends DomainError {
  constructor(
    readonly conflicts: Conflict[],
    said: Said = message('error.conflict-refused', {}),
  ) {
    super(said);
  }
}

/** The record changed since the user loaded it. `current` is what is stored now. */
export class StaleVersionError<T = unknown> extends DomainError {
  constructor(
    readonly current: T,
    readonly expectedVersion: number | null,
    said: Said = message('error.changed-meanwhile', {}),
  ) {
    super(said);
  }
}

export class NotFoundError extends DomainError {
  constructor(said: Said = message('error.not-found', {})) {
    super(said);
  }
}

export class ForbiddenError extends DomainError {
  constructor(said: Said = message('error.forbidden', {})) {
    super(said);
  }
}

/** A delete refused because other records still point at this one. */
export class InUseError extends DomainError {
  constructor(readonly references: string[], said?: Said) {
    super(said ?? message('error.in-use', { references }));
  }
}

/**
 * The database cannot take a write right now. Raised by the store (which alone
 * reads SQLite's error codes) so that services and the web layer decide on a
 * kind, never on a driver's message. Nothing of the failed write was kept.
 */
export class StorageUnavailableError extends DomainError {
  constructor(
    readonly reason: 'busy' | 'full' | 'read-only' | 'io',
    /** How long a client should wait before trying again (the Retry-After header). */
    readonly retryAfterSeconds: number,
    said: Said = message(`error.storage.${reason}`, {}),
  ) {
    super(said);
  }
}

/** Another connection (the CLI, a second app process, a sqlite3 shell) holds the write lock. */
export class DatabaseBusyError extends StorageUnavailableError {
  constructor() {
    super('busy', 5);
  }
}
