import type { Request, Response } from 'express';

/**
 * What a secret link that opens nothing answers, wherever that is found
 * (a non-canonical spelling, an unknown, revoked or expired token, a B2B link
 * without its session): one page, so a link holder cannot tell which it was.
 */
export function answerDeadLink(_req: Request, res: Response): void {
  res.status(404).render('pages/errors/404', { title: 'Not found', message: 'This link does not open anything. Ask the delegation’s protocol office for a current one.' });
}
