/**
 * Properties of rendering the domain's messages in every language:
 *  - a name or title from the data (any text: braces, apostrophes, '#', other
 *    scripts) appears in the sentence exactly as written, since ICU reads only
 *    the catalogue's source and never the values;
 *  - a duration written the reader's way reads back as the same minutes;
 *  - a count takes the plural form CLDR gives the number in that language.
 */
import fc from 'fast-check';
import { message, render } from '../../src/messages';
import { INTL_TAG, LOCALES } from '../../src/messages/catalogue';
import { formatDuration } from '../../src/messages/locale-formats';

const locale = fc.constantFrom(...LOCALES);
/** Text as people and organizations are named, including ICU's own syntax characters. */
const name = fc.string({ unit: fc.constantFrom(...'ab Я ə{}\'#|<>&’«»-'.split('')), minLength: 1, maxLength: 24 }).filter((s) => s.trim() !== '');
const label = (title: string) => ({ title, range: '10:00–11:00', start: '10:00' });

describe('rendering messages in every language', () => {
  it('prints names and titles from the data verbatim', () => {
    fc.assert(
      fc.property(locale, name, name, name, (loc, person, first, second) => {
        const text = render(message('conflict.person-double-booked', { person, first: label(first), second: label(second) }), loc);
        expect(text).toContain(person);
        expect(text).toContain(first);
        expect(text).toContain(second);
      }),
    );
  });

  it('writes a duration that reads back as the same number of minutes', () => {
    const UNITS = { en: ['h', 'min'], ru: ['ч', 'мин'], az: ['saat', 'dəq'] } as const;
    fc.assert(
      fc.property(locale, fc.integer({ min: -3000, max: 3000 }), (loc, minutes) => {
        const text = formatDuration(minutes, loc);
        const [h, min] = UNITS[loc];
        const m = new RegExp(`^(-)?(?:(\\d+) ${h})?(?: ?(\\d+) ${min})?$`).exec(text);
        expect(m).not.toBeNull();
        const back = (Number(m![2] ?? 0) * 60 + Number(m![3] ?? 0)) * (m![1] ? -1 : 1);
        expect(back).toBe(minutes);
      }),
    );
  });

  it('counts B2B meetings with the plural form CLDR gives the number in Russian', () => {
    const FORMS = { one: 'встреча', few: 'встречи', many: 'встреч', other: 'встречи' } as Record<string, string>;
    const rules = new Intl.PluralRules(INTL_TAG.ru);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (meetings) => {
        const text = render(message('grid.b2b-count', { meetings, tables: 5 }), 'ru');
        expect(text.startsWith(`${meetings} ${FORMS[rules.select(meetings)]} `)).toBe(true);
      }),
    );
  });
});
