import { Router, type Request, type Response } from 'express';
import { calendarDateMessage, isCalendarDate } from '../../domain/calendar-date';
import { phoneAgenda } from '../../domain/agenda';
import { NotFoundError, ValidationError } from '../../domain/errors';
import type { Services } from '../../services';
import { AGENDA_SCOPES, type AgendaRequest } from '../../services/agendas';
import type { FeedScopeKind } from '../../domain/feed-scope';
import { actorOf, flash, idParam } from '../form';
import { readerLocale } from '../locale';
import { message } from '../../messages';
import { isLocale, LOCALE_NAMES, LOCALES, translate } from '../../messages/catalogue';
import { agendaViewLocals } from '../agenda-view';
import { nameText } from '../../domain/names';

/**
 * Renders one agenda (a day or the booklet) for staff or a secret link: the
 * same page on screen and on paper, and as cards on a phone. `?print=1` is the
 * print view (the sheet as paper shows it, for a Print button without
 * JavaScript); `?lang=` prints it in another language, and the page's links
 * keep it.
 */
export function renderAgenda(services: Services, res: Response, req: AgendaRequest, links: { base: string; markPrinted: string | null }): void {
  const agenda = services.agendas.build(req);
  const forum = services.forums.get(req.forumId);
  const here = links.base + (req.day === null ? '' : `/${req.day}`);
  const http = res.req;
  const lang = isLocale(http.query.lang) ? http.query.lang : null;
  const printView = http.query.print === '1';
  // The scope's name in the reader's language where its record has one (Александр Юрьевич Дрозденко), as the page's heading.
  const scope = agenda.scope.names ? nameText(agenda.scope.names, req.locale, 'full') : agenda.scope.title;
  res.render('pages/agenda/agenda', {
    title: req.day === null ? translate(req.locale, 'ui.agenda.title-booklet', { scope }) : translate(req.locale, 'ui.agenda.title-day', { scope, day: req.day }),
    bodyClass: printView ? 'agenda-page print-view' : 'agenda-page',
    printView,
    agenda,
    phone: phoneAgenda(agenda, forum.timeZone),
    forum,
    day: req.day,
    linkBase: links.base,
    langQuery: lang ? `?lang=${lang}` : '',
    printHref: `${here}?print=1${lang ? `&lang=${lang}` : ''}`,
    backHref: `${here}${lang ? `?lang=${lang}` : ''}`,
    printLanguages: LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value], href: `${here}?lang=${value}` })),
    markPrintedAction: links.markPrinted,
    days: agenda.days.map((d) => d.date),
    ...agendaViewLocals(req.locale),
  });
}

/** Staff agendas: /forums/:forumId/agenda/:scope/:scopeId[/:date] and marking one printed. */
export function agendaRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  const scopeOf = (req: Request): FeedScopeKind => {
    const scope = String(req.params.scope);
    if (!(AGENDA_SCOPES as readonly string[]).includes(scope)) throw new NotFoundError(message('agenda.scope-kind', {}));
    return scope as FeedScopeKind;
  };
  const ref = (req: Request) => ({ forumId: idParam(req, 'forumId'), scope: scopeOf(req), scopeId: idParam(req, 'scopeId') });
  const base = (req: Request) => `/forums/${req.params.forumId}/agenda/${req.params.scope}/${req.params.scopeId}`;

  router.get('/:scope/:scopeId', (req, res) => renderAgenda(services, res, { ...ref(req), day: null, viewer: 'staff', locale: readerLocale(req) }, { base: base(req), markPrinted: `${base(req)}/printed` }));
  router.get('/:scope/:scopeId/:date', (req, res) =>
    renderAgenda(services, res, { ...ref(req), day: String(req.params.date), viewer: 'staff', locale: readerLocale(req) }, { base: base(req), markPrinted: `${base(req)}/printed` }),
  );

  router.post('/:scope/:scopeId/printed', (req, res) => {
    // The whole input is read before the snapshot is written: a refusal after the commit would leave a print mark nobody asked for.
    const day = printedDay(req.body.day);
    services.agendas.markPrinted(actorOf(res), ref(req));
    flash(req, 'success', translate(readerLocale(req), 'ui.agenda.marked-printed'));
    res.redirect(303, `${base(req)}${day ? `/${day}` : ''}`);
  });

  return router;
}

/** The day page to return to after marking printed: none (the booklet) or a real date. */
function printedDay(raw: unknown): string | null {
  if (raw === undefined || raw === '') return null;
  if (isCalendarDate(raw)) return raw;
  throw new ValidationError({ day: calendarDateMessage('day to return to') });
}
