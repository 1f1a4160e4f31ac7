import { Router, type Request, type Response } from 'express';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, isAgreementKind, isAgreementStatus, statusesFrom, type Agreement, type AgreementStatus } from '../../domain/agreements';
import { forumDays } from '../../domain/agenda';
import { isCalendarDate } from '../../domain/calendar-date';
import { ValidationError } from '../../domain/errors';
import { nameText } from '../../domain/names';
import type { Forum } from '../../domain/types';
import { translate, type Locale } from '../../messages/catalogue';
import { collatorFor } from '../../messages/locale-formats';
import type { Services } from '../../services';
import type { RegisterQuery, RegisterRow } from '../../services/agreements';
import { agreementsExport } from '../agreement-exports';
import { checkExportSize, DEFAULT_EXPORT_MAX_ROWS, exportHrefs, exportRoutes } from '../exports';
import { actorOf, flash, idParam, queryString, submitForm, type FormProblems } from '../form';
import { matches, PAGE_SIZE, pagerOf, readPageRequest } from '../list-query';
import { readerLocale } from '../locale';
import { byShownName, personChoiceLabel } from '../meeting-form';

/** The most meetings the form's "signed at" choice lists (a forum-sized programme has thousands). */
const MEETING_CHOICES_MAX = 400;
/** Empty party and signatory rows under the filled ones. */
const SPARE_ROWS = 2;
/** The most rows the printed register holds (paper is not paged by keyset: the whole filtered register, bounded). */
const PRINT_MAX_ROWS = 2000;

/** The register's form as the page shows it and posts it back: strings, and rows for parties and signatories. */
export interface AgreementFormValues {
  kind: string;
  title: string;
  titleRu: string;
  titleAz: string;
  parties: string;
  partyIds: string[];
  signatoryIds: string[];
  meetingId: string;
  status: string;
  signedOn: string;
  signedPlace: string;
  note: string;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)]);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function readForm(body: Record<string, unknown>): AgreementFormValues {
  return {
    kind: str(body.kind),
    title: str(body.title),
    titleRu: str(body.titleRu),
    titleAz: str(body.titleAz),
    parties: str(body.parties),
    partyIds: list(body.partyIds).filter((id) => id.trim() !== ''),
    signatoryIds: list(body.signatoryIds).filter((id) => id.trim() !== ''),
    meetingId: str(body.meetingId),
    status: str(body.status),
    signedOn: str(body.signedOn),
    signedPlace: str(body.signedPlace),
    note: str(body.note),
  };
}

function formValuesOf(a: Agreement): AgreementFormValues {
  return {
    kind: a.kind,
    title: a.title,
    titleRu: a.titleRu,
    titleAz: a.titleAz,
    parties: a.parties,
    partyIds: a.partyIds.map(String),
    signatoryIds: a.signatories.map((s) => String(s.personId)),
    meetingId: a.meetingId === null ? '' : String(a.meetingId),
    status: a.status,
    signedOn: a.signedOn ?? '',
    signedPlace: a.signedPlace,
    note: a.note,
  };
}

/**
 * The agreements register under /forums/:forumId/agreements: the list with
 * its filters in the address (status, kind, day, meeting, party, text),
 * paged, counted, printable and exported with the same filters; the forms
 * and the status buttons.
 */
