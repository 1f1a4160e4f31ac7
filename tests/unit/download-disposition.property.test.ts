/**
 * Content-Disposition of a download (RFC 6266 with RFC 8187's filename*):
 * whatever a delegation's or person's name holds, the header is one line of
 * visible ASCII, filename="…" has no quote or backslash inside, and a browser
 * that reads filename* saves the name as written, minus what no file system
 * takes (\ / : * ? " < > | and controls).
 */
import fc from 'fast-check';
import { attachmentDisposition } from '../../src/web/download';

const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/;

it.each([
  { name: 'Cyrillic', file: 'Программа пребывания - 2019-06-07.docx', saved: 'Программа пребывания - 2019-06-07.docx' },
  { name: 'Azerbaijani letters', file: 'Səfər proqramı - Şahin.docx', saved: 'Səfər proqramı - Şahin.docx' },
  { name: 'quotes, slashes and angle brackets', file: 'Trade & <Partners> "A/B".docx', saved: 'Trade & -Partners- -A-B-.docx' },
  { name: 'apostrophe and brackets, which RFC 8187 must encode', file: "O'Neil (staff)*.docx", saved: "O'Neil (staff)-.docx" },
  { name: 'half a surrogate pair', file: 'a\uD800b.docx', saved: 'a-b.docx' },
  { name: 'a line break', file: 'a\r\nSet-Cookie: x.docx', saved: 'a-Set-Cookie- x.docx' },
])('$name', ({ file, saved }) => {
  const header = attachmentDisposition(file, 'programme.docx');
  expect(header).toMatch(/^attachment; filename="programme\.docx"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
  expect(decodeURIComponent(header.split("''")[1]!)).toBe(saved);
});

it('is one line of visible ASCII that a browser decodes to the name without unsafe characters, for any name', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 80, unit: fc.oneof(fc.constantFrom('\uD800', '\uDC00'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })) }), fc.string({ maxLength: 40, unit: 'binary' }), (name, ascii) => {
      const header = attachmentDisposition(name, ascii);
      expect(header).toMatch(/^[\x20-\x7e]+$/);
      const quoted = /^attachment; filename="([^"\\]*)"; filename\*=UTF-8''([A-Za-z0-9%._~!-]*)$/.exec(header);
      expect(quoted).not.toBeNull();
      const saved = decodeURIComponent(quoted![2]!);
      expect(UNSAFE.test(saved)).toBe(false);
      expect(saved).toBe(name.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '-').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-').trim());
    }),
  );
});
