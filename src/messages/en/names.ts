/** What a form is told about a name or position in the wrong script. */
import type { Catalogue } from '../message';
import type { NameMessages } from '../names';

export const names = {
  'name.russian-needs-cyrillic': ({ what }) => `Write the Russian ${what} in Cyrillic, or leave it empty.`,
  'name.azerbaijani-in-latin': ({ what }) => `Write the Azerbaijani ${what} in Latin script (ə, ğ, ı, ö, ü, ç, ş), not in Cyrillic.`,
} satisfies Pick<Catalogue, keyof NameMessages>;
