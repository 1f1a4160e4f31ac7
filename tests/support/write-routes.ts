/**
 * Every route that writes, as the router spells it, with the fields its form
 * or body reads. The fuzz suite sends each of them random input; a test fails
 * when the router has a write route this table does not list, so a new route
 * is fuzzed from the day it is added.
 */

/** What a field holds, so the fuzzer can send near-valid values as well as junk. */
export type FieldKind = 'text' | 'date' | 'dateTime' | 'time' | 'int' | 'id' | 'ids' | 'choice' | 'checkbox' | 'objects';

export interface WriteRoute {
  method: 'POST' | 'PATCH' | 'DELETE';
  path: string;
  /** form: a page's form (session + CSRF); api: JSON under /api/v1 (session + CSRF header); secret: a secret link's form (the URL is the credential). */
  kind: 'form' | 'api' | 'secret';
  fields: Record<string, FieldKind>;
  /** Routes that end the session are fuzzed with a session of their own. */
  ownSession?: boolean;
}

const MEETING_FORM: Record<string, FieldKind> = {
  title: 'text', kind: 'choice', status: 'choice', saveAs: 'choice', start: 'dateTime', end: 'dateTime', timeZone: 'text', startOffset: 'int', endOffset: 'int',
  roomId: 'id', place: 'text', isPublic: 'checkbox', delegationIds: 'ids', participantId: 'ids', participantRole: 'choice', briefing: 'text', outcome: 'text', outcomePublic: 'checkbox',
  docId: 'ids', docTitle: 'text', docParties: 'text', docSignedOn: 'date', version: 'int', durationMinutes: 'int', loadedStart: 'dateTime', loadedEnd: 'dateTime',
  formStep: 'choice', personSearch: 'text', addPerson: 'id',
};
const MEETING_API: Record<string, FieldKind> = {
  title: 'text', kind: 'choice', status: 'choice', start: 'dateTime', end: 'dateTime', timeZone: 'text', startOffset: 'int', endOffset: 'int', roomId: 'id', place: 'text',
  isPublic: 'checkbox', participants: 'objects', delegationIds: 'ids', briefing: 'text', outcome: 'text', outcomePublic: 'checkbox', documents: 'objects', durationMinutes: 'int',
};
const SESSION: Record<string, FieldKind> = {
  title: 'text', roomId: 'id', start: 'dateTime', end: 'dateTime', slotMinutes: 'int', changeoverMinutes: 'int', breaks: 'text', tableCount: 'int', sideALabel: 'text', sideBLabel: 'text', description: 'text', version: 'int',
};
const PARTICIPANT: Record<string, FieldKind> = { organizationId: 'id', representativeIds: 'ids', side: 'choice', sector: 'text', offers: 'text', seeks: 'text', notes: 'text', unavailable: 'text', version: 'int' };
const REQUEST: Record<string, FieldKind> = { fromId: 'id', toId: 'id', priority: 'int', message: 'text' };
const AVAILABILITY: Record<string, FieldKind> = { target: 'text', subject: 'choice', subjectId: 'id', start: 'dateTime', end: 'dateTime', reason: 'text' };
const FORUM: Record<string, FieldKind> = { name: 'text', shortName: 'text', startDate: 'date', endDate: 'date', timeZone: 'text', city: 'text', version: 'int' };
const VENUE: Record<string, FieldKind> = { name: 'text', address: 'text', opensAt: 'time', closesAt: 'time', forumId: 'id', version: 'int' };
const ROOM: Record<string, FieldKind> = { venueId: 'id', name: 'text', capacity: 'int', kind: 'choice', version: 'int' };
const DELEGATION: Record<string, FieldKind> = { name: 'text', country: 'text', homeTimeZone: 'text', headPersonId: 'id', forumId: 'id', version: 'int' };
const PERSON: Record<string, FieldKind> = { fullName: 'text', nameRu: 'text', nameAz: 'text', patronymicRu: 'text', position: 'text', positionRu: 'text', positionAz: 'text', organizationId: 'id', email: 'text', phone: 'text', languages: 'text', notes: 'text', version: 'int' };
const ORGANIZATION: Record<string, FieldKind> = { name: 'text', nameRu: 'text', nameAz: 'text', country: 'text', kind: 'choice', version: 'int' };
const AGREEMENT: Record<string, FieldKind> = {
  kind: 'choice', title: 'text', titleRu: 'text', titleAz: 'text', parties: 'text', partyIds: 'ids', signatoryIds: 'ids', meetingId: 'id', status: 'choice', signedOn: 'date', signedPlace: 'text', note: 'text', version: 'int',
};
const NONE: Record<string, FieldKind> = {};
const RUN: Record<string, FieldKind> = { mode: 'choice', moveLimit: 'int' };

