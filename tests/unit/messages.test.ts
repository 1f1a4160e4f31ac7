import { message, render } from '../../src/messages';
import { messageFromStore, storedMessage } from '../../src/messages/stored';
import { ValidationError } from '../../src/domain/errors';
import { kindLabel } from '../../src/domain/agenda/format';
import { meetingKindLabel } from '../../src/domain/calendar/description';
import { MEETING_KINDS } from '../../src/domain/types';

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
    expect(kindLabel(kind)).toBe(meetingKindLabel(kind));
  });

  it('call a briefing meeting an internal briefing, apart from the briefing notes', () => {
    expect(kindLabel('briefing')).toBe('Internal briefing');
  });
});
