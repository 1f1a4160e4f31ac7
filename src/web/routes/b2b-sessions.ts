import { compareKeys, pageOfSorted } from '../../domain/keyset';
import { PAGE_SIZE, pagerOf, readPageRequest } from '../list-query';
import { Router, type Request, type Response } from 'express';
import type { Conflict } from '../../domain/conflicts';
import { NotFoundError } from '../../domain/errors';
import { render } from '../../messages';
import type { Forum } from '../../domain/types';
import type { Services } from '../../services';
import { type ApplyResult, B2BViews, MAX_MOVE_LIMIT, type SessionOverview } from '../../services/b2b';
import type { B2BSession } from '../../domain/b2b';
import { actorOf, flash, idParam, submitForm, type FormProblems } from '../form';
import { translate, type MessageParams } from '../../messages/catalogue';
import { collatorFor } from '../../messages/locale-formats';
import { readerLocale } from '../locale';
import { checkExportSize, DEFAULT_EXPORT_MAX_ROWS, exportHrefs, exportRoutes } from '../exports';
import { b2bScheduleExport } from '../list-exports';
import { blankSessionForm, readSessionForm, sessionFields, sessionFormValues, type SessionFormValues } from './b2b-forms';

/** The session a URL names, refused (404) when it belongs to another forum than the URL's. */
export function sessionIn(services: Services, req: Request): { forum: Forum; session: B2BSession } {
  const forum = services.forums.get(idParam(req, 'forumId'));
  const session = services.b2b.sessions.get(idParam(req, 'sessionId'));
  if (session.forumId !== forum.id) throw new NotFoundError(translate(readerLocale(req), 'ui.b2b.not-found.session', { id: session.id, forum: forum.shortName }));
  return { forum, session };
}

export const sessionBase = (s: Pick<B2BSession, 'id' | 'forumId'>) => `/forums/${s.forumId}/b2b/${s.id}`;

