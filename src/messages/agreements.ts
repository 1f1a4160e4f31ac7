/**
 * What the agreements register says (issue 17): refusals of its forms and of
 * "mark held", and its audit summaries.
 */
import type { AgreementStatus } from '../domain/agreements';

export interface AgreementMessages {
  'agreement.not-found': { id: number };
  /** A status the agreement cannot go to from where it is (draft → agreed → signed, any → withdrawn, withdrawn → draft). */
  'agreement.status-not-allowed': { from: AgreementStatus; to: AgreementStatus };
  /** Signed without a date, and no meeting to take the date from. */
  'agreement.signed-needs-date': Record<string, never>;
  'agreement.meeting-not-in-forum': Record<string, never>;
  /** `number` counts from 1. */
  'agreement.party-missing': { number: number };
  'agreement.signatory-missing': { number: number };
  'agreement.too-many': { max: number };
  'agreement.too-long': { field: 'titleRu' | 'titleAz'; max: number };
  'agreement.choose-kind': Record<string, never>;
  /** Mark held: only a confirmed meeting is held. */
  'agreement.held-needs-confirmed': { title: string };
  /** Mark held: a ticked document that is not this meeting's, or not agreed yet. */
  'agreement.not-to-sign-here': { title: string; status: AgreementStatus };
  'agreement.not-held': { title: string };
  'audit.summary.agreement': { title: string; status: AgreementStatus };
  /** `held`: marked held (true) or no longer (false); `signed`: how many documents it signed. */
  'audit.summary.meeting-held': { title: string; held: boolean; signed: number };
}
