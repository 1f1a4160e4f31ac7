import { Router, type Request } from 'express';
import { DomainError, ValidationError } from '../../domain/errors';
import type { Forum, Meeting } from '../../domain/types';
import { message, render } from '../../messages';
import { translate, type Locale } from '../../messages/catalogue';
import type { Services } from '../../services';
import { BULK_ACTIONS, BULK_MODES, MAX_BULK, type BulkAction, type BulkMode, type BulkResult, type Selected } from '../../services/meetings';
import { formAnswerOf, noticeAnswerOf } from '../error-responses';
import { actorOf, flash, idParam } from '../form';
import { readerLocale } from '../locale';

/* How each bulk action reads on its button and in its result: ICU selects on {action} in ui-meetings.json (ui.meetings.bulk.*). */
/** Actions that reach delegates' calendars: asked again on a confirmation page first. */
const REACHING: readonly BulkAction[] = ['cancel', 'move'];

/** What the bulk form sent, read and bounded; `problem` says what to fix. */
interface BulkForm {
  selection: Selected[];
  action: BulkAction;
  mode: BulkMode;
  minutes: number | undefined;
  confirmed: boolean;
  back: string;
}

/**
 * Bulk edits from the meetings list (POST …/meetings/bulk), and undo of a
 * save, move, cancel or bulk edit (POST …/meetings/undo), under
 * /forums/:forumId/meetings. The policy table lets planners post both; which
 * changes a planner may undo (their own) is the service's.
 */
export function meetingEditRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  const forumOf = (req: Request): Forum => services.forums.get(idParam(req, 'forumId'));

  router.post('/bulk', (req, res) => {
    const forum = forumOf(req);
    const form = readBulkForm(req, forum);
    const locale = readerLocale(req);
    const meetings = services.meetings.list({ forumId: forum.id, ids: form.selection.map((s) => s.id) });
    if (REACHING.includes(form.action) && !form.confirmed) {
      // Who the edit reaches: every live link that shows any of the meetings, once, and the public feed.
      const links = new Map<number, { scope: string; scopeName: string; label: string }>();
      let publicFeed = false;
      for (const m of meetings) {
        const reach = services.feeds.reachOf(m);
        for (const l of reach.links) links.set(l.id, l);
        publicFeed ||= reach.publicFeed;
      }
      return res.render('pages/meetings/bulk-confirm', { title: translate(locale, 'ui.meetings.bulk.confirm-title', { action: form.action, count: meetings.length }), forum, form, meetings, reach: { links: [...links.values()], publicFeed } });
    }
    const result = services.edits.bulk(actorOf(res), forum.id, form.selection, form.action, form.mode, form.minutes);
    const titles = new Map<number, Meeting>(meetings.map((m) => [m.id, m]));
    res.status(result.rolledBack || !result.done.length ? 409 : 200).render('pages/meetings/bulk-result', {
      title: translate(locale, 'ui.meetings.bulk.title'),
      forum,
      form,
      result,
      refused: result.refused.map((r) => ({ id: r.id, title: r.title || titles.get(r.id)?.title || `#${r.id}`, reasons: r.reasons.map((m) => render(m, locale)) })),
      undo: undoOffer(forum, result, form.back),
    });
  });

  router.post('/undo', (req, res) => {
    const forum = forumOf(req);
    const back = safeBack(req.body.back, forum) ?? `/forums/${forum.id}/meetings`;
    const locale = readerLocale(req);
    try {
      const done = services.edits.undo(actorOf(res), forum.id, Number(req.body.from), Number(req.body.to));
      const said = done.restored.length === 1 ? translate(locale, 'ui.meetings.undo.done-one', { title: done.restored[0]!.meeting.title }) : translate(locale, 'ui.meetings.undo.done-many', { count: done.restored.length });
      flash(req, 'success', said, { action: `/forums/${forum.id}/meetings/undo`, from: done.audit.from, to: done.audit.to, back });
      const warned = done.restored.filter((r) => r.warnings.length).length;
      if (warned) flash(req, 'warning', translate(locale, 'ui.meetings.undo.warnings-again', { count: warned }));
      res.redirect(303, back);
    } catch (err) {
      const refusal = refusalOf(err, locale);
      if (!refusal) throw err;
      res.status(refusal.status).render('pages/meetings/undo-refused', { title: translate(locale, 'ui.meetings.undo.refused-title'), forum, reason: refusal.message, back });
    }
  });

  return router;
}

/** Why an undo was refused, as the status and sentence a user reads; null for an error the error handler answers. */
function refusalOf(err: unknown, locale: Locale): { status: number; message: string } | null {
  const form = formAnswerOf(err, locale);
  if (form) return { status: form.status, message: form.problems.formError ?? form.formMessage ?? (err as Error).message };
  const notice = noticeAnswerOf(err);
  return notice?.kind === 'notice' ? { status: notice.status, message: err instanceof DomainError ? render(err.said, locale) : notice.message } : null;
}

function undoOffer(forum: Forum, result: BulkResult, back: string) {
  return result.audit ? { action: `/forums/${forum.id}/meetings/undo`, from: result.audit.from, to: result.audit.to, back } : null;
}

/** The list the bulk form came from, when it is one of this forum's meeting lists or day grids (a drop's Undo); never another site. */
function safeBack(raw: unknown, forum: Forum): string | null {
  if (typeof raw !== 'string' || raw.length > 1000) return null;
  const prefix = `/forums/${forum.id}/meetings`;
  const ours = raw === prefix || raw.startsWith(`${prefix}?`) || raw.startsWith(`${prefix}/`) || raw.startsWith(`/forums/${forum.id}/grid/`);
  return ours ? (/^[\x21-\x7e]*$/.test(raw) && !raw.includes('//') ? raw : null) : null;
}

function readBulkForm(req: Request, forum: Forum): BulkForm {
  const body = req.body as Record<string, string | string[] | undefined>;
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const raw = list(body.meeting);
  if (!raw.length || raw.length > MAX_BULK) throw new ValidationError({ meetings: message('bulk.selection-size', { max: MAX_BULK }) });
  const selection: Selected[] = [];
  for (const item of raw) {
    const m = /^(\d{1,12}):(\d{1,9})$/.exec(item);
    if (!m) throw new ValidationError({ meetings: message('bulk.selection-size', { max: MAX_BULK }) });
    selection.push({ id: Number(m[1]), version: Number(m[2]) });
  }
  const action = typeof body.action === 'string' && (BULK_ACTIONS as readonly string[]).includes(body.action) ? (body.action as BulkAction) : null;
  if (!action) throw new ValidationError({ action: message('bulk.action', {}) });
  const mode = typeof body.mode === 'string' && (BULK_MODES as readonly string[]).includes(body.mode) ? (body.mode as BulkMode) : null;
  if (!mode) throw new ValidationError({ mode: message('bulk.mode', {}) });
  let minutes: number | undefined;
  if (action === 'move') {
    const typed = typeof body.minutes === 'string' ? body.minutes.trim().replace('−', '-') : '';
    minutes = /^[-+]?\d{1,5}$/.test(typed) ? Number(typed) : Number.NaN;
    if (!Number.isInteger(minutes) || minutes === 0 || Math.abs(minutes) > 24 * 60) throw new ValidationError({ minutes: message('meeting.move-by', { max: 24 * 60 }) });
  }
  return { selection, action, mode, minutes, confirmed: body.confirmed === 'yes', back: safeBack(body.back, forum) ?? `/forums/${forum.id}/meetings` };
}