/** Planners' B2B sessions: list, form, session page, run, hall plan, under /forums/:forumId/b2b. */
export function b2bSessionRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  const { b2b } = services;

  router.get('/', (req, res) => {
    const forum = services.forums.get(idParam(req, 'forumId'));
    const sessions = b2b.sessions.list(forum.id).map((session) => {
      const requests = b2b.requests.list(session.id);
      return {
        session,
        room: services.rooms.find(session.roomId) ?? null,
        slots: b2b.sessions.slots(session).length,
        participants: b2b.participants.list(session.id).length,
        accepted: requests.filter((r) => r.state === 'accepted').length,
        pending: requests.filter((r) => r.state === 'pending').length,
        schedule: b2b.scheduling.state(session.id),
      };
    });
    res.render('pages/b2b/index', { title: translate(readerLocale(req), 'ui.b2b.index.heading', { forum: forum.shortName }), forum, sessions });
  });

  const renderForm = (req: Request, res: Response, status: number, forum: Forum, session: B2BSession | null, values: SessionFormValues, problems: FormProblems = { errors: {} }) => {
    const stale = problems.stale as B2BSession | undefined;
    res.status(status).render('pages/b2b/session-form', {
      title: session ? translate(readerLocale(req), 'ui.b2b.title.edit-session', { title: session.title }) : translate(readerLocale(req), 'ui.b2b.title.new-session'),
      forum,
      session,
      values,
      fields: sessionFields(services, forum, readerLocale(req)),
      version: stale?.version ?? session?.version,
      staleValues: stale ? sessionFormValues(stale) : null,
      ...problems,
    });
  };

  router.get('/new', (req, res) => {
    const forum = services.forums.get(idParam(req, 'forumId'));
    renderForm(req, res, 200, forum, null, blankSessionForm(forum));
  });

  router.post('/', async (req, res) => {
    const forum = services.forums.get(idParam(req, 'forumId'));
    const values = readSessionForm(req.body);
    await submitForm(
      res,
      () => {
        const session = b2b.sessions.create(actorOf(res), forum.id, values);
        flash(req, 'success', translate(readerLocale(req), 'ui.b2b.flash.session-created', { title: session.title }));
        res.redirect(303, sessionBase(session));
      },
      (status, problems) => renderForm(req, res, status, forum, null, values, problems),
    );
  });

  /** The session page; `run` is the run form as it came back when refused (422). */
  const renderSession = (req: Request, res: Response, status: number, run: RunFormState = { values: {}, errors: {} }) => {
    const { forum, session } = sessionIn(services, req);
    const keyset = readPageRequest(req, 'b2b-pending', PAGE_SIZE);
    const overview = b2b.views.overview(session.id);
    // The requests awaiting an answer, a page at a time by request id (the order they came in).
    const pending = pageOfSorted(
      overview.requests.filter((r) => r.record.state === 'pending').sort((a, b) => a.record.id - b.record.id),
      (r) => [r.record.id],
      compareKeys,
      keyset,
    );
    res.status(status).render('pages/b2b/session', {
      title: translate(readerLocale(req), 'ui.b2b.title.session', { title: session.title }),
      bodyClass: 'wide-page',
      forum,
      o: overview,
      pending: pending.rows,
      pendingPager: pagerOf(req, 'b2b-pending', pending, (r) => [r.record.id]),
      between: B2BViews.between,
      base: sessionBase(session),
      runForm: runFormOf(overview, run),
      requestExports: exportHrefs(req, `${sessionBase(session)}/requests`),
      scheduleExports: exportHrefs(req, `${sessionBase(session)}/schedule`),
    });
  };

  router.get('/:sessionId', (req, res) => renderSession(req, res, 200));

  // The applied schedule as a file (a draft too: the planners' own copy), one row per table and slot.
  exportRoutes(router, '/:sessionId/schedule', (req) => {
    const { session } = sessionIn(services, req);
    const overview = b2b.views.overview(session.id);
    checkExportSize(req, overview.requests.length, services.config.exportMaxRows ?? DEFAULT_EXPORT_MAX_ROWS);
    return b2bScheduleExport(overview, (id) => services.organizations.find(id), readerLocale(req));
  });

  router.get('/:sessionId/edit', (req, res) => {
    const { forum, session } = sessionIn(services, req);
    renderForm(req, res, 200, forum, session, sessionFormValues(session));
  });

  router.post('/:sessionId/edit', async (req, res) => {
    const { forum, session } = sessionIn(services, req);
    const values = readSessionForm(req.body);
    const version = Number(req.body.version);
    await submitForm(
      res,
      () => {
        const saved = b2b.sessions.update(actorOf(res), session.id, Number.isInteger(version) ? version : null, values);
        flash(req, 'success', translate(readerLocale(req), 'ui.b2b.flash.session-saved', { title: saved.title }));
        res.redirect(303, sessionBase(saved));
      },
      (status, problems) => renderForm(req, res, status, forum, session, values, problems),
    );
  });

  router.post('/:sessionId/schedule', async (req, res) => {
    const { session } = sessionIn(services, req);
    const values = readRunForm(req.body);
    await submitForm(
      res,
      () => {
        const proposal = b2b.scheduling.run(actorOf(res), session.id, values);
        res.redirect(303, `${sessionBase(session)}/proposals/${proposal.id}`);
      },
      (status, problems) => renderSession(req, res, status, { values, errors: problems.errors, formError: problems.formError }),
    );
  });

  /** The preview: what the proposal adds, moves and drops; apply or discard. */
  const renderProposal = (req: Request, res: Response, status: number, formError: string | null = null) => {
    const { forum, session } = sessionIn(services, req);
    const overview = b2b.views.overview(session.id);
    const view = b2b.views.proposal(overview);
    if (!view || view.proposal.id !== idParam(req, 'proposalId')) b2b.scheduling.proposal(idParam(req, 'proposalId')); // throws the 404 with its sentence
    res.status(status).render('pages/b2b/proposal', { title: translate(readerLocale(req), 'ui.b2b.title.preview', { title: session.title }), bodyClass: 'wide-page', forum, o: overview, p: view!, base: sessionBase(session), runForm: runFormOf(overview, { values: {}, errors: {} }), formError });
  };

  router.get('/:sessionId/proposals/:proposalId', (req, res) => renderProposal(req, res, 200));

  router.post('/:sessionId/proposals/:proposalId/apply', async (req, res) => {
    const { session } = sessionIn(services, req);
    const proposalId = idParam(req, 'proposalId');
    await submitForm(
      res,
      () => {
        ownProposal(req, session, proposalId);
        announceApply(req, b2b.scheduling.apply(actorOf(res), proposalId));
        res.redirect(303, `${sessionBase(session)}#schedule`);
      },
      (status, problems) => {
        if (status === 412) return renderProposal(req, res, 412, problems.formError ?? null);
        const conflicts = (problems.conflicts ?? []) as Conflict[];
        const locale = readerLocale(req);
        flash(req, 'error', [translate(locale, 'ui.b2b.flash.not-applied'), problems.formError, ...conflicts.map((c) => render(c.message, locale))].filter(Boolean).join(' '));
        res.redirect(303, sessionBase(session));
      },
    );
  });

  router.post('/:sessionId/proposals/:proposalId/discard', (req, res) => {
    const { session } = sessionIn(services, req);
    const proposalId = idParam(req, 'proposalId');
    ownProposal(req, session, proposalId);
    b2b.scheduling.discard(actorOf(res), proposalId);
    flash(req, 'success', translate(readerLocale(req), 'ui.b2b.flash.discarded'));
    res.redirect(303, sessionBase(session));
  });

  /** A proposal of another session is not found under this one's address. */
  const ownProposal = (req: Request, session: B2BSession, proposalId: number) => {
    if (b2b.scheduling.proposal(proposalId).sessionId !== session.id) throw new NotFoundError(translate(readerLocale(req), 'ui.b2b.not-found.proposal', { id: proposalId, title: session.title }));
  };

  const renderPublish = (req: Request, res: Response, status: number, formError: string | null = null) => {
    const { forum, session } = sessionIn(services, req);
    const overview = b2b.views.overview(session.id);
    const links = overview.participants.reduce((n, p) => n + b2b.links.of(p.record).length, 0);
    res.status(status).render('pages/b2b/publish', { title: translate(readerLocale(req), 'ui.b2b.title.publish', { title: session.title }), forum, o: overview, base: sessionBase(session), links, formError });
  };

  router.get('/:sessionId/publish', (req, res) => renderPublish(req, res, 200));

  router.post('/:sessionId/publish', async (req, res) => {
    const { session } = sessionIn(services, req);
    await submitForm(
      res,
      () => {
        const sync = b2b.scheduling.publish(actorOf(res), session.id);
        flash(req, 'success', translate(readerLocale(req), 'ui.b2b.flash.published', { count: sync.created }));
        res.redirect(303, `${sessionBase(session)}#schedule`);
      },
      (status, problems) => {
        const conflicts = (problems.conflicts ?? []) as Conflict[];
        renderPublish(req, res, status, [problems.formError, ...conflicts.map((c) => render(c.message, readerLocale(req)))].filter(Boolean).join(' '));
      },
    );
  });

  router.get('/:sessionId/hall-plan', (req, res) => {
    const { forum, session } = sessionIn(services, req);
    const overview = b2b.views.overview(session.id);
    const collator = collatorFor(readerLocale(req));
    const doorList = overview.participants
      .slice()
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((p) => ({ participant: p, rows: b2b.views.agendaOf(overview, p.record.id, readerLocale(req)) }));
    res.render('pages/b2b/hall-plan', { title: translate(readerLocale(req), 'ui.b2b.title.hall-plan', { title: session.title }), bodyClass: 'b2b-hall-plan-page', forum, o: overview, doorList, base: sessionBase(session), printedAt: services.clock() });
  });

  return router;
}

