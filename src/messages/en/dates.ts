import { DateTime } from 'luxon';
import { message, type Catalogue } from '../message';
import type { DateMessages } from '../dates';

/** British English: day before month, 24-hour clock. */
const LOCALE = 'en-GB';

export const dates = {
  'date.weekday-long': ({ date }) => DateTime.fromISO(date, { zone: 'UTC', locale: LOCALE }).toFormat('cccc, d LLLL yyyy'),
  'date.instant-long': ({ instant, zone, city }) => `${DateTime.fromMillis(instant, { zone, locale: LOCALE }).toFormat('cccc, d LLLL yyyy, HH:mm')} ${city}`,
  'date.day-and-range': ({ date, range }, say) => `${say(message('date.weekday-long', { date }))} ${range}`,
} satisfies Pick<Catalogue, keyof DateMessages>;
