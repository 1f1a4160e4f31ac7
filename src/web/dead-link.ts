import type { Request, Response } from 'express';
import { translate } from '../messages/catalogue';
import { readerLocale } from './locale';

/**
 * What a secret link that opens nothing answers, wherever that is found
 * (a non-canonical spelling, an unknown, revoked or expired token, a B2B link
 * without its session): one page, so a link holder cannot tell which it was.
 */
export function answerDeadLink(req: Request, res: Response): void {
  const locale = readerLocale(req);
  res.status(404).render('pages/errors/404', { title: translate(locale, 'ui.errors.title.not-found'), message: translate(locale, 'ui.errors.dead-link') });
}