/** What applying did, in a sentence the planner can check against the grid (in the planner's language). */
export function announceApply(req: Request, r: ApplyResult): void {
  const locale = readerLocale(req);
  const say = (key: string, params: MessageParams) => translate(locale, `ui.b2b.applied.${key}`, params);
  const schedule = [r.added && say('added', { count: r.added }), r.movedPlacements && say('moved', { count: r.movedPlacements }), r.dropped && say('dropped', { count: r.dropped })].filter(Boolean).join(', ');
  const programme = [r.created && say('new', { count: r.created }), r.moved && say('moved', { count: r.moved }), r.cancelled && say('cancelled', { count: r.cancelled })].filter(Boolean).join(', ');
  const sentences = [
    say('placed', { count: r.stats.placed, most: r.stats.upperBound }),
    schedule ? say('schedule', { changes: schedule }) : say('no-placement', {}),
    r.published ? (programme ? say('programme', { changes: programme }) : say('no-programme', {})) : say('draft', {}),
  ];
  flash(req, 'success', sentences.join(' '));
  if (r.unplaced) flash(req, 'warning', say('unplaced', { count: r.unplaced }));
}

interface RunFormState {
  values: RunFormValues;
  errors: Record<string, string>;
  formError?: string;
}

/** The run form's values as typed: mode and move limit. */
export interface RunFormValues {
  mode?: string;
  moveLimit?: string;
}

export function readRunForm(body: Record<string, unknown>): RunFormValues {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { mode: text(body.mode), moveLimit: text(body.moveLimit) };
}

/** The run form as the page shows it: the mode it defaults to (place new once published), the move limit, and any refusal. */
function runFormOf(o: SessionOverview, run: RunFormState) {
  const published = o.state.published !== null;
  return {
    mode: run.values.mode ?? (published ? 'place-new' : 'replan'),
    moveLimit: run.values.moveLimit ?? '0',
    maxMoveLimit: MAX_MOVE_LIMIT,
    published,
    errors: run.errors,
    formError: run.formError ?? null,
  };
}
