/**
 * Text as people paste it, made into text we can store, print and publish.
 *
 * Word pastes vertical tab (U+000B) and form feed (U+000C) where it meant a
 * line break, Windows sends CR LF, and a stray NUL makes libical drop a whole
 * feed. So at input: VT, FF and CR (alone or before LF) become LF, and every
 * other C0 control but tab and line feed, and DEL, is removed. Tab and line
 * feed are kept because a briefing's layout uses them.
 */
const LINE_BREAKS = /\r\n?|[\v\f]/g;
const OTHER_CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

export function normaliseText(text: string): string {
  return text.replace(LINE_BREAKS, '\n').replace(OTHER_CONTROLS, '');
}

/** Whether text holds anything normaliseText would change; what a feed must never carry. */
export function hasControlCharacters(text: string): boolean {
  return /[\u0000-\u0008\u000B-\u001F\u007F]/.test(text);
}
