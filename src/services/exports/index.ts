export { CSV_SEPARATORS, escapeFormulaText, toCsv, toXlsx, toXlsxBook, worksheetName, type CellValue, type CsvSeparator, type Sheet, type SheetColumn } from './sheet';
