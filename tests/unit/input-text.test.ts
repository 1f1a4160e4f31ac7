import { hasControlCharacters, normaliseText } from '../../src/domain/text';

describe('normaliseText: what a paste becomes before it is stored', () => {
  it.each([
    { name: 'plain text', input: 'Signing of the agreement', output: 'Signing of the agreement' },
    { name: 'Cyrillic and Azerbaijani', input: 'Дрозденко · Şahin Əliyev', output: 'Дрозденко · Şahin Əliyev' },
    { name: 'NUL removed', input: 'Pan\u0000el', output: 'Panel' },
    { name: 'vertical tab (Word’s line break) becomes a line break', input: 'Line one\u000bLine two', output: 'Line one\nLine two' },
    { name: 'form feed becomes a line break', input: 'Page one\u000cPage two', output: 'Page one\nPage two' },
    { name: 'CR LF becomes LF', input: 'a\r\nb\r\nc', output: 'a\nb\nc' },
    { name: 'a lone CR becomes LF', input: 'a\rb', output: 'a\nb' },
    { name: 'tab and line feed kept', input: 'a\tb\nc', output: 'a\tb\nc' },
    { name: 'bell, backspace and escape removed', input: '\u0007a\u0008b\u001bc', output: 'abc' },
    { name: 'unit separator (U+001F) removed', input: 'a\u001fb', output: 'ab' },
    { name: 'DEL removed', input: 'a\u007fb', output: 'ab' },
    { name: 'only controls', input: '\u0000\u0001\u0002', output: '' },
    { name: 'empty', input: '', output: '' },
  ])('$name', ({ input, output }) => {
    expect(normaliseText(input)).toBe(output);
    expect(hasControlCharacters(normaliseText(input))).toBe(false);
  });

  it('is idempotent: normalising twice changes nothing more', () => {
    const once = normaliseText('a\r\n\u000b\u0000b\r');
    expect(normaliseText(once)).toBe(once);
  });
});
