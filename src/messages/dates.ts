/**
 * The keys of how a language writes dates on printed agendas: each language
 * formats them with luxon in its own locale (locale-formats.ts, through params.ts), so the sheet never
 * follows the server's locale or zone.
 */
import type { Instant, LocalDate } from '../domain/types';

export interface DateMessages {
  /** 'Friday, 7 June 2019'. */
  'date.weekday-long': { date: LocalDate };
  /** 'Thursday, 6 June 2019, 21:15 Moscow': an instant on `zone`'s clock, with the zone's city. */
  'date.instant-long': { instant: Instant; zone: string; city: string };
  /** 'Saturday, 8 June 2019 10:00–11:00': where a meeting moved to. */
  'date.day-and-range': { date: LocalDate; range: string };
}