export function agreementRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  const forumOf = (req: Request): Forum => services.forums.get(idParam(req, 'forumId'));
  const base = (forum: Forum) => `/forums/${forum.id}/agreements`;

  /** What the address asks for; the page, its print and its exports read it here, so they never disagree. */
  const queryOf = (req: Request, forum: Forum) => {
    const num = (k: string) => (/^\d{1,15}$/.test(queryString(req, k)) ? Number(queryString(req, k)) : undefined);
    const status = queryString(req, 'status');
    const kind = queryString(req, 'kind');
    const day = queryString(req, 'day');
    const q = queryString(req, 'q').slice(0, 200);
    const query: RegisterQuery = {
      status: isAgreementStatus(status) ? status : undefined,
      kind: isAgreementKind(kind) ? kind : undefined,
      day: isCalendarDate(day) ? day : undefined,
      meetingId: num('meeting'),
      organizationId: num('party'),
    };
    const filter = { status: query.status ?? '', kind: query.kind ?? '', day: query.day ?? '', meeting: query.meetingId ? String(query.meetingId) : '', party: query.organizationId ? String(query.organizationId) : '', q };
    return { query, filter, matcher: q.trim() ? (texts: string[]) => matches(texts, q) : undefined, forum };
  };

  /** The filters' choices: the forum's days, and the meetings and organizations the register names (not the whole programme). */
  const filterChoices = (forum: Forum, locale: Locale) => {
    const all = services.agreements.register(forum, {});
    const meetings = new Map(all.flatMap((r) => (r.meeting ? [[r.meeting.id, r.meeting] as const] : [])));
    const parties = new Map(all.flatMap((r) => r.parties.map((o) => [o.id, o] as const)));
    const collator = collatorFor(locale);
    return {
      days: forumDays(forum),
      meetingChoices: [...meetings.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id)),
      partyChoices: [...parties.values()].sort((a, b) => collator.compare(nameText(a, locale), nameText(b, locale))),
    };
  };

  router.get('/', (req, res) => {
    const forum = forumOf(req);
    const locale = readerLocale(req);
    const { query, filter, matcher } = queryOf(req, forum);
    const print = queryString(req, 'print') === '1';
    if (print) {
      const rows = services.agreements.register(forum, query, matcher);
      checkExportSize(req, rows.length, PRINT_MAX_ROWS);
      return res.render('pages/agreements/print', { title: translate(locale, 'ui.agreements.print.title', { forum: forum.shortName }), forum, rows, filter, counts: services.agreements.counts(forum.id), printView: true, bodyClass: 'print-view', generatedAt: services.clock() });
    }
    const keyset = readPageRequest(req, 'agreements', PAGE_SIZE);
    const { page, keyOf } = services.agreements.page(forum, query, keyset, matcher);
    const printQuery = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ''));
    printQuery.set('print', '1');
    res.render('pages/agreements/index', {
      title: translate(locale, 'ui.agreements.title'),
      forum,
      rows: page.rows,
      pager: pagerOf(req, 'agreements', page, keyOf),
      counts: services.agreements.counts(forum.id),
      filter,
      kinds: AGREEMENT_KINDS,
      statuses: AGREEMENT_STATUSES,
      ...filterChoices(forum, locale),
      exports: exportHrefs(req, base(forum)),
      printHref: `${base(forum)}?${printQuery.toString()}`,
    });
  });

  exportRoutes(router, '', (req) => {
    const forum = forumOf(req);
    const { query, filter, matcher } = queryOf(req, forum);
    const rows = services.agreements.register(forum, query, matcher);
    checkExportSize(req, rows.length, services.config.exportMaxRows ?? DEFAULT_EXPORT_MAX_ROWS);
    return agreementsExport(forum, rows, readerLocale(req), filter.day);
  });

  /** The form's choices: kinds, the statuses it may go to, organizations and people by shown name, and the meetings it may be signed at. */
  const formChoices = (forum: Forum, locale: Locale, current: Agreement | null, values: AgreementFormValues) => {
    const collator = collatorFor(locale);
    const organizations = services.organizations.list().sort((a, b) => collator.compare(nameText(a, locale), nameText(b, locale)));
    const keep = /^\d{1,15}$/.test(values.meetingId) ? Number(values.meetingId) : current?.meetingId ?? null;
    return {
      kinds: AGREEMENT_KINDS,
      statuses: current ? statusesFrom(current.status) : (['draft', 'agreed', 'signed'] as AgreementStatus[]),
      organizations: organizations.map((o) => ({ id: o.id, label: nameText(o, locale) })),
      people: byShownName(services.people.list(), locale).map((p) => ({ id: p.id, label: personChoiceLabel(p, locale) })),
      meetings: services.agreements.meetingChoices(forum.id, MEETING_CHOICES_MAX, keep),
      spareRows: SPARE_ROWS,
    };
  };

  const renderForm = (req: Request, res: Response, status: number, forum: Forum, agreement: Agreement | null, values: AgreementFormValues, problems: FormProblems = { errors: {} }) => {
    const locale = readerLocale(req);
    res.status(status).render('pages/agreements/form', {
      title: translate(locale, agreement ? 'ui.agreements.edit-title' : 'ui.agreements.new-title'),
      forum,
      agreement,
      values,
      version: problems.stale ? (problems.stale as Agreement).version : agreement?.version,
      ...formChoices(forum, locale, agreement, values),
      ...problems,
    });
  };

  router.get('/new', (req, res) => {
    const forum = forumOf(req);
    const meetingId = /^\d{1,15}$/.test(queryString(req, 'meeting')) ? queryString(req, 'meeting') : '';
    renderForm(req, res, 200, forum, null, { kind: 'agreement', title: '', titleRu: '', titleAz: '', parties: '', partyIds: [], signatoryIds: [], meetingId, status: 'draft', signedOn: '', signedPlace: '', note: '' });
  });

  router.post('/', async (req, res) => {
    const forum = forumOf(req);
    const values = readForm(req.body);
    await submitForm(
      res,
      () => {
        const saved = services.agreements.create(actorOf(res), forum.id, values);
        flash(req, 'success', translate(readerLocale(req), 'ui.agreements.done.created', { title: saved.title }));
        res.redirect(303, `${base(forum)}/${saved.id}`);
      },
      (status, problems) => renderForm(req, res, status, forum, null, values, problems),
    );
  });

  router.get('/:id', (req, res) => {
    const forum = forumOf(req);
    const row: RegisterRow = services.agreements.row(forum.id, idParam(req));
    const a = row.agreement;
    res.render('pages/agreements/show', {
      title: nameText({ en: a.title, ru: a.titleRu, az: a.titleAz }, readerLocale(req)),
      forum,
      row,
      moves: statusesFrom(a.status).filter((s) => s !== a.status),
      history: services.audit.history('agreement', a.id),
    });
  });

  router.get('/:id/edit', (req, res) => {
    const forum = forumOf(req);
    const agreement = services.agreements.inForum(forum.id, idParam(req));
    renderForm(req, res, 200, forum, agreement, formValuesOf(agreement));
  });

  router.post('/:id/edit', async (req, res) => {
    const forum = forumOf(req);
    const agreement = services.agreements.inForum(forum.id, idParam(req));
    const values = readForm(req.body);
    const version = Number(req.body.version);
    await submitForm(
      res,
      () => {
        const saved = services.agreements.update(actorOf(res), forum.id, agreement.id, Number.isInteger(version) ? version : null, values);
        flash(req, 'success', translate(readerLocale(req), 'ui.agreements.done.saved', { title: saved.title }));
        res.redirect(303, `${base(forum)}/${saved.id}`);
      },
      (status, problems) => renderForm(req, res, status, forum, agreement, values, problems),
    );
  });

  // A status button on the agreement's page (agree, sign, withdraw, back to draft): refused with a sentence on the page.
  router.post('/:id/status', async (req, res) => {
    const forum = forumOf(req);
    const agreement = services.agreements.inForum(forum.id, idParam(req));
    const back = `${base(forum)}/${agreement.id}`;
    const status = str(req.body.status);
    if (!isAgreementStatus(status)) throw new ValidationError({ status: translate(readerLocale(req), 'ui.agreements.choose-status') });
    const version = Number(req.body.version);
    await submitForm(
      res,
      () => {
        const saved = services.agreements.setStatus(actorOf(res), forum.id, agreement.id, Number.isInteger(version) ? version : null, status);
        flash(req, 'success', translate(readerLocale(req), 'ui.agreements.done.status', { title: saved.title, status: saved.status }));
        res.redirect(303, back);
      },
      (_status, problems) => {
        flash(req, 'error', [problems.formError, ...Object.values(problems.errors)].filter(Boolean).join(' '));
        res.redirect(303, back);
      },
    );
  });

  return router;
}

