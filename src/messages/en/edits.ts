/** What bulk edits and undo say in English. */
import type { EditMessages } from '../edits';
import type { Catalogue } from '../message';

export const edits = {
  'bulk.selection-size': ({ max }) => `Choose between 1 and ${max} meetings; to change more, filter the list and do it in parts.`,
  'bulk.action': () => 'Choose confirm, make tentative, cancel or move.',
  'bulk.mode': () => 'Choose “all or nothing” or “each meeting on its own”.',
  'bulk.not-in-forum': ({ id }) => `There is no meeting ${id} in this forum.`,
  'bulk.changed-since': ({ title, by }) => `“${title}” was changed by ${by} since you opened the list; open the list again to see it as it is now.`,
  'undo.range': ({ max }) => `An undo names at most ${max} changes, as a save, a move or a bulk edit made them.`,
  'undo.nothing': () => 'There is no such change to undo.',
  'undo.not-undoable': ({ summary }) => `“${summary}” cannot be undone here: only changes to existing meetings (a save, a move, a status change, a bulk edit) can.`,
  'undo.not-yours': ({ username }) => `This change was made by ${username}; only they can undo it. Change the meeting yourself if it needs to be different.`,
  'undo.changed-since': ({ title, by }) => `“${title}” was changed again since (by ${by}), so undoing would lose that change; nothing was undone. Change it by hand instead.`,
  'place.time': () => 'Give the time as a date and time of the forum’s clock, like 2019-06-07T10:15.',
  'place.span': ({ max }) => `The end must come after the start, at most ${max} minutes later.`,
  'place.outside-forum': ({ first, last }) => `Choose a time on one of the forum’s days, ${first} to ${last}.`,
  'place.room': () => 'Choose a room of this forum’s venues.',
  'place.status': () => 'A drop can keep the meeting’s status or make it tentative, nothing else.',
} satisfies Pick<Catalogue, keyof EditMessages>;
