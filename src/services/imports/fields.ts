/**
 * The fields each import fills, and which column fills which, guessed from
 * the header as offices write it in English, Russian and Azerbaijani
 * ("ФИО", "Должность", "Soyadı", "Vəzifəsi", "E-poçt"). Headers are compared
 * without case, spaces or punctuation, so "E-mail", "e mail" and "EMAIL" are
 * one header. The planner can change every guess before anything is read.
 */
import type { MessageKey } from '../../messages';
import type { ImportFieldSlug } from '../../messages/imports';

export const IMPORT_KINDS = ['people', 'organizations', 'meetings', 'unavailability'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportField {
  /** The field's name in the import's rows: 'surname', 'nameRu', 'externalId'. */
  field: string;
  /** Whether a row without it is an error (for people: a name in some form; see requiredOneOf). */
  required: boolean;
  /** Its name for the mapping page: a catalogue key ('import.field.surname'). */
  labelKey: MessageKey;
  /** Headers that mean this field, in each language, as written; compared through headerKey(). */
  headers: { en: readonly string[]; ru: readonly string[]; az: readonly string[] };
}

type Synonyms = ImportField['headers'];

function field(name: string, slug: ImportFieldSlug, headers: Synonyms, required = false): ImportField {
  return Object.freeze({ field: name, required, labelKey: `import.field.${slug}` as MessageKey, headers: Object.freeze(headers) });
}

const EXTERNAL_ID = field('externalId', 'external-id', { en: ['External id', 'External ID', 'ID', 'Id', 'Code', 'Ref', 'Reference', 'No', 'Number'], ru: ['Внешний идентификатор', 'Идентификатор', 'ИД', 'Код', 'Номер', '№'], az: ['Xarici identifikator', 'İdentifikator', 'Kod', 'Nömrə', '№'] });
const ORGANIZATION = field('organization', 'organization', { en: ['Organization', 'Organisation', 'Company', 'Institution', 'Agency', 'Employer'], ru: ['Организация', 'Компания', 'Учреждение', 'Ведомство', 'Место работы'], az: ['Təşkilat', 'Şirkət', 'Qurum', 'Müəssisə', 'İş yeri'] });
const DATE = field('date', 'date', { en: ['Date', 'Day'], ru: ['Дата', 'День'], az: ['Tarix', 'Gün'] });
const START = field('start', 'start', { en: ['Start', 'Start time', 'From', 'Begins', 'Time', 'Starts at'], ru: ['Начало', 'Время начала', 'С', 'Время', 'Начало в'], az: ['Başlanğıc', 'Başlama vaxtı', 'Başlayır', 'Vaxt', 'Saat'] }, true);
const END = field('end', 'end', { en: ['End', 'End time', 'To', 'Until', 'Ends', 'Finish'], ru: ['Окончание', 'Конец', 'Время окончания', 'До', 'По'], az: ['Son', 'Bitmə vaxtı', 'Bitir', 'Qurtarır'] });

const FIELDS: Record<ImportKind, readonly ImportField[]> = {
  people: [
    EXTERNAL_ID,
    field('surname', 'surname', { en: ['Surname', 'Last name', 'Family name', 'Lastname'], ru: ['Фамилия'], az: ['Soyadı', 'Soyad'] }),
    field('givenName', 'given-name', { en: ['Given name', 'First name', 'Firstname', 'Forename'], ru: ['Имя'], az: ['Adı', 'Ad'] }),
    field('patronymic', 'patronymic', { en: ['Patronymic', 'Middle name', 'Father’s name'], ru: ['Отчество'], az: ['Ata adı', 'Atasının adı'] }),
    field('fullName', 'full-name', { en: ['Full name', 'Name', 'Person', 'Participant', 'Delegate'], ru: ['ФИО', 'Ф.И.О.', 'Фамилия Имя Отчество', 'Фамилия, имя, отчество', 'Имя и фамилия', 'Участник'], az: ['Soyadı Adı', 'Soyadı, adı, ata adı', 'Soyadı adı atasının adı', 'Adı və soyadı', 'Ad soyad', 'İştirakçı'] }),
    field('nameRu', 'name-ru', { en: ['Name in Russian', 'Name (Russian)', 'Name RU', 'Russian name'], ru: ['ФИО на русском', 'Имя на русском', 'ФИО (рус.)', 'ФИО рус'], az: ['Rus dilində ad', 'Adı (rus dilində)'] }),
    field('nameAz', 'name-az', { en: ['Name in Azerbaijani', 'Name (Azerbaijani)', 'Name AZ', 'Azerbaijani name'], ru: ['ФИО на азербайджанском', 'Имя на азербайджанском', 'ФИО (азерб.)'], az: ['Azərbaycan dilində ad', 'Adı (Azərbaycan dilində)'] }),
    field('position', 'position', { en: ['Position', 'Title', 'Job title', 'Post', 'Position in English', 'Position EN'], ru: ['Должность на английском'], az: ['Vəzifə (ingilis dilində)'] }),
    field('positionRu', 'position-ru', { en: ['Position in Russian', 'Position (Russian)', 'Position RU'], ru: ['Должность', 'Должность на русском', 'Должность (рус.)'], az: ['Vəzifə (rus dilində)', 'Rus dilində vəzifə'] }),
    field('positionAz', 'position-az', { en: ['Position in Azerbaijani', 'Position (Azerbaijani)', 'Position AZ'], ru: ['Должность на азербайджанском', 'Должность (азерб.)'], az: ['Vəzifəsi', 'Vəzifə', 'Azərbaycan dilində vəzifə'] }),
    ORGANIZATION,
    field('email', 'email', { en: ['Email', 'E-mail', 'Email address', 'Mail'], ru: ['Электронная почта', 'Эл. почта', 'Почта', 'E-mail', 'Емейл'], az: ['E-poçt', 'Elektron poçt', 'E-mail', 'Poçt'] }),
    field('phone', 'phone', { en: ['Phone', 'Telephone', 'Mobile', 'Phone number', 'Tel', 'Cell'], ru: ['Телефон', 'Тел', 'Мобильный', 'Мобильный телефон', 'Номер телефона'], az: ['Telefon', 'Mobil', 'Mobil telefon', 'Telefon nömrəsi', 'Tel'] }),
    field('delegation', 'delegation', { en: ['Delegation'], ru: ['Делегация'], az: ['Nümayəndə heyəti', 'Heyət'] }),
    field('role', 'role', { en: ['Role', 'Role in delegation', 'Member role'], ru: ['Роль', 'Роль в делегации'], az: ['Rolu', 'Rol', 'Nümayəndə heyətində rolu'] }),
  ],
  organizations: [
    EXTERNAL_ID,
    field('name', 'name', { en: ['Name', 'Organization', 'Organisation', 'Company', 'Name in English', 'Name EN'], ru: ['Название на английском'], az: ['Adı (ingilis dilində)'] }, true),
    field('nameRu', 'org-name-ru', { en: ['Name in Russian', 'Name (Russian)', 'Name RU'], ru: ['Название', 'Наименование', 'Организация', 'Название на русском', 'Полное наименование'], az: ['Adı (rus dilində)', 'Rus dilində ad', 'Rus dilində adı'] }),
    field('nameAz', 'org-name-az', { en: ['Name in Azerbaijani', 'Name (Azerbaijani)', 'Name AZ'], ru: ['Название на азербайджанском'], az: ['Adı', 'Təşkilat', 'Təşkilatın adı', 'Azərbaycan dilində ad', 'Azərbaycan dilində adı'] }),
    field('shortName', 'short-name', { en: ['Short name', 'Abbreviation', 'Acronym'], ru: ['Краткое название', 'Краткое наименование', 'Сокращение', 'Аббревиатура'], az: ['Qısa adı', 'Qısaltma', 'Abreviatura'] }),
    field('country', 'country', { en: ['Country'], ru: ['Страна'], az: ['Ölkə'] }),
    field('kind', 'kind', { en: ['Kind', 'Type', 'Category', 'Sector'], ru: ['Тип', 'Вид', 'Категория'], az: ['Növü', 'Növ', 'Tip', 'Kateqoriya'] }),
  ],
  meetings: [
    EXTERNAL_ID,
    field('title', 'title', { en: ['Title', 'Meeting', 'Event', 'Subject', 'Name'], ru: ['Название', 'Встреча', 'Мероприятие', 'Тема'], az: ['Başlıq', 'Görüş', 'Tədbir', 'Mövzu', 'Adı'] }, true),
    field('kind', 'kind', { en: ['Kind', 'Type', 'Format'], ru: ['Тип', 'Вид', 'Формат'], az: ['Növü', 'Növ', 'Tip', 'Format'] }),
    DATE,
    START,
    END,
    field('venue', 'venue', { en: ['Venue', 'Place', 'Location'], ru: ['Площадка', 'Место', 'Место проведения'], az: ['Məkan', 'Yer', 'Keçirilmə yeri'] }),
    field('room', 'room', { en: ['Room', 'Hall'], ru: ['Зал', 'Помещение', 'Комната'], az: ['Zal', 'Otaq'] }),
    field('participants', 'participants', { en: ['Participants', 'Attendees', 'People', 'Who'], ru: ['Участники', 'Состав', 'Кто'], az: ['İştirakçılar', 'Kim'] }),
    ORGANIZATION,
  ],
  unavailability: [
    field('person', 'person', { en: ['Person', 'Name', 'Full name', 'Who'], ru: ['ФИО', 'Участник', 'Кто', 'Имя'], az: ['Şəxs', 'Soyadı Adı', 'Adı', 'Kim', 'İştirakçı'] }, true),
    DATE,
    START,
    END,
    field('reason', 'reason', { en: ['Reason', 'Note', 'Notes', 'Comment', 'What'], ru: ['Причина', 'Примечание', 'Комментарий'], az: ['Səbəb', 'Qeyd', 'Şərh'] }),
  ],
};

export function importFields(kind: ImportKind): readonly ImportField[] {
  return FIELDS[kind];
}

/**
 * A header as compared: lower case, letters and digits only, so "E-mail",
 * "e mail" and "EMAIL:" are one header; ё as е, and Azerbaijani İ, I and ı
 * all as i ("İŞTİRAKÇI" typed in capitals is "İştirakçı").
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLocaleLowerCase('ru')
    .replace(/ё/g, 'е')
    .replace(/i̇|ı/g, 'i')
    .replace(/[^\p{L}\p{N}№]+/gu, '');
}

export interface ColumnGuess {
  /** The field this column fills, or null when no header matched (or a column before it took the field). */
  field: string | null;
  header: string;
  index: number;
}

/** The field each column most likely fills; a field goes to the first column that names it, and '№' alone fills nothing unless a field asks for it. */
export function guessColumns(kind: ImportKind, headers: string[]): ColumnGuess[] {
  const byKey = new Map<string, string>();
  for (const f of FIELDS[kind]) {
    for (const synonym of [...f.headers.en, ...f.headers.ru, ...f.headers.az]) {
      const key = headerKey(synonym);
      if (key && !byKey.has(key)) byKey.set(key, f.field);
    }
  }
  const taken = new Set<string>();
  return headers.map((header, index) => {
    const found = byKey.get(headerKey(header));
    const fieldName = found && !taken.has(found) ? found : null;
    if (fieldName) taken.add(fieldName);
    return { field: fieldName, header, index };
  });
}
