import type { Request, Response, Router } from 'express';
import { ValidationError } from '../domain/errors';
import { translate } from '../messages/catalogue';
import { CSV_SEPARATORS, toCsv, toXlsx, type CsvSeparator, type Sheet } from '../services/exports';
import { queryString } from './form';
import { BadListRequest } from './list-query';
import { readerLocale } from './locale';

/**
 * Every list's "Download .xlsx / .csv": GET <list>/export.xlsx and
 * <list>/export.csv with the list's own query string, so the file holds the
 * whole list with the filters the page shows (not one page of it). The
 * policy table decides who may read them as it does for the list (they are
 * reads under the list's path). Written from one table model
 * (services/exports), headers and words in the reader's language.
 */
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** When the configuration does not say (EXPORT_MAX_ROWS). */
export const DEFAULT_EXPORT_MAX_ROWS = 100_000;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8; header=present',
};

/** What a list's export sends: the table and the file's name without its extension (any script: it is sent as RFC 6266 filename*). */
export interface ExportFile {
  sheet: Sheet;
  file: string;
}

/** The query parameters that choose a page, not the list: an export leaves them out. */
const PAGE_ONLY = new Set(['cursor', 'limit', 'sep']);

/** The download links of a list page: the same filters, the whole list; CSV also with semicolons. */
export function exportHrefs(req: Request, base: string): Record<ExportFormat | 'csvSemicolon', string> {
  const kept = new URLSearchParams();
  for (const [name, value] of Object.entries(req.query)) {
    for (const v of Array.isArray(value) ? value : [value]) if (!PAGE_ONLY.has(name) && typeof v === 'string' && v !== '') kept.append(name, v);
  }
  const query = kept.toString();
  const href = (format: ExportFormat) => `${base}/export.${format}${query ? `?${query}` : ''}`;
  return { xlsx: href('xlsx'), csv: href('csv'), csvSemicolon: `${href('csv')}${query ? '&' : '?'}sep=%3B` };
}

/**
 * Refuses a list longer than an export holds, before anything is built: a 422
 * with a sentence naming both numbers and what to do.
 */
export function checkExportSize(req: Request, rows: number, maxRows: number): void {
  if (rows <= maxRows) return;
  const said = translate(readerLocale(req), 'ui.exports.too-many', { rows, max: maxRows });
  throw new ValidationError({ export: said }, said);
}

/** `?sep=;` asks for semicolons (Excel where the decimal sign is a comma); a comma otherwise. Anything else is a 400 with a sentence. */
function separatorOf(req: Request): CsvSeparator {
  const sep = queryString(req, 'sep');
  if (sep === '') return ',';
  if ((CSV_SEPARATORS as readonly string[]).includes(sep)) return sep as CsvSeparator;
  throw new BadListRequest(translate(readerLocale(req), 'ui.exports.bad-separator', { sep: sep.slice(0, 10) }));
}

/**
 * A file name any browser saves as given: `filename` an ASCII stand-in (letters
 * without their marks, anything else '_'), `filename*` the name itself in
 * UTF-8 (RFC 6266, RFC 8187), so 'SPIEF-2019-встречи.xlsx' stays Cyrillic.
 */
export function contentDisposition(name: string): string {
  const clean = name.replace(/[\p{Cc}"\\/:*?<>|]+/gu, '_').trim().slice(0, 150) || 'export';
  const ascii =
    clean
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/ı/g, 'i')
      .replace(/ə/g, 'e')
      .replace(/Ə/g, 'E')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/_+/g, '_') || 'export';
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends a list's table in the format its address names. */
export async function sendExport(req: Request, res: Response, format: ExportFormat, { sheet, file }: ExportFile): Promise<void> {
  const body = format === 'xlsx' ? await toXlsx(sheet) : toCsv(sheet, separatorOf(req));
  res.set({ 'Content-Type': CONTENT_TYPES[format], 'Content-Disposition': contentDisposition(`${file}.${format}`), 'Cache-Control': 'private, no-store' });
  res.send(body);
}

/**
 * GET `${path}/export.xlsx` and `${path}/export.csv` on a list's router,
 * registered before the list's `/:id` routes so they are not read as an id.
 * The separator is read before the table is built, so a bad one costs nothing.
 */
export function exportRoutes(router: Router, path: string, build: (req: Request, res: Response) => ExportFile | Promise<ExportFile>): void {
  for (const format of EXPORT_FORMATS) {
    router.get(`${path}/export.${format}`, async (req, res) => {
      if (format === 'csv') separatorOf(req);
      await sendExport(req, res, format, await build(req, res));
    });
  }
}
