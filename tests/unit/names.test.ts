import fs from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';
import fc from 'fast-check';
import { displayName, languageOfData, nameText, namesOf, positionsOf, russianFullForm, russianShortForm, searchWordsOf, type NameForms } from '../../src/domain/names';
import { LOCALES, type Locale } from '../../src/messages/catalogue';
import { helpersFor } from '../../src/web/view-helpers';
import { aPerson } from '../support/builders';

/** The partial every view prints a name through, rendered here with one language's helpers. */
const NAME_PARTIAL = fs.readFileSync(path.join(__dirname, '..', '..', 'views', 'partials', 'name.ejs'), 'utf8');

const mustafayev = aPerson({ fullName: 'Shahin Mustafayev', nameRu: 'Шахин Мустафаев', nameAz: 'Şahin Mustafayev' });
const drozdenko = aPerson({ fullName: 'Aleksandr Drozdenko', nameRu: 'Александр Дрозденко', nameAz: 'Aleksandr Drozdenko' });
const onlyEnglish = aPerson({ fullName: 'John Smith' });
const onlyRussian = aPerson({ fullName: 'Olga Belova', nameRu: 'Ольга Белова' });
const leningrad = { name: 'Government of Leningrad Region', nameRu: 'Правительство Ленинградской области', nameAz: 'Leninqrad vilayətinin Hökuməti' };

