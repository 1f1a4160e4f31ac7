/** What a person filling in a form or writing an API body is told to change, and what the typed errors say. */
import type { ErrorMessages, FieldMessages } from '../fields';
import type { Catalogue } from '../message';

export const fields = {
  'field.required': ({ label }) => `Enter the ${label}.`,
  'field.too-long': ({ label, max }) => `The ${label} is longer than ${max} characters.`,
  'field.whole-number': ({ label }) => `Enter the ${label} as a whole number.`,
  'field.at-least': ({ label, min }) => `The ${label} must be at least ${min}.`,
  'field.at-most': ({ label, max }) => `The ${label} must be at most ${max}.`,
  'field.choose-valid': ({ label }) => `Choose a valid ${label}.`,
  'field.choose': ({ label }) => `Choose a ${label}.`,
  'field.choose-from-list': ({ label }) => `Choose a ${label} from the list.`,
  'field.calendar-date': ({ label, firstYear, lastYear }) => `Enter the ${label} as a real date YYYY-MM-DD between ${firstYear} and ${lastYear}, e.g. 2019-06-07.`,
  'field.time-of-day': ({ label }) => `Enter the ${label} as HH:MM (24-hour), or leave it empty.`,
  'field.decimal': ({ label, min, max, places }) => `Enter the ${label} as a number from ${min} to ${max} with at most ${places} decimals (a dot before them), or leave it empty.`,
  'field.time-zone': ({ label }) => `Enter the ${label} as an IANA zone such as Europe/Moscow or Asia/Baku.`,
  'field.date-time': ({ label }) => `Enter the ${label} as date and time, e.g. 2019-06-07T10:00.`,
  'field.list-participants': () => 'List participants as {personId, role} objects.',
  'field.list-delegations': () => 'List delegations by id.',
  'field.list-documents': () => 'List documents as {title, parties, signedOn} objects.',
  'field.on-line': ({ line, said }, say) => `Line ${line}: ${say(said)}`,
} satisfies Pick<Catalogue, keyof FieldMessages>;

export const errors = {
  'error.fields-need-attention': () => 'Some fields need attention.',
  'error.conflict-refused': () => 'This change would create a conflict that must be resolved first.',
  'error.changed-meanwhile': () => 'Someone else changed this record while you were editing it.',
  'error.not-found': () => 'The page or record you asked for does not exist.',
  'error.forbidden': () => 'You are not allowed to do this.',
  'error.in-use': ({ references }) => `It is still used by ${references.join('; ')}. Remove or change those first.`,
  'error.storage.busy': () => 'The database is busy with another task (a backup or maintenance, for example), so nothing was saved. Try again in a few seconds.',
  'error.storage.full': () => 'The server has run out of disk space, so nothing was saved. Everything can still be read; ask the operator to free disk space, then try again.',
  'error.storage.read-only': () => "The database can be read but not written right now, so nothing was saved. Ask the operator to check the database file's permissions, then try again.",
  'error.storage.io': () => 'The server could not write to its disk, so nothing was saved. Ask the operator to check the disk, then try again.',
  verbatim: ({ text }) => text,
} satisfies Pick<Catalogue, keyof ErrorMessages>;
