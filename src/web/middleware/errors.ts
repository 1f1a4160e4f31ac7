import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { isApiPath } from './policy';
import { conflictJson } from '../presenters';
import { ConflictRefusal, DomainError, ForbiddenError, InUseError, NotFoundError, StaleVersionError, StorageUnavailableError, ValidationError } from '../../domain/errors';

/**
 * The one place typed errors become HTTP answers, for pages and the API alike.
 * Forms catch their own validation/conflict/stale errors to re-render with the
 * input kept (see form.ts); what reaches here is rendered as a page or JSON.
 */
export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const api = isApiPath(req.path) || (req.get('accept') ?? '').startsWith('application/json');
  const send = (status: number, body: Record<string, unknown>, view: string, locals: Record<string, unknown> = {}) => {
    if (res.headersSent) return;
    res.status(status);
    if (api) res.json(body);
    else res.render(view, { title: locals.title ?? 'Error', ...locals });
  };

  if (err instanceof ValidationError) return send(422, { error: err.message, fields: err.fields }, 'pages/errors/generic', { title: 'Check your input', message: Object.values(err.fields).join(' ') });
  if (err instanceof ConflictRefusal) return send(409, { error: err.message, conflicts: err.conflicts.map(conflictJson) }, 'pages/errors/generic', { title: 'Conflict', message: err.message });
  if (err instanceof StaleVersionError) {
    return send(err.expectedVersion === null ? 428 : 412, { error: err.expectedVersion === null ? 'Send If-Match with the version (ETag) you are changing.' : err.message, current: err.current }, 'pages/errors/generic', { title: 'Changed meanwhile', message: err.message });
  }
  if (err instanceof InUseError) return send(409, { error: err.message, references: err.references }, 'pages/errors/generic', { title: 'Still in use', message: err.message });
  if (err instanceof NotFoundError) return send(404, { error: err.message }, 'pages/errors/404', { title: 'Not found', message: err.message });
  if (err instanceof ForbiddenError) return send(403, { error: err.message }, 'pages/errors/403', { title: 'Not allowed', message: err.message });
  if (err instanceof StorageUnavailableError) {
    // Busy, full or read-only: the user's request was fine and nothing of it was kept; say when to come back.
    if (!res.headersSent) res.set('Retry-After', String(err.retryAfterSeconds));
    return send(503, { error: err.message, reason: err.reason }, 'pages/errors/generic', { title: 'Cannot save right now', message: err.message });
  }
  if (err instanceof DomainError) return send(400, { error: err.message }, 'pages/errors/generic', { title: 'Cannot do that', message: err.message });

  const status = (err as { status?: number; statusCode?: number })?.status ?? (err as { statusCode?: number })?.statusCode;
  if (status && status >= 400 && status < 500) {
    const message = status === 413 ? 'What you sent is too large.' : 'The request could not be understood.';
    return send(status, { error: message }, 'pages/errors/generic', { title: 'Bad request', message });
  }

  const reference = crypto.randomBytes(6).toString('hex');
  (req as Request & { log?: { error: (o: unknown, m: string) => void } }).log?.error({ err, reference }, 'request failed');
  send(500, { error: 'Something went wrong on our side.', reference }, 'pages/errors/500', { title: 'Something went wrong', reference });
}

export function notFound(req: Request, res: Response): void {
  if (isApiPath(req.path)) {
    res.status(404).json({ error: `There is no API route ${req.method} ${req.path}.` });
    return;
  }
  res.status(404).render('pages/errors/404', { title: 'Not found' });
}
