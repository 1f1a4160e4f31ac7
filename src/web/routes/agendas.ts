import { Router, type Request, type Response } from 'express';
import { calendarDateMessage, isCalendarDate } from '../../domain/calendar-date';
import { NotFoundError, ValidationError } from '../../domain/errors';
import type { Services } from '../../services';
import { AGENDA_SCOPES, type AgendaRequest } from '../../services/agendas';
import type { FeedScopeKind } from '../../domain/feed-scope';
import { actorOf, flash, idParam } from '../form';
import { readerLocale } from '../locale';

/** Renders one agenda (a day or the booklet) for staff or a secret link: the same page on screen and on paper. */
export function renderAgenda(services: Services, res: Response, req: AgendaRequest, links: { base: string; markPrinted: string | null }): void {
  const agenda = services.agendas.build(req);
  const forum = services.forums.get(req.forumId);
  res.render('pages/agenda/agenda', {
    title: `${agenda.scope.title} · ${req.day ?? 'all days'}`,
    bodyClass: 'agenda-page',
    agenda,
    forum,
    day: req.day,
    linkBase: links.base,
    markPrintedAction: links.markPrinted,
    days: agenda.days.map((d) => d.date),
  });
}

/** Staff agendas: /forums/:forumId/agenda/:scope/:scopeId[/:date] and marking one printed. */
export function agendaRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  const scopeOf = (req: Request): FeedScopeKind => {
    const scope = String(req.params.scope);
    if (!(AGENDA_SCOPES as readonly string[]).includes(scope)) throw new NotFoundError('Agendas are printed for a person, a delegation or a room.');
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
    flash(req, 'success', 'Marked as printed: the next printout marks what changed since now.');
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
