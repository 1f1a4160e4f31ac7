import { Router, type Request, type Response } from 'express';
import { NotFoundError, ValidationError } from '../../domain/errors';
import type { Services } from '../../services';
import { REQUEST_ACTIONS, type RequestAction } from '../../services/b2b';
import { actorOf, flash, idParam, queryString, submitForm, type FormProblems } from '../form';
import { backTo, priorityChoices, readRequestForm, type RequestFormValues } from './b2b-forms';
import { message } from '../../messages';
import { translate } from '../../messages/catalogue';
import { readerLocale } from '../locale';
import { sessionBase, sessionIn } from './b2b-sessions';
import { B2B_REQUEST_STATES, type B2BRequestState } from '../../domain/b2b';
import { checkExportSize, DEFAULT_EXPORT_MAX_ROWS, exportRoutes } from '../exports';
import { b2bRequestsExport } from '../list-exports';
import { BadListRequest } from '../list-query';

/** Planners act for the companies: new requests, accept / decline / cancel / reopen, pins. */
export function b2bRequestRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  const { b2b } = services;
  const planner = (res: Response) => ({ actor: actorOf(res), participantId: null });

  const requestIn = (req: Request) => {
    const { forum, session } = sessionIn(services, req);
    const request = b2b.requests.get(idParam(req, 'requestId'));
    if (request.sessionId !== session.id) throw new NotFoundError(translate(readerLocale(req), 'ui.b2b.not-found.request', { id: request.id, title: session.title }));
    return { forum, session, request };
  };

  const renderForm = (req: Request, res: Response, status: number, values: RequestFormValues, problems: FormProblems = { errors: {} }) => {
    const { forum, session } = sessionIn(services, req);
    const overview = b2b.views.overview(session.id);
    res.status(status).render('pages/b2b/request-form', { title: translate(readerLocale(req), 'ui.b2b.title.request-new'), forum, o: overview, base: sessionBase(session), values, priorities: priorityChoices(readerLocale(req)), ...problems });
  };

  // The session's requests as a file, all or those of one state (?state=pending), oldest first.
  exportRoutes(router, '', (req) => {
    const { session } = sessionIn(services, req);
    const state = queryString(req, 'state');
    if (state && !(B2B_REQUEST_STATES as readonly string[]).includes(state)) throw new BadListRequest(translate(readerLocale(req), 'ui.exports.bad-state', { state: state.slice(0, 20) }));
    const overview = b2b.views.overview(session.id);
    checkExportSize(req, overview.requests.length, services.config.exportMaxRows ?? DEFAULT_EXPORT_MAX_ROWS);
    return b2bRequestsExport(overview, (id) => services.organizations.find(id), readerLocale(req), state as B2BRequestState | '');
  });

  router.get('/new', (req, res) => renderForm(req, res, 200, readRequestForm({}, { fromId: queryString(req, 'from'), toId: queryString(req, 'to') })));

  router.post('/', async (req, res) => {
    const { session } = sessionIn(services, req);
    const values = readRequestForm(req.body);
    await submitForm(
      res,
      () => {
        const created = b2b.requests.create(planner(res), session.id, values);
        flash(req, 'success', translate(readerLocale(req), 'ui.b2b.flash.request-entered'));
        res.redirect(303, `${sessionBase(session)}/requests/${created.id}`);
      },
      (status, problems) => renderForm(req, res, status, values, problems),
    );
  });

  const renderRequest = (req: Request, res: Response, status: number, problems: FormProblems & { pinValues?: Record<string, string> } = { errors: {} }) => {
    const { forum, session, request } = requestIn(req);
    const overview = b2b.views.overview(session.id);
    const view = overview.requests.find((r) => r.record.id === request.id)!;
    const at = view.pin ?? view.placement;
    res.status(status).render('pages/b2b/request', {
      title: translate(readerLocale(req), 'ui.b2b.title.request', { from: view.from.name, to: view.to.name }),
      forum,
      o: overview,
      r: view,
      base: sessionBase(session),
      actions: Object.entries(REQUEST_ACTIONS).filter(([, rule]) => (rule.from as readonly string[]).includes(request.state)).map(([name]) => name),
      history: services.audit.history('b2b_request', request.id),
      pinValues: problems.pinValues ?? { slotIndex: at?.slot ? String(at.slot.index) : '', table: at ? String(at.table) : '' },
      ...problems,
    });
  };

  router.get('/:requestId', (req, res) => renderRequest(req, res, 200));

  router.post('/:requestId/state', async (req, res) => {
    const { session, request } = requestIn(req);
    const action = String(req.body.action) as RequestAction;
    if (!Object.hasOwn(REQUEST_ACTIONS, action)) throw new ValidationError({ action: message('b2b.request.action', {}) });
    const back = backTo(req.body.back, sessionBase(session), `${sessionBase(session)}/requests/${request.id}`);
    await submitForm(
      res,
      () => {
        b2b.requests.act(planner(res), request.id, action);
        flash(req, 'success', translate(readerLocale(req), 'ui.b2b.flash.request-done', { action }));
        res.redirect(303, back);
      },
      (_status, problems) => {
        flash(req, 'error', problems.formError ?? translate(readerLocale(req), 'ui.b2b.flash.request-unchanged'));
        res.redirect(303, back);
      },
    );
  });

  router.post('/:requestId/pin', async (req, res) => {
    const { session, request } = requestIn(req);
    const pinValues = { slotIndex: String(req.body.slotIndex ?? ''), table: String(req.body.table ?? '') };
    await submitForm(
      res,
      () => {
        const proposal = b2b.scheduling.pin(actorOf(res), request.id, pinValues);
        flash(req, 'success', translate(readerLocale(req), 'ui.b2b.flash.pinned'));
        res.redirect(303, `${sessionBase(session)}/proposals/${proposal.id}`);
      },
      (status, problems) => renderRequest(req, res, status, { ...problems, pinValues }),
    );
  });

  router.post('/:requestId/unpin', (req, res) => {
    const { session, request } = requestIn(req);
    b2b.scheduling.unpin(actorOf(res), request.id);
    flash(req, 'success', translate(readerLocale(req), 'ui.b2b.flash.unpinned'));
    res.redirect(303, `${sessionBase(session)}/requests/${request.id}`);
  });

  return router;
}
