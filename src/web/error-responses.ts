import crypto from 'node:crypto';
import {
  ConflictRefusal,
  DatabaseBusyError,
  DomainError,
  ForbiddenError,
  InUseError,
  NotFoundError,
  StaleVersionError,
  StorageUnavailableError,
  ValidationError,
} from '../domain/errors';
import { HashQueueFullError } from '../services/accounts';
import { conflictJson } from './presenters';

/**
 * The one table from a typed error to what the user gets back: a page, an API
 * answer, a form shown again, or a notice on the page whose button failed.
 * Pages, forms, secret-link pages and the API all ask here, so a status code
 * or a body shape per error kind is written once (DESIGN.md "Errors"). An
 * error class with no entry is "anything else": a 500 with a reference id.
 */

/** What the error handler sends: the same status for a page and for the API. */
export interface ErrorAnswer {
  status: number;
  headers: Record<string, string>;
  page: { view: string; locals: { title: string; message?: string; reference?: string } };
  api: Record<string, unknown>;
  /** Set for "anything else": the id the page shows and the log carries, so details stay in the log. */
  reference?: string;
}

/** What a form page needs to show a failed submission again, input kept. */
export interface FormProblems {
  errors: Record<string, string>;
  conflicts?: unknown[];
  /** The record as stored now, when the user's version was stale. */
  stale?: unknown;
  formError?: string;
  /** Choices a field can offer, e.g. the two offsets of an ambiguous time. */
  details?: Record<string, unknown>;
}

export interface FormAnswer {
  status: number;
  problems: FormProblems;
  /** The form-wide message the error itself carries (a validation's `_form`, another error's message), before a page's fallback wording. */
  formMessage?: string;
}

/**
 * A button on a page (accept, decline, cancel) that was refused: the page again
 * with a notice, or, for a record that is not there, the page's own "not found".
 */
export type NoticeAnswer = { kind: 'notice'; status: number; message: string } | { kind: 'not-found' };

type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

interface ErrorEntry<E extends Error> {
  type: ErrorClass<E>;
  answer: (err: E) => Omit<ErrorAnswer, 'reference'>;
  /** Set when a form can show this error beside the input the user typed. */
  form?: (err: E) => FormAnswer;
  /** Set when a page's button can show this error as a notice on the same page. */
  notice?: (err: E) => NoticeAnswer;
}

const entry = <E extends Error>(e: ErrorEntry<E>): ErrorEntry<Error> => e as unknown as ErrorEntry<Error>;

const generic = (title: string, message: string) => ({ view: 'pages/errors/generic', locals: { title, message } });

const storageAnswer = (err: StorageUnavailableError) => ({
  // Busy, full or read-only: the user's request was fine and nothing of it was kept; say when to come back.
  status: 503,
  headers: { 'Retry-After': String(err.retryAfterSeconds) },
  page: generic('Cannot save right now', err.message),
  api: { error: err.message, reason: err.reason },
});

/**
 * Most specific first: the first entry whose class the error is an instance of
 * answers (DatabaseBusyError before StorageUnavailableError, DomainError last).
 */