describe('displayName: which name a reader sees first, and in which language', () => {
  it.each<{ name: string; record: Parameters<typeof displayName>[0]; locale: Locale; text: string; lang: Locale; secondary: { text: string; lang: Locale } | null }>([
    // Each locale over a name in all three.
    { name: 'an English reader: the Latin transliteration, the Cyrillic beside it', record: drozdenko, locale: 'en', text: 'Aleksandr Drozdenko', lang: 'en', secondary: { text: 'Александр Дрозденко', lang: 'ru' } },
    { name: 'a Russian reader: the Cyrillic name, the Latin spelling beside it', record: drozdenko, locale: 'ru', text: 'Александр Дрозденко', lang: 'ru', secondary: { text: 'Aleksandr Drozdenko', lang: 'az' } },
    { name: 'a Russian reader of a name in Russian and English only: the English one beside it', record: onlyRussian, locale: 'ru', text: 'Ольга Белова', lang: 'ru', secondary: { text: 'Olga Belova', lang: 'en' } },
    { name: 'an Azerbaijani reader: the Azerbaijani spelling, the Cyrillic beside it', record: drozdenko, locale: 'az', text: 'Aleksandr Drozdenko', lang: 'az', secondary: { text: 'Александр Дрозденко', lang: 'ru' } },
    { name: 'a Russian reader of an Azerbaijani name: Cyrillic first, the Azerbaijani spelling beside it', record: mustafayev, locale: 'ru', text: 'Шахин Мустафаев', lang: 'ru', secondary: { text: 'Şahin Mustafayev', lang: 'az' } },
    { name: 'an Azerbaijani reader of an Azerbaijani name: Şahin, the Cyrillic beside it', record: mustafayev, locale: 'az', text: 'Şahin Mustafayev', lang: 'az', secondary: { text: 'Шахин Мустафаев', lang: 'ru' } },
    { name: 'an English reader of an Azerbaijani name: Shahin, the Cyrillic the hosts use beside it', record: mustafayev, locale: 'en', text: 'Shahin Mustafayev', lang: 'en', secondary: { text: 'Шахин Мустафаев', lang: 'ru' } },
    // The short form where the patronymic is known: for Russian readers only.
    { name: 'a Russian reader, with the patronymic: surname and initials', record: { ...drozdenko, patronymicRu: 'Юрьевич' }, locale: 'ru', text: 'Дрозденко А. Ю.', lang: 'ru', secondary: { text: 'Aleksandr Drozdenko', lang: 'az' } },
    { name: 'a Russian reader, an Azerbaijani patronymic with oglu', record: { ...mustafayev, patronymicRu: 'Ашраф оглы' }, locale: 'ru', text: 'Мустафаев Ш. А.', lang: 'ru', secondary: { text: 'Şahin Mustafayev', lang: 'az' } },
    { name: 'an English reader, with the patronymic: the full Cyrillic name beside the Latin one', record: { ...drozdenko, patronymicRu: 'Юрьевич' }, locale: 'en', text: 'Aleksandr Drozdenko', lang: 'en', secondary: { text: 'Александр Дрозденко', lang: 'ru' } },
    { name: 'a patronymic but no Russian name: the English one', record: { ...onlyEnglish, patronymicRu: 'Иванович' }, locale: 'ru', text: 'John Smith', lang: 'en', secondary: null },
    // Missing names.
    { name: 'no Russian name: a Russian reader sees the English one, marked English', record: onlyEnglish, locale: 'ru', text: 'John Smith', lang: 'en', secondary: null },
    { name: 'no Azerbaijani name: an Azerbaijani reader sees the English one, the Cyrillic beside it', record: onlyRussian, locale: 'az', text: 'Olga Belova', lang: 'en', secondary: { text: 'Ольга Белова', lang: 'ru' } },
    { name: 'only English: an English reader sees it alone', record: onlyEnglish, locale: 'en', text: 'John Smith', lang: 'en', secondary: null },
    { name: 'a name of spaces counts as none', record: aPerson({ fullName: 'John Smith', nameRu: '   ' }), locale: 'ru', text: 'John Smith', lang: 'en', secondary: null },
    // Mixed scripts: what a name is written in is what the planner typed, and it is shown as theirs.
    { name: 'a Russian name with Latin in it (a company’s brand) is still the Russian name', record: { name: 'SOCAR Polymer', nameRu: 'ООО «SOCAR Полимер»', nameAz: 'SOCAR Polimer' }, locale: 'ru', text: 'ООО «SOCAR Полимер»', lang: 'ru', secondary: { text: 'SOCAR Polimer', lang: 'az' } },
    { name: 'an English name typed in Cyrillic is shown as typed, marked English', record: aPerson({ fullName: 'Мария Смирнова' }), locale: 'az', text: 'Мария Смирнова', lang: 'en', secondary: null },
    { name: 'an organization, by its fields', record: leningrad, locale: 'az', text: 'Leninqrad vilayətinin Hökuməti', lang: 'az', secondary: { text: 'Правительство Ленинградской области', lang: 'ru' } },
    { name: 'the forms themselves', record: { en: 'Minister of Economy', ru: 'Министр экономики', az: 'İqtisadiyyat naziri' }, locale: 'az', text: 'İqtisadiyyat naziri', lang: 'az', secondary: { text: 'Министр экономики', lang: 'ru' } },
  ])('$name', ({ record, locale, text, lang, secondary }) => {
    expect(displayName(record, locale)).toEqual({ text, lang, secondary });
    expect(nameText(record, locale)).toBe(text);
  });

  it.each([
    { name: 'given name and surname', nameRu: 'Александр Дрозденко', patronymic: 'Юрьевич', short: 'Дрозденко А. Ю.' },
    { name: 'two given names', nameRu: 'Анна Мария Кузнецова', patronymic: 'Сергеевна', short: 'Кузнецова А. М. С.' },
    { name: 'spaces around', nameRu: '  Ольга   Белова ', patronymic: ' Петровна ', short: 'Белова О. П.' },
    { name: 'no patronymic', nameRu: 'Ольга Белова', patronymic: '', short: '' },
    { name: 'a one-word name', nameRu: 'Белова', patronymic: 'Петровна', short: '' },
  ])('the Russian short form: $name', ({ nameRu, patronymic, short }) => {
    expect(russianShortForm(nameRu, patronymic)).toBe(short);
  });

  it.each([
    { name: 'given name, patronymic, surname', nameRu: 'Александр Дрозденко', patronymic: 'Юрьевич', full: 'Александр Юрьевич Дрозденко' },
    { name: 'an Azerbaijani patronymic', nameRu: 'Шахин Мустафаев', patronymic: 'Ашраф оглы', full: 'Шахин Ашраф оглы Мустафаев' },
    { name: 'no patronymic', nameRu: 'Ольга Белова', patronymic: '', full: '' },
  ])('the Russian full form: $name', ({ nameRu, patronymic, full }) => {
    expect(russianFullForm(nameRu, patronymic)).toBe(full);
  });

  it('heads a page with the name in full: a Russian reader sees the patronymic, others the name as in a list', () => {
    const governor = { ...drozdenko, patronymicRu: 'Юрьевич' };
    expect(LOCALES.map((l) => nameText(governor, l, 'full'))).toEqual(['Aleksandr Drozdenko', 'Александр Юрьевич Дрозденко', 'Aleksandr Drozdenko']);
    expect(nameText(onlyRussian, 'ru', 'full')).toBe('Ольга Белова');
  });

  it('reads a person’s position by language', () => {
    const governor = aPerson({ position: 'Governor of Leningrad Region', positionRu: 'Губернатор Ленинградской области', positionAz: 'Leninqrad vilayətinin qubernatoru' });
    expect(LOCALES.map((l) => nameText(positionsOf(governor), l))).toEqual(['Governor of Leningrad Region', 'Губернатор Ленинградской области', 'Leninqrad vilayətinin qubernatoru']);
  });

  it('searches every spelling of the name, the position and the organization', () => {
    const governor = { ...drozdenko, position: 'Governor of Leningrad Region', positionRu: 'Губернатор Ленинградской области' };
    const org = { id: 1, version: 1, country: 'Russia', kind: 'region' as const, ...leningrad };
    expect(searchWordsOf(governor, org)).toEqual(expect.arrayContaining(['Aleksandr Drozdenko', 'Александр Дрозденко', 'Губернатор Ленинградской области', 'Правительство Ленинградской области', 'Leninqrad vilayətinin Hökuməti']));
    expect(searchWordsOf(onlyEnglish)).toEqual(['John Smith']);
  });
});

