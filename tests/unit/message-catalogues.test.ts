/**
 * Every message the domain can say, rendered in every language from sample
 * parameters. The table is typed by the Messages interface, so a new key
 * without a sample fails the type check, and the test compares the table with
 * the catalogue, so a sentence without a sample (or a sample without a
 * sentence) fails here too.
 */
import { message, render, type Message, type MessageKey, type Messages } from '../../src/messages';
import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { INTL_TAG, LOCALES, readCatalogue, type Locale } from '../../src/messages/catalogue';
import { formatDuration } from '../../src/messages/locale-formats';
import { CONFLICT_KINDS } from '../../src/domain/conflicts';
import { describeEntry } from '../../src/domain/calendar/description';
import { aFeedEntry } from '../support/ics';
import { MEETING_KINDS, MEETING_STATUSES, MEMBER_ROLES, PARTICIPANT_ROLES } from '../../src/domain/types';
import { IMPORT_FIELD_SLUGS } from '../../src/messages/imports';

const first = { title: 'Meeting with the Governor of the Leningrad Region', range: '10:00–11:00', start: '10:00' };
const second = { title: 'SOCAR signing', range: '10:30–11:00', start: '10:30' };
const pair = { a: 'AZPROMO', b: 'Lenoblinvest' };
const required = message('field.required', { label: 'title' });
const breakRange = message('b2b.range.name', { kind: 'break', number: 2, start: '12:10', end: '12:30' });


