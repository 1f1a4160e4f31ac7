import { en } from './en';
import type { Catalogue, Message } from './message';

import { DEFAULT_LOCALE, type Locale } from './catalogue';

export { DEFAULT_LOCALE, type Locale } from './catalogue';

// TODO(i18n): ru and az sentences for the domain's messages.
const CATALOGUES: Record<Locale, Catalogue> = { en, ru: en, az: en };

/** The sentence for `message` in `locale`. */
export function render(message: Message, locale: Locale = DEFAULT_LOCALE): string {
  // A message's params always match its key (see message()); TypeScript cannot correlate the two through the union.
  const sentence = CATALOGUES[locale][message.key] as (params: Message['params'], say: (inner: Message) => string) => string;
  return sentence(message.params, (inner) => render(inner, locale));
}
