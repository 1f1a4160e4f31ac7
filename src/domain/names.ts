/**
 * Names in several scripts (issue 15, "Names"). A person or an organization
 * has a name in English (the Latin transliteration, always there) and may
 * have one in Russian (Cyrillic) and in Azerbaijani (Latin script):
 * Shahin Mustafayev / Шахин Мустафаев / Şahin Mustafayev. The reader's
 * language decides which one is shown first; the English one stands in for a
 * language that has none. Pure: the language comes in as an argument.
 */
import type { Locale } from '../messages/catalogue';
import type { Organization, Person } from './types';

/** A text and the language it is written in, for a lang attribute. */
export interface InLanguage {
  text: string;
  lang: Locale;
}

/** What is shown for a name: the reader's language's (or the English) one, and another spelling worth showing beside it. */
export interface DisplayedName extends InLanguage {
  /** The name in another language and spelling ('' never), or null when there is nothing else to show. */
  secondary: InLanguage | null;
}

/**
 * A name in each language: `en` always, the others '' when unknown. Where
 * the patronymic is known, `ruShort` is what a Russian list shows (Дрозденко
 * А. Ю.) and `ruFull` what a Russian page or letter heads with (Александр
 * Юрьевич Дрозденко).
 */
export type NameForms = { en: string; ruShort?: string; ruFull?: string } & Partial<Record<Exclude<Locale, 'en'>, string>>;

/** How a name is shown: in a list (Дрозденко А. Ю.) or in full, as a page's heading (Александр Юрьевич Дрозденко). */
export type NameStyle = 'list' | 'full';

/** Anything with a name by language: a person, an organization, or the forms themselves. */
export type Named = NameForms | (Pick<Person, 'fullName' | 'nameRu' | 'nameAz'> & Partial<Pick<Person, 'patronymicRu'>>) | Pick<Organization, 'name' | 'nameRu' | 'nameAz'>;

/** The forms of a person's or an organization's name, by language. */
export function namesOf(record: Named): NameForms {
  if ('en' in record) return record;
  if ('fullName' in record) {
    const patronymic = record.patronymicRu ?? '';
    return { en: record.fullName, ru: record.nameRu, az: record.nameAz, ruShort: russianShortForm(record.nameRu, patronymic), ruFull: russianFullForm(record.nameRu, patronymic) };
  }
  return { en: record.name, ru: record.nameRu, az: record.nameAz };
}

/** A Russian name and patronymic split into given names, patronymic and surname (the last word); null without both. */
function russianParts(nameRu: string, patronymicRu: string): { given: string[]; patronymic: string; surname: string } | null {
  const words = nameRu.trim().split(/\s+/).filter(Boolean);
  const patronymic = patronymicRu.trim();
  if (words.length < 2 || !patronymic) return null;
  return { given: words.slice(0, -1), patronymic, surname: words[words.length - 1]! };
}

/**
 * The short form a Russian list uses, surname first and initials after:
 * 'Александр Дрозденко' with 'Юрьевич' is 'Дрозденко А. Ю.', 'Шахин
 * Мустафаев' with 'Ашраф оглы' is 'Мустафаев Ш. А.'. The surname is the
 * name's last word; '' without a patronymic or with a one-word name.
 */
export function russianShortForm(nameRu: string, patronymicRu: string): string {
  const parts = russianParts(nameRu, patronymicRu);
  if (!parts) return '';
  const initial = (word: string) => `${word.charAt(0).toLocaleUpperCase('ru')}.`;
  return [parts.surname, ...parts.given.map(initial), initial(parts.patronymic)].join(' ');
}

/** The full Russian form, the patronymic before the surname: 'Александр Юрьевич Дрозденко'; '' as for the short form. */
export function russianFullForm(nameRu: string, patronymicRu: string): string {
  const parts = russianParts(nameRu, patronymicRu);
  return parts ? [...parts.given, parts.patronymic, parts.surname].join(' ') : '';
}