const SAMPLES: { [K in MessageKey]: Messages[K] } = {
  'conflict.person-double-booked': { person: 'Shahin Mustafayev', first, second },
  'conflict.room-double-booked': { room: 'Hall 4', first, second },
  'conflict.over-capacity': { meeting: first, participants: 14, room: 'Hall 4', capacity: 12 },
  'conflict.unavailable': { subject: 'Shahin Mustafayev', blockRange: '09:00–12:00', reason: 'flight to Baku', meeting: first },
  'conflict.travel-time': { person: 'Shahin Mustafayev', from: first, fromVenue: 'ExpoForum', to: second, toVenue: 'Lakhta Center', minutes: 90 },
  'conflict.outside-hours': { meeting: first, room: 'Hall 4', venue: 'ExpoForum', hours: '08:00–22:00' },
  'conflict.kind.title': { kind: 'travel_time' },
  'conflict.kind.short': { kind: 'over_capacity' },
  'b2b.unplaced.participant-busy': { ...pair, neither: false, who: 'AZPROMO', labels: ['Plenary', 'Lunch', 'Press', 'Gala'] },
  'b2b.unplaced.no-common-free-slot': { ...pair, slots: 12, busyA: 7, labelsA: ['Plenary'], busyB: 5, labelsB: [] },
  'b2b.unplaced.no-free-table': { ...pair, at: { time: '10:25' }, otherSlots: 2, tables: 9 },
  'b2b.unplaced.participants-booked': {
    ...pair,
    common: 3,
    meetings: [
      { who: 'AZPROMO', meets: 'SOCAR', at: { time: '10:25' } },
      { who: 'Lenoblinvest', meets: 'Azersun', at: { number: 4 } },
      { who: 'AZPROMO', meets: 'Gazprom', at: { time: '11:15' } },
    ],
  },
  'b2b.request.self': { name: 'AZPROMO' },
  'b2b.pin.refused': { problem: message('b2b.pin.table-taken', { ...pair, table: 3, at: { number: 2 } }) },
  'b2b.pin.no-such-slot': { ...pair, slotIndex: 14, slots: 12 },
  'b2b.pin.no-such-table': { ...pair, table: 11, tables: 9 },
  'b2b.pin.busy': { ...pair, at: { time: '10:25' }, busy: 'AZPROMO', label: 'Plenary' },
  'b2b.pin.booked': { ...pair, at: { time: '10:25' }, booked: 'AZPROMO', other: 'SOCAR' },
  'b2b.pin.table-taken': { ...pair, table: 3, at: { time: '10:25' } },
  'b2b.input.no-tables': {},
  'b2b.input.busy-reversed': { name: 'AZPROMO' },
  'b2b.input.unknown-participant': { request: 5, participant: 17 },
  'b2b.input.pinned-twice': { request: 5 },
  'b2b.input.pin-not-accepted': { request: 5 },
  'b2b.input.duplicate': { what: 'participant id', value: '17' },
  'b2b.grid.needs-times': {},
  'b2b.grid.end-before-start': {},
  'b2b.grid.slot-length': {},
  'b2b.grid.changeover': {},
  'b2b.grid.break-reversed': { number: 2 },
  'b2b.grid.needs-attention': { problems: [message('b2b.grid.slot-length', {}), message('b2b.grid.break-reversed', { number: 1 })] },
  'b2b.session.not-found': { id: 4 },
  'b2b.participant.not-found': { id: null },
  'b2b.request.not-found': { id: 12 },
  'b2b.range.start-missing': { what: 'break' },
  'b2b.range.start-form': { what: 'unavailable time' },
  'b2b.range.end-missing': { what: 'break' },
  'b2b.range.end-form': { what: 'unavailable time' },
  'b2b.range.list': { what: 'break' },
  'b2b.range.line': { line: 'lunch', what: 'break' },
  'b2b.range.name': { kind: 'unavailable', number: null, start: '12:10', end: '12:30' },
  'b2b.id-list': { label: 'representative' },
  'b2b.participant.representative-missing': {},
  'b2b.participant.side-choice': {},
  'b2b.participant.organization-missing': {},
  'b2b.participant.already-in': { organization: 'SOCAR' },
  'b2b.participant.person-missing': {},
  'b2b.participant.person-twice': { person: 'Leyla Mammadova' },
  'b2b.participant.person-elsewhere': { person: 'Leyla Mammadova', company: 'SOCAR' },
  'b2b.participant.side-missing': { a: 'Azerbaijani companies', b: 'Russian companies' },
  'b2b.participant.seats-over': { seats: 3, representatives: 2 },
  'b2b.request.from-missing': {},
  'b2b.request.to-missing': {},
  'b2b.request.to-self': { company: 'SOCAR' },
  'b2b.request.same-side': { to: 'SOCAR', from: 'AZPROMO', side: 'Azerbaijani companies', other: 'Russian companies' },
  'b2b.request.pair-exists': { from: 'AZPROMO', to: 'SOCAR', state: 'pending', sentBy: 'AZPROMO' },
  'b2b.request.action': {},
  'b2b.request.wrong-state': { from: 'AZPROMO', to: 'SOCAR', state: 'declined', done: 'accepted' },
  'b2b.request.not-yours': {},
  'b2b.request.planner-only': {},
  'b2b.request.recipient-only': {},
  'b2b.request.decline-not-cancel': {},
  'b2b.pin.not-accepted': { state: 'pending' },
  'b2b.pin.slot-choice': { slots: 12 },
  'b2b.pin.table-choice': { tables: 9 },
  'b2b.busy.travel': { title: 'Plenary', venue: 'Lakhta Center', minutes: 40 },
  'b2b.busy.hall-closed': { venue: 'ExpoForum' },
  'b2b.busy.hall-booked': { title: 'Plenary' },
  'b2b.busy.hall-too-small': { capacity: 40 },
  'b2b.busy.not-available': {},
  'b2b.busy.unavailable': {},
  'b2b.busy.hall-unavailable': { reason: 'cleaning' },
  'b2b.session.day': { forum: 'SPIEF 2019', first: '2019-06-06', last: '2019-06-08' },
  'b2b.session.one-day': {},
  'b2b.session.hall': {},
  'b2b.session.sides': {},
  'b2b.session.no-slot-fits': { minutes: 20, start: '10:00', end: '10:15' },
  'b2b.run.mode-choice': {},
  'b2b.proposal.not-found': { id: 3 },
  'b2b.proposal.stale': {},
  'b2b.publish.nothing': {},
  'b2b.publish.already': { at: '2019-06-05 18:00' },
  'b2b.publish.proposal-open': {},
  'field.required': { label: 'title' },
  'field.too-long': { label: 'title', max: 300 },
  'field.whole-number': { label: 'seats' },
  'field.at-least': { label: 'seats', min: 1 },
  'field.at-most': { label: 'seats', max: 5000 },
  'field.choose-valid': { label: 'kind' },
  'field.choose': { label: 'room' },
  'field.choose-from-list': { label: 'person' },
  'field.calendar-date': { label: 'first day', firstYear: 2000, lastYear: 2100 },
  'field.time-of-day': { label: 'opening time' },
  'field.decimal': { label: 'latitude', min: -90, max: 90, places: 6 },
  'field.time-zone': { label: 'time zone' },
  'field.date-time': { label: 'start' },
  'field.list-participants': {},
  'field.list-delegations': {},
  'field.list-documents': {},
  'field.on-line': { line: 2, said: required },
  'error.fields-need-attention': {},
  'error.conflict-refused': {},
  'error.changed-meanwhile': {},
  'error.not-found': {},
  'error.forbidden': {},
  'error.in-use': { references: ['3 meetings', '1 delegation'] },
  'error.storage.busy': {},
  'error.storage.full': {},
  'error.storage.read-only': {},
  'error.storage.io': {},
  verbatim: { text: 'A sentence kept as it was written.' },
  'label.meeting-kind': { kind: 'signing' },
  'label.meeting-status': { status: 'tentative' },
  'label.participant-role': { role: 'note_taker' },
  'label.participant-role.after-name': { role: 'interpreter' },
  'label.member-role': { role: 'protocol_officer' },
  'label.scope-kind': { kind: 'b2b_participant' },
  'calendar.counterparts': {},
  'calendar.our-participants': {},
  'calendar.participants': {},
  'calendar.participants-of': { side: 'Leningrad Region' },
  'calendar.briefing': {},
  'calendar.documents': {},
  'calendar.signed': {},
  'calendar.programme-page': { url: 'https://planner.example.org/s/abc' },
  'calendar.cancelled-title': { title: 'SOCAR signing' },
  'time.unknown-zone': { zone: 'Europe/Mosco' },
  'time.invalid': { local: '2019-06-31T10:00' },
  'time.gap': { time: '02:30', date: '2014-03-30', zone: 'Europe/Berlin', from: '02:00', to: '03:00' },
  'time.ambiguous': { time: '01:30', date: '2014-10-26', zone: 'Europe/Moscow', from: '02:00', to: '01:00', first: 'UTC+04:00', second: 'UTC+03:00' },
  'time.of-range': { range: breakRange, said: message('b2b.grid.end-before-start', {}) },
  'time.range-reversed': { range: breakRange },
  'time.range-outside-session': { range: breakRange, session: '10:00–13:00' },
  'meeting.not-found': { id: 42 },
  'meeting.cannot-confirm': { title: 'SOCAR signing', clashes: 3 },
  'forum.not-found-id': { id: 9 },
  'meeting.end-before-start': {},
  'meeting.room-not-in-forum': {},
  'meeting.participant-missing': { number: 3 },
  'meeting.participant-twice': { person: 'Leyla Mammadova' },
  'meeting.delegation-not-in-forum': {},
  'meeting.end-missing': {},
  'meeting.end-or-duration': {},
  'meeting.move-by': { max: 1440 },
  'meeting.no-free-slot': { title: 'SOCAR signing' },
  'availability.not-found': { id: 8 },
  'forum.not-found': {},
  'availability.subject-missing': { subject: 'room' },
  'agenda.not-a-day': { day: '2019-06-10', forum: 'SPIEF 2019', first: '2019-06-06', last: '2019-06-08' },
  'agenda.scope-kind': {},
  'agenda.scope-missing': { scope: 'delegation', id: 9, forum: 'SPIEF 2019' },
  'audit.not-found': { id: 77 },
  'audit.not-restorable': {},
  'audit.id-taken': { id: 5, entity: 'venue', successor: message('verbatim', { text: 'Lakhta Center' }) },
  'audit.refers-to-deleted': { entity: 'room' },
  'delegation.not-found': {},
  'delegation.person-missing': {},
  'delegation.not-a-member': {},
  'travel.minutes': {},
  'account.password-short': {},
  'account.password-long': {},
  'account.username-missing': {},
  'account.username-form': {},
  'account.username-taken': { username: 'leyla' },
  'account.person-missing': { id: 31 },
  'account.last-admin-role': { username: 'admin' },
  'account.last-admin-disable': { username: 'admin' },
  'account.user-not-found': { username: 'rashad' },
  'account.token-not-found': { id: 2 },
  'account.token-revoked': { id: 2 },
  'record.not-found-id': { record: 'venue', id: 5 },
  'record.not-found-address': { record: 'organization' },
  'record.in-use': { record: 'room', references: [message('record.references', { one: 'meeting', many: 'meetings', names: ['SOCAR signing (2019-06-07)', 'Press approach (2019-06-08)'] })] },
  'record.references': { one: 'person', many: 'people', names: ['Aleksandr Drozdenko', 'Dmitry Yalov', 'Rashad Hasanov', 'Leyla Mammadova', 'Shahin Mustafayev'] },
  'record.pointed-at': { record: 'person' },
  'record.exists': { record: 'delegation' },
  'reference.email': {},
  'forum.last-before-first': {},
  'forum.too-long': { days: 31 },
  'reference.forum-missing': {},
  'venue.hours-half': {},
  'venue.coordinates-half': {},
  'venue.closes-before-opening': {},
  'reference.venue-missing': {},
  'reference.organization-missing': {},
  'reference.head-missing': {},
  'reference.venue-not-in-forum': {},
  'person.not-found': { id: 31 },
  'meeting.status-action-not-offered': { status: 'cancelled', action: 'confirm', offered: ['reinstate'] },
  'feed.forum-needed': {},
  'feed.scope-missing': { scope: 'person' },
  'feed.expiry-past': {},
  'feed.link-not-found': { id: 6 },
  'feed.scope-gone': { scope: 'organization', id: 7 },
  'feed.scope-deleted': { scope: 'room', id: 3 },
  'feed.name': { forum: 'SPIEF 2019', scope: 'Shahin Mustafayev' },
  'feed.public-name': { forum: 'SPIEF 2019' },
  'feed.description': { forum: 'SPIEF 2019', scope: 'Shahin Mustafayev', zone: 'Europe/Moscow' },
  'feed.public-description': { forum: 'SPIEF 2019', zone: 'Europe/Moscow' },
  'feed.protocol-officer': { name: 'Leyla Mammadova' },
  'feed.protocol-office': {},
  'date.weekday-long': { date: '2019-06-07' },
  'date.instant-long': { instant: Date.UTC(2019, 5, 6, 18, 15), zone: 'Europe/Moscow', city: 'Moscow' },
  'date.day-and-range': { date: '2019-06-08', range: '10:00–11:00' },
  'grid.room-seats': { capacity: 5 },
  'grid.elsewhere': {},
  'grid.elsewhere-detail': {},
  'grid.other-places': {},
  'grid.meeting-heading': { time: '10:00–11:00', status: 'confirmed' },
  'grid.with-counterparts': { names: ['Aleksandr Drozdenko', 'Dmitry Yalov'] },
  'grid.unavailable-heading': { time: '09:00–12:00' },
  'grid.b2b-heading': { time: '10:00–13:00' },
  'grid.b2b-count': { meetings: 18, tables: 9 },
  'grid.not-confirmed': { count: 2 },
  'grid.cancelled': { count: 1 },
  'finder.to-before-from': {},
  'finder.window-too-long': { days: 20, max: 14 },
  'finder.latest-before-earliest': {},
  'finder.no-required': {},
  'finder.venue-not-in-forum': {},
  'finder.place-or-rooms': {},
  'finder.untitled': {},
  'bulk.selection-size': { max: 200 },
  'bulk.action': {},
  'bulk.mode': {},
  'bulk.not-in-forum': { id: 12 },
  'bulk.changed-since': { title: 'SOCAR signing', by: 'leyla' },
  'undo.range': { max: 50 },
  'undo.nothing': {},
  'undo.not-undoable': { summary: message('audit.summary.travel-times', {}) },
  'undo.not-yours': { username: 'leyla' },
  'undo.changed-since': { title: 'SOCAR signing', by: 'rashad' },
  'place.time': {},
  'place.span': { max: 720 },
  'place.outside-forum': { first: '2019-06-06', last: '2019-06-08' },
  'place.room': {},
  'place.status': {},
  'board.too-many-people': { count: 60, max: 40 },
  'board.too-many-rooms': { count: 60, max: 40 },
  'board.person-missing': { id: 31 },
  'board.not-a-day': { date: '2019-06-10', first: '2019-06-06', last: '2019-06-08' },
  'board.travel-before': { venue: 'Lakhta Center', minutes: 40 },
  'board.travel-after': { venue: 'Lakhta Center', minutes: 40 },
  'board.venue-closed': { venue: 'ExpoForum' },
  'board.unavailable': { reason: 'flight to Baku' },
  'board.cancelled': { title: 'SOCAR signing' },
  'board.free': {},
  'board.free-column': {},
  'board.free-column-detail': { people: 4, name: 'Leyla Mammadova' },
  'board.room-too-small': { seats: 6, people: 8 },
  'outcome.press.intro': { dates: '6–8 June 2019', forum: 'St. Petersburg International Economic Forum', short: 'SPIEF 2019', hasShort: true, city: 'St. Petersburg', delegation: 'the Azerbaijani delegation', hasDelegation: true, head: 'Minister of Economy Shahin Mustafayev', hasHead: true },
  'outcome.press.meeting': { date: '7 June', ours: 'Minister of Economy Shahin Mustafayev', theirs: 'Governor of Leningrad Region Aleksandr Drozdenko', isHead: true, delegation: 'the Azerbaijani delegation' },
  'outcome.press.signed-at-meeting': { count: 2, titles: '“Agreement on cooperation”; “Memorandum on trade houses”' },
  'outcome.press.agreement-signed': { date: '7 June', title: '“Agreement on cooperation between AZPROMO and the Roscongress Foundation”', parties: 'AZPROMO and Roscongress Foundation', hasParties: true },
  'outcome.press.b2b': { date: '8 June', countries: 'Azerbaijani and Russian', hasCountries: true, companies: 24, meetings: 40 },
  'audit.summary.meeting': { title: 'SOCAR signing', status: 'tentative' },
  'agreement.not-found': { id: 12 },
  'agreement.status-not-allowed': { from: 'draft', to: 'signed' },
  'agreement.signed-needs-date': {},
  'agreement.meeting-not-in-forum': {},
  'agreement.party-missing': { number: 2 },
  'agreement.signatory-missing': { number: 1 },
  'agreement.too-many': { max: 20 },
  'agreement.too-long': { field: 'titleRu', max: 500 },
  'agreement.choose-kind': {},
  'agreement.held-needs-confirmed': { title: 'Meeting with the Governor of Leningrad Region' },
  'agreement.not-to-sign-here': { title: 'Agreement on cooperation between AZPROMO and the Roscongress Foundation', status: 'draft' },
  'agreement.not-held': { title: 'B2B meeting of entrepreneurs' },
  'audit.summary.agreement': { title: 'Agreement on cooperation', status: 'signed' },
  'audit.summary.meeting-held': { title: 'Meeting with the Governor of Leningrad Region', held: true, signed: 1 },
  'audit.summary.availability': { subject: 'person', subjectId: 7, start: '2019-06-07T09:00', end: '2019-06-07T12:00', reason: 'flight to Baku' },
  'audit.summary.programme-session': { title: 'Plenary session', source: 'SPIEF programme', change: 'time place' },
  'forum-programme.not-found': { id: 12 },
  'forum-programme.session-cancelled': { title: 'Plenary session' },
  'forum-programme.choose-people': {},
  'forum-programme.too-many-people': { max: 30 },
  'forum-programme.not-ours': {},
  'forum-programme.status': {},
  'forum-programme.lane': {},
  'forum-programme.lane-detail': {},
  'forum-programme.entry-heading': { time: '10:00–11:30' },
  'forum-programme.cancelled-title': { title: 'Plenary session' },
  'forum-programme.untitled': {},
  'audit.summary.feed-token': { scope: 'delegation', scopeId: 1, label: 'Leningrad Region office', revoked: true },
  'audit.summary.travel-times': {},
  'audit.summary.members': { name: 'Delegation of Azerbaijan' },
  'audit.summary.agenda-printed': { scope: 'person', scopeId: 7 },
  'audit.summary.api-token': { owner: 'scripted', label: 'nightly export' },
  'audit.summary.b2b-proposal': { session: 'Azerbaijan–Russia B2B', proposal: 3, mode: 'place-new', moveLimit: 5, placed: 18, requests: 20, added: 2, moved: 1, dropped: 0 },
  'audit.summary.b2b-applied': { session: 'Azerbaijan–Russia B2B', proposal: 3, draft: true, placed: 18, requests: 20, bound: 19, added: 2, moved: 1, dropped: 0, created: 0, rescheduled: 0, cancelled: 0 },
  'audit.summary.b2b-discarded': { session: 'Azerbaijan–Russia B2B', proposal: 3 },
  'audit.summary.b2b-published': { session: 'Azerbaijan–Russia B2B', meetings: 18, created: 18, moved: 0, cancelled: 0 },
  'audit.summary.b2b-pinned': { slot: 3, table: 2 },
  'audit.summary.b2b-unpinned': {},
  'audit.summary.b2b-request': { from: 'AZPROMO', to: 'SOCAR' },
  'audit.summary.b2b-request-done': { from: 'AZPROMO', to: 'SOCAR', done: 'accepted' },
  'audit.summary.b2b-joins': { company: 'SOCAR', session: 'Azerbaijan–Russia B2B' },
  'audit.summary.b2b-participant': { company: 'SOCAR', session: 'Azerbaijan–Russia B2B' },
  'name.russian-needs-cyrillic': { what: 'patronymic' },
  'name.azerbaijani-in-latin': { what: 'position' },
  'import.empty': {},
  'import.header-only': {},
  'import.too-large': { megabytes: 5 },
  'import.too-large-unzipped': { megabytes: 100 },
  'import.too-many-rows': { rows: 20001, max: 20000 },
  'import.too-many-columns': { columns: 61, max: 60 },
  'import.cell-too-long': { ref: 'D14', line: 14, max: 2000 },
  'import.formula': { sheet: 'Делегация', ref: 'C7', line: 7 },
  'import.old-xls': {},
  'import.binary': {},
  'import.unsupported-type': { fileName: 'delegation.pdf' },
  'import.broken-xlsx': {},
  'import.no-sheet': {},
  'import.broken-csv': { line: 12 },
  'import.note.windows-1251': {},
  'import.note.utf-16': {},
  'import.note.separator': { separator: 'semicolon' },
  'import.note.sheet': { sheet: 'People', sheets: 3 },
  'import.note.two-header-rows': {},
  'import.note.title-rows': { count: 1 },
  ...(Object.fromEntries(IMPORT_FIELD_SLUGS.map((slug) => [`import.field.${slug}`, {}])) as { [S in (typeof IMPORT_FIELD_SLUGS)[number] as `import.field.${S}`]: Record<string, never> }),
};

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }> };
/** The options of the select over `arg`, wherever it sits in the sentence. */
function optionsOf(elements: Element[], arg: string): string[] {
  return elements.flatMap((el) => [
    ...(el.type === 5 && el.value === arg ? Object.keys(el.options ?? {}) : []),
    ...Object.values(el.options ?? {}).flatMap((o) => optionsOf(o.value, arg)),
  ]);
}
const selectOptions = (locale: Locale, key: string, arg: string): string[] =>
  optionsOf(new IntlMessageFormat(readCatalogue(locale).get(key)!.source, INTL_TAG[locale], undefined, { ignoreTag: true }).getAst() as unknown as Element[], arg);

