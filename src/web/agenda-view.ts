import { agendaPieces } from '../domain/agenda';
import type { Locale } from '../messages/catalogue';
import { mapLinkOf, telLinkOf } from './presenters-map';

export type { Piece } from '../domain/agenda';

/**
 * What the agenda's templates (the A4 sheet and the phone cards) print of an entry: its people and documents
 * as pieces in the reader's language (domain/agenda/pieces.ts, which the programme of stay in Word uses too),
 * and the links a phone acts on.
 */
export function agendaViewLocals(locale: Locale) {
  return { mapLinkOf, telLinkOf, ...agendaPieces(locale) };
}
