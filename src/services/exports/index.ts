export { CSV_SEPARATORS, escapeFormulaText, looksLikeFormula, toCsv, toXlsx, worksheetName, type CellValue, type ColumnType, type CsvSeparator, type Sheet, type SheetColumn } from './sheet';
