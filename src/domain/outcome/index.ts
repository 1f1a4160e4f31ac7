/**
 * After the forum (issue 17): the outcome report over the programme
 * (`outcomeReport`, model.ts) and the draft press release written from it
 * (`pressRelease`, press-release.ts). Pure: the service loads the input.
 */
export {
  isHeld,
  outcomeReport,
  type B2BSessionOutcome,
  type CounterpartOutcome,
  type Count,
  type OutcomeAgreementInput,
  type OutcomeB2BSessionInput,
  type OutcomeInput,
  type OutcomeMeetingInput,
  type OutcomeOrganization,
  type OutcomePerson,
  type OutcomeReport,
  type ReportAgreement,
  type ReportMeeting,
} from './model';
export { COUNTRIES_WITH_ADJECTIVES, personPhrase, pressRelease, principalMeetings, type PressRelease } from './press-release';
export { outcomeTables, type OutcomeCell, type OutcomeColumn, type OutcomeColumnType, type OutcomeTable } from './tables';
export { outcomeDocument, type OutcomeDocument } from './docx';
