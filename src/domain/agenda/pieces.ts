import type { AgendaCounterpart, AgendaEntry, AgendaPersonNames, AgendaPrivateNotes } from './types';
import { displayName, languageOfData, type InLanguage, type NameForms } from '../names';
import { translate, type Locale } from '../../messages/catalogue';
import { formatDate } from '../../messages/locale-formats';

/**
 * A line of the sheet as pieces: interface text (a string, in the page's
 * language) and names or data (marked with the language they are written in),
 * which views/pages/agenda/pieces.ejs prints through the name partial.
 */
export type Piece = string | InLanguage;

/**
 * What the agenda's templates (the A4 sheet and the phone cards) print of an
 * entry's people and documents, as one line each in the reader's language,
 * and the links a phone acts on. Names are chosen here, at render time, by
 * the reader's language (Дрозденко А. Ю. for a Russian reader); the sources
 * keep every form, so a print's snapshot is the same in every language.
 */
export function agendaPieces(locale: Locale) {
  /** The form in the reader's language (else the English one), with the language it is in; a source without forms is its English text. */
  const shown = (forms: NameForms | undefined, english: string): InLanguage | null => {
    if (forms) {
      const d = displayName(forms, locale);
      if (d.text) return { text: d.text, lang: d.lang };
    }
    return english ? { text: english, lang: languageOfData(english) } : null;
  };
  /** 'Дрозденко А. Ю. (Aleksandr Drozdenko)': the protocol office prints both scripts for counterparts. */
  const nameWithOther = (c: AgendaCounterpart): Piece[] => {
    if (!c.names) return [{ text: c.name, lang: languageOfData(c.name) }];
    const d = displayName(c.names, locale);
    return d.secondary ? [{ text: d.text, lang: d.lang }, ' (', d.secondary, ')'] : [{ text: d.text, lang: d.lang }];
  };
  const joined = (lines: Piece[][], separator: string): Piece[] => lines.flatMap((line, i) => (i === 0 ? line : [separator, ...line]));
  const person = (who: AgendaPersonNames & { name: string }): InLanguage | null => shown(who.names, who.name);
  return {
    /** 'Aleksandr Drozdenko (Александр Дрозденко), Governor of Leningrad Region (Government of Leningrad Region); …' */
    counterpartsParts(e: Pick<AgendaEntry, 'counterparts'>): Piece[] {
      return joined(
        e.counterparts.map((c) => {
          const line = nameWithOther(c);
          const position = shown(c.positions, c.position);
          const organization = shown(c.organizationNames, c.organization);
          if (position) line.push(', ', position);
          if (organization && (!position || position.text.indexOf(organization.text) < 0)) line.push(' (', organization, ')');
          return line;
        }),
        '; ',
      );
    },
    /** 'Shahin Mustafayev, Leyla Mammadova (note-taker)': the principal and the required need no role. */
    oursParts(e: Pick<AgendaEntry, 'ours'>): Piece[] {
      return joined(
        e.ours.map((o) => {
          const name = person(o);
          const line: Piece[] = name ? [name] : [];
          if (o.role !== 'principal' && o.role !== 'required') line.push(` (${o.roleLabel.toLocaleLowerCase(locale)})`);
          return line;
        }),
        ', ',
      );
    },
    /** 'Rashad Aliyev, Anna Petrova' in the reader's script. */
    interpretersParts(e: Pick<AgendaEntry, 'interpreters' | 'interpreterNames'>): Piece[] {
      return joined(
        e.interpreters.map((name, i) => {
          const one = shown(e.interpreterNames?.[i], name);
          return one ? [one] : [];
        }),
        ', ',
      );
    },
    /** 'Leyla Mammadova, Protocol officer, +994 …': the contact on site, without the phone when a phone's link carries it (`withPhone` false). */
    contactParts(n: Pick<AgendaPrivateNotes, 'contactOnSite' | 'contactName' | 'contactPhone' | 'contactPerson'>, withPhone = true): Piece[] {
      if (!n.contactPerson) {
        const text = withPhone ? n.contactOnSite : n.contactName;
        return text ? [{ text, lang: languageOfData(text) }] : [];
      }
      const name = shown(n.contactPerson.names, '');
      const position = shown(n.contactPerson.positions, '');
      const line: Piece[] = name ? [name] : [];
      if (position) line.push(', ', position);
      if (withPhone && n.contactPhone) line.push(`, ${n.contactPhone}`);
      return line;
    },
    /** 'Memorandum — AZPROMO; Roscongress (signed 7 June 2019)' */
    documentsText(n: Pick<AgendaPrivateNotes, 'documents'>): string {
      return n.documents
        .map((doc) => doc.title + (doc.parties ? ` — ${doc.parties}` : '') + (doc.signedOn ? ` (${translate(locale, 'ui.agenda.signed-on', { date: formatDate(locale, doc.signedOn, 'dayMonthYear') })})` : ''))
        .join('; ');
    },
  };
}

/** The pieces as one plain line (the programme of stay in Word, which marks no language inside a line). */
export function piecesText(pieces: readonly Piece[]): string {
  return pieces.map((p) => (typeof p === 'string' ? p : p.text)).join('');
}
