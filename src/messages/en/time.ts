import { DateTime } from 'luxon';
import type { Catalogue } from '../message';
import type { TimeMessages } from '../time';

/** '26 October 2014': fixed English wording, whatever the server's locale. */
function longDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC', locale: 'en-GB' }).toFormat('d MMMM yyyy');
}

export const time = {
  'time.unknown-zone': ({ zone }) => `'${zone}' is not a time zone we know. Use an IANA name such as Europe/Moscow.`,
  'time.invalid': ({ local }) => `'${local}' is not a valid date and time. Use the form 2019-06-07T10:00.`,
  'time.gap': ({ time, date, zone, from, to }) =>
    `${time} does not exist on ${longDate(date)} in ${zone}: clocks jump from ${from} to ${to}. Choose a time before ${from} or from ${to} on.`,
  'time.ambiguous': ({ time, date, zone, from, to, first, second }) =>
    `${time} on ${longDate(date)} in ${zone} happens twice: clocks go back from ${from} to ${to}. ` +
    `Say which one is meant: ${first} (the first) or ${second} (the second).`,
  'time.of-range': ({ range, said }, say) => `${say(range)}: ${say(said)}`,
  'time.range-reversed': ({ range }, say) => `${say(range)} must end after it starts.`,
  'time.range-outside-session': ({ range, session }, say) => `${say(range)} lies outside the session (${session}); keep it within those times.`,
} satisfies Pick<Catalogue, keyof TimeMessages>;
