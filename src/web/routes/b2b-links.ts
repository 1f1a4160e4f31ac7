import { Router, type NextFunction, type Request, type Response } from 'express';
import QRCode from 'qrcode';
import { NotFoundError } from '../../domain/errors';
import type { Services } from '../../services';
import { linkActor, type B2BActing, type RequestAction } from '../../services/b2b';
import type { B2BParticipantRecord } from '../../domain/b2b';
import type { FeedToken } from '../../domain/feed-scope';
import { baseUrlOf, webcalOf } from '../calendar-response';
import { formAnswerOf, noticeAnswerOf } from '../error-responses';
import { priorityChoices, readRequestForm, type RequestFormValues } from './b2b-forms';
import { isLocale, translate } from '../../messages/catalogue';
import { readerLocale, useLinkLocale } from '../locale';
import { answerDeadLink as noSuchLink } from '../dead-link';

/** What the company's page says after it acted (the link has no session, so no flash): ?done= names one of these. */
const DONE = new Set(['sent', 'accepted', 'declined', 'cancelled']);
const ANSWERS: Record<string, RequestAction> = { accept: 'accept', decline: 'decline', cancel: 'cancel' };

interface LinkLocals {
  token: FeedToken;
  participant: B2BParticipantRecord;
  tokenPath: string;
  /**
   * The language the reader picked on the address ('?lang=ru'), or ''. The link's pages are in the link's own
   * language (chosen when it was made) unless the address picks another; a picked one is kept on every link, form and redirect.
   */
  lang: string;
}

/**
 * A company's own B2B pages behind its secret link, /s/:token/b2b...: its
 * schedule and requests, the other companies with their profiles, and forms
 * to ask, accept, decline and cancel. Everything acts for the token's company
 * only; any other secret is the same plain 404 as every /s/ address.
 */
