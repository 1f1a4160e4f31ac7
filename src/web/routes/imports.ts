import { Router, type Request, type Response } from 'express';
import type { Services } from '../../services';
import { NotFoundError, ValidationError } from '../../domain/errors';
import type { Forum, Id } from '../../domain/types';
import {
  confirmImport,
  guessColumns,
  importFields,
  isForumKind,
  isPlannedKind,
  limitsOf,
  PLANNED_KINDS,
  previewImport,
  readTable,
  ROW_STATUSES,
  TABLE_LIMITS,
  type ColumnMapping,
  type PlannedKind,
  type PlanRow,
  type ReadTable,
  fieldLabel,
  problemText,
} from '../../services/imports';
import { render } from '../../messages';
import { translate, type Locale } from '../../messages/catalogue';
import { readerLocale } from '../locale';
import { actorOf, idParam } from '../form';
import { uploadOf } from '../middleware/upload';

/** How long an upload waits for its confirmation. */
const BATCH_HOURS = 2;
/** Rows the preview shows at once; the counts cover them all. */
const PREVIEW_PAGE = 200;

interface Batch {
  id: number;
  kind: PlannedKind;
  forumId: Id | null;
  fileName: string;
  table: ReadTable;
  mapping: (string | null)[];
  appliedAt: number | null;
  resultJson: string | null;
}

/** What a confirm did, kept with the upload so that its result page can be reloaded. */
interface StoredResult {
  counts: Record<string, number>;
  created: number;
  updated: number;
  /** The rows left out (the first PREVIEW_PAGE), as the plan had them. */
  errorRows: PlanRow[];
}

/**
 * The import pages (issue 16): upload → map columns → preview → confirm →
 * result. The upload is kept as a batch of rows (import_batch) until it is
 * confirmed; nothing reaches the records before that. The confirm redirects
 * to the result page (POST, redirect, GET), which reads what the confirm
 * kept, so reloading it writes nothing and asks nothing. Who may import is
 * decided by the policy table (planners and admins).
 */
