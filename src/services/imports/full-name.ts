/**
 * A full name as official lists write it, surname first ("ФИО": Фамилия Имя
 * Отчество; "Soyadı Adı Ata adı"), split into its parts so that an import can
 * fill a person's name in the order the records keep (given name first:
 * Шахин Мустафаев) and the Russian patronymic apart (Ашраф оглы).
 * "Surname, Given name" with a comma is read the same way. An Azerbaijani
 * patronymic is two words, the father's name and oğlu/qızı (оглы/кызы in
 * Russian), and stays whole: everything after the given name is the patronymic.
 */
export interface NameParts {
  surname: string;
  givenName: string;
  patronymic: string;
}

export function splitFullName(text: string): NameParts | null {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return null;
  const comma = clean.indexOf(',');
  const words = comma >= 0 ? [clean.slice(0, comma).trim(), ...clean.slice(comma + 1).trim().split(' ')].filter((w) => w !== '') : clean.split(' ');
  const [surname = '', givenName = '', ...rest] = words;
  return { surname, givenName, patronymic: rest.join(' ') };
}
