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

/** A name in each language: `en` always, the others '' when unknown. */
export type NameForms = { en: string } & Partial<Record<Exclude<Locale, 'en'>, string>>;

/** Anything with a name by language: a person, an organization, or the forms themselves. */
export type Named = NameForms | Pick<Person, 'fullName' | 'nameRu' | 'nameAz'> | Pick<Organization, 'name' | 'nameRu' | 'nameAz'>;

/** The forms of a person's or an organization's name, by language. */
export function namesOf(record: Named): NameForms {
  if ('en' in record) return record;
  const en = 'fullName' in record ? record.fullName : record.name;
  return { en, ru: record.nameRu, az: record.nameAz };
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
export function displayName(record: Named, locale: Locale): DisplayedName {
  const forms = namesOf(record);
  const own = clean(forms[locale]);
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
export function nameText(record: Named, locale: Locale): string {
  return displayName(record, locale).text;
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
  const words = [person.fullName, person.nameRu, person.nameAz, person.position, person.positionRu, person.positionAz];
  if (organization) words.push(organization.name, organization.nameRu, organization.nameAz);
  return words.filter(Boolean);
}