/**
 * A person's or organization's state as written before names by language
 * (one `localName`), with today's fields: the local name moved to the
 * language its script says, as migration 0020 moved the stored ones
 * (Cyrillic to Russian; otherwise Azerbaijani, unless it is the English name
 * again); missing fields empty.
 */
export function withNamesByLanguage(state: Record<string, unknown>, englishField: 'fullName' | 'name', fields: readonly string[]): Record<string, unknown> {
  const { localName, ...rest } = state;
  const out: Record<string, unknown> = { ...Object.fromEntries(fields.map((f) => [f, ''])), ...rest };
  const local = typeof localName === 'string' ? localName.slice(0, 200) : '';
  if (local && !out.nameRu && !out.nameAz) {
    if (/\p{Script=Cyrillic}/u.test(local)) out.nameRu = local;
    else if (local !== rest[englishField]) out.nameAz = local;
  }
  return out;
}

/** A person's position by language, like a name. */
export function positionsOf(person: Pick<Person, 'position' | 'positionRu' | 'positionAz'>): NameForms {
  return { en: person.position, ru: person.positionRu, az: person.positionAz };
}

/**
 * Which other languages' names a reader is offered beside the first one, in
 * order: the spelling in the other script first (a reader of a Latin name
 * sees the Cyrillic one the forum's badges and hosts use, a Russian reader
 * the Latin spelling the person uses), so the protocol office can match
 * either; then the remaining one.
 */
const SECONDARY_ORDER: Record<Locale, readonly Locale[]> = {
  en: ['ru', 'az'],
  ru: ['az', 'en'],
  az: ['ru', 'en'],
};

/**
 * The name a reader of `locale` sees: the one in their language, else the
 * English one, with the language it is in; and the first other spelling
 * (SECONDARY_ORDER) that differs from it, or null.
 */
export function displayName(record: Named, locale: Locale, style: NameStyle = 'list'): DisplayedName {
  const forms = namesOf(record);
  // A Russian reader's own form is the short one where the patronymic is known; other readers see the full Cyrillic name.
  const own = clean(locale === 'ru' ? (style === 'list' ? forms.ruShort : forms.ruFull) || forms.ru : forms[locale]);
  const first: InLanguage = own ? { text: own, lang: locale } : { text: clean(forms.en), lang: 'en' };
  let secondary: InLanguage | null = null;
  for (const lang of SECONDARY_ORDER[locale]) {
    const text = clean(forms[lang]);
    if (lang !== first.lang && text && text !== first.text) {
      secondary = { text, lang };
      break;
    }
  }
  return { ...first, secondary };
}

/** The text a reader of `locale` sees for a name (no secondary): for sorting, options and titles. */
export function nameText(record: Named, locale: Locale, style: NameStyle = 'list'): string {
  return displayName(record, locale, style).text;
}

/**
 * The language of data text kept in one language only (a forum's name, a
 * meeting's title): Russian when it has Cyrillic letters, Azerbaijani when it
 * has the letters only Azerbaijani's Latin alphabet has (ə), else English, the
 * language the programme's data is kept in.
 */
export function languageOfData(text: string): Locale {
  if (/\p{Script=Cyrillic}/u.test(text)) return 'ru';
  if (/[əƏ]/.test(text)) return 'az';
  return 'en';
}

function clean(text: string | undefined): string {
  return (text ?? '').trim();
}

/**
 * Every spelling a search of people should find a person by: their name and
 * position in each language and their organization's names ("şahin" finds
 * Shahin Mustafayev, "губернатор" the Governor of Leningrad Region).
 */
export function searchWordsOf(person: Person, organization?: Organization): string[] {
  const words = [person.fullName, person.nameRu, person.nameAz, person.patronymicRu, russianShortForm(person.nameRu, person.patronymicRu), person.position, person.positionRu, person.positionAz];
  if (organization) words.push(organization.name, organization.nameRu, organization.nameAz);
  return words.filter(Boolean);
}
