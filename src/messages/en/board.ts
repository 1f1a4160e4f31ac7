import type { BoardMessages } from '../board';
import type { Catalogue } from '../message';

export const board = {
  'board.too-many-people': ({ count, max }) => `That is ${count} people; the board shows at most ${max} at once. Untick some.`,
  'board.too-many-rooms': ({ count, max }) => `That is ${count} rooms; the board shows at most ${max} at once. Untick some.`,
  'board.person-missing': ({ id }) => `There is no person ${id} in the contact book: choose people from the list.`,
  'board.not-a-day': ({ date, first, last }) => `“${date}” is not a day of this forum, which runs ${first} to ${last}: choose one of its days.`,
  'board.travel-before': ({ venue, minutes }) => `Travel from ${venue}, ${minutes} min`,
  'board.travel-after': ({ venue, minutes }) => `Travel to ${venue}, ${minutes} min`,
  'board.venue-closed': ({ venue }) => `${venue} closed`,
  'board.unavailable': ({ reason }) => (reason ? `Unavailable: ${reason}` : 'Unavailable'),
  'board.cancelled': ({ title }) => `${title} (cancelled)`,
  'board.free': () => 'Free',
  'board.free-column': () => 'Free for all',
  'board.free-column-detail': ({ people, name }) => (people === 1 ? name : `${people} people`),
  'board.room-too-small': ({ seats, people }) => `${seats} seats: too small for ${people}`,
} satisfies Pick<Catalogue, keyof BoardMessages>;
