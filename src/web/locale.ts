import type { NextFunction, Request, Response } from 'express';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '../messages/catalogue';
import { helpersFor } from './view-helpers';

/**
 * The language a request is answered in: its pages, feeds, printed agendas and
 * day grids. Decided here and nowhere else, first match wins:
 *  1. `?lang=ru` on the address (a planner previewing a delegate's agenda in Russian);
 *  2. the secret link's own language (set by the link's routes through useLocale);
 *  3. the signed-in user's choice;
 *  4. the browser's Accept-Language, among the languages we have;
 *  5. English.
 */
export function readerLocale(req: Request): Locale {
  const chosen = req.res?.locals.locale;
  return isLocale(chosen) ? chosen : negotiate(req);
}

function negotiate(req: Request, fallback?: Locale | null): Locale {
  const asked = askedLocale(req);
  if (asked) return asked;
  if (fallback) return fallback;
  const accepted = req.acceptsLanguages(...LOCALES);
  return isLocale(accepted) ? accepted : DEFAULT_LOCALE;
}

/**
 * The language the address asks for (?lang=), or null: what a secret link's
 * feed is built in instead of the link's own, read the same way by the
 * conditional poll (not-modified-feeds) and the feed route, so both find the
 * same cached feed and ETag.
 */
export function askedLocale(req: Request): Locale | null {
  const asked = req.query?.lang;
  return isLocale(asked) ? asked : null;
}

/** Answers the rest of this request in `locale`: res.locals.locale and the view helpers bound to it (t, dates, names). */
export function useLocale(res: Response, locale: Locale): void {
  Object.assign(res.locals, helpersFor(locale));
}

/**
 * Sets the reader's language before anything renders (error pages included),
 * and again once the user is known (`afterSignIn`): a user's choice beats
 * their browser's, `?lang=` beats both.
 */
export function chooseLocale(req: Request, res: Response, next: NextFunction): void {
  useLocale(res, negotiate(req, res.locals.user?.locale ?? null));
  next();
}

/** For a secret link: its language, unless the address asks for another. */
export function useLinkLocale(req: Request, res: Response, linkLocale: Locale): void {
  useLocale(res, negotiate(req, linkLocale));
}
