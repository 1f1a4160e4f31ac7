/**
 * The keys of what reading an uploaded spreadsheet says (issue 16, "Import"):
 * why a file is refused, what was noticed while reading it, and the names of
 * the fields its columns fill. The sentences are in
 * catalogues/<locale>/domain-imports.json.
 *
 * A cell is named as a spreadsheet names it (`ref`: 'B7'), with its row
 * (`line`, counted from 1, the header being a row of its own) and, for a
 * workbook, its sheet.
 */
export type CsvSeparator = 'semicolon' | 'comma' | 'tab';

/** The fields an import can fill, as catalogue slugs: 'import.field.given-name'. */
export const IMPORT_FIELD_SLUGS = [
  'external-id',
  'surname',
  'given-name',
  'patronymic',
  'full-name',
  'name-ru',
  'name-az',
  'position',
  'position-ru',
  'position-az',
  'organization',
  'email',
  'phone',
  'delegation',
  'role',
  'name',
  'org-name-ru',
  'org-name-az',
  'short-name',
  'country',
  'kind',
  'title',
  'date',
  'start',
  'end',
  'venue',
  'room',
  'participants',
  'person',
  'reason',
  'status',
  'duration',
  'time-zone',
  'place',
  'delegations',
  'briefing',
] as const;
export type ImportFieldSlug = (typeof IMPORT_FIELD_SLUGS)[number];

type FieldLabelMessages = { [S in ImportFieldSlug as `import.field.${S}`]: Record<string, never> };

export interface ImportMessages extends FieldLabelMessages {
  /** Nothing in the file at all (0 bytes, or only spaces and empty rows). */
  'import.empty': Record<string, never>;
  /** A header row and no row under it. */
  'import.header-only': Record<string, never>;
  'import.too-large': { megabytes: number };
  /** A workbook whose central directory says it unpacks to more than the reader holds in memory (a zip bomb, or a huge sheet). */
  'import.too-large-unzipped': { megabytes: number };
  'import.too-many-rows': { rows: number; max: number };
  'import.too-many-columns': { columns: number; max: number };
  'import.cell-too-long': { ref: string; line: number; max: number };
  /** A workbook cell that holds a formula: never evaluated, so the import is refused. */
  'import.formula': { sheet: string; ref: string; line: number };
  /** An Excel 97–2003 workbook (OLE2), whatever its name says. */
  'import.old-xls': Record<string, never>;
  /** Bytes that are neither text nor a workbook. */
  'import.binary': Record<string, never>;
  /** A name that ends in neither .csv, .tsv, .txt nor .xlsx. */
  'import.unsupported-type': { fileName: string };
  /** A file named .xlsx (or a zip) that is not a workbook exceljs can open. */
  'import.broken-xlsx': Record<string, never>;
  /** A workbook with no sheet that has a cell filled. */
  'import.no-sheet': Record<string, never>;
  /** A CSV file csv-parse cannot read (an unclosed quote), at a row. */
  'import.broken-csv': { line: number };
  /** Notes: what was noticed while reading, shown above the preview. */
  'import.note.windows-1251': Record<string, never>;
  'import.note.utf-16': Record<string, never>;
  'import.note.separator': { separator: CsvSeparator };
  'import.note.sheet': { sheet: string; sheets: number };
  'import.note.two-header-rows': Record<string, never>;
  /** Rows above the header with one cell filled (a list's title), left out. */
  'import.note.title-rows': { count: number };
}
