import type ExcelJSModule from 'exceljs';

/**
 * exceljs, loaded on the first workbook read or written (imports, exports), not at start: it takes about a
 * second and 28 MB to load, which every server start and every test file would pay for a spreadsheet most
 * runs never touch.
 */
let excel: Promise<typeof ExcelJSModule> | undefined;

export function loadExcel(): Promise<typeof ExcelJSModule> {
  excel ??= import('exceljs').then((m) => ((m as { default?: typeof ExcelJSModule }).default ?? m) as typeof ExcelJSModule);
  return excel;
}
