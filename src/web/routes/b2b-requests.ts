import { Router, type Request, type Response } from 'express';
import { NotFoundError, ValidationError } from '../../domain/errors';
import type { Services } from '../../services';
import { REQUEST_ACTIONS, type RequestAction } from '../../services/b2b';
import { actorOf, flash, idParam, queryString, submitForm, type FormProblems } from '../form';
import { backTo, PRIORITY_CHOICES, readRequestForm, type RequestFormValues } from './b2b-forms';
import { sessionBase, sessionIn } from './b2b-sessions';

/** Planners act for the companies: new requests, accept / decline / cancel / reopen, pins. */
export function b2bRequestRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  const { b2b } = services;
  const planner = (res: Response) => ({ actor: actorOf(res), participantId: null });

  const requestIn = (req: Request) => {
    const { forum, session } = sessionIn(services, req);
    const request = b2b.requests.get(idParam(req, 'requestId'));
    if (request.sessionId !== session.id) throw new NotFoundError(`There is no request ${request.id} in “${session.title}”.`);
    return { forum, session, request };
  };

  const renderForm = (req: Request, res: Response, status: number, values: RequestFormValues, problems: FormProblems = { errors: {} }) => {
    const { forum, session } = sessionIn(services, req);
    const overview = b2b.views.overview(session.id);
    res.status(status).render('pages/b2b/request-form', { title: 'New meeting request', forum, o: overview, base: sessionBase(session), values, priorities: PRIORITY_CHOICES, ...problems });
  };

  router.get('/new', (req, res) => renderForm(req, res, 200, readRequestForm({}, { fromId: queryString(req, 'from'), toId: queryString(req, 'to') })));

  router.post('/', async (req, res) => {
    const { session } = sessionIn(services, req);
    const values = readRequestForm(req.body);
    await submitForm(
      res,
      () => {
        const created = b2b.requests.create(planner(res), session.id, values);
        flash(req, 'success', 'Request entered as pending: accept it for the company asked when it agrees.');
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
      title: `${view.from.name} – ${view.to.name}`,
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
    if (!Object.hasOwn(REQUEST_ACTIONS, action)) throw new ValidationError({ action: 'Choose accept, decline, cancel or reopen.' });
    const back = backTo(req.body.back, sessionBase(session), `${sessionBase(session)}/requests/${request.id}`);
    await submitForm(
      res,
      () => {
        b2b.requests.act(planner(res), request.id, action);
        const next = action === 'accept' ? ' Run the scheduler to give it a table.' : '';
        flash(req, 'success', `Request ${REQUEST_ACTIONS[action].done}.${next}`);
        res.redirect(303, back);
      },
      (_status, problems) => {
        flash(req, 'error', problems.formError ?? 'The request could not be changed.');
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
        flash(req, 'success', 'Pinned. Here is the schedule with the pin: apply it to make it so, or discard it (the pin stays for the next run).');
        res.redirect(303, `${sessionBase(session)}/proposals/${proposal.id}`);
      },
      (status, problems) => renderRequest(req, res, status, { ...problems, pinValues }),
    );
  });

  router.post('/:requestId/unpin', (req, res) => {
    const { session, request } = requestIn(req);
    b2b.scheduling.unpin(actorOf(res), request.id);
    flash(req, 'success', 'Pin removed: the meeting stays where it is until the next run, which may move it.');
    res.redirect(303, `${sessionBase(session)}/requests/${request.id}`);
  });

  return router;
}
