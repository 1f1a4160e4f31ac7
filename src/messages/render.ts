import { DEFAULT_LOCALE, translate, type Locale } from './catalogue';
import type { Message } from './message';
import { paramsOf } from './params';

export { DEFAULT_LOCALE, type Locale } from './catalogue';

/** The sentence for `message` in `locale`, from the ICU catalogues (catalogues/<locale>/domain-*.json). */
export function render(message: Message, locale: Locale = DEFAULT_LOCALE): string {
  return translate(locale, message.key, paramsOf(message, { locale, say: (inner) => render(inner, locale) }));
}
