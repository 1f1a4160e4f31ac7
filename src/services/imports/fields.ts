/**
 * The fields each import fills, and which column fills which, guessed from
 * the header as offices write it in English, Russian and Azerbaijani
 * ("ФИО", "Должность", "Soyadı", "Vəzifəsi", "E-poçt"). Headers are compared
 * without case, spaces or punctuation, so "E-mail", "e mail" and "EMAIL" are
 * one header. The planner can change every guess before anything is read.
 * The headers themselves are data, in headers.json.
 */
import type { MessageKey } from '../../messages';
import { IMPORT_FIELD_SLUGS, type ImportFieldSlug } from '../../messages/imports';
import HEADERS from './headers.json';

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

/**
 * The fields and their headers, by kind, in headers.json: data a translator
 * or an office extends (a header their lists use), not sentences. `label` is
 * the field's slug in the catalogue (import.field.<label>); `required`, when
 * true, makes a row without it an error.
 */
interface FieldEntry {
  label: string;
  required?: boolean;
  en: string[];
  ru: string[];
  az: string[];
}

const FIELDS = Object.fromEntries(
  IMPORT_KINDS.map((kind) => [
    kind,
    Object.freeze(
      Object.entries((HEADERS as Record<ImportKind, Record<string, FieldEntry>>)[kind]).map(([name, entry]): ImportField => {
        if (!(IMPORT_FIELD_SLUGS as readonly string[]).includes(entry.label)) throw new Error(`headers.json: ${kind}.${name} has the label '${entry.label}', which src/messages/imports.ts does not list`);
        return Object.freeze({ field: name, required: entry.required === true, labelKey: `import.field.${entry.label as ImportFieldSlug}` as MessageKey, headers: Object.freeze({ en: entry.en, ru: entry.ru, az: entry.az }) });
      }),
    ),
  ]),
) as Record<ImportKind, readonly ImportField[]>;

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
