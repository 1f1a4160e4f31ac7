/**
 * The small set of typed errors that services throw. One piece of web code
 * (src/web/middleware/errors.ts) maps them to pages and API answers; nobody
 * matches on message strings.
 */
import type { Conflict } from './conflicts';

export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that cannot be accepted; `fields` maps a form field name to what to change. */
export class ValidationError extends DomainError {
  constructor(
    readonly fields: Record<string, string>,
    message = 'Some fields need attention.',
    /** Extra data a form can offer as choices, e.g. the two offsets of an ambiguous time. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** A save refused because it would create an error-level conflict. */
export class ConflictRefusal extends DomainError {
  constructor(
    readonly conflicts: Conflict[],
    message = 'This change would create a conflict that must be resolved first.',
  ) {
    super(message);
  }
}

/** The record changed since the user loaded it. `current` is what is stored now. */
export class StaleVersionError<T = unknown> extends DomainError {
  constructor(
    readonly current: T,
    readonly expectedVersion: number | null,
    message = 'Someone else changed this record while you were editing it.',
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message = 'The page or record you asked for does not exist.') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this.') {
    super(message);
  }
}

/** A delete refused because other records still point at this one. */
export class InUseError extends DomainError {
  constructor(readonly references: string[], message?: string) {
    super(message ?? `It is still used by ${references.join('; ')}. Remove or change those first.`);
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
    message: string = StorageUnavailableError.messages[reason],
  ) {
    super(message);
  }

  static readonly messages = {
    busy: 'The database is busy with another task (a backup or maintenance, for example), so nothing was saved. Try again in a few seconds.',
    full: 'The server has run out of disk space, so nothing was saved. Everything can still be read; ask the operator to free disk space, then try again.',
    'read-only': 'The database can be read but not written right now, so nothing was saved. Ask the operator to check the database file\'s permissions, then try again.',
    io: 'The server could not write to its disk, so nothing was saved. Ask the operator to check the disk, then try again.',
  } as const;
}

/** Another connection (the CLI, a second app process, a sqlite3 shell) holds the write lock. */
export class DatabaseBusyError extends StorageUnavailableError {
  constructor() {
    super('busy', 5);
  }
}
