export { CSV_SEPARATORS, escapeFormulaText, toCsv, toXlsx, worksheetName, type CellValue, type CsvSeparator, type Sheet, type SheetColumn } from './sheet';
