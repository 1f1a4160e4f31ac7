/**
 * The keys of what a form is told about a name or a position in a language's
 * own script (issue 15, "Names"): a Russian one is written in Cyrillic, an
 * Azerbaijani one in Latin script. The sentences are in en/names.ts.
 */
export type NamedText = 'name' | 'patronymic' | 'position';

export interface NameMessages {
  /** A Russian name or position with no Cyrillic letter in it (probably typed in the wrong field). */
  'name.russian-needs-cyrillic': { what: NamedText };
  /** An Azerbaijani name or position with Cyrillic letters in it (Azerbaijani is written in Latin script). */
  'name.azerbaijani-in-latin': { what: NamedText };
}
