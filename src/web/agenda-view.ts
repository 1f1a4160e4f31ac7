import { counterpartsLine, oursLine, type AgendaEntry, type AgendaPrivateNotes } from '../domain/agenda';
import { translate, type Locale } from '../messages/catalogue';
import { formatDate } from '../messages/locale-formats';
import { mapLinkOf, telLinkOf } from './presenters-map';

/**
 * What the agenda's templates (the A4 sheet and the phone cards) print of an
 * entry's people and documents, as one line each in the reader's language,
 * and the links a phone acts on.
 */
export function agendaViewLocals(locale: Locale) {
  return {
    mapLinkOf,
    telLinkOf,
    /** 'Aleksandr Drozdenko (Александр Дрозденко), Governor of Leningrad Region (Government of Leningrad Region); …' */
    counterpartsText(e: Pick<AgendaEntry, 'counterparts'>): string {
      return counterpartsLine(e.counterparts);
    },
    /** 'Shahin Mustafayev, Leyla Mammadova (note-taker)': the principal and the required need no role. */
    oursText(e: Pick<AgendaEntry, 'ours'>): string {
      return oursLine(e.ours, locale);
    },
    /** 'Memorandum — AZPROMO; Roscongress (signed 7 June 2019)' */
    documentsText(n: Pick<AgendaPrivateNotes, 'documents'>): string {
      return n.documents
        .map((doc) => doc.title + (doc.parties ? ` — ${doc.parties}` : '') + (doc.signedOn ? ` (${translate(locale, 'ui.agenda.signed-on', { date: formatDate(locale, doc.signedOn, 'dayMonthYear') })})` : ''))
        .join('; ');
    },
  };
}
