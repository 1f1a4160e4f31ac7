import { titleIn } from '../domain/agreements';
import { nameText, positionsOf } from '../domain/names';
import type { Forum } from '../domain/types';
import { translate, type Locale } from '../messages/catalogue';
import type { RegisterRow } from '../services/agreements';
import type { CellValue, Sheet, SheetColumn } from '../services/exports';
import type { ExportFile } from './exports';

/**
 * The agreements register as its exports write it (services/exports): one row
 * per agreement with the page's filters applied, titles and names in the
 * reader's language, the date of signing a real date cell.
 */
const COLUMNS: [key: string, type?: SheetColumn['type']][] = [
  ['id', 'number'],
  ['day', 'date'],
  ['kind'],
  ['title'],
  ['titleEn'],
  ['status'],
  ['parties'],
  ['signatories'],
  ['meeting'],
  ['signedOn', 'date'],
  ['signedPlace'],
  ['note'],
];

/** How a signatory is named in a list: the name in the reader's language, with the position at signing (in the reader's language while it is the person's own). */
export function signatoryText(s: RegisterRow['signatories'][number], locale: Locale): string {
  const position = s.position && s.position === s.person.position ? nameText(positionsOf(s.person), locale) : s.position;
  return position ? `${nameText(s.person, locale)} (${position})` : nameText(s.person, locale);
}

/** The parties as one text: the directory's organizations in the reader's language, then those written in. */
export function partiesText(r: RegisterRow, locale: Locale): string {
  return [...r.parties.map((o) => nameText(o, locale)), r.agreement.parties].filter(Boolean).join('; ');
}

export function agreementsExport(forum: Forum, rows: RegisterRow[], locale: Locale, day: string): ExportFile {
  const cells = rows.map((r): Record<string, CellValue> => {
    const a = r.agreement;
    return {
      id: a.id,
      day: r.day,
      kind: translate(locale, `ui.agreements.kind.${a.kind}`),
      title: titleIn(a, locale),
      titleEn: a.title,
      status: translate(locale, `ui.agreements.status.${a.status}`),
      parties: partiesText(r, locale),
      signatories: r.signatories.map((s) => signatoryText(s, locale)).join('; '),
      meeting: r.meeting ? `${r.meeting.title} (${r.meeting.start.replace('T', ' ')})` : '',
      signedOn: a.signedOn,
      signedPlace: a.signedPlace,
      note: a.note,
    };
  });
  const sheet: Sheet = {
    name: translate(locale, 'ui.agreements.file'),
    columns: COLUMNS.map(([key, type]) => ({ key, type, header: translate(locale, `ui.agreements.col.${key}`) })),
    rows: cells,
  };
  return { sheet, file: [forum.shortName, translate(locale, 'ui.agreements.file'), day].filter(Boolean).join('-') };
}
