import type { NextFunction, Request, Response } from 'express';
import { isApiPath } from './policy';
import { errorAnswerOf } from '../error-responses';
import { readerLocale } from '../locale';
import { translate } from '../../messages/catalogue';

/**
 * Sends what error-responses.ts says for an error that reached the end of the
 * chain, as a page or as JSON. Forms catch the errors they can show beside the
 * input first (see form.ts); everything else is answered here.
 */
export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  // A page in the reader's language; an API body in English (errorAnswerOf's api).
  const answer = errorAnswerOf(err, readerLocale(req));
  if (answer.reference) {
    (req as Request & { log?: { error: (o: unknown, m: string) => void } }).log?.error({ err, reference: answer.reference }, 'request failed');
  }
  if (res.headersSent) return;
  res.status(answer.status);
  res.set(answer.headers);
  const api = isApiPath(req.path) || (req.get('accept') ?? '').startsWith('application/json');
  if (api) res.json(answer.api);
  else res.render(answer.page.view, answer.page.locals);
}

export function notFound(req: Request, res: Response): void {
  if (isApiPath(req.path)) {
    res.status(404).json({ error: `There is no API route ${req.method} ${req.path}.` });
    return;
  }
  const locale = readerLocale(req);
  res.status(404).render('pages/errors/404', { title: translate(locale, 'ui.errors.title.not-found') });
}
