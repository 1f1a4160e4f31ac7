/**
 * The agenda's people lines in the reader's language (src/web/agenda-view.ts):
 * names chosen at render time from the forms a source carries, each piece
 * marked with the language it is in; a source without forms (an older
 * caller) prints its English line as before.
 */
import type { AgendaCounterpart } from '../../src/domain/agenda';
import type { Locale } from '../../src/messages/catalogue';
import { agendaViewLocals, type Piece } from '../../src/web/agenda-view';

const DROZDENKO: AgendaCounterpart = {
  name: 'Aleksandr Drozdenko (Александр Дрозденко)',
  position: 'Governor of Leningrad Region',
  organization: 'Government of Leningrad Region',
  names: { en: 'Aleksandr Drozdenko', ru: 'Александр Дрозденко', az: 'Aleksandr Drozdenko', ruShort: 'Дрозденко А. Ю.', ruFull: 'Александр Юрьевич Дрозденко' },
  positions: { en: 'Governor of Leningrad Region', ru: 'Губернатор Ленинградской области', az: '' },
  organizationNames: { en: 'Government of Leningrad Region', ru: 'Правительство Ленинградской области', az: 'Leninqrad vilayətinin Hökuməti' },
};
const { names: _n, positions: _p, organizationNames: _o, ...WITHOUT_FORMS } = DROZDENKO;

/** Pieces as text, a marked piece written [lang:text] when it is not in the page's language. */
const shown = (pieces: Piece[], locale: Locale) => pieces.map((p) => (typeof p === 'string' ? p : p.lang === locale ? p.text : `[${p.lang}:${p.text}]`)).join('');

describe('the counterparts line', () => {
  it.each([
    { name: 'English reader', locale: 'en' as const, c: DROZDENKO, line: 'Aleksandr Drozdenko ([ru:Александр Дрозденко]), Governor of Leningrad Region (Government of Leningrad Region)' },
    { name: 'Russian reader: the short Russian form first', locale: 'ru' as const, c: DROZDENKO, line: 'Дрозденко А. Ю. ([az:Aleksandr Drozdenko]), Губернатор Ленинградской области (Правительство Ленинградской области)' },
    { name: 'Azerbaijani reader: a position with no Azerbaijani form stays English, marked', locale: 'az' as const, c: DROZDENKO, line: 'Aleksandr Drozdenko ([ru:Александр Дрозденко]), [en:Governor of Leningrad Region] (Leninqrad vilayətinin Hökuməti)' },
    { name: 'a source without forms keeps its English line', locale: 'ru' as const, c: WITHOUT_FORMS, line: 'Aleksandr Drozdenko (Александр Дрозденко), [en:Governor of Leningrad Region] ([en:Government of Leningrad Region])' },
  ])('$name', ({ locale, c, line }) => {
    expect(shown(agendaViewLocals(locale).counterpartsParts({ counterparts: [c] }), locale)).toBe(line);
  });

  it('joins several counterparts with semicolons', () => {
    const line = shown(agendaViewLocals('en').counterpartsParts({ counterparts: [DROZDENKO, DROZDENKO] }), 'en');
    expect(line.split('; ')).toHaveLength(2);
  });
});

describe('our side', () => {
  it.each([
    { name: 'the principal needs no role', role: 'principal' as const, line: 'Мустафаев Ш. А.' },
    { name: 'a note-taker says so, in lower case', role: 'note_taker' as const, line: 'Мустафаев Ш. А. (протоколист)' },
  ])('$name', ({ role, line }) => {
    const ours = [{ name: 'Shahin Mustafayev', role, roleLabel: role === 'principal' ? 'Глава' : 'Протоколист', names: { en: 'Shahin Mustafayev', ru: 'Шахин Мустафаев', ruShort: 'Мустафаев Ш. А.' } }];
    expect(shown(agendaViewLocals('ru').oursParts({ ours }), 'ru')).toBe(line);
  });
});
