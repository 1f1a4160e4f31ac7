import { Router, type Request, type Response } from 'express';
import { NotFoundError } from '../../domain/errors';
import type { AuditService } from '../../services/audit';
import type { RecordService } from '../../services/reference';
import type { RecordShape } from '../../domain/types';
import { actorOf, flash, idParam, queryString, submitForm, type FormProblems } from '../form';
import { PAGE_SIZE, pagerOf, readPageRequest, resolveSort, searchSortAndPage, sortedListName } from '../list-query';
import { translate, type Locale, type MessageParams } from '../../messages/catalogue';
import { collatorFor } from '../../messages/locale-formats';
import { readerLocale } from '../locale';
import { displayName, nameText, type Named } from '../../domain/names';
import { checkExportSize, exportHrefs, exportRoutes } from '../exports';
import type { Sheet } from '../../services/exports';

export interface Option {
  value: string | number;
  label: string;
}

export interface FieldSpec {
  name: string;
  /** A catalogue key ('ui.records.people.field.fullName'), worded in the reader's language. */
  label: string;
  type: 'text' | 'textarea' | 'number' | 'date' | 'time' | 'email' | 'tel' | 'select';
  options?: (forumId: number | null, locale: Locale) => Option[];
  /** A catalogue key, like the label. */
  hint?: string;
  required?: boolean;
  /** Offer an empty choice in a select ('— none —'). */
  optional?: boolean;
  /** The language the value is written in, when it is not the page's (a name in Russian): the input's lang. */
  lang?: Locale;
}

export interface ColumnSpec<T> {
  key: string;
  /** A catalogue key ('ui.records.people.col.name'). */
  label: string;
  /** The cell's text; a value that is a word (a kind) is in `locale` (English when sorting does not say one). */
  value: (r: T, locale?: Locale) => string;
  /** A second, smaller line under the value (e.g. the name in Cyrillic). */
  secondary?: (r: T) => string;
  sortValue?: (r: T) => string | number;
  /**
   * The column shows a name by language (a person's, an organization's): the
   * cell shows and sorts by the reader's language's name, marked with its
   * lang when that is another language than the page's, the other spelling
   * under it (value and secondary are then unused).
   */
  name?: (r: T) => Named;
  /** With `name`: the reader's spelling only, no other spelling under it (a position, an organization beside a person). */
  alone?: boolean;
}

/** The columns as a reader of `locale` sorts them: a name column by the name they see. */
function columnsFor<T>(columns: ColumnSpec<T>[], locale: Locale): ColumnSpec<T>[] {
  return columns.map((c) => {
    const name = c.name;
    return name ? { ...c, value: (r: T) => nameText(name(r), locale) } : c;
  });
}

/**
 * Each area's words live in the catalogue under ui.records.<segment>.: title,
 * new, edit, delete, delete-question, all, created, saved, deleted, not-in-forum
 * (their grammar differs by language: «Новая площадка», «Новый зал»).
 */
export interface AreaSpec<T extends RecordShape> {
  /** A catalogue key: the list's title. */
  title: string;
  /** The record kind in English, for logs and the pager's link names. */
  singular: string;
  service: RecordService<T>;
  /** Forum-scoped areas live under /forums/:forumId/... */
  scope: 'shared' | 'forum';
  segment: string;
  fields: FieldSpec[];
  columns: ColumnSpec<T>[];
  search: (r: T) => string[];
  /** Records of one forum (forum-scoped areas only). */
  listFor?: (forumId: number) => T[];
  forumIdOf?: (r: T) => number | null;
  defaults?: (forumId: number | null) => Record<string, string>;
  /** The record's name by language, when it has one (people, organizations): its page is headed by the reader's, in full. */
  titleName?: (r: T) => Named;
  /** Rows for the details table on the record's page (label: a catalogue key; lang: the value's language, when it is not the page's). */
  details?: (r: T, locale: Locale) => { label: string; value: string; href?: string; lang?: Locale }[];
  /** Columns its exports add after the list's (the name in every language, contacts), in the same shape. */
  exportColumns?: ColumnSpec<T>[];
  /** Extra data and a partial for the record's page (members, rooms...). */
  showExtra?: { partial: string; locals: (r: T, req: Request) => Record<string, unknown> };
  /** Values the URL decides (forumId), merged into every submission. */
  fixedValues?: (forumId: number | null) => Record<string, unknown>;
  /** Other audit entities logged under this record's id, shown in its history (e.g. delegation members). */
  relatedHistory?: string[];
}

/**
 * List, show, create, edit and delete pages for one kind of reference record.
 * The areas differ only in their spec; the behaviour (validation messages
 * beside fields, input kept, stale-version check, delete refused with the
 * references named) is the same everywhere, so it lives here once.
 */
