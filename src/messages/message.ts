/**
 * A message is what the domain and the services say, as data: a key and its
 * parameters. The sentence is chosen where the message is shown (a page, an API
 * answer, a feed, a printed agenda), in the reader's language, by render().
 */
import type { MessageKey, Messages } from './keys';

export type Message<K extends MessageKey = MessageKey> = { [P in K]: { readonly key: P; readonly params: Messages[P] } }[K];

export function message<K extends MessageKey>(key: K, params: Messages[K]): Message<K> {
  return { key, params } as Message<K>;
}

/**
 * One language's sentences: a function of the parameters for every key. A
 * sentence that quotes another message (a line number before a field's
 * message) renders it with `say`, in the same language.
 */
export type Catalogue = { readonly [K in MessageKey]: (params: Messages[K], say: (inner: Message) => string) => string };