export const ERROR_TABLE: readonly ErrorEntry<Error>[] = [
  entry({
    type: ValidationError,
    answer: (err) => ({ status: 422, headers: {}, page: generic('Check your input', Object.values(err.fields).join(' ')), api: { error: err.message, fields: err.fields } }),
    form: (err) => {
      const { _form, ...errors } = err.fields;
      return { status: 422, problems: { errors, details: err.details, formError: _form ?? 'Some fields need attention: see the messages beside them.' }, formMessage: _form };
    },
    // On a button, invalid input means the record is no longer in a state for it (already answered, say).
    notice: (err) => ({ kind: 'notice', status: 409, message: err.fields._form ?? Object.values(err.fields).join(' ') }),
  }),
  entry({
    type: ConflictRefusal,
    answer: (err) => ({ status: 409, headers: {}, page: generic('Conflict', err.message), api: { error: err.message, conflicts: err.conflicts.map(conflictJson) } }),
    form: (err) => ({ status: 409, problems: { errors: {}, conflicts: err.conflicts, formError: err.message }, formMessage: err.message }),
  }),
  entry<StaleVersionError>({
    type: StaleVersionError,
    answer: (err) => {
      const unconditional = err.expectedVersion === null;
      return {
        status: unconditional ? 428 : 412,
        headers: {},
        page: generic('Changed meanwhile', err.message),
        api: { error: unconditional ? 'Send If-Match with the version (ETag) you are changing.' : err.message, current: err.current },
      };
    },
    form: (err) => ({ status: 412, problems: { errors: {}, stale: err.current, formError: err.message }, formMessage: err.message }),
  }),
  entry({
    type: InUseError,
    answer: (err) => ({ status: 409, headers: {}, page: generic('Still in use', err.message), api: { error: err.message, references: err.references } }),
    form: (err) => ({ status: 409, problems: { errors: {}, formError: err.message }, formMessage: err.message }),
  }),
  entry({
    type: NotFoundError,
    answer: (err) => ({ status: 404, headers: {}, page: { view: 'pages/errors/404', locals: { title: 'Not found', message: err.message } }, api: { error: err.message } }),
    notice: () => ({ kind: 'not-found' }),
  }),
  entry({
    type: ForbiddenError,
    answer: (err) => ({ status: 403, headers: {}, page: { view: 'pages/errors/403', locals: { title: 'Not allowed', message: err.message } }, api: { error: err.message } }),
    notice: (err) => ({ kind: 'notice', status: 403, message: err.message }),
  }),
  entry({ type: DatabaseBusyError, answer: storageAnswer }),
  entry({ type: StorageUnavailableError, answer: storageAnswer }),
  entry({
    type: HashQueueFullError,
    answer: (err) => ({ status: 503, headers: { 'Retry-After': String(err.retryAfterSeconds) }, page: generic('Cannot sign in right now', err.message), api: { error: err.message } }),
  }),
  entry({ type: DomainError, answer: (err) => ({ status: 400, headers: {}, page: generic('Cannot do that', err.message), api: { error: err.message } }) }),
];

function entryOf(err: unknown): ErrorEntry<Error> | undefined {
  return err instanceof Error ? ERROR_TABLE.find((e) => err instanceof e.type) : undefined;
}

/** The HTTP status a library attached (body-parser's 400 and 413, for instance), when it is the client's fault. */
function clientStatusOf(err: unknown): number | undefined {
  const e = err as { status?: number; statusCode?: number } | null | undefined;
  const status = e?.status ?? e?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** How the error handler answers `err`, for a page and for the API. */
export function errorAnswerOf(err: unknown): ErrorAnswer {
  const found = entryOf(err);
  if (found) return found.answer(err as Error);
  const status = clientStatusOf(err);
  if (status) {
    const message = status === 413 ? 'What you sent is too large.' : 'The request could not be understood.';
    return { status, headers: {}, page: generic('Bad request', message), api: { error: message } };
  }
  const reference = crypto.randomBytes(6).toString('hex');
  return {
    status: 500,
    headers: {},
    page: { view: 'pages/errors/500', locals: { title: 'Something went wrong', reference } },
    api: { error: 'Something went wrong on our side.', reference },
    reference,
  };
}

/** How a form shows `err` again with the input kept, or undefined when a form cannot (the error handler answers). */
export function formAnswerOf(err: unknown): FormAnswer | undefined {
  const found = entryOf(err);
  return found?.form?.(err as Error);
}

/** How a page's refused button shows `err`, or undefined when it cannot (the error handler answers). */
export function noticeAnswerOf(err: unknown): NoticeAnswer | undefined {
  const found = entryOf(err);
  return found?.notice?.(err as Error);
}
