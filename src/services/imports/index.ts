/**
 * Reading the spreadsheets every import starts from (issue 16): readTable
 * turns an upload's bytes into rows of text or one message, guessColumns and
 * importFields say which column fills which field, readLocalDateTime reads
 * the dates offices type; previewImport and confirmImport run an import of
 * any kind (people, organizations, a forum's meetings and unavailability).
 */
export { readTable } from './read-table';
export { TABLE_LIMITS, columnName, cellRef, type ReadResult, type ReadTable, type TableLimits, type TableRow } from './table';
export { guessColumns, headerKey, importFields, IMPORT_KINDS, type ColumnGuess, type ImportField, type ImportKind } from './fields';
export { readLocalDateTime, readLocalTime } from './dates';
export { looseKey, editDistance, isPlannedKind, isForumKind, PLANNED_KINDS, ROW_STATUSES, type PlanRow, type ColumnMapping, type PlannedKind } from './plan';
export { previewImport, confirmImport, limitsOf } from './run';
export { applyImport } from './apply';
export { fieldLabel, problemText } from './describe';
export { splitFullName, type NameParts } from './full-name';
export { dateTimeOf, listItems, minutesOf } from './meetings';
