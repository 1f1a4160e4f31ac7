import { Router, type NextFunction, type Request, type Response } from 'express';
import QRCode from 'qrcode';
import { NotFoundError } from '../../domain/errors';
import { forumDays, phoneAgenda } from '../../domain/agenda';
import type { Services } from '../../services';
import type { FeedToken } from '../../domain/feed-scope';
import { baseUrlOf, sendCalendar, webcalOf } from '../calendar-response';
import { idParam } from '../form';
import { renderAgenda } from './agendas';
import { answerDeadLink as noSuchLink } from '../dead-link';
import { askedLocale, readerLocale, useLinkLocale } from '../locale';
import { message } from '../../messages';
import { agendaViewLocals } from '../agenda-view';
import { nameText } from '../../domain/names';

/**
 * What delegates reach without an account: /s/<token>[/calendar.ics | /agenda...]
 * and the forum's public programme /p/<forumId>/programme.ics. A wrong, short,
 * expired or revoked token is a plain 404 that says nothing about why.
 */
export function secretLinkRoutes(services: Services): Router {
  // Only the spelling the app hands out: a token is case-sensitive, and a second spelling is a second door (canonical-path.ts).
  const router = Router({ caseSensitive: true, strict: true });

  const resolveToken = (req: Request, res: Response, next: NextFunction) => {
    const token = services.feeds.resolve(String(req.params.token ?? ''));
    if (!token) return noSuchLink(req, res);
    res.locals.feedToken = token;
    // Its page, printed agenda and feed are in the link's language (a counterpart's in Russian), unless ?lang= asks for another.
    useLinkLocale(req, res, token.locale);
    res.set('Cache-Control', 'private, no-store');
    next();
  };

  router.get('/s/:token', resolveToken, async (req, res) => {
    const token = res.locals.feedToken as FeedToken;
    const info = services.feeds.scopeInfo(token);
    const base = baseUrlOf(req, services.config);
    const feedUrl = `${base}/s/${req.params.token}/calendar.ics`;
    const meetings = services.feeds.meetingsOf(token);
    const views = services.views.describe(info.forum, meetings, { homeTimeZone: info.homeTimeZone });
    const days = forumDays(info.forum).map((day) => ({ day, count: views.filter((v) => v.day === day && v.meeting.status !== 'cancelled').length }));
    const locale = readerLocale(req);
    // On a phone the programme is the agenda's cards (today first, now and next); an organization's link has no agenda, only the table.
    const agenda = token.scope === 'organization' ? null : services.agendas.build({ forumId: token.forumId, scope: token.scope, scopeId: token.scopeId, day: null, viewer: 'link', locale });
    res.render('pages/secret/scope', {
      phone: agenda ? phoneAgenda(agenda, info.forum.timeZone) : null,
      agenda,
      ...agendaViewLocals(locale),
      title: `${info.names ? nameText(info.names, locale, 'full') : info.name} · ${info.forum.shortName}`,
      info,
      feedUrl,
      webcalUrl: webcalOf(feedUrl),
      qr: await QRCode.toDataURL(webcalOf(feedUrl), { margin: 1, width: 220 }),
      days,
      views,
      tokenPath: `/s/${req.params.token}`,
    });
  });

  router.get('/s/:token/calendar.ics', resolveToken, (req, res) => {
    const token = res.locals.feedToken as FeedToken;
    services.feeds.markFetched(token);
    const doc = services.feeds.feedFor(token, baseUrlOf(req, services.config), String(req.params.token), askedLocale(req));
    sendCalendar(req, res, doc, { cache: 'private', refreshMinutes: services.config.feedRefreshMinutes });
  });

  const agendaFor = (req: Request, res: Response, day: string | null) => {
    const token = res.locals.feedToken as FeedToken;
    if (token.scope === 'organization') throw new NotFoundError(message('agenda.scope-kind', {}));
    renderAgenda(services, res, { forumId: token.forumId, scope: token.scope, scopeId: token.scopeId, day, viewer: 'link', locale: readerLocale(req) }, { base: `/s/${req.params.token}/agenda`, markPrinted: null });
  };
  router.get('/s/:token/agenda', resolveToken, (req, res) => agendaFor(req, res, null));
  router.get('/s/:token/agenda/:date', resolveToken, (req, res) => agendaFor(req, res, String(req.params.date)));

  router.get('/p/:forumId/programme.ics', (req, res) => {
    const doc = services.feeds.publicFeed(idParam(req, 'forumId'), readerLocale(req));
    sendCalendar(req, res, doc, { cache: 'public', refreshMinutes: services.config.feedRefreshMinutes });
  });

  // Every other answer under /s/ is the same 404, including a token whose
  // %-escapes do not decode (the router's 400): no reply tells a guess apart.
  router.use('/s', noSuchLink);
  router.use('/s', (err: { status?: number }, req: Request, res: Response, next: NextFunction) => (err?.status !== undefined && err.status < 500 ? noSuchLink(req, res) : next(err)));

  return router;
}