const form = (path: string, fields: Record<string, FieldKind>): WriteRoute => ({ method: 'POST', path, kind: 'form', fields });
const api = (method: WriteRoute['method'], path: string, fields: Record<string, FieldKind>): WriteRoute => ({ method, path, kind: 'api', fields });

export const WRITE_ROUTES: WriteRoute[] = [
  // Logout first: its runs sign in again, which the /login runs' failures would soon throttle from this address.
  { method: 'POST', path: '/logout', kind: 'form', fields: NONE, ownSession: true },
  { method: 'POST', path: '/login', kind: 'form', fields: { username: 'text', password: 'text', next: 'text' }, ownSession: true },
  form('/account/language', { locale: 'choice', back: 'text' }),
  { method: 'POST', path: '/s/:token/b2b/requests', kind: 'secret', fields: REQUEST },
  { method: 'POST', path: '/s/:token/b2b/requests/:requestId', kind: 'secret', fields: { action: 'choice', back: 'text' } },

  form('/forums/:forumId/b2b', SESSION),
  form('/forums/:forumId/b2b/:sessionId/edit', SESSION),
  form('/forums/:forumId/b2b/:sessionId/schedule', RUN),
  form('/forums/:forumId/b2b/:sessionId/proposals/:proposalId/apply', NONE),
  form('/forums/:forumId/b2b/:sessionId/proposals/:proposalId/discard', NONE),
  form('/forums/:forumId/b2b/:sessionId/publish', NONE),
  form('/forums/:forumId/b2b/:sessionId/participants', PARTICIPANT),
  form('/forums/:forumId/b2b/:sessionId/participants/:participantId/edit', PARTICIPANT),
  form('/forums/:forumId/b2b/:sessionId/participants/:participantId/links', { label: 'text' }),
  form('/forums/:forumId/b2b/:sessionId/requests', REQUEST),
  form('/forums/:forumId/b2b/:sessionId/requests/:requestId/state', { action: 'choice', back: 'text' }),
  form('/forums/:forumId/b2b/:sessionId/requests/:requestId/pin', { slotIndex: 'int', table: 'int' }),
  form('/forums/:forumId/b2b/:sessionId/requests/:requestId/unpin', NONE),

  api('POST', '/api/v1/forums/:id/meetings', MEETING_API),
  api('PATCH', '/api/v1/meetings/:id', MEETING_API),
  api('POST', '/api/v1/meetings/:id/cancel', NONE),
  api('POST', '/api/v1/forums/:id/availability', AVAILABILITY),
  // Writes nothing (a search sent as a body); listed so that random bodies are fuzzed against it too.
  api('POST', '/api/v1/forums/:id/time-finder', {
    participants: 'objects', durationMinutes: 'int', roomIds: 'ids', venueIds: 'ids', minSeats: 'int', place: 'text', outside: 'checkbox',
    from: 'date', to: 'date', earliest: 'time', latest: 'time', bufferMinutes: 'int', limit: 'int', title: 'text',
  }),
  api('DELETE', '/api/v1/availability/:id', NONE),
  api('POST', '/api/v1/feed-tokens', { forumId: 'id', scope: 'choice', scopeId: 'id', label: 'text', expiresOn: 'date', locale: 'choice', reminderMinutes: 'choice' }),
  api('PATCH', '/api/v1/feed-tokens/:id', { locale: 'choice', reminderMinutes: 'choice' }),
  api('DELETE', '/api/v1/feed-tokens/:id', NONE),
  api('POST', '/api/v1/forums/:id/b2b-sessions', { ...SESSION, breaks: 'objects' }),
  api('POST', '/api/v1/b2b-sessions/:id/participants', { ...PARTICIPANT, unavailable: 'objects' }),
  api('POST', '/api/v1/b2b-sessions/:id/requests', REQUEST),
  api('POST', '/api/v1/b2b-requests/:id/accept', NONE),
  api('POST', '/api/v1/b2b-requests/:id/decline', NONE),
  api('POST', '/api/v1/b2b-requests/:id/cancel', NONE),
  api('POST', '/api/v1/b2b-requests/:id/reopen', NONE),
  api('POST', '/api/v1/b2b-requests/:id/pin', { slotIndex: 'int', table: 'int' }),
  api('POST', '/api/v1/b2b-sessions/:id/schedule', { ...RUN, timeBudgetMs: 'int' }),
  api('POST', '/api/v1/b2b-proposals/:id/apply', NONE),
  api('POST', '/api/v1/b2b-proposals/:id/discard', NONE),
  api('POST', '/api/v1/b2b-sessions/:id/publish', NONE),

  form('/admin/users', { username: 'text', role: 'choice', personId: 'id', password: 'text' }),
  form('/admin/users/:id', { action: 'choice', role: 'choice', password: 'text' }),
  form('/admin/audit/:id/restore', NONE),
  // Its real body is a multipart file (tests/integration/forum-transfer.test.ts); fuzzed as a form it must come back 422 with nothing written.
  form('/admin/forum-import', { file: 'text' }),

  form('/forums/:forumId/delegations/:id/members', { personId: 'id', role: 'choice' }),
  form('/forums/:forumId/delegations/:id/members/:personId/remove', NONE),
  form('/forums/:forumId/travel', { t_1_2: 'int', t_1_3: 'int', t_2_3: 'int' }),
  form('/forums/:forumId/meetings', MEETING_FORM),
  form('/forums/:forumId/meetings/:id/edit', MEETING_FORM),
  form('/forums/:forumId/meetings/:id/status', { action: 'choice', version: 'int' }),
  form('/forums/:forumId/meetings/:id/cancel', { version: 'int' }),
  form('/forums/:forumId/meetings/:id/move', { start: 'dateTime', shift: 'choice', version: 'int' }),
  form('/forums/:forumId/meetings/bulk', { meeting: 'choice', action: 'choice', mode: 'choice', minutes: 'int', confirmed: 'choice', back: 'text' }),
  form('/forums/:forumId/meetings/undo', { from: 'int', to: 'int', back: 'text' }),
  // The agreements register (issue 17) and "Mark held" on a meeting.
  form('/forums/:forumId/agreements', AGREEMENT),
  form('/forums/:forumId/agreements/:id/edit', AGREEMENT),
  form('/forums/:forumId/agreements/:id/status', { status: 'choice', version: 'int' }),
  form('/forums/:forumId/meetings/:id/held', { sign: 'ids', version: 'int' }),
  form('/forums/:forumId/meetings/:id/not-held', { version: 'int' }),
  // The day grid's drag and drop (public/js/grid-drag.js sends JSON with the CSRF header; a form body reads the same).
  form('/forums/:forumId/meetings/:id/check-move', { start: 'dateTime', end: 'dateTime', roomId: 'id', version: 'int' }),
  form('/forums/:forumId/meetings/:id/drop', { start: 'dateTime', end: 'dateTime', roomId: 'id', version: 'int', status: 'choice', back: 'text' }),
  form('/forums/:forumId/links', { scope: 'choice', scopeId: 'id', scopeId_person: 'id', scopeId_delegation: 'id', label: 'text', expiresOn: 'date', locale: 'choice', reminderMinutes: 'choice' }),
  form('/forums/:forumId/links/:id/settings', { locale: 'choice', reminderMinutes: 'choice' }),
  form('/forums/:forumId/links/:id/revoke', NONE),
  form('/forums/:forumId/links/:id/rotate', NONE),
  form('/forums/:forumId/agenda/:scope/:scopeId/printed', { day: 'date' }),
  form('/forums/:forumId/availability', AVAILABILITY),
  form('/forums/:forumId/availability/:id/delete', NONE),
  form('/forums/:forumId/availability/import', { person: 'id', source: 'text', calendar: 'text', keepTitles: 'checkbox' }),
  // The forum's official programme (issue 16): a calendar file or an allowed URL; "Attend" on a session.
  form('/forums/:forumId/forum-programme/import', { source: 'text', url: 'text', file: 'text' }),
  form('/forums/:forumId/forum-programme/:sessionId/attend', { person: 'ids', status: 'choice' }),

  form('/forums', FORUM),
  form('/forums/:id/edit', FORUM),
  form('/forums/:id/delete', NONE),
  form('/forums/:forumId/venues', VENUE),
  form('/forums/:forumId/venues/:id/edit', VENUE),
  form('/forums/:forumId/venues/:id/delete', NONE),
  form('/forums/:forumId/rooms', ROOM),
  form('/forums/:forumId/rooms/:id/edit', ROOM),
  form('/forums/:forumId/rooms/:id/delete', NONE),
  form('/forums/:forumId/delegations', DELEGATION),
  form('/forums/:forumId/delegations/:id/edit', DELEGATION),
  form('/forums/:forumId/delegations/:id/delete', NONE),
  // The import's steps: the upload is multipart (a form post of text fields is refused with 422); a batch id that is not the user's is a 404.
  form('/imports/upload', { kind: 'choice', forumId: 'id', file: 'text' }),
  form('/imports/:id/map', { column0: 'choice', column1: 'choice', column2: 'choice' }),
  form('/imports/:id/confirm', NONE),
  form('/people', PERSON),
  form('/people/:id/edit', PERSON),
  form('/people/:id/delete', NONE),
  form('/organizations', ORGANIZATION),
  form('/organizations/:id/edit', ORGANIZATION),
  form('/organizations/:id/delete', NONE),
];

/** Values a choice field's form offers, so that some fuzzed posts get past the first check. */
export const CHOICES: Record<string, string[]> = {
  kind: ['bilateral', 'panel', 'internal', 'company', 'meeting_room', 'government', 'meetings', 'unavailability'],
  status: ['tentative', 'confirmed', 'cancelled', 'proposed'],
  saveAs: ['tentative'],
  formStep: ['add-row', 'search'],
  shift: ['15', '-15', 'next-free', '0', '100000'],
  participantRole: ['principal', 'required', 'optional', 'counterpart'],
  role: ['planner', 'viewer', 'admin', 'head', 'member'],
  side: ['a', 'b', 'A', 'B'],
  subject: ['person', 'room'],
  scope: ['person', 'delegation', 'room', 'organization', 'b2b_participant'],
  action: ['accept', 'decline', 'cancel', 'reopen', 'confirm', 'cancel', 'role', 'disable', 'enable', 'password', 'tentative', 'move'],
  // A bulk edit's selection: id:version, as the list's checkboxes send it.
  meeting: ['1:1', '2:1', '3:2', '1', '1:x'],
  mode: ['all', 'each', 'place-new', 'replan'],
  confirmed: ['yes'],
};
