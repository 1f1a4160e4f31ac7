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
