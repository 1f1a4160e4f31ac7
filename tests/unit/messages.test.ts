import { message, render } from '../../src/messages';
import { messageFromStore, storedMessage } from '../../src/messages/stored';
import { ValidationError } from '../../src/domain/errors';

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