export function recordArea<T extends RecordShape>(spec: AreaSpec<T>, audit: AuditService, exportsOf: { maxRows: number; forumOf: (id: number) => { shortName: string } }): Router {
  const router = Router({ mergeParams: true });
  const { maxRows, forumOf } = exportsOf;
  const forumIdOf = (req: Request) => (spec.scope === 'forum' ? idParam(req, 'forumId') : null);
  // The service refuses values that point outside the forum in the URL.
  const writeContext = (req: Request) => (spec.scope === 'forum' ? { forumId: idParam(req, 'forumId') } : {});
  const base = (req: Request) => (spec.scope === 'forum' ? `/forums/${forumIdOf(req)}/${spec.segment}` : `/${spec.segment}`);
  /** A record as its notices and questions name it: in the reader's language where it has names by language (Дрозденко), else as its service describes it. */
  const nameOf = (req: Request, record: T) => (spec.titleName ? nameText(spec.titleName(record), readerLocale(req), 'full') : spec.service.spec.describe(record));
  /** An area's own sentence ('ui.records.rooms.new'), in the reader's language. */
  const say = (req: Request, what: string, params?: MessageParams) => translate(readerLocale(req), `ui.records.${spec.segment}.${what}`, params);
  const load = (req: Request): T => {
    const record = spec.service.get(idParam(req));
    if (spec.scope === 'forum' && spec.forumIdOf?.(record) !== forumIdOf(req)) throw new NotFoundError(say(req, 'not-in-forum', { id: String(req.params.id) }));
    return record;
  };
  const toForm = (r: Record<string, unknown>) =>
    Object.fromEntries(spec.fields.map((f) => [f.name, r[f.name] === null || r[f.name] === undefined ? '' : String(r[f.name])]));
  const fieldsWithOptions = (req: Request) => {
    const locale = readerLocale(req);
    return spec.fields.map((f) => ({ ...f, label: translate(locale, f.label), hint: f.hint ? translate(locale, f.hint) : undefined, choices: f.options?.(forumIdOf(req), locale) ?? [] }));
  };
  /** The list's columns with their headings in the reader's language; cells take `locale`. */
  const columnsIn = (locale: Locale) => spec.columns.map((c) => ({ ...c, label: translate(locale, c.label) }));
  /** What every page of the area shows: its title, "All …", the column headings. */
  const wordsOf = (req: Request) => ({ areaTitle: say(req, 'title'), allLabel: say(req, 'all'), newLabel: say(req, 'new'), deleteLabel: say(req, 'delete') });

  const renderForm = (req: Request, res: Response, status: number, record: T | null, values: Record<string, string>, problems: FormProblems = { errors: {} }) => {
    res.status(status).render('pages/records/form', {
      title: say(req, record ? 'edit' : 'new'),
      spec,
      base: base(req),
      record,
      values,
      version: problems.stale ? (problems.stale as T).version : record?.version,
      fields: fieldsWithOptions(req),
      staleValues: problems.stale ? toForm(problems.stale as Record<string, unknown>) : null,
      ...problems,
    });
  };

  router.get('/', (req, res) => {
    const forumId = forumIdOf(req);
    const all = forumId === null ? spec.service.list() : spec.listFor!(forumId);
    const q = queryString(req, 'q');
    // The cursor names the list and its sort, so a link made under one order is refused under another.
    const list = sortedListName(spec.segment, resolveSort(spec.columns, queryString(req, 'sort'), queryString(req, 'dir')));
    const keyset = readPageRequest(req, list, PAGE_SIZE);
    const locale = readerLocale(req);
    // Sorted in the reader's alphabet (people and organizations by name: Ə after E in Azerbaijani, Cyrillic first in Russian), a name column by the name the reader sees.
    const { page, sort, dir, keyOf } = searchSortAndPage(all, { q, sort: queryString(req, 'sort'), dir: queryString(req, 'dir'), columns: columnsFor(spec.columns, locale), search: spec.search, keyset, collator: collatorFor(locale) });
    res.render('pages/records/index', {
      title: say(req, 'title'),
      ...wordsOf(req),
      columns: columnsIn(locale),
      spec,
      base: base(req),
      rows: page.rows,
      matched: page.total,
      pager: pagerOf(req, list, page, keyOf),
      limit: queryString(req, 'limit'),
      q,
      sort,
      dir,
      total: all.length,
      exports: exportHrefs(req, base(req)),
    });
  });

  /**
   * The list as a file: every record the search keeps, in the page's sort
   * order, the list's columns (names in the reader's language) and the
   * area's export columns; a column that sorts by number is a number cell.
   */
  exportRoutes(router, '', (req) => {
    const forumId = forumIdOf(req);
    const all = forumId === null ? spec.service.list() : spec.listFor!(forumId);
    const locale = readerLocale(req);
    checkExportSize(req, all.length, maxRows);
    const { page } = searchSortAndPage(all, { q: queryString(req, 'q'), sort: queryString(req, 'sort'), dir: queryString(req, 'dir'), columns: columnsFor(spec.columns, locale), search: spec.search, keyset: { limit: maxRows }, collator: collatorFor(locale) });
    const exported = columnsFor([...spec.columns, ...(spec.exportColumns ?? [])], locale);
    const numeric = (c: ColumnSpec<T>) => page.rows.length > 0 && page.rows.every((r) => typeof c.sortValue?.(r) === 'number');
    const columns = exported.map((c) => ({ key: c.key, header: translate(locale, c.label), type: numeric(c) ? ('number' as const) : ('text' as const), value: c }));
    const sheet: Sheet = {
      name: say(req, 'title'),
      columns: columns.map(({ key, header, type }) => ({ key, header, type })),
      rows: page.rows.map((r) => Object.fromEntries(columns.map(({ key, type, value }) => [key, type === 'number' ? (value.sortValue!(r) as number) : value.value(r, locale)]))),
    };
    const forum = forumId === null ? null : forumOf(forumId);
    return { sheet, file: [forum?.shortName ?? '', say(req, 'title'), queryString(req, 'q').slice(0, 40)].filter(Boolean).join('-') };
  });

  router.get('/new', (req, res) => renderForm(req, res, 200, null, { ...toForm({}), ...spec.defaults?.(forumIdOf(req)) }));

  router.post('/', async (req, res) => {
    const values = { ...req.body, ...spec.fixedValues?.(forumIdOf(req)) };
    await submitForm(
      res,
      () => {
        const created = spec.service.create(actorOf(res), values, writeContext(req));
        flash(req, 'success', say(req, 'created', { name: nameOf(req, created) }));
        res.redirect(303, `${base(req)}/${created.id}`);
      },
      (status, problems) => renderForm(req, res, status, null, toForm(req.body), problems),
    );
  });

  router.get('/:id', (req, res) => {
    const record = load(req);
    const locale = readerLocale(req);
    const heading = spec.titleName ? displayName(spec.titleName(record), locale, 'full') : null;
    res.render('pages/records/show', {
      title: heading ? heading.text : spec.service.spec.describe(record),
      heading,
      ...wordsOf(req),
      spec,
      base: base(req),
      record,
      details: (spec.details?.(record, locale) ?? []).map((d) => ({ ...d, label: translate(locale, d.label) })),
      extra: spec.showExtra ? { partial: spec.showExtra.partial, ...spec.showExtra.locals(record, req) } : null,
      history: [spec.service.spec.entity, ...(spec.relatedHistory ?? [])].flatMap((entity) => audit.history(entity, record.id)).sort((a, b) => b.id - a.id),
    });
  });

  router.get('/:id/edit', (req, res) => {
    const record = load(req);
    renderForm(req, res, 200, record, toForm(record as unknown as Record<string, unknown>));
  });

  router.post('/:id/edit', async (req, res) => {
    const record = load(req);
    const version = Number(req.body.version);
    await submitForm(
      res,
      () => {
        const values = { ...req.body, ...spec.fixedValues?.(forumIdOf(req)) };
        const updated = spec.service.update(actorOf(res), record.id, Number.isInteger(version) ? version : null, values, writeContext(req));
        flash(req, 'success', say(req, 'saved', { name: nameOf(req, updated) }));
        res.redirect(303, `${base(req)}/${updated.id}`);
      },
      (status, problems) => renderForm(req, res, status, record, toForm(req.body), problems),
    );
  });

  router.get('/:id/delete', (req, res) => {
    const record = load(req);
    res.render('pages/records/delete', { title: say(req, 'delete'), question: say(req, 'delete-question', { name: nameOf(req, record) }), spec, base: base(req), record, formError: null });
  });

  router.post('/:id/delete', async (req, res) => {
    const record = load(req);
    await submitForm(
      res,
      () => {
        spec.service.remove(actorOf(res), record.id);
        flash(req, 'success', say(req, 'deleted', { name: nameOf(req, record) }));
        res.redirect(303, base(req));
      },
      (status, problems) =>
        res.status(status).render('pages/records/delete', { title: say(req, 'delete'), question: say(req, 'delete-question', { name: nameOf(req, record) }), spec, base: base(req), record, formError: problems.formError }),
    );
  });

  return router;
}