describe('the name partial (views/partials/name.ejs)', () => {
  it.each<{ name: string; locale: Locale; what: Parameters<ReturnType<typeof helpersFor>['nameIn']>[0]; html: string }>([
    { name: 'a name in the page’s language is plain text', locale: 'ru', what: drozdenko, html: 'Александр Дрозденко' },
    { name: 'a name in another language is marked with it', locale: 'az', what: onlyRussian, html: '<span lang="en">Olga Belova</span>' },
    { name: 'a secondary name, already chosen', locale: 'en', what: displayName(drozdenko, 'en').secondary, html: '<span lang="ru">Александр Дрозденко</span>' },
    { name: 'markup in a name is escaped', locale: 'ru', what: aPerson({ fullName: '<img src=x onerror="alert(1)">' }), html: '<span lang="en">&lt;img src=x onerror=&#34;alert(1)&#34;&gt;</span>' },
    { name: 'an ampersand and a quote', locale: 'en', what: { name: 'Smith & O’Brien\'s', nameRu: '', nameAz: '' }, html: 'Smith &amp; O’Brien&#39;s' },
    { name: 'nothing', locale: 'en', what: null, html: '' },
  ])('$name', ({ locale, what, html }) => {
    expect(ejs.render(NAME_PARTIAL, { ...helpersFor(locale), what })).toBe(html);
  });
});

describe('displayName, against a model', () => {
  const text = fc.oneof(fc.constant(''), fc.constant(' '), fc.constantFrom('Drozdenko', 'Дрозденко', 'Şahin'), fc.string({ maxLength: 6 }));
  const forms = fc.record({ en: text, ru: text, az: text }) as fc.Arbitrary<NameForms>;
  const locale = fc.constantFrom(...LOCALES);

  it('shows the reader’s own name when there is one, else the English one; the secondary is another language’s, different, never empty', () => {
    fc.assert(
      fc.property(forms, locale, (f, l) => {
        const shown = displayName(f, l);
        const own = (f[l] ?? '').trim();
        expect(shown).toMatchObject(own ? { text: own, lang: l } : { text: f.en.trim(), lang: 'en' });
        if (shown.secondary) {
          expect(shown.secondary.lang).not.toBe(shown.lang);
          expect(shown.secondary.text).not.toBe(shown.text);
          expect(shown.secondary.text).toBe((namesOf(f)[shown.secondary.lang] ?? '').trim());
          expect(shown.secondary.text).not.toBe('');
        } else {
          // Nothing beside it only when no other language has a different spelling.
          for (const other of LOCALES) if (other !== shown.lang) expect(['', shown.text]).toContain((f[other] ?? '').trim());
        }
      }),
    );
  });
});

describe('the language of one-language data, for its lang attribute', () => {
  it.each([
    { name: 'an English title', text: '23rd St. Petersburg International Economic Forum', lang: 'en' },
    { name: 'a Russian title', text: 'Встреча с губернатором', lang: 'ru' },
    { name: 'Latin with a Cyrillic word', text: 'Room F1 (Зал F1)', lang: 'ru' },
    { name: 'Azerbaijani, by its ə', text: 'Bakı Ekspo Mərkəzi', lang: 'az' },
    { name: 'Latin without a letter only Azerbaijani has', text: 'Bakı Ekspo', lang: 'en' },
  ])('$name', ({ text, lang }) => {
    expect(languageOfData(text)).toBe(lang);
  });
});
