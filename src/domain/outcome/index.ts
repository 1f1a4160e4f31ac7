/**
 * After the forum (issue 17): the outcome report over the programme
 * (`outcomeReport`, model.ts), its tables in the reader's language for the
 * page, the print, the workbook and the Word document (tables.ts, docx.ts),
 * and the draft press release written from it (`pressRelease`,
 * press-release.ts). Pure: the service loads the input.
 */
export { outcomeReport, type OutcomeAgreementInput, type OutcomeB2BSessionInput, type OutcomeInput, type OutcomeMeetingInput, type OutcomeOrganization, type OutcomePerson, type OutcomeReport } from './model';
export { forumCity, pressRelease, type PressRelease } from './press-release';
export { outcomeTables, type OutcomeTable } from './tables';
export { outcomeDocument } from './docx';