/**
 * "Mark held" and its undo on a meeting (POST …/meetings/:id/held and
 * …/meetings/:id/not-held): the meeting page's form ticks the documents to
 * sign; the answer comes back to the meeting's page with a notice.
 */
export function meetingHeldRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  const back = (req: Request) => `/forums/${idParam(req, 'forumId')}/meetings/${idParam(req)}`;
  const answer = async (req: Request, res: Response, act: () => string) => {
    await submitForm(
      res,
      () => {
        flash(req, 'success', act());
        res.redirect(303, back(req));
      },
      (_status, problems) => {
        flash(req, 'error', [problems.formError, ...Object.values(problems.errors)].filter(Boolean).join(' '));
        res.redirect(303, back(req));
      },
    );
  };
  router.post('/:id/held', async (req, res) => {
    const forumId = services.forums.get(idParam(req, 'forumId')).id;
    const version = Number(req.body.version);
    const sign = list(req.body.sign)
      .filter((id) => /^\d{1,15}$/.test(id))
      .map(Number);
    await answer(req, res, () => {
      const { meeting, signed } = services.agreements.markHeld(actorOf(res), forumId, idParam(req), Number.isInteger(version) ? version : null, sign);
      return translate(readerLocale(req), 'ui.agreements.done.held', { title: meeting.title, signed });
    });
  });
  router.post('/:id/not-held', async (req, res) => {
    const forumId = services.forums.get(idParam(req, 'forumId')).id;
    const version = Number(req.body.version);
    await answer(req, res, () => {
      const meeting = services.agreements.unmarkHeld(actorOf(res), forumId, idParam(req), Number.isInteger(version) ? version : null);
      return translate(readerLocale(req), 'ui.agreements.done.not-held', { title: meeting.title });
    });
  });
  return router;
}
