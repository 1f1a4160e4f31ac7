import type { FinderMessages } from '../finder';
import type { Catalogue } from '../message';

export const finder = {
  'finder.to-before-from': () => 'The last day must be on or after the first.',
  'finder.window-too-long': ({ days, max }) => `That is ${days} days; look at most ${max} days at a time.`,
  'finder.latest-before-earliest': () => 'The latest time must be after the earliest.',
  'finder.no-required': () => 'Mark at least one participant as required.',
  'finder.venue-not-in-forum': () => 'Choose a venue of this forum.',
  'finder.place-or-rooms': () => 'Give either a place outside the venues or rooms, not both.',
  'finder.untitled': () => 'the new meeting',
} satisfies Pick<Catalogue, keyof FinderMessages>;
