import { en } from './en';
import type { Catalogue, Message } from './message';

/** The languages the application can be read in; the languages issue adds to this list. */
const LOCALES = ['en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * The language the edge passes (web routes, the CLI) until a reader has one of
 * their own: the one place the languages issue replaces with the reader's locale.
 */
export const DEFAULT_LOCALE: Locale = 'en';

const CATALOGUES: Record<Locale, Catalogue> = { en };

/** The sentence for `message` in `locale`. */
export function render(message: Message, locale: Locale = DEFAULT_LOCALE): string {
  // A message's params always match its key (see message()); TypeScript cannot correlate the two through the union.
  const sentence = CATALOGUES[locale][message.key] as (params: Message['params'], say: (inner: Message) => string) => string;
  return sentence(message.params, (inner) => render(inner, locale));
}
