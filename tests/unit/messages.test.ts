import { message, render } from '../../src/messages';
import { messageFromStore, storedMessage } from '../../src/messages/stored';
import { ValidationError } from '../../src/domain/errors';
import { kindLabel } from '../../src/domain/agenda/format';
import { meetingKindLabel } from '../../src/domain/calendar/description';
import { MEETING_KINDS } from '../../src/domain/types';
import { eventFingerprint } from '../../src/domain/calendar/fingerprint';
import { DEFAULT_LOCALE } from '../../src/messages/render';
import { aFeedEntry } from '../support/ics';

describe('messages', () => {
  it('renders a key with its parameters in English by default', () => {
    expect(render(message('field.too-long', { label: 'title', max: 300 }))).toBe('The title is longer than 300 characters.');
  });

  it('renders a message quoted inside another in the same language', () => {
    const line = message('field.on-line', { line: 2, said: message('field.required', { label: 'start' }) });
    expect(render(line)).toBe('Line 2: Enter the start.');
  });

  it.each([
    { name: 'a message kept by key', text: storedMessage(message('b2b.request.self', { name: 'AZPROMO' })), says: "AZPROMO cannot meet itself; correct the request's counterpart." },
    { name: 'a sentence kept before the seam', text: 'AZPROMO and SOCAR have no free slot in common.', says: 'AZPROMO and SOCAR have no free slot in common.' },
    { name: 'an old sentence that begins with a brace', text: '{draft} is not a company.', says: '{draft} is not a company.' },
  ])('reads back $name', ({ text, says }) => {
    expect(render(messageFromStore(text))).toBe(says);
  });

  // Every key in every language, and more named cases, are in message-catalogues.test.ts.
  it.each([
    { locale: 'ru' as const, text: 'Поле «название» длиннее 300 символов.' },
    { locale: 'az' as const, text: '«ad» sahəsi 300 simvoldan uzundur.' },
  ])('renders the same message in $locale, the field named in that language', ({ locale, text }) => {
    expect(render(message('field.too-long', { label: 'title', max: 300 }), locale)).toBe(text);
  });

  it('renders a message quoted inside another in the reader’s language too', () => {
    const line = message('field.on-line', { line: 2, said: message('field.required', { label: 'start' }) });
    expect(render(line, 'ru')).toBe('Строка 2: Заполните поле «начало».');
  });

  it('gives an error both its message and its English text', () => {
    const err = new ValidationError({ title: message('field.required', { label: 'title' }), place: 'A sentence not moved yet.' });
    expect(err.fieldMessages.title).toEqual({ key: 'field.required', params: { label: 'title' } });
    expect(err.fields).toEqual({ title: 'Enter the title.', place: 'A sentence not moved yet.' });
    expect(err.said.key).toBe('error.fields-need-attention');
    expect(err.message).toBe('Some fields need attention.');
  });
});

describe('labels shared by feeds and printed agendas', () => {
  it.each(MEETING_KINDS.map((kind) => ({ name: kind, kind })))('word the kind $name alike', ({ kind }) => {
    expect(kindLabel(kind, 'en')).toBe(meetingKindLabel(kind, 'en'));
  });

  it('call a briefing meeting an internal briefing, apart from the briefing notes', () => {
    expect(kindLabel('briefing', 'en')).toBe('Internal briefing');
  });
});

describe('what feeds, agendas and day grids say, worded as before they moved to the catalogue', () => {
  it.each([
    { name: 'a feed’s description', said: message('feed.description', { forum: 'SPIEF 2019', scope: 'Shahin Mustafayev', zone: 'Europe/Moscow' }), text: 'SPIEF 2019: the programme of Shahin Mustafayev. Times in Europe/Moscow.' },
    { name: 'the public feed’s name', said: message('feed.public-name', { forum: 'SPIEF 2019' }), text: 'SPIEF 2019 · public programme' },
    { name: 'the public feed’s description', said: message('feed.public-description', { forum: 'SPIEF 2019', zone: 'Europe/Moscow' }), text: 'SPIEF 2019: public programme. Times in Europe/Moscow.' },
    { name: 'a refused scope, two words', said: message('feed.scope-missing', { scope: 'b2b_participant' }), text: 'Choose an existing b2b participant of this forum.' },
    { name: 'a link whose record is gone', said: message('feed.scope-gone', { scope: 'person', id: 7 }), text: 'The person this link opened (id 7) no longer exists.' },
    { name: 'a deleted scope on the links page', said: message('feed.scope-deleted', { scope: 'room', id: 3 }), text: 'Deleted room (id 3)' },
    { name: 'an agenda of a missing scope, in the same words as a link', said: message('agenda.scope-missing', { scope: 'b2b_participant', id: 9, forum: 'SPIEF 2019' }), text: 'There is no b2b participant 9 in SPIEF 2019.' },
    { name: 'the organizer of a single event', said: message('feed.protocol-officer', { name: 'Leyla Mammadova' }), text: 'Leyla Mammadova (protocol)' },
    { name: 'a day on the sheet', said: message('date.weekday-long', { date: '2019-06-07' }), text: 'Friday, 7 June 2019' },
    { name: 'the printed-at footer', said: message('date.instant-long', { instant: Date.UTC(2019, 5, 6, 18, 15), zone: 'Europe/Moscow', city: 'Moscow' }), text: 'Thursday, 6 June 2019, 21:15 Moscow' },
    { name: 'a meeting moved to another day', said: message('date.day-and-range', { date: '2019-06-08', range: '10:00–11:00' }), text: 'Saturday, 8 June 2019 10:00–11:00' },
    { name: 'a grid cell’s status, in its label’s words', said: message('grid.meeting-heading', { time: '10:00–11:00', status: 'tentative' }), text: '10:00–11:00 · tentative' },
    { name: 'a B2B session with one table', said: message('grid.b2b-count', { meetings: 1, tables: 1 }), text: '1 meeting at 1 table' },
    { name: 'a B2B session with many', said: message('grid.b2b-count', { meetings: 18, tables: 9 }), text: '18 meetings at 9 tables' },
    { name: 'a member role', said: message('label.member-role', { role: 'protocol_officer' }), text: 'Protocol officer' },
    { name: 'the only break', said: message('time.range-reversed', { range: message('b2b.range.name', { kind: 'break', number: null, start: '12:10', end: '12:00' }) }), text: 'Break 12:10–12:00 must end after it starts.' },
    { name: 'one unavailable time of several', said: message('time.range-reversed', { range: message('b2b.range.name', { kind: 'unavailable', number: 2, start: '12:10', end: '12:00' }) }), text: 'Unavailable time 2 (12:10–12:00) must end after it starts.' },
  ])('$name', ({ said, text }) => {
    expect(render(said, DEFAULT_LOCALE)).toBe(text);
  });

  it('keeps the feed fingerprints stored before languages existed, so no event is re-dated by the upgrade', () => {
    const { lastModified: _revision, ...entry } = aFeedEntry();
    // The value the fingerprint had before it took a language (commit 3ad9369).
    expect(eventFingerprint(entry, 'private', DEFAULT_LOCALE)).toBe('vo3483leTiaTfKv4jZUSDt');
  });
});
