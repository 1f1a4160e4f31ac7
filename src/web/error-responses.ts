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
import { render } from '../messages';
import { DEFAULT_LOCALE, translate, type Locale } from '../messages/catalogue';
import { HashQueueFullError } from '../services/accounts';
import { conflictJson } from './presenters';

/**
 * The one table from a typed error to what the user gets back: a page, an API
 * answer, a form shown again, or a notice on the page whose button failed.
 * Pages, forms, secret-link pages and the API all ask here, so a status code
 * or a body shape per error kind is written once (DESIGN.md "Errors"). An
 * error class with no entry is "anything else": a 500 with a reference id.
 *
 * Pages and forms speak the reader's language (`locale`: titles from the
 * catalogue, a domain error's Message rendered in it); API bodies stay English.
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
  answer: (err: E, locale: Locale) => Omit<ErrorAnswer, 'reference'>;
  /** Set when a form can show this error beside the input the user typed. */
  form?: (err: E, locale: Locale) => FormAnswer;
  /** Set when a page's button can show this error as a notice on the same page. */
  notice?: (err: E, locale: Locale) => NoticeAnswer;
}

const entry = <E extends Error>(e: ErrorEntry<E>): ErrorEntry<Error> => e as unknown as ErrorEntry<Error>;

/** A page with a title from the catalogue (ui.errors.title.*) and a sentence already in the reader's language. */
const generic = (locale: Locale, title: string, message: string) => ({ view: 'pages/errors/generic', locals: { title: translate(locale, `ui.errors.title.${title}`), message } });

/** What a domain error says, in the reader's language. */
const said = (err: DomainError, locale: Locale) => render(err.said, locale);

/** A validation error's field messages, in the reader's language. */
const fieldsIn = (err: ValidationError, locale: Locale): Record<string, string> =>
  Object.fromEntries(Object.entries(err.fieldMessages).map(([name, m]) => [name, render(m, locale)]));

const storageAnswer = (err: StorageUnavailableError, locale: Locale) => ({
  // Busy, full or read-only: the user's request was fine and nothing of it was kept; say when to come back.
  status: 503,
  headers: { 'Retry-After': String(err.retryAfterSeconds) },
  page: generic(locale, 'cannot-save', said(err, locale)),
  api: { error: err.message, reason: err.reason },
});

/**
 * Most specific first: the first entry whose class the error is an instance of
 * answers (DatabaseBusyError before StorageUnavailableError, DomainError last).
 */
export const ERROR_TABLE: readonly ErrorEntry<Error>[] = [
  entry({
    type: ValidationError,
    answer: (err, locale) => ({ status: 422, headers: {}, page: generic(locale, 'check-input', Object.values(fieldsIn(err, locale)).join(' ')), api: { error: err.message, fields: err.fields } }),
    form: (err, locale) => {
      const { _form, ...errors } = fieldsIn(err, locale);
      return { status: 422, problems: { errors, details: err.details, formError: _form ?? translate(locale, 'ui.form.fields-need-attention') }, formMessage: _form };
    },
    // On a button, invalid input means the record is no longer in a state for it (already answered, say).
    notice: (err, locale) => {
      const fields = fieldsIn(err, locale);
      return { kind: 'notice', status: 409, message: fields._form ?? Object.values(fields).join(' ') };
    },
  }),
  entry({
    type: ConflictRefusal,
    answer: (err, locale) => ({ status: 409, headers: {}, page: generic(locale, 'conflict', said(err, locale)), api: { error: err.message, conflicts: err.conflicts.map(conflictJson) } }),
    form: (err, locale) => ({ status: 409, problems: { errors: {}, conflicts: err.conflicts, formError: said(err, locale) }, formMessage: said(err, locale) }),
  }),
  entry<StaleVersionError>({
    type: StaleVersionError,
    answer: (err, locale) => {
      const unconditional = err.expectedVersion === null;
      return {
        status: unconditional ? 428 : 412,
        headers: {},
        page: generic(locale, 'changed-meanwhile', said(err, locale)),
        api: { error: unconditional ? 'Send If-Match with the version (ETag) you are changing.' : err.message, current: err.current },
      };
    },
    form: (err, locale) => ({ status: 412, problems: { errors: {}, stale: err.current, formError: said(err, locale) }, formMessage: said(err, locale) }),
  }),
  entry({
    type: InUseError,
    answer: (err, locale) => ({ status: 409, headers: {}, page: generic(locale, 'in-use', said(err, locale)), api: { error: err.message, references: err.references } }),
    form: (err, locale) => ({ status: 409, problems: { errors: {}, formError: said(err, locale) }, formMessage: said(err, locale) }),
  }),
  entry({
    type: NotFoundError,
    answer: (err, locale) => ({ status: 404, headers: {}, page: { view: 'pages/errors/404', locals: { title: translate(locale, 'ui.errors.title.not-found'), message: said(err, locale) } }, api: { error: err.message } }),
    notice: () => ({ kind: 'not-found' }),
  }),
  entry({
    type: ForbiddenError,
    answer: (err, locale) => ({ status: 403, headers: {}, page: { view: 'pages/errors/403', locals: { title: translate(locale, 'ui.errors.title.forbidden'), message: said(err, locale) } }, api: { error: err.message } }),
    notice: (err, locale) => ({ kind: 'notice', status: 403, message: said(err, locale) }),
  }),
  entry({ type: DatabaseBusyError, answer: storageAnswer }),
  entry({ type: StorageUnavailableError, answer: storageAnswer }),
  entry({
    type: HashQueueFullError,
    answer: (err, locale) => ({
      status: 503,
      headers: { 'Retry-After': String(err.retryAfterSeconds) },
      page: generic(locale, 'cannot-sign-in', translate(locale, 'ui.errors.hash-queue-full')),
      api: { error: err.message },
    }),
  }),
  entry({ type: DomainError, answer: (err, locale) => ({ status: 400, headers: {}, page: generic(locale, 'cannot-do', said(err, locale)), api: { error: err.message } }) }),
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

/** How the error handler answers `err`, for a page (in `locale`) and for the API (in English). */
export function errorAnswerOf(err: unknown, locale: Locale = DEFAULT_LOCALE): ErrorAnswer {
  const found = entryOf(err);
  if (found) return found.answer(err as Error, locale);
  const status = clientStatusOf(err);
  if (status) {
    const key = status === 413 ? 'ui.errors.too-large' : 'ui.errors.not-understood';
    return { status, headers: {}, page: generic(locale, 'bad-request', translate(locale, key)), api: { error: translate(DEFAULT_LOCALE, key) } };
  }
  const reference = crypto.randomBytes(6).toString('hex');
  return {
    status: 500,
    headers: {},
    page: { view: 'pages/errors/500', locals: { title: translate(locale, 'ui.errors.title.server'), reference } },
    api: { error: 'Something went wrong on our side.', reference },
    reference,
  };
}

/** How a form shows `err` again with the input kept (in `locale`), or undefined when a form cannot (the error handler answers). */
export function formAnswerOf(err: unknown, locale: Locale = DEFAULT_LOCALE): FormAnswer | undefined {
  const found = entryOf(err);
  return found?.form?.(err as Error, locale);
}

/** How a page's refused button shows `err` (in `locale`), or undefined when it cannot (the error handler answers). */
export function noticeAnswerOf(err: unknown, locale: Locale = DEFAULT_LOCALE): NoticeAnswer | undefined {
  const found = entryOf(err);
  return found?.notice?.(err as Error, locale);
}
