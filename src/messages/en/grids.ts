/** What a day grid says in English. */
import type { GridMessages } from '../grids';
import { message, type Catalogue } from '../message';

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export const grids = {
  'grid.room-seats': ({ capacity }) => `${capacity} seats`,
  'grid.elsewhere': () => 'Elsewhere',
  'grid.elsewhere-detail': () => 'outside the forum’s venues',
  'grid.other-places': () => 'Other places',
  // The status in the words of its label ('Confirmed'), lower case inside the line.
  'grid.meeting-heading': ({ time, status }, say) => `${time} · ${say(message('label.meeting-status', { status })).toLowerCase()}`,
  'grid.with-counterparts': ({ names }) => `with ${names.join(', ')}`,
  'grid.unavailable-heading': ({ time }) => `${time} · unavailable`,
  'grid.b2b-heading': ({ time }) => `${time} · B2B session`,
  'grid.b2b-count': ({ meetings, tables }) => `${count(meetings, 'meeting')} at ${count(tables, 'table')}`,
  'grid.not-confirmed': ({ count }) => `${count} not confirmed`,
  'grid.cancelled': ({ count }) => `${count} cancelled`,
} satisfies Pick<Catalogue, keyof GridMessages>;
