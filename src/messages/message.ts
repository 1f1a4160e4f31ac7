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
