import { resolveLocalTime } from '../../domain/time';
import type { Instant } from '../../domain/types';
import { message, type Message } from '../../messages';
import type { B2BTimeBlock } from '../../domain/b2b';
import type { TimeRangeInput } from './input';

/**
 * Turns 'HH:mm' ranges on a session's day into stored blocks (wall clock +
 * UTC), or says what is wrong with the first one that cannot be: a time that
 * does not exist that day, an end before the start, a range outside the session.
 */
export function resolveBlocks(o: {
  day: string;
  timeZone: string;
  ranges: TimeRangeInput[];
  /** Which ranges these are: a session's breaks or a company's unavailable times. */
  kind: 'break' | 'unavailable';
  within: { startUtc: Instant; endUtc: Instant; text: string };
}): { blocks: B2BTimeBlock[] } | { error: Message } {
  const blocks: B2BTimeBlock[] = [];
  for (const [i, r] of o.ranges.entries()) {
    const name = message('b2b.range.name', { kind: o.kind, number: o.ranges.length > 1 ? i + 1 : null, start: r.start, end: r.end });
    const start = resolveLocalTime({ local: `${o.day}T${r.start}`, timeZone: o.timeZone });
    const end = resolveLocalTime({ local: `${o.day}T${r.end}`, timeZone: o.timeZone });
    if (!start.ok) return { error: message('time.of-range', { range: name, said: start.message }) };
    if (!end.ok) return { error: message('time.of-range', { range: name, said: end.message }) };
    if (end.instant <= start.instant) return { error: message('time.range-reversed', { range: name }) };
    if (start.instant < o.within.startUtc || end.instant > o.within.endUtc) return { error: message('time.range-outside-session', { range: name, session: o.within.text }) };
    blocks.push({ start: `${o.day}T${r.start}`, end: `${o.day}T${r.end}`, startUtc: start.instant, endUtc: end.instant, label: r.label });
  }
  return { blocks: blocks.sort((a, b) => a.startUtc - b.startUtc) };
}

/** Blocks back into the textarea form they were entered in. */
export function blocksAsText(blocks: readonly B2BTimeBlock[]): string {
  return blocks.map((b) => `${b.start.slice(11)}–${b.end.slice(11)}${b.label ? ` ${b.label}` : ''}`).join('\n');
}