/** Sentences that are only names, numbers and punctuation: the same in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set<MessageKey>(['verbatim', 'feed.name', 'calendar.participants-of']);

const domainKeys = [...readCatalogue('en')].filter(([key, { file }]) => file.startsWith('domain-') && !key.includes('.part.')).map(([key]) => key);
const english = new Map(Object.entries(SAMPLES).map(([key, params]) => [key, render(message(key as MessageKey, params as never), 'en')]));
const cases = LOCALES.flatMap((locale) => Object.entries(SAMPLES).map(([key, params]) => ({ locale, key: key as MessageKey, said: message(key as MessageKey, params as never) as Message })));

describe('every domain message in every language', () => {
  it('has a sample here for each sentence of the catalogue, and a sentence for each sample', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...domainKeys].sort());
  });

  it.each(cases)('$locale: $key', ({ locale, key, said }) => {
    const text = render(said, locale);
    expect(text.trim()).not.toBe('');
    expect(text).not.toMatch(/undefined|NaN|\[object/);
    // A leftover brace is an argument the sentence did not fill (three sentences show a JSON shape on purpose).
    if (!/'\{'/.test(readCatalogue(locale).get(key)!.source)) expect(text).not.toMatch(/[{}]/);
    if (locale !== 'en' && !SAME_IN_EVERY_LANGUAGE.has(key)) expect(text).not.toBe(english.get(key));
    if (locale === 'ru' && !SAME_IN_EVERY_LANGUAGE.has(key)) expect(text).toMatch(/[А-Яа-яЁё]/);
  });
});

describe('sentences in Russian and Azerbaijani', () => {
  const ru = (said: Message) => render(said, 'ru');
  const az = (said: Message) => render(said, 'az');

  it.each([
    {
      name: 'a person booked twice, in Russian',
      locale: 'ru' as Locale,
      said: message('conflict.person-double-booked', { person: 'Shahin Mustafayev', first, second }),
      text: 'Shahin Mustafayev: одновременно назначены встречи «Meeting with the Governor of the Leningrad Region» (10:00–11:00) и «SOCAR signing» (10:30–11:00).',
    },
    {
      name: 'a person booked twice, in Azerbaijani',
      locale: 'az' as Locale,
      said: message('conflict.person-double-booked', { person: 'Şahin Mustafayev', first, second }),
      text: 'Şahin Mustafayev: eyni vaxtda «Meeting with the Governor of the Leningrad Region» (10:00–11:00) və «SOCAR signing» (10:30–11:00) görüşlərinə təyin edilib.',
    },
    {
      name: 'travel time, with the duration in Russian units',
      locale: 'ru' as Locale,
      said: message('conflict.travel-time', { person: 'Дрозденко А. Ю.', from: first, fromVenue: 'ExpoForum', to: second, toVenue: 'Lakhta Center', minutes: 90 }),
      text: 'Дрозденко А. Ю.: после встречи «Meeting with the Governor of the Leningrad Region» (10:00–11:00, ExpoForum) нужно 1 ч 30 мин, чтобы добраться до площадки Lakhta Center к встрече «SOCAR signing» в 10:30.',
    },
    {
      name: 'travel time, with the duration in Azerbaijani units',
      locale: 'az' as Locale,
      said: message('conflict.travel-time', { person: 'Şahin Mustafayev', from: first, fromVenue: 'ExpoForum', to: second, toVenue: 'Lakhta Center', minutes: 40 }),
      text: 'Şahin Mustafayev: «Meeting with the Governor of the Leningrad Region» (10:00–11:00, ExpoForum) görüşündən sonra «SOCAR signing» görüşünə (10:30) Lakhta Center məkanına çatmaq üçün 40 dəq lazımdır.',
    },
    {
      name: 'unavailable without a reason names none, in Russian',
      locale: 'ru' as Locale,
      said: message('conflict.unavailable', { subject: 'Зал 4', blockRange: '09:00–12:00', reason: '  ', meeting: second }),
      text: 'Зал 4: недоступность 09:00–12:00 во время встречи «SOCAR signing» (10:30–11:00).',
    },
    { name: 'a conflict kind heading, in Azerbaijani', locale: 'az' as Locale, said: message('conflict.kind.title', { kind: 'room_double_booked' }), text: 'Zal eyni vaxtda iki dəfə bron edilib' },
    { name: 'a field message quoted in a line message, in the same language', locale: 'ru' as Locale, said: message('field.on-line', { line: 2, said: required }), text: 'Строка 2: Заполните поле «название».' },
    { name: 'a field’s name in Azerbaijani', locale: 'az' as Locale, said: message('field.time-zone', { label: 'home time zone' }), text: '«əsas saat qurşağı» sahəsinə IANA saat qurşağını yazın, məsələn, Europe/Moscow və ya Asia/Baku.' },
    { name: 'a field’s name the catalogue does not know, as the service wrote it', locale: 'ru' as Locale, said: message('field.required', { label: 'frequent flyer number' }), text: 'Заполните поле «frequent flyer number».' },
    { name: 'a day on the sheet, in Russian', locale: 'ru' as Locale, said: message('date.weekday-long', { date: '2019-06-07' }), text: 'пятница, 7 июня 2019' },
    { name: 'a day on the sheet, in Azerbaijani', locale: 'az' as Locale, said: message('date.weekday-long', { date: '2019-06-07' }), text: '7 iyun 2019, cümə' },
    { name: 'the printed-at footer, in Russian', locale: 'ru' as Locale, said: message('date.instant-long', { instant: Date.UTC(2019, 5, 6, 18, 15), zone: 'Europe/Moscow', city: 'Moscow' }), text: 'четверг, 6 июня 2019, 21:15 (Москва)' },
    { name: 'the printed-at footer in Baku, in Azerbaijani', locale: 'az' as Locale, said: message('date.instant-long', { instant: Date.UTC(2019, 5, 6, 18, 15), zone: 'Asia/Baku', city: 'Baku' }), text: '6 iyun 2019, cümə axşamı, 22:15 (Bakı)' },
    { name: 'a city the catalogue does not know, as the zone names it', locale: 'ru' as Locale, said: message('date.instant-long', { instant: Date.UTC(2019, 5, 6, 18, 15), zone: 'America/Argentina/Buenos_Aires', city: 'Buenos Aires' }), text: 'четверг, 6 июня 2019, 15:15 (Buenos Aires)' },
    { name: 'a grid cell’s status in lower case, in Azerbaijani (İ without a dot above)', locale: 'az' as Locale, said: message('grid.meeting-heading', { time: '10:00–11:00', status: 'tentative' }), text: '10:00–11:00 · ilkin' },
    { name: 'a B2B reason with labels quoted the Russian way', locale: 'ru' as Locale, said: message('b2b.pin.busy', { ...pair, at: { number: 3 }, busy: 'AZPROMO', label: 'Пленарное заседание' }), text: 'Встреча AZPROMO – Lenoblinvest закреплена в слоте № 3, но в это время участник AZPROMO занят («Пленарное заседание»).' },
    { name: 'a calendar label, in Russian', locale: 'ru' as Locale, said: message('calendar.counterparts', {}), text: 'Партнёры по встрече:' },
    { name: 'a cancelled event’s title, in Azerbaijani', locale: 'az' as Locale, said: message('calendar.cancelled-title', { title: 'SOCAR signing' }), text: 'Ləğv edilib: SOCAR signing' },
    {
      name: 'what still points at a record, counted in Russian',
      locale: 'ru' as Locale,
      said: message('record.in-use', { record: 'venue', references: [message('record.references', { one: 'meeting', many: 'meetings', names: ['A', 'B', 'C', 'D', 'E'] }), message('record.references', { one: 'room', many: 'rooms', names: ['F1'] })] }),
      text: 'Эту запись (площадка) нельзя удалить, пока она используется: 5 встреч («A», «B», «C» и ещё 2); 1 зал («F1»). Сначала удалите или измените эти записи.',
    },
    {
      name: 'what still points at a record, in English as before',
      locale: 'en' as Locale,
      said: message('record.references', { one: 'person', many: 'people', names: ['Aleksandr Drozdenko', 'Dmitry Volkov', 'Rashad Hasanov', 'A', 'B', 'C', 'D', 'E', 'F', 'G'] }),
      text: '10 people (“Aleksandr Drozdenko”, “Dmitry Volkov”, “Rashad Hasanov” and 7 more)',
    },
    { name: 'a kind of reference the catalogue does not know, in the store’s words', locale: 'az' as Locale, said: message('record.references', { one: 'badge', many: 'badges', names: ['X', 'Y'] }), text: '2 badges («X», «Y»)' },
    { name: 'a record not found, with the record’s gender, in Russian', locale: 'ru' as Locale, said: message('record.not-found-id', { record: 'venue', id: 5 }), text: 'Площадка с id 5 не найдена.' },
  ])('$name', ({ locale, said, text }) => {
    expect(render(said, locale)).toBe(text);
  });

  it.each([
    { meetings: 1, tables: 1, text: '1 встреча за 1 столом' },
    { meetings: 3, tables: 2, text: '3 встречи за 2 столами' },
    { meetings: 5, tables: 5, text: '5 встреч за 5 столами' },
    { meetings: 11, tables: 11, text: '11 встреч за 11 столами' },
    { meetings: 21, tables: 21, text: '21 встреча за 21 столом' },
    { meetings: 22, tables: 9, text: '22 встречи за 9 столами' },
  ])('counts $meetings meetings at $tables tables with Russian plural forms', ({ meetings, tables, text }) => {
    expect(ru(message('grid.b2b-count', { meetings, tables }))).toBe(text);
  });

  it.each([
    { seats: 1, text: '1 место' },
    { seats: 4, text: '4 места' },
    { seats: 12, text: '12 мест' },
    { seats: 101, text: '101 место' },
  ])('counts $seats seats in Russian', ({ seats, text }) => {
    expect(ru(message('grid.room-seats', { capacity: seats }))).toBe(text);
  });

  it('keeps a noun after a number singular in Azerbaijani', () => {
    expect(az(message('grid.b2b-count', { meetings: 18, tables: 9 }))).toBe('9 masada 18 görüş');
    expect(az(message('grid.room-seats', { capacity: 12 }))).toBe('12 yer');
  });
});

describe('durations in each language', () => {
  it.each([
    { minutes: 40, en: '40 min', ru: '40 мин', az: '40 dəq' },
    { minutes: 90, en: '1 h 30 min', ru: '1 ч 30 мин', az: '1 saat 30 dəq' },
    { minutes: 120, en: '2 h', ru: '2 ч', az: '2 saat' },
    { minutes: 0, en: '0 min', ru: '0 мин', az: '0 dəq' },
    { minutes: -75, en: '-1 h 15 min', ru: '-1 ч 15 мин', az: '-1 saat 15 dəq' },
  ])('$minutes minutes', ({ minutes, ...texts }) => {
    for (const locale of LOCALES) expect(formatDuration(minutes, locale)).toBe(texts[locale]);
  });
});

describe('the enums every page, feed and agenda shows', () => {
  const ENUMS: Array<{ key: MessageKey; arg: string; values: readonly string[] }> = [
    { key: 'label.meeting-kind', arg: 'kind', values: MEETING_KINDS },
    { key: 'label.meeting-status', arg: 'status', values: MEETING_STATUSES },
    { key: 'label.participant-role', arg: 'role', values: PARTICIPANT_ROLES },
    { key: 'label.participant-role.after-name', arg: 'role', values: PARTICIPANT_ROLES },
    { key: 'label.member-role', arg: 'role', values: MEMBER_ROLES },
    { key: 'conflict.kind.title', arg: 'kind', values: CONFLICT_KINDS },
    { key: 'conflict.kind.short', arg: 'kind', values: CONFLICT_KINDS },
  ];
  it.each(LOCALES.flatMap((locale) => ENUMS.map((e) => ({ locale, ...e }))))('$locale: $key words every value of $arg', ({ locale, key, arg, values }) => {
    // The select's `other` branch prints the raw value: a value without its own word would show as 'note_taker'.
    expect(values.filter((v) => !selectOptions(locale, key, arg).includes(v))).toEqual([]);
  });
});

describe('the names the services give their fields', () => {
  const root = path.resolve(__dirname, '../../src/services');
  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  // field.text('venue name'), field.int('seats', …) and said('field.required', { label: 'participants' }) in services/**.
  const labels = [
    ...new Set(
      files(root).flatMap((file) => {
        const text = fs.readFileSync(file, 'utf8');
        return [...text.matchAll(/\bfield\.\w+\(\s*'([^']+)'/g), ...text.matchAll(/said\('field\.[\w-]+', \{ label: '([^']+)'/g)].map((m) => m[1]!);
      }),
    ),
  ].sort();

  it('are found (the scan still matches how services name fields)', () => {
    expect(labels.length).toBeGreaterThan(40);
  });

  it.each(labels.flatMap((label) => (['ru', 'az'] as const).map((locale) => ({ label, locale }))))('$locale has a word for “$label”', ({ label, locale }) => {
    const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
    expect(selectOptions(locale, 'field.part.label', 'slug')).toContain(slug);
  });
});

describe('a calendar event’s description in the feed’s language', () => {
  const entry = aFeedEntry({ status: 'tentative', documents: [{ title: 'Memorandum on the grain terminal', parties: 'Azerbaijan, Leningrad Region', signed: true }] });
  it.each([
    {
      locale: 'ru' as Locale,
      text: [
        'Двусторонняя встреча (ПРЕДВАРИТЕЛЬНАЯ)',
        '',
        'Партнёры по встрече:',
        '- Alexander Drozdenko, Governor, Leningrad Region',
        '',
        'Наши участники:',
        '- Mikayil Jabbarov (первое лицо)',
        '',
        'Справка:',
        'Raise the grain terminal project.',
        '',
        'Документы к подписанию:',
        '- Memorandum on the grain terminal, Azerbaijan, Leningrad Region (подписан)',
        '',
        'Страница программы: https://planner.example/meetings/42',
      ],
    },
    {
      locale: 'az' as Locale,
      text: [
        'İkitərəfli görüş (İLKİN)',
        '',
        'Qarşı tərəf:',
        '- Alexander Drozdenko, Governor, Leningrad Region',
        '',
        'Bizim iştirakçılar:',
        '- Mikayil Jabbarov (əsas şəxs)',
        '',
        'Arayış:',
        'Raise the grain terminal project.',
        '',
        'İmzalanacaq sənədlər:',
        '- Memorandum on the grain terminal, Azerbaijan, Leningrad Region (imzalanıb)',
        '',
        'Proqram səhifəsi: https://planner.example/meetings/42',
      ],
    },
  ])('$locale: every heading and label in the language, the data as written', ({ locale, text }) => {
    expect(describeEntry(entry, 'private', locale).split('\n')).toEqual(text);
  });
});

describe('the kinds of record a refused delete names', () => {
  const store = path.resolve(__dirname, '../../src/store');
  const texts = fs.readdirSync(store, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(store, f), 'utf8'));
  // referencesBy(db, sql, id, 'delegation as its head', …) and the live links' { one: '…' }.
  const kinds = [...new Set(texts.flatMap((t) => [...t.matchAll(/referencesBy\([^;]*?, id, '([^']+)'/g), ...t.matchAll(/\bone: '([^']+)'/g)].map((m) => m[1]!)))].sort();
  const slug = (words: string) => words.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

  it('are found (the scan still matches how the store names them)', () => {
    expect(kinds.length).toBeGreaterThanOrEqual(9);
  });

  it.each(kinds.flatMap((kind) => (['ru', 'az'] as const).map((locale) => ({ kind, locale }))))('$locale has words for “$kind”', ({ kind, locale }) => {
    expect(selectOptions(locale, 'record.references', 'kind')).toContain(slug(kind));
  });
});
