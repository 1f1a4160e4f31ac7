import path from 'node:path';
import express from 'express';
import request from 'supertest';
import * as domainErrors from '../../src/domain/errors';
import { message, render } from '../../src/messages';
import { ConflictRefusal, DatabaseBusyError, DomainError, ForbiddenError, InUseError, NotFoundError, StaleVersionError, StorageUnavailableError, ValidationError } from '../../src/domain/errors';
import { HashQueueFullError } from '../../src/services/accounts';
import { ERROR_TABLE, errorAnswerOf, formAnswerOf, noticeAnswerOf } from '../../src/web/error-responses';
import { errorHandler } from '../../src/web/middleware/errors';
import { viewHelpers } from '../../src/web/view-helpers';

/** A bare app whose one page and one API route throw the error under test into the real error handler and views. */
function throwingApp(err: unknown) {
  const app = express();
  app.set('views', path.resolve(__dirname, '../../views'));
  app.set('view engine', 'ejs');
  Object.assign(app.locals, viewHelpers);
  app.get('/page', () => {
    throw err;
  });
  app.get('/api/v1/thing', () => {
    throw err;
  });
  app.use(errorHandler);
  return app;
}

class UnknownKindError extends Error {}

const conflictSaid = message('conflict.kind.title', { kind: 'person_double_booked' });
const conflict = { kind: 'person-double-booked', severity: 'error', meetingIds: [1, 2], message: conflictSaid } as never;
/** The API shows a conflict with its sentence rendered. */
const conflictAnswer = { kind: 'person-double-booked', severity: 'error', meetingIds: [1, 2], message: render(conflictSaid) };

interface Case {
  name: string;
  err: unknown;
  status: number;
  page: string;
  api: Record<string, unknown>;
  retryAfter?: string;
  form?: number;
  notice?: 'not-found' | number;
}

const cases: Case[] = [
  { name: 'validation', err: new ValidationError({ title: 'Give the meeting a title.' }), status: 422, page: 'Give the meeting a title.', api: { error: 'Some fields need attention.', fields: { title: 'Give the meeting a title.' } }, form: 422, notice: 409 },
  { name: 'conflict refusal', err: new ConflictRefusal([conflict]), status: 409, page: 'This change would create a conflict', api: { conflicts: [conflictAnswer] }, form: 409 },
  { name: 'stale version', err: new StaleVersionError({ id: 7 }, 3), status: 412, page: 'Someone else changed this record', api: { current: { id: 7 } }, form: 412 },
  { name: 'stale without If-Match', err: new StaleVersionError({ id: 7 }, null), status: 428, page: 'Changed meanwhile', api: { error: 'Send If-Match with the version (ETag) you are changing.' }, form: 412 },
  { name: 'in use', err: new InUseError(['meeting 4']), status: 409, page: 'It is still used by meeting 4', api: { references: ['meeting 4'] }, form: 409 },
  { name: 'not found', err: new NotFoundError('No such room.'), status: 404, page: 'No such room.', api: { error: 'No such room.' }, notice: 'not-found' },
  { name: 'forbidden', err: new ForbiddenError(), status: 403, page: 'You are not allowed to do this.', api: { error: 'You are not allowed to do this.' }, notice: 403 },
  { name: 'storage full', err: new StorageUnavailableError('full', 30), status: 503, page: 'run out of disk space', api: { reason: 'full' }, retryAfter: '30' },
  { name: 'database busy', err: new DatabaseBusyError(), status: 503, page: 'The database is busy', api: { reason: 'busy' }, retryAfter: '5' },
  { name: 'hash queue full', err: new HashQueueFullError(2), status: 503, page: 'Too many sign-ins', api: { error: 'Too many sign-ins are being checked at this moment.' }, retryAfter: '2' },
  { name: 'other domain error', err: new DomainError('That cannot be done now.'), status: 400, page: 'That cannot be done now.', api: { error: 'That cannot be done now.' } },
  { name: 'body too large', err: Object.assign(new Error('request entity too large'), { status: 413 }), status: 413, page: 'What you sent is too large.', api: { error: 'What you sent is too large.' } },
  { name: 'unknown error class', err: new UnknownKindError('secret detail'), status: 500, page: 'give the administrator this reference', api: { error: 'Something went wrong on our side.' } },
  { name: 'a thrown non-error', err: 'a string', status: 500, page: 'give the administrator this reference', api: { error: 'Something went wrong on our side.' } },
];

describe('one table from typed errors to page and API answers', () => {
  it.each(cases)('$name: page and API answer with $status', async ({ err, status, page, api, retryAfter }) => {
    const app = throwingApp(err);
    const html = await request(app).get('/page');
    expect(html.status).toBe(status);
    expect(html.type).toBe('text/html');
    expect(html.text).toContain(page);
    expect(html.text).not.toContain('secret detail');
    const json = await request(app).get('/api/v1/thing');
    expect(json.status).toBe(status);
    expect(json.body).toMatchObject(api);
    expect(JSON.stringify(json.body)).not.toContain('secret detail');
    if (retryAfter) expect([html.headers['retry-after'], json.headers['retry-after']]).toEqual([retryAfter, retryAfter]);
    else expect(json.headers['retry-after']).toBeUndefined();
    if (status === 500) {
      expect(json.body.reference).toMatch(/^[0-9a-f]{12}$/);
      expect(html.text).toMatch(/<strong class="mono">[0-9a-f]{12}<\/strong>/);
    }
  });

  it.each(cases)('$name: a form shows it again only when it can', ({ err, form }) => {
    expect(formAnswerOf(err)?.status).toBe(form);
  });

  it.each(cases)('$name: a page button shows it as a notice only when it can', ({ err, notice }) => {
    const answer = noticeAnswerOf(err);
    expect(answer === undefined ? undefined : answer.kind === 'not-found' ? 'not-found' : answer.status).toBe(notice);
  });

  it('a validation error on a form keeps the field messages apart from the form-wide one', () => {
    const answer = formAnswerOf(new ValidationError({ _form: 'Pick another day.', start: 'Too early.' }, undefined, { offsets: [1, 2] }));
    expect(answer?.problems).toEqual({ errors: { start: 'Too early.' }, details: { offsets: [1, 2] }, formError: 'Pick another day.' });
  });

  it('two unknown errors get two references', () => {
    expect(errorAnswerOf(new UnknownKindError()).reference).not.toBe(errorAnswerOf(new UnknownKindError()).reference);
  });

  // Adding an error class to domain/errors.ts without saying how it is answered would make it a 500.
  it.each(Object.entries(domainErrors).filter(([, v]) => typeof v === 'function' && v.prototype instanceof Error))('%s has its own entry in the table', (_name, cls) => {
    expect(ERROR_TABLE.some((e) => e.type === cls)).toBe(true);
    expect(cases.some((c) => (c.err as object)?.constructor === cls)).toBe(true);
  });
});
