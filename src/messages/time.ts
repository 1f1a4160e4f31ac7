import type { Message } from './message';

/** The keys of what a wall-clock reading that names no single instant is told; the sentences are in catalogues/<locale>/domain-time.json. */
export interface TimeMessages {
  'time.unknown-zone': { zone: string };
  'time.invalid': { local: string };
  /** `date` is YYYY-MM-DD; `time`, `from` and `to` are HH:MM on the zone's clock. */
  'time.gap': { time: string; date: string; zone: string; from: string; to: string };
  /** `first` and `second` are the two offsets as UTC+04:00, in the order they occur. */
  'time.ambiguous': { time: string; date: string; zone: string; from: string; to: string; first: string; second: string };
  /** A message about one named range of times ('Break 2 (12:10–12:30)'). */
  'time.of-range': { range: Message; said: Message };
  'time.range-reversed': { range: Message };
  /** `session` is the session's own times, '10:00–13:00'. */
  'time.range-outside-session': { range: Message; session: string };
}
