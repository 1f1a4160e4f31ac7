import { Router, type Request, type Response } from 'express';
import type { Conflict } from '../../domain/conflicts';
import { ConflictRefusal, DomainError, NotFoundError, StaleVersionError, ValidationError } from '../../domain/errors';
import type { Forum, Meeting } from '../../domain/types';
import { message, render } from '../../messages';
import { DEFAULT_LOCALE, isLocale, translate } from '../../messages/catalogue';
import { readerLocale } from '../locale';
import type { Services } from '../../services';
import { errorAnswerOf } from '../error-responses';
import { findTimeHref } from '../find-time-link';
import { actorOf, flash, idParam } from '../form';
import { conflictJsonIn } from '../presenters';

/**
 * The day grid as a planning surface (public/js/grid-drag.js), under
 * /forums/:forumId: while a card is dragged the page asks check-move what
 * the drop would meet (nothing written); the drop saves through
 * MeetingService.place, the same path as any edit. Both answer JSON only,
 * errors included, so the script never parses a page.
 */
export function gridDragRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  const forumOf = (req: Request): Forum => services.forums.get(idParam(req, 'forumId'));
  const load = (req: Request, forum: Forum): Meeting => {
    const meeting = services.meetings.get(idParam(req));
    if (meeting.forumId !== forum.id) throw new NotFoundError(translate(readerLocale(req), 'ui.grid.drag.not-in-forum', { id: meeting.id }));
    return meeting;
  };

  router.post('/meetings/:id/check-move', (req, res) => {
    answerJson(res, () => {
      const meeting = load(req, forumOf(req));
      // A page that shows an older version hears it now, before the drop: 412, as the drop would answer.
      const version = versionOf(req.body);
      if (version !== null && version !== meeting.version) throw new StaleVersionError(meeting, version);
      const { conflicts } = services.meetings.checkPlacement(meeting.id, req.body);
      const conflictJson = conflictJsonIn(readerLocale(req));
      const errors = conflicts.filter((c) => c.severity === 'error');
      // Refused: a confirmed meeting with an error-level clash (the save rule); a tentative one would save, clash shown.
      res.json({ errors: errors.map(conflictJson), warnings: conflicts.filter((c) => c.severity !== 'error').map(conflictJson), refused: meeting.status === 'confirmed' && errors.length > 0 });
    });
  });

  router.post('/meetings/:id/drop', (req, res) => {
    let forum: Forum | undefined;
    let meeting: Meeting | undefined;
    answerJson(
      res,
      () => {
        forum = forumOf(req);
        meeting = load(req, forum);
        const body = req.body as Record<string, unknown>;
        const status = body.status;
        if (status !== undefined && status !== '' && status !== 'tentative') throw new ValidationError({ status: message('place.status', {}) });
        const version = versionOf(body);
        const saved = services.meetings.place(actorOf(res), meeting.id, version, body, status === 'tentative' ? 'tentative' : undefined);
        const back = gridBack(body.back, forum) ?? `/forums/${forum.id}/grid`;
        const m = saved.meeting;
        const locale = readerLocale(req);
        const moved = { title: m.title, start: m.start.replace('T', ' '), end: m.end.slice(11) };
        const done = translate(locale, status === 'tentative' && meeting.status !== 'tentative' ? 'ui.grid.drag.moved-tentative' : 'ui.grid.drag.moved', moved);
        flash(req, 'success', done, { action: `/forums/${forum.id}/meetings/undo`, from: saved.auditId, to: saved.auditId, back });
        const warnings = saved.warnings.length;
        const conflictJson = conflictJsonIn(locale);
        if (warnings) flash(req, 'warning', translate(locale, 'ui.grid.drag.warnings', { count: warnings }));
        res.json({ meeting: { id: m.id, version: m.version, start: m.start, end: m.end, roomId: m.roomId, status: m.status }, warnings: saved.warnings.map(conflictJson), undo: { from: saved.auditId, to: saved.auditId }, notice: done });
      },
      (err) => {
        // A clash the save refused: why, and the two ways on (tentative, or another time for the same people and length).
        if (!(err instanceof ConflictRefusal) || !forum || !meeting) return false;
        const body = req.body as Record<string, unknown>;
        const errors = err.conflicts.filter((c: Conflict) => c.severity === 'error');
        const conflictJson = conflictJsonIn(readerLocale(req));
        res.status(409).json({
          // The panel shows it to the planner: in their language.
          error: render(err.said, readerLocale(req)),
          errors: errors.map(conflictJson),
          warnings: err.conflicts.filter((c: Conflict) => c.severity !== 'error').map(conflictJson),
          findTimeHref: findTimeHref(forum.id, { participants: meeting.participants, start: String(body.start), end: String(body.end), title: meeting.title }),
          tentative: true,
        });
        return true;
      },
    );
  });

  return router;
}

/** The version the page showed, when it says one. */
function versionOf(body: unknown): number | null {
  const v = (body as Record<string, unknown> | undefined)?.version;
  return (typeof v === 'number' && Number.isSafeInteger(v)) || (typeof v === 'string' && /^\d{1,9}$/.test(v)) ? Number(v) : null;
}

/** Runs a JSON handler; what it throws is answered as the API answers it (422 with fields, 404, 412 with the current version…). */
function answerJson(res: Response, handle: () => void, special: (err: unknown) => boolean = () => false): void {
  try {
    handle();
  } catch (err) {
    if (special(err)) return;
    const answer = errorAnswerOf(err);
    // Anything unexpected goes to the error handler, which logs it with its reference.
    if (answer.reference) throw err;
    const body = { ...answer.api, ...spokenTo(res, err), ...(err instanceof StaleVersionError ? { current: currentOf(err) } : {}) };
    res.status(answer.status).set(answer.headers).json(body);
  }
}

/** The panel shows `error` and `fields` to the planner: in their language (the API's own bodies stay English). */
function spokenTo(res: Response, err: unknown): { error?: string; fields?: Record<string, string> } {
  // A drop without a version is the API's 428 (say the version), not a sentence for the planner.
  if (!(err instanceof DomainError) || (err instanceof StaleVersionError && err.expectedVersion === null)) return {};
  const locale = isLocale(res.locals.locale) ? res.locals.locale : DEFAULT_LOCALE;
  const fields = err instanceof ValidationError ? { fields: Object.fromEntries(Object.entries(err.fieldMessages).map(([name, m]) => [name, render(m, locale)])) } : {};
  return { error: render(err.said, locale), ...fields };
}

/** What a stale drop tells the page of the meeting as it is now: enough to say where it went, not the whole record. */
function currentOf(err: StaleVersionError) {
  const current = err.current as Meeting | undefined;
  return current ? { id: current.id, version: current.version, start: current.start, end: current.end, roomId: current.roomId, status: current.status } : null;
}

/** The grid page a drop came from, for the notice's Undo to come back to; never another site or forum. */
export function gridBack(raw: unknown, forum: Forum): string | null {
  if (typeof raw !== 'string' || raw.length > 1000) return null;
  const prefix = `/forums/${forum.id}/grid/`;
  return raw.startsWith(prefix) && /^[\x21-\x7e]*$/.test(raw) && !raw.includes('//') ? raw : null;
}