export function b2bLinkRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  const { b2b } = services;

  router.use((req: Request, res: Response, next: NextFunction) => {
    const found = b2b.links.participantOf(String(req.params.token ?? ''));
    if (!found) return noSuchLink(req, res);
    res.set('Cache-Control', 'private, no-store');
    // Its pages and their form answers are in the link's language (a Russian company's in Russian), unless ?lang= asks for another.
    useLinkLocale(req, res, found.token.locale);
    const picked = req.query.lang;
    res.locals.b2bLink = { token: found.token, participant: found.participant, tokenPath: `/s/${req.params.token}`, lang: isLocale(picked) ? `?lang=${picked}` : '' } satisfies LinkLocals;
    next();
  });
  const linkOf = (res: Response) => res.locals.b2bLink as LinkLocals;
  const acting = (participant: B2BParticipantRecord): B2BActing => ({ actor: linkActor(services.organizations.find(participant.organizationId)?.name ?? `participant ${participant.id}`), participantId: participant.id });

  const renderHome = async (req: Request, res: Response, status: number, formError: string | null = null) => {
    const { token, participant, tokenPath, lang } = linkOf(res);
    const locale = readerLocale(req);
    const overview = b2b.views.overview(participant.sessionId);
    // Only on the page's own view (not when a form comes back), so a change is shown once, the first time the company looks.
    const since = status === 200 ? b2b.links.changesSinceLastLook(token, participant) : { published: overview.state.published !== null, changes: [] };
    const feedUrl = `${baseUrlOf(req, services.config)}${tokenPath}/calendar.ics`;
    const done = typeof req.query.done === 'string' && DONE.has(req.query.done) ? translate(locale, `ui.b2b.done.${req.query.done}`) : null;
    res.status(status).render('pages/b2b/link-home', {
      title: translate(locale, 'ui.b2b.title.session', { title: overview.session.title }),
      bodyClass: 'secret-page',
      o: overview,
      p: overview.participants.find((x) => x.record.id === participant.id)!,
      rows: b2b.views.agendaOf(overview, participant.id, readerLocale(req)),
      incoming: overview.requests.filter((r) => r.record.toId === participant.id),
      outgoing: overview.requests.filter((r) => r.record.fromId === participant.id),
      tokenPath,
      lang,
      feedUrl,
      webcalUrl: webcalOf(feedUrl),
      qr: await QRCode.toDataURL(webcalOf(feedUrl), { margin: 1, width: 180 }),
      notice: done,
      formError,
      published: since.published,
      changes: since.changes.map((c) => b2b.views.changeView(overview, c)).filter((c) => c !== null),
    });
  };

  const renderCompanies = (req: Request, res: Response, status: number, form: { values?: RequestFormValues; errors?: Record<string, string>; formError?: string } = {}) => {
    const { participant, tokenPath, lang } = linkOf(res);
    const locale = readerLocale(req);
    const overview = b2b.views.overview(participant.sessionId);
    const me = overview.participants.find((x) => x.record.id === participant.id)!;
    const others = overview.participants.filter((x) => x.record.id !== participant.id);
    // With sides, the other side comes first: those are the companies one may ask.
    const sided = overview.session.sideALabel !== null;
    const canAsk = (id: number) => !sided || others.find((x) => x.record.id === id)!.record.side !== me.record.side;
    res.status(status).render('pages/b2b/link-companies', {
      title: translate(locale, 'ui.b2b.title.link-companies', { title: overview.session.title }),
      bodyClass: 'secret-page',
      o: overview,
      p: me,
      companies: others
        .map((c) => ({ view: c, canAsk: canAsk(c.record.id), request: overview.requests.find((r) => (r.record.fromId === me.record.id && r.record.toId === c.record.id) || (r.record.toId === me.record.id && r.record.fromId === c.record.id)) ?? null }))
        .sort((a, b) => Number(b.canAsk) - Number(a.canAsk)),
      tokenPath,
      lang,
      priorities: priorityChoices(locale),
      values: form.values ?? null,
      errors: form.errors ?? {},
      formError: form.formError ?? null,
    });
  };

  router.get('/', (req, res) => renderHome(req, res, 200));
  router.get('/companies', (req, res) => renderCompanies(req, res, 200));
  // A refused form answers at its POST address, where the page's language links (?lang=) then ask with GET: back to the page the form was on.
  router.get('/requests', (_req, res) => res.redirect(303, `${linkOf(res).tokenPath}/b2b/companies${linkOf(res).lang}`));
  router.get('/requests/:requestId', (_req, res) => res.redirect(303, `${linkOf(res).tokenPath}/b2b${linkOf(res).lang}`));

  router.post('/requests', (req, res) => {
    const { participant, tokenPath, lang } = linkOf(res);
    const values = readRequestForm(req.body);
    try {
      b2b.requests.create(acting(participant), participant.sessionId, values);
    } catch (err) {
      const answer = formAnswerOf(err, readerLocale(req));
      if (!answer) throw err;
      const { errors } = answer.problems;
      return renderCompanies(req, res, answer.status, { values, errors, formError: answer.formMessage ?? Object.values(errors)[0] ?? translate(readerLocale(req), 'ui.b2b.link.check-request') });
    }
    res.redirect(303, `${tokenPath}/b2b?done=sent${lang.replace('?', '&')}`);
  });

  router.post('/requests/:requestId', async (req, res) => {
    const { participant, tokenPath, lang } = linkOf(res);
    const action = ANSWERS[String(req.body.action)];
    if (!action) return renderHome(req, res, 422, translate(readerLocale(req), 'ui.b2b.link.choose-action'));
    const requestId = /^\d{1,15}$/.test(String(req.params.requestId)) ? Number(req.params.requestId) : NaN;
    try {
      const request = b2b.requests.get(requestId);
      if (request.sessionId !== participant.sessionId) throw new NotFoundError(translate(readerLocale(req), 'ui.b2b.not-found.link-request'));
      const done = b2b.requests.act(acting(participant), request.id, action);
      return res.redirect(303, `${tokenPath}/b2b?done=${done.state}${lang.replace('?', '&')}`);
    } catch (err) {
      const notice = noticeAnswerOf(err);
      if (!notice) throw err;
      return notice.kind === 'not-found' ? noSuchLink(req, res) : renderHome(req, res, notice.status, notice.message);
    }
  });

  return router;
}
