/**
 * A message kept in the database (a B2B run's reasons) is kept as its key and
 * parameters, so it can be read in any language later. Rows written before the
 * seam hold an English sentence; they read back as that sentence.
 */
import { message, type Message } from './message';

export function storedMessage(said: Message): string {
  return JSON.stringify(said);
}

export function messageFromStore(text: string): Message {
  if (text.startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as Partial<Message>;
      if (typeof parsed.key === 'string' && typeof parsed.params === 'object' && parsed.params !== null) return parsed as Message;
    } catch {
      // Not JSON after all: an old row's sentence that begins with a brace.
    }
  }
  return message('verbatim', { text });
}