export function importRoutes(services: Services): Router {
  const router = Router();
  const now = () => services.clock();
  const say = (req: Request, key: string, params?: Record<string, string | number>) => translate(readerLocale(req), `ui.imports.${key}`, params);

  const load = (req: Request, res: Response): Batch => {
    const stored = services.store.imports.findBatch(idParam(req), res.locals.user.id, now());
    if (!stored || !isPlannedKind(stored.kind)) throw new NotFoundError(say(req, 'batch-gone'));
    // A forum's upload whose forum is gone goes with it (ON DELETE CASCADE); one of people may have named none.
    if (isForumKind(stored.kind) && stored.forumId === null) throw new NotFoundError(say(req, 'batch-gone'));
    return {
      id: stored.id,
      kind: stored.kind,
      forumId: stored.forumId,
      fileName: stored.fileName,
      table: JSON.parse(stored.tableJson) as ReadTable,
      mapping: JSON.parse(stored.mappingJson) as (string | null)[],
      appliedAt: stored.appliedAt,
      resultJson: stored.resultJson,
    };
  };

  const kinds = (req: Request) => PLANNED_KINDS.map((k) => ({ value: k, label: say(req, `kind.${k}`) }));
  const forumOf = (batch: Batch): Forum | null => (batch.forumId === null ? null : (services.directory.forums().find((f) => f.id === batch.forumId) ?? null));
  const listUrl = (batch: Batch) =>
    batch.kind === 'meetings' ? `/forums/${batch.forumId}/meetings` : batch.kind === 'unavailability' ? `/forums/${batch.forumId}/availability` : `/${batch.kind}`;

  const renderUpload = (req: Request, res: Response, status: number, kind: string, forumId: Id | null, formError: string | null) => {
    res.status(status).render('pages/imports/upload', {
      title: say(req, 'title'),
      kinds: kinds(req),
      kind,
      forumChoices: services.directory.forums().map((f) => ({ value: f.id, label: f.shortName })),
      forumId,
      formError,
      maxMegabytes: TABLE_LIMITS.maxBytes / (1024 * 1024),
    });
  };

  router.get('/', (req, res) => {
    const kind = typeof req.query.kind === 'string' && isPlannedKind(req.query.kind) ? req.query.kind : 'people';
    renderUpload(req, res, 200, kind, (res.locals.currentForum as Forum | null)?.id ?? null, null);
  });

  router.post('/upload', async (req, res) => {
    const kind = String(req.body.kind ?? '');
    const forumText = typeof req.body.forumId === 'string' ? req.body.forumId.trim() : '';
    const forum = /^\d{1,12}$/.test(forumText) ? (services.directory.forums().find((f) => f.id === Number(forumText)) ?? null) : null;
    const shownKind = isPlannedKind(kind) ? kind : 'people';
    const upload = uploadOf(req);
    // A body past the limit keeps only its CSRF token: the kind is not known then, the size is the answer.
    if (upload?.tooLarge) return renderUpload(req, res, 422, shownKind, forum?.id ?? null, say(req, 'error.too-large', { megabytes: TABLE_LIMITS.maxBytes / (1024 * 1024) }));
    if (!isPlannedKind(kind)) return renderUpload(req, res, 422, 'people', forum?.id ?? null, say(req, 'error.kind-any'));
    // A forum is needed for a forum's records, and one that is named must be there.
    if ((isForumKind(kind) && !forum) || (forumText !== '' && !forum)) return renderUpload(req, res, 422, kind, null, say(req, 'error.forum'));
    if (!upload) return renderUpload(req, res, 422, kind, forum?.id ?? null, say(req, 'error.no-file'));
    if (!upload.name || !upload.bytes?.length) return renderUpload(req, res, 422, kind, forum?.id ?? null, say(req, 'error.no-file'));
    const read = await readTable(upload.bytes, upload.name, limitsOf(kind));
    if (!read.ok) return renderUpload(req, res, 422, kind, forum?.id ?? null, render(read.error, readerLocale(req)));
    const mapping = guessColumns(kind, read.table.headers).map((g) => g.field);
    const id = services.store.imports.addBatch({
      userId: res.locals.user.id,
      kind,
      forumId: forum?.id ?? null,
      fileName: upload.name.slice(0, 300),
      tableJson: JSON.stringify(read.table),
      mappingJson: JSON.stringify(mapping),
      createdAt: now(),
      expiresAt: now() + BATCH_HOURS * 3600_000,
    });
    res.redirect(303, `/imports/${id}/map`);
  });

  const fieldChoices = (kind: PlannedKind, locale: Locale) => importFields(kind).map((f) => ({ value: f.field, label: translate(locale, f.labelKey) }));

  /** What every step's page says about the upload: the file, what it lists, and the forum it goes into. */
  const summaryOf = (req: Request, batch: Batch) => ({
    batch,
    kindLabel: say(req, `kind.${batch.kind}`),
    forumLine: forumOf(batch) ? say(req, 'forum-summary', { forum: forumOf(batch)!.shortName }) : '',
  });

  const renderMap = (req: Request, res: Response, batch: Batch, status: number, mapping: (string | null)[], formError: string | null, columnErrors: Record<number, string> = {}) => {
    const locale = readerLocale(req);
    res.status(status).render('pages/imports/map', {
      title: say(req, 'map-title'),
      ...summaryOf(req, batch),
      columns: batch.table.headers.map((header, index) => ({
        index,
        header,
        samples: batch.table.rows.slice(0, 3).map((r) => r.cells[index] ?? '').filter(Boolean),
        field: mapping[index] ?? '',
        error: columnErrors[index] ?? null,
      })),
      choices: fieldChoices(batch.kind, locale),
      notes: batch.table.notes.map((n) => render(n, locale)),
      rowCount: batch.table.rows.length,
      formError,
    });
  };

  router.get('/:id/map', (req, res) => {
    const batch = load(req, res);
    if (batch.appliedAt) return res.redirect(303, `/imports/${batch.id}/result`);
    renderMap(req, res, batch, 200, batch.mapping, null);
  });

  router.post('/:id/map', (req, res) => {
    const batch = load(req, res);
    const allowed = new Set(importFields(batch.kind).map((f) => f.field));
    const mapping: (string | null)[] = [];
    const errors: Record<number, string> = {};
    const taken = new Map<string, number>();
    batch.table.headers.forEach((header, index) => {
      const raw = req.body[`column${index}`];
      const value = typeof raw === 'string' ? raw : '';
      if (value && !allowed.has(value)) errors[index] = say(req, 'error.unknown-field', { header });
      else if (value && taken.has(value)) errors[index] = say(req, 'error.field-twice', { header, first: batch.table.headers[taken.get(value)!]! });
      if (value && allowed.has(value) && !taken.has(value)) taken.set(value, index);
      mapping.push(value && allowed.has(value) ? value : null);
    });
    if (Object.keys(errors).length) return renderMap(req, res, batch, 422, mapping, say(req, 'error.mapping'), errors);
    services.store.imports.setMapping(batch.id, JSON.stringify(mapping));
    res.redirect(303, `/imports/${batch.id}/preview`);
  });

  router.get('/:id/preview', (req, res) => {
    const batch = load(req, res);
    // Meetings and unavailability are tried through their services in a transaction that is rolled back: nothing stays.
    const plan = previewImport(services, actorOf(res), batch.kind, batch.table, batch.mapping, batch.forumId);
    const status = typeof req.query.status === 'string' && (ROW_STATUSES as readonly string[]).includes(req.query.status) ? req.query.status : '';
    const pageNumber = Math.max(1, Math.min(10_000, Number.parseInt(String(req.query.page ?? '1'), 10) || 1));
    const shown = status ? plan.rows.filter((r) => r.status === status) : plan.rows;
    const pages = Math.max(1, Math.ceil(shown.length / PREVIEW_PAGE));
    const page = Math.min(pageNumber, pages);
    res.render('pages/imports/preview', {
      title: say(req, 'preview-title'),
      ...summaryOf(req, batch),
      plan,
      status,
      page,
      pages,
      rows: shown.slice((page - 1) * PREVIEW_PAGE, page * PREVIEW_PAGE).map((r) => rowView(req, batch, r)),
      unmapped: plan.unmapped.map((f) => fieldLabel(batch.kind, f, readerLocale(req))),
      accepted: plan.counts.create + plan.counts.update,
    });
  });

  router.post('/:id/confirm', (req, res) => {
    const batch = load(req, res);
    const result = confirmImport(services, actorOf(res), batch.kind, batch.table, batch.mapping as ColumnMapping, batch.forumId, () => {
      return services.store.imports.markApplied(batch.id, now());
    });
    if (!result) throw new ValidationError({ _form: say(req, 'error.already-applied') }, say(req, 'error.already-applied'));
    const kept: StoredResult = {
      counts: result.plan.counts,
      created: result.created.length,
      updated: result.updated.length,
      errorRows: result.plan.rows.filter((r) => r.status === 'error').slice(0, PREVIEW_PAGE),
    };
    // Outside the import's transaction, which has committed: a failure here leaves the import written and says so on reload.
    services.store.imports.setResult(batch.id, JSON.stringify(kept));
    res.redirect(303, `/imports/${batch.id}/result`);
  });

  router.get('/:id/result', (req, res) => {
    const batch = load(req, res);
    if (!batch.appliedAt) return res.redirect(303, `/imports/${batch.id}/preview`);
    const kept = batch.resultJson ? (JSON.parse(batch.resultJson) as StoredResult) : null;
    res.render('pages/imports/result', {
      title: say(req, 'result-title'),
      ...summaryOf(req, batch),
      counts: kept?.counts ?? { create: 0, update: 0, unchanged: 0, error: 0 },
      created: kept?.created ?? 0,
      updated: kept?.updated ?? 0,
      listUrl: listUrl(batch),
      errorRows: (kept?.errorRows ?? []).map((r) => rowView(req, batch, r)),
    });
  });

  return router;
}

/** A plan row as the preview shows it: its status word, the key it was matched by, each problem and warning as a sentence. */
function rowView(req: Request, batch: Pick<Batch, 'kind' | 'forumId'>, row: PlanRow) {
  const locale = readerLocale(req);
  const kind = batch.kind;
  const recordUrl =
    row.recordId === null ? null : kind === 'meetings' ? `/forums/${batch.forumId}/meetings/${row.recordId}` : kind === 'unavailability' ? `/forums/${batch.forumId}/availability` : `/${kind}/${row.recordId}`;
  return {
    line: row.line,
    status: row.status,
    statusLabel: translate(locale, `ui.imports.status.${row.status}`),
    label: row.label,
    key: row.key ? translate(locale, `ui.imports.key.${row.key.by}`, { value: row.key.shown ?? row.key.value.split('|')[0]! }) : '',
    changed: row.changed.map((f) => fieldLabel(kind, f, locale)).join(', '),
    problems: row.problems.map((p) => problemText(locale, kind, row, p)),
    warnings: (row.warnings ?? []).map((w) => translate(locale, 'ui.imports.warning', { reason: render(w, locale) })),
    recordUrl,
  };
}
