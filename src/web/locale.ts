import type { Request } from 'express';
import { DEFAULT_LOCALE, type Locale } from '../messages/render';

/**
 * The language a request is answered in: its feeds, printed agendas and day
 * grids. The one place that decides it; today always the default language, and
 * the languages issue makes it the reader's (a user's choice, a secret link's
 * language, Accept-Language).
 */
export function readerLocale(_req: Request): Locale {
  return DEFAULT_LOCALE;
}
