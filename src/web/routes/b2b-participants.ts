import { Router, type Request, type Response } from 'express';
import QRCode from 'qrcode';
import { NotFoundError } from '../../domain/errors';
import type { Forum } from '../../domain/types';
import type { Services } from '../../services';
import type { B2BParticipantRecord, B2BSession } from '../../domain/b2b';
import type { FeedToken } from '../../domain/feed-scope';
import { baseUrlOf, webcalOf } from '../calendar-response';
import { actorOf, flash, idParam, submitForm, type FormProblems } from '../form';
import { renderAgenda } from './agendas';
import { contactChoices, participantFormValues, readParticipantForm, type ParticipantFormValues } from './b2b-forms';
import { sessionBase, sessionIn } from './b2b-sessions';
import { readerLocale } from '../locale';
import { LOCALE_NAMES, translate } from '../../messages/catalogue';
import { nameText } from '../../domain/names';

/** Planners' pages for the companies of a session: add, edit, one company's day, its secret links, its printable agenda. */
export function b2bParticipantRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  const { b2b } = services;

  const participantIn = (req: Request) => {
    const { forum, session } = sessionIn(services, req);
    const participant = b2b.participants.get(idParam(req, 'participantId'));
    if (participant.sessionId !== session.id) throw new NotFoundError(translate(readerLocale(req), 'ui.b2b.not-found.participant', { id: participant.id, title: session.title }));
    return { forum, session, participant };
  };

  const renderForm = (req: Request, res: Response, status: number, o: { forum: Forum; session: B2BSession; participant: B2BParticipantRecord | null; values: ParticipantFormValues }, problems: FormProblems = { errors: {} }) => {
    const stale = problems.stale as B2BParticipantRecord | undefined;
    res.status(status).render('pages/b2b/participant-form', {
      title: translate(readerLocale(req), o.participant ? 'ui.b2b.title.participant-edit' : 'ui.b2b.title.participant-new'),
      ...o,
      base: sessionBase(o.session),
      ...contactChoices(services),
      version: stale?.version ?? o.participant?.version,
      ...problems,
    });
  };

  router.get('/new', (req, res) => {
    const { forum, session } = sessionIn(services, req);
    renderForm(req, res, 200, { forum, session, participant: null, values: participantFormValues(null) });
  });

  router.post('/', async (req, res) => {
    const { forum, session } = sessionIn(services, req);
    const values = readParticipantForm(req.body);
    await submitForm(
      res,
      () => {
        const created = b2b.participants.add(actorOf(res), session.id, values);
        flash(req, 'success', translate(readerLocale(req), 'ui.b2b.flash.participant-added', { company: nameText(services.organizations.get(created.organizationId), readerLocale(req)) }));
        res.redirect(303, `${sessionBase(session)}/participants/${created.id}`);
      },
      (status, problems) => renderForm(req, res, status, { forum, session, participant: null, values }, problems),
    );
  });

  const renderPage = async (req: Request, res: Response, status: number, created?: { token: FeedToken; secret: string }, linkForm: { values?: { label: string; locale: string } } & Partial<FormProblems> = {}) => {
    const { forum, session, participant } = participantIn(req);
    const overview = b2b.views.overview(session.id);
    const view = overview.participants.find((p) => p.record.id === participant.id)!;
    let link = null;
    if (created) {
      const pageUrl = `${baseUrlOf(req, services.config)}/s/${created.secret}/b2b`;
      const feedUrl = `${baseUrlOf(req, services.config)}/s/${created.secret}/calendar.ics`;
      link = { pageUrl, feedUrl, webcalUrl: webcalOf(feedUrl), qr: await QRCode.toDataURL(pageUrl, { margin: 1, width: 200 }) };
    }
    res.status(status).render('pages/b2b/participant', {
      title: translate(readerLocale(req), 'ui.b2b.title.participant', { company: view.name, title: session.title }),
      forum,
      o: overview,
      p: view,
      rows: b2b.views.agendaOf(overview, participant.id, readerLocale(req)),
      incoming: overview.requests.filter((r) => r.record.toId === participant.id),
      outgoing: overview.requests.filter((r) => r.record.fromId === participant.id),
      links: b2b.links.of(participant).map((k) => ({ ...k, localeName: LOCALE_NAMES[k.locale] })),
      link,
      // A new link starts in the planner's own language; a refused one comes back as it was asked.
      linkValues: linkForm.values ?? { label: '', locale: readerLocale(req) },
      linkErrors: linkForm.errors ?? {},
      base: sessionBase(session),
    });
  };

  router.get('/:participantId', (req, res) => renderPage(req, res, 200));

  router.get('/:participantId/edit', (req, res) => {
    const { forum, session, participant } = participantIn(req);
    renderForm(req, res, 200, { forum, session, participant, values: participantFormValues(participant) });
  });

  router.post('/:participantId/edit', async (req, res) => {
    const { forum, session, participant } = participantIn(req);
    const values = readParticipantForm(req.body);
    const version = Number(req.body.version);
    await submitForm(
      res,
      () => {
        b2b.participants.update(actorOf(res), participant.id, Number.isInteger(version) ? version : null, values);
        flash(req, 'success', translate(readerLocale(req), 'ui.b2b.flash.participant-saved'));
        res.redirect(303, `${sessionBase(session)}/participants/${participant.id}`);
      },
      (status, problems) => renderForm(req, res, status, { forum, session, participant, values }, problems),
    );
  });

  router.post('/:participantId/links', async (req, res) => {
    const { participant } = participantIn(req);
    const values = { label: typeof req.body.label === 'string' ? req.body.label.trim() : '', locale: String(req.body.locale ?? '') };
    let created: { token: FeedToken; secret: string } | undefined;
    await submitForm(
      res,
      () => {
        created = b2b.links.create(actorOf(res), participant.id, values);
      },
      (status, problems) => renderPage(req, res, status, undefined, { values, ...problems }),
    );
    if (created) await renderPage(req, res, 201, created);
  });

  // The company's agenda as staff print it (with briefings); the company's own link prints it without.
  const agenda = (req: Request, res: Response, day: string | null) => {
    const { forum, session, participant } = participantIn(req);
    const base = `${sessionBase(session)}/participants/${participant.id}/agenda`;
    renderAgenda(services, res, { forumId: forum.id, scope: 'b2b_participant', scopeId: participant.id, day, viewer: 'staff', locale: readerLocale(req) }, { base, markPrinted: null });
  };
  router.get('/:participantId/agenda', (req, res) => agenda(req, res, null));
  router.get('/:participantId/agenda/:date', (req, res) => agenda(req, res, String(req.params.date)));

  return router;
}
